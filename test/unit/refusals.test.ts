import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError, refusalMessage } from "../../src/errors.js";
import { catalogues, locales, render, t } from "../../src/i18n/index.js";
import { type RefusalCode, refusals } from "../../src/refusals.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every TypeScript file under a folder of the project (generated code left out: it throws no refusals). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(".ts"))
    .map((f) => join(f.parentPath, f.name))
    .filter((path) => !path.includes(`${join("src", "generated")}`));
}

/**
 * The codes named in `new AppError(...)`'s first argument across src and flows: a literal, or a ternary of two
 * (`code ? "pass.not_found" : "pass.not_coming"`). A grep, not a parser: enough to find a code nobody throws.
 */
function thrownCodes(): Set<string> {
  const codes = new Set<string>();
  for (const path of [...sources("src"), ...sources("flows")]) {
    for (const call of readFileSync(path, "utf8").matchAll(/new AppError\(([^,]*)/g)) {
      for (const literal of call[1]!.matchAll(/"([\w.]+)"/g)) codes.add(literal[1]!);
    }
  }
  return codes;
}

describe("refusals", () => {
  const codes = Object.keys(refusals) as RefusalCode[];

  it("name what happened as <area>.<what>", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it("are each told by a message that exists in both catalogues", () => {
    for (const code of codes) {
      for (const locale of locales) expect(catalogues[locale][refusals[code]], `${code} (${locale})`).toBeTruthy();
    }
  });

  it("are each thrown somewhere, and only codes of the table are thrown", () => {
    const thrown = thrownCodes();
    expect(codes.filter((code) => !thrown.has(code))).toEqual([]);
    expect([...thrown].filter((code) => !(code in refusals))).toEqual([]);
  });

  it("keep the code for logs and render the mapped message with the params", () => {
    const error = new AppError("event.not_found", { code: "HARUSI-X" });
    expect(error.code).toBe("event.not_found");
    expect(error.message).toBe("event.not_found");
    for (const locale of locales)
      expect(render(locale, refusalMessage(error))).toBe(t(locale, "event.unknown_code", { code: "HARUSI-X" }));
    // Two happenings told by one message: the code still tells them apart.
    const notYours = new AppError("poll.not_organizer", { code: "P-1" });
    expect(refusalMessage(notYours)).toEqual(refusalMessage(new AppError("poll.not_found", { code: "P-1" })));
    expect(notYours.code).not.toBe("poll.not_found");
  });

  it("take the params of their message and no longer a message key as the code (type check)", () => {
    // @ts-expect-error a message key is not a refusal code: name what happened ("invitation.not_found")
    new AppError("link.invalid_code", { code: "X" });
    // @ts-expect-error the params are those of the mapped message ("event.unknown_code" has {code})
    new AppError("event.not_found", { event: "Harusi" });
    // @ts-expect-error and a message with placeholders needs them
    new AppError("event.not_found");
    expect(new AppError("amount.too_large").params).toEqual({});
  });
});
