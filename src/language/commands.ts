// Commands as people type them on a phone: without the slash, with words after them ("changia elfu hamsini", "alika
// HARUSI-QBD 0713 456 701 Juma"), and the closest commands when what they typed is none ("nataka kuunda tukio" ->
// /tukiompya). Pure and cheap: the shape of the arguments is read only when a message starts with a command's name.
import { parseAmount } from "../../flows/event-input.js";
import { editDistance, typosAllowed } from "./choice.js";
import { words } from "./text.js";

/** Whether the words after a command's name, typed without the slash, read as that command's arguments. */
export type ArgsShape = (args: string) => boolean;

/** An event code "HARUSI-QBD" or a reference "P-7K2QX", "T-…", "B-…", "S-…", "M-…", "IN-…" opening the arguments. */
const codeFirst = /^[a-z0-9_]+-[a-z0-9_-]*[0-9a-z]\b/i;
/** A phone number opening them: "0713 456 701", "+255 713 456 701", "255713456701". */
const phoneFirst = /^\+?\d[\d\s-]{6,}\d/;
/** A code typed alone: an invitation's or a pass's (letters and digits, typed in capitals or holding a digit). */
const loneCode = (raw: string) => /^[A-Z0-9]{4,}$/.test(raw) || (/^[a-z0-9]{5,}$/i.test(raw) && /\d/.test(raw));

/**
 * The rule for every command: the arguments start with a code or reference, a phone number or digits, or hold the
 * field separators (`|` or new lines). An ordinary sentence that merely starts with a command word ("help me
 * please", "cancel the wedding now", "jibu lako ni nini") has none of these, and stays conversation.
 */
export function looksLikeArgs(args: string, options: { numbers?: boolean } = {}): boolean {
  const a = args.trim();
  if (!a) return true;
  if (a.includes("|") || a.includes("\n")) return true;
  if (codeFirst.test(a)) return true;
  if (options.numbers !== false && (phoneFirst.test(a) || /^\d/.test(a))) return true;
  return !/\s/.test(a) && loneCode(a);
}

/** Words after the command that are an amount: "elfu hamsini", "50k", "laki 5", "TSh 20,000". */
export const amountArgs: ArgsShape = (args) => parseAmount(args) !== undefined;

/** Words ending in an amount: "Maua 300000", "keki elfu 500". */
export const titleThenAmount: ArgsShape = (args) => {
  const tokens = args.trim().split(/\s+/);
  for (let k = 1; k <= Math.min(3, tokens.length - 1); k++)
    if (parseAmount(tokens.slice(-k).join(" ")) !== undefined) return true;
  return false;
};

/** A language's code or name: "language en", "lugha sw", "lugha kiswahili". */
export const languageArgs: ArgsShape = (args) => /^(en|sw|english|kiingereza|swahili|kiswahili)$/i.test(args.trim());

/**
 * Shapes beyond the general rule, by a command's first English name: what the rest of a message must be for these
 * commands to be taken without the slash. A journey may declare its own (Command.takes), which wins.
 */
/** One code, in any letter case ("fungua jbvsefufhx"): what start/open/fungua take (a code may hold no digit). */
export const codeArgs: ArgsShape = (args) => /^[a-z0-9_-]{4,64}$/i.test(args.trim());

export const argumentShapes: Readonly<Record<string, ArgsShape>> = {
  start: codeArgs,
  contribute: amountArgs,
  expense: titleThenAmount,
  language: languageArgs,
};

/** A command's names and help lines, for suggestions: what the person could have meant. */
export interface CommandEntry {
  /** every name, both languages, lower case */
  names: string[];
  /** the help line's words in each language (the line as the person reads it) */
  help: Record<string, string>;
}

/** Words too common to point at a command. */
const stop = new Set([
  "the",
  "and",
  "for",
  "your",
  "you",
  "with",
  "what",
  "that",
  "this",
  "from",
  "its",
  "all",
  "one",
  "who",
  "how",
  "want",
  "need",
  "please",
  "na",
  "ya",
  "wa",
  "za",
  "la",
  "kwa",
  "cha",
  "vya",
  "kila",
  "yako",
  "zako",
  "wako",
  "nataka",
  "naomba",
  "tafadhali",
  "mimi",
  "hii",
  "hiyo",
  "kama",
  "kwenye",
  "jinsi",
  "gani",
  "code",
  "namba",
  "event",
  "tukio",
  "matukio",
  "events",
]);

/** Swahili verbs in their infinitive or with a subject ("kuunda", "nataka kuunda") meet the help line's stem ("unda"). */
function stem(word: string): string {
  if (word.length > 5 && /^ku[a-z]/.test(word)) return word.slice(2);
  if (word.length > 5 && /^(na|ni|tu|wa|u|m)(ta|na|me|li)[a-z]{3}/.test(word))
    return word.replace(/^(na|ni|tu|wa|u|m)(ta|na|me|li)/, "");
  return word.replace(/(s|es)$/, "").length >= 4 ? word.replace(/(es|s)$/, "") : word;
}

/** What a help line says the command does: after the dash, before its example ("e.g.", "mfano") or its aside. */
function description(line: string): string {
  const said =
    line
      .split(/\s[–-]\s/)
      .slice(1)
      .join(" ") || line;
  return said.split(/,?\s(?:e\.g\.|mfano|or in one line|au kwa mstari)|\(|:/)[0]!;
}

export interface Suggester {
  /** the commands (at most `max`) a message that is no command most likely meant, best first */
  suggest(text: string, max?: number): number[];
}

/**
 * An index of the commands by their names (matched with typos) and the words of their help lines, weighted so a word
 * found in many lines ("tukio") counts less than one found in one ("unda"). Built once, at start-up.
 */
export function buildSuggester(entries: readonly CommandEntry[]): Suggester {
  const lineWords = entries.map((e) => {
    const all = Object.values(e.help).flatMap((line) => words(description(line)).tokens);
    return new Set(all.filter((w) => w.length >= 3 && !stop.has(w) && /^[a-z]+$/.test(w)).map(stem));
  });
  const df = new Map<string, number>();
  for (const set of lineWords) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  return {
    suggest(text, max = 2) {
      const typed = words(text).tokens.filter((w) => w.length >= 3 && /^[a-z]+$/.test(w) && !stop.has(w));
      if (!typed.length) return [];
      const scores = entries.map((entry, i) => {
        let score = 0;
        for (const w of typed) {
          // A name typed with a slip ("tukiompy", "mwaliko" for "mialiko"; the first letter is rarely the slip: "there"
          // is not "where") or a word the name holds ("guest" -> guests, "kuunda" -> undatukio).
          const nameHit = entry.names.some((n) => {
            const allowed = typosAllowed(Math.min(n.length, w.length));
            const s = stem(w);
            return (
              n === w ||
              (s.length >= 4 && (n.startsWith(s) || s === n || stem(n) === s)) ||
              (allowed > 0 && n[0] === w[0] && editDistance(w, n, allowed) <= allowed)
            );
          });
          if (nameHit) score += 2;
          const s = stem(w);
          if (lineWords[i]!.has(s)) score += 1 / (df.get(s) ?? 1);
        }
        return { i, score };
      });
      const ranked = scores.filter((s) => s.score >= 0.5).sort((a, b) => b.score - a.score);
      if (!ranked.length) return [];
      // Only the ones close to the best: a weak second guess is noise.
      return ranked
        .filter((s) => s.score >= ranked[0]!.score * 0.6)
        .slice(0, max)
        .map((s) => s.i);
    },
  };
}
