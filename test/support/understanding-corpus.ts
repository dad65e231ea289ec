// The corpus of lines as people write them (test/fixtures/understanding/<group>.jsonl), each with what it should be
// read as, and the reader each group is checked against. Shared by the suite (test/unit/understanding-corpus.test.ts)
// and the bench (bench/understand.ts), so both measure the same thing.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { readAnswer } from "../../src/language/answer.js";
import { readPartySize } from "../../src/language/party.js";
import { readRsvp } from "../../src/language/rsvp.js";
import { parseCommand } from "../../src/engine/commands.js";
import { buildRegistry } from "../../src/engine/registry.js";
import { journeys } from "../../src/journeys/index.js";
import { readChoice } from "../../src/language/choice.js";
import { readDateTime } from "../../src/language/dates.js";
import { readMoney } from "../../src/language/money.js";
import { readQuestion } from "../../src/language/question.js";
import { isSure } from "../../src/language/reading.js";

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
  // answers: "accepted" | "declined" | "maybe" | null, whatever the confidence (the journey asks when it is low)
  answers: (line) => readAnswer(line.text)?.value ?? null,
  // party: the whole party, the person included; null when no count is said
  party: (line) => readPartySize(line.text)?.value ?? null,
  // rsvp: {"answer", "party"?} one message carries; null when it is no answer (a question, a lone number)
  rsvp: (line) => readRsvp(line.text)?.value ?? null,
  // dates: the ISO instant (UTC), {"date"} for a day without its time, {"time"} for a time without its day; null
  // when not sure. context: {"now": ISO, "timeZone": IANA}
  dates: (line) => {
    const r = readDateTime(line.text, {
      timeZone: String(line.context?.timeZone ?? "Africa/Dar_es_Salaam"),
      now: new Date(String(line.context?.now)),
    });
    if (!isSure(r)) return null;
    const v = r.value;
    if (v.kind === "instant") return v.at.toISOString();
    if (v.kind === "date") return { date: v.date };
    return { time: `${String(v.hour).padStart(2, "0")}:${String(v.minute).padStart(2, "0")}` };
  },
  // money: the amount when sure (a bare number inside a sentence is not)
  money: (line) => {
    const r = readMoney(line.text);
    return isSure(r) ? r.value : null;
  },
  // a poll's option (1-based) when sure enough to vote; null: not a choice, or the journey asks with buttons
  choice: (line) => {
    const r = readChoice(line.text, (line.context?.options as string[] | undefined) ?? []);
    return isSure(r) ? r.value : null;
  },
  // what a question asks about the event, sorted
  questions: (line) => {
    const r = readQuestion(line.text);
    return isSure(r) ? r.value : null;
  },
  // a command typed with or without the slash, against the real registry: its first English name and its arguments
  commands: (line) => {
    const { registry, names } = corpusRegistry();
    const parsed = parseCommand(line.text, names, registry.takes);
    return parsed && { name: registry.commands.get(parsed.name)!.en[0], args: parsed.args };
  },
};

// The registry is built on first use: groups that do not need it pay nothing.
let built: { registry: ReturnType<typeof buildRegistry>; names: ReadonlySet<string> } | undefined;
function corpusRegistry() {
  if (!built) {
    const registry = buildRegistry(journeys);
    built = { registry, names: new Set(registry.commands.keys()) };
  }
  return built;
}

const dir = join(import.meta.dirname, "../fixtures/understanding");

export function loadCorpus(): Map<string, CorpusLine[]> {
  const groups = new Map<string, CorpusLine[]>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
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
