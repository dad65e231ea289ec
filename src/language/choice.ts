// A choice among options on offer (a poll's dishes, a list of events) as people type it: the option's number ("2",
// "namba 2", "ya pili", "the second one"), or its words in any case, a distinctive part being enough ("ugali" for
// "Ugali na samaki"), around the words people say when choosing ("nachagua pilau", "I'll have the pilau please") and
// with the typos of a phone keyboard. A word two options share says nothing about which one: that reads as nothing,
// and the journey asks with buttons.
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

/** Words around a choice that carry no choice ("nachagua", "please", "the"); they neither help nor hurt. */
const filler = new Set([
  "nachagua",
  "nachangua",
  "chagua",
  "nimechagua",
  "tunachagua",
  "napenda",
  "nataka",
  "ningependa",
  "tungependa",
  "tunataka",
  "nipe",
  "tupe",
  "mimi",
  "sisi",
  "ni",
  "kura",
  "yangu",
  "yetu",
  "naomba",
  "tafadhali",
  "plz",
  "pls",
  "please",
  "asante",
  "chaguo",
  "jibu",
  "langu",
  "nachukua",
  "nitachukua",
  "basi",
  "tu",
  "sawa",
  "poa",
  "bora",
  "kwangu",
  "i",
  "ill",
  "i'll",
  "id",
  "i'd",
  "we",
  "we'll",
  "will",
  "have",
  "take",
  "want",
  "like",
  "prefer",
  "choose",
  "pick",
  "go",
  "with",
  "vote",
  "for",
  "my",
  "our",
  "choice",
  "is",
  "the",
  "a",
  "an",
  "one",
  "option",
  "ok",
  "okay",
  "thanks",
  "thank",
  "you",
]);

/** Words in an option that do not tell it from another ("na" in "Ugali na samaki"). */
const joiners = new Set([
  "na",
  "ya",
  "wa",
  "za",
  "la",
  "cha",
  "kwa",
  "and",
  "with",
  "of",
  "the",
  "a",
  "&",
  "+",
  "-",
  "or",
  "au",
]);

/** Words that turn the next option word into a refusal of it ("sitaki pilau", "not the fish"). */
const negations = new Set([
  "sitaki",
  "sipendi",
  "si",
  "sio",
  "siyo",
  "hapana",
  "bila",
  "not",
  "no",
  "dont",
  "don't",
  "without",
  "never",
]);

/** Ordinal words and the position they name: "ya pili", "the second", "la tatu". */
const ordinals: Record<string, number> = {
  kwanza: 1,
  pili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
  kumi: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  "1st": 1,
  "2nd": 2,
  "3rd": 3,
  "4th": 4,
  "5th": 5,
};
/** What may stand before a number or ordinal: "namba 2", "option 2", "no. 2", "#2", "ya pili". */
const numberLead = new Set([
  "namba",
  "nambari",
  "number",
  "no",
  "num",
  "option",
  "chaguo",
  "ya",
  "la",
  "wa",
  "the",
  "#",
]);

/**
 * Edit distance with two letters swapped counting as one slip ("briyani"), the commonest thumb typo; stops early once
 * it exceeds `max` (words are short; this stays cheap).
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still be itself: none below 5 letters, one to 7, two above. */
export const typosAllowed = (length: number): number => (length < 5 ? 0 : length < 8 ? 1 : 2);

/** How well a typed word names an option word: 1 exact, less with typos or as a clear beginning ("biri" no, "biriyan" yes). */
function wordMatch(typed: string, option: string): number {
  if (typed === option) return 1;
  const allowed = typosAllowed(Math.min(typed.length, option.length));
  if (allowed && editDistance(typed, option, allowed) <= allowed) return 0.85;
  // A plural or a suffix typed on the option's word ("chipsi" for "chips", "kukuu"): its start, long enough to tell.
  if (typed.length >= 5 && option.length >= 5 && (typed.startsWith(option) || option.startsWith(typed))) return 0.85;
  return 0;
}

/** The option number said as a number or an ordinal, when that is all the message says; else undefined. */
export function readOptionNumber(raw: string, count: number): Reading<number> | undefined {
  const tokens = words(raw.replace(/#/g, " # ")).tokens.filter(
    (t) => !filler.has(t) || t === "no" || t === "the" || t === "one",
  );
  // "2", "2.", "namba 2", "option 2", "ya pili", "the second one", "no 3"
  const rest = tokens.filter((t) => t !== "one" || tokens.length === 1);
  while (rest.length > 1 && numberLead.has(rest[0]!)) rest.shift();
  if (rest.length !== 1) return undefined;
  const word = rest[0]!.replace(/\.$/, "");
  const n = /^\d{1,2}$/.test(word) ? Number(word) : ordinals[word];
  if (n === undefined || n < 1 || n > count) return undefined;
  // A bare digit is what numbered choices ask for; a lead word or an ordinal is just as clear.
  return reading(n, 1);
}

/**
 * The option (1-based, as people number them) a message chooses, or undefined when it names none or several. An
 * exact option scores 1; its distinctive words 0.9 (0.85 with a typo); many words beside the choice lower it below
 * `sure`, so the journey asks instead of voting on a sentence that merely mentions a dish.
 */
export function readChoice(raw: string, options: readonly string[]): Reading<number> | undefined {
  if (!options.length) return undefined;
  const byNumber = readOptionNumber(raw, options.length);
  if (byNumber) return byNumber;
  const typed = words(raw).tokens;
  if (!typed.length) return undefined;
  const optionWords = options.map((o) => words(o).tokens);
  const text = typed.join(" ");
  // The whole option typed (any case, its words in a row) is the clearest choice; the longest such wins ("wali na
  // maharage" over "wali").
  const whole = optionWords
    .map((tokens, i) => ({ i, tokens }))
    .filter(
      ({ tokens }) =>
        tokens.length && ` ${text} `.includes(` ${tokens.join(" ")} `) && !negatedAt(typed, typed.indexOf(tokens[0]!)),
    )
    .sort((a, b) => b.tokens.length - a.tokens.length);
  if (whole.length && (whole.length === 1 || whole[0]!.tokens.length > whole[1]!.tokens.length)) {
    return reading(whole[0]!.i + 1, confidenceFor(typed, whole[0]!.tokens, 1));
  }
  // Otherwise the words that belong to one option only: how well the typed words name each option.
  const distinctive = optionWords.map((tokens, i) =>
    tokens.filter(
      (w) => !joiners.has(w) && !optionWords.some((other, j) => j !== i && other.some((o) => wordMatch(w, o) === 1)),
    ),
  );
  const scores = distinctive.map((tokens) => {
    let best = 0;
    for (const [k, t] of typed.entries()) {
      if (filler.has(t) || joiners.has(t)) continue;
      for (const w of tokens) {
        const m = wordMatch(t, w);
        if (m > 0 && !negatedAt(typed, k)) best = Math.max(best, m === 1 ? 0.9 : m);
      }
    }
    return best;
  });
  const top = Math.max(...scores);
  if (top === 0) return undefined;
  const winners = scores.flatMap((s, i) => (s > 0 ? [i] : []));
  // Two options named: "pilau au biryani" is not a choice yet.
  if (winners.length !== 1) return undefined;
  const i = winners[0]!;
  return reading(i + 1, confidenceFor(typed, optionWords[i]!, top));
}

/** True when the word at k is refused by the word before it ("sitaki pilau", "not the fish"). */
function negatedAt(tokens: readonly string[], k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    if (negations.has(tokens[j]!)) return true;
    if (!filler.has(tokens[j]!) && !joiners.has(tokens[j]!)) return false;
  }
  return false;
}

/** A choice among many other words ("pilau ilikuwa tamu sana jana") is less sure: it may be talk about the dish. */
function confidenceFor(typed: readonly string[], option: readonly string[], base: number): number {
  const other = typed.filter(
    (t) => !filler.has(t) && !joiners.has(t) && !option.some((o) => wordMatch(t, o) > 0),
  ).length;
  return other <= 1 ? base : other === 2 ? base * 0.9 : base * 0.6;
}
