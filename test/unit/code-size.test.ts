// Files small enough to read in one sitting (issue 23): no file in src or flows over 300 lines. Functions over 80
// lines are caught by Biome (complexity/noExcessiveLinesPerFunction in biome.json, run by `npm run lint`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const maxLines = 300;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

describe("file sizes", () => {
  it(`keeps every file of src and flows at ${maxLines} lines or fewer`, () => {
    const long = [join(root, "src"), join(root, "flows")]
      .flatMap(sources)
      .map((path) => ({ path: relative(root, path), lines: readFileSync(path, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > maxLines);
    expect(long).toEqual([]);
  });
});
