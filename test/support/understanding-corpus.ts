// The corpus of lines as people write them (test/fixtures/understanding/<group>.jsonl), each with what it should be
// read as, and the reader each group is checked against. Shared by the suite (test/unit/understanding-corpus.test.ts)
// and the bench (bench/understand.ts), so both measure the same thing.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

export interface CorpusLine {
  /** what the person typed */
  text: string;
  /** the language the person writes in ("mixed" for both in one line) */
  lang?: "sw" | "en" | "mixed";
  /** what the reader should return, as JSON (null: not understood, the journey asks or helps) */
  expect: unknown;
  /** what the reader is given beside the text (the options on offer, "now" and the zone) */
  context?: Record<string, unknown>;
  /** why this line is here (a trap, a typo) */
  note?: string;
}

/** A group's reader, its result made comparable with `expect` (plain JSON). */
export type GroupReader = (line: CorpusLine) => unknown;

/**
 * The readers, one per group (the file name without .jsonl). A group file without an entry here fails the suite,
 * so no corpus line goes unchecked.
 */
export const groupReaders: Record<string, GroupReader> = {
  // groups: (each reader's entry is added beside its module)
};

const dir = join(import.meta.dirname, "../fixtures/understanding");

export function loadCorpus(): Map<string, CorpusLine[]> {
  const groups = new Map<string, CorpusLine[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    const lines = readFileSync(join(dir, file), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.trimStart().startsWith("//"))
      .map((l, i) => {
        try {
          return JSON.parse(l) as CorpusLine;
        } catch {
          throw new Error(`${file}:${i + 1} is not JSON: ${l}`);
        }
      });
    groups.set(file.replace(/\.jsonl$/, ""), lines);
  }
  return groups;
}

export interface GroupResult {
  group: string;
  total: number;
  passed: number;
  failures: { line: CorpusLine; got: unknown }[];
}

/** Reads every line of a group and compares it with what it should be. */
export function checkGroup(group: string, lines: CorpusLine[]): GroupResult {
  const reader = groupReaders[group];
  if (!reader) throw new Error(`corpus group "${group}" has no reader in test/support/understanding-corpus.ts`);
  const failures: GroupResult["failures"] = [];
  for (const line of lines) {
    let got: unknown;
    try {
      got = comparable(reader(line));
    } catch (error) {
      got = `threw: ${(error as Error).message}`;
    }
    if (!isDeepStrictEqual(got, line.expect)) failures.push({ line, got });
  }
  return { group, total: lines.length, passed: lines.length - failures.length, failures };
}

/** undefined -> null, Dates -> ISO strings: what JSON can say. */
function comparable(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
