// The understanding layer measured on its corpus: each group must read at least 97 % of its lines as expected. The
// failures are printed, so a drop says which sentences it was.
import { describe, expect, it } from "vitest";
import { checkGroup, loadCorpus } from "../support/understanding-corpus.js";

const corpus = loadCorpus();
const required = 0.97;

describe("the understanding corpus", () => {
  it("holds at least 400 lines as people write them", () => {
    const total = [...corpus.values()].reduce((n, lines) => n + lines.length, 0);
    expect(total).toBeGreaterThanOrEqual(400);
  });

  for (const [group, lines] of corpus) {
    it(`reads the ${group} group (${lines.length} lines) at ${required * 100} % or better`, () => {
      const result = checkGroup(group, lines);
      const report = result.failures
        .map(
          (f) =>
            `  ${JSON.stringify(f.line.text)}: expected ${JSON.stringify(f.line.expect)}, got ${JSON.stringify(f.got)}`,
        )
        .join("\n");
      if (result.failures.length) console.log(`${group}: ${result.passed}/${result.total}\n${report}`);
      expect(result.passed / result.total, report).toBeGreaterThanOrEqual(required);
    });
  }
});
