// How many people come, as guests say it: "3", "watu 3", "tuko wanne", "we are 3", "+1", "me +2", "family of five",
// "mimi na mke wangu", "nitakuja na watoto wawili", "mimi, mke wangu na watoto watatu", "peke yangu", "just me".
//
// The count is always the person's WHOLE party, themselves included (what the invitation asks: "how many people in
// total, you included?"):
// - a number said of the group ("watatu", "tuko 4", "3 people", "sisi wawili", "family of five") is that total;
// - people named beside the person ("mke wangu", "my wife", "rafiki", "wazazi wangu" = 2, "watoto wawili", "+2",
//   "with 2 friends") are added to the person: "mimi na mke wangu" = 2, "pamoja na wazazi wangu" = 3,
//   "tutakuja na watoto wawili" = 3 (the speaker and the children; a "we" with no number says no more);
// - when both are said, the group's number wins ("tuko wanne: mimi, mke na watoto wawili" = 4);
// - companions without a count ("na watoto", "with the kids", "familia yangu") leave the count unknown, so the journey
//   asks rather than guesses;
// - "peke yangu", "mimi tu", "just me", "alone" = 1.
// Numbers that belong to a time, a date or an amount ("saa tatu", "tarehe 20", "elfu 50", "two hundred") are not
// people. The range (1..20) is the journey's to check, so "50" reads as 50 and is refused there with a reason.
//
// The counting words live in party-numbers.ts, the words for people in party-words.ts; this file walks the tokens
// and adds up what they say.
import { type NumberAt, notPeopleAfter, notPeopleBefore, numberAt, numbers } from "./party-numbers.js";
import {
  alone,
  alonePhrases,
  companionsAfter,
  companionsBefore,
  onePerson,
  partyWords,
  possessives,
  twoPeople,
  uncounted,
  withWords,
  without,
} from "./party-words.js";
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

/** Whether the phrase `parts` starts at tokens[i] ("peke yangu"). */
function startsAt(tokens: string[], i: number, parts: string[]): boolean {
  for (let j = 0; j < parts.length; j++) if (tokens[i + j] !== parts[j]) return false;
  return true;
}

/** True when every word is about the party: such a message is an answer by itself ("watatu", "me and my wife"). */
export function onlyParty(tokens: string[]): boolean {
  return tokens.every(
    (t) =>
      partyWords.has(t) ||
      t in numbers ||
      /^\d{1,3}$|^[a-z]*\+\d{1,2}$|^\+$|^wa\d{1,2}$/.test(t) ||
      onePerson.has(t) ||
      twoPeople.has(t) ||
      uncounted.has(t) ||
      companionsBefore.has(t) ||
      companionsAfter.has(t) ||
      possessives.has(t) ||
      alone.has(t),
  );
}

/** What the words say about the party so far, filled token by token, then read by `verdict`. */
interface Tally {
  /** a number said of the whole group ("tuko wanne", "3 people"): it wins over everything else */
  total: number | undefined;
  /** "2 adults": people counted with the speaker among them */
  adults: number;
  /** people beside the speaker ("mke wangu", "watoto wawili", "+2") */
  companions: number;
  /** people named without a count ("na watoto"): the party cannot be known */
  unknown: boolean;
  /** "peke yangu", "just me" */
  single: boolean;
  /** two different totals ("2 au 3"): asked, not guessed */
  conflict?: boolean;
  /** tokens already read as part of a count ("wawili" in "watoto wawili") */
  counted: Uint8Array;
}

/** Reads the party from tokens (shared with the RSVP reader, which has already normalised the message). */
export function partyOf(tokens: string[]): Reading<number> | undefined {
  const tally: Tally = {
    total: undefined,
    adults: 0,
    companions: 0,
    unknown: false,
    single: false,
    counted: new Uint8Array(tokens.length),
  };
  for (let i = 0; i < tokens.length; i++) {
    if (tally.counted[i]) continue;
    const t = tokens[i]!;
    if (alonePhrases.some((p) => startsAt(tokens, i, p))) {
      tally.single = true;
      continue;
    }
    const negated = i > 0 && without.has(tokens[i - 1]!);
    // "+1", "me+2": that many beside the speaker.
    const plus = /^(?:[a-z]*)\+(\d{1,2})$/.exec(t);
    if (plus) {
      tally.companions += Number(plus[1]);
      continue;
    }
    const n = numberAt(tokens, i);
    if (n) i += countNumber(tokens, i, n, negated, tally) - 1;
    else if (!negated) countWord(tokens, i, tally);
  }
  // "ndiyo nitakuja, mke wangu hatakuja", "my wife won't": someone named is not coming; asked, not guessed.
  if (tally.companions && tokens.some((t) => notComing.test(t))) tally.unknown = true;
  return verdict(tally);
}

/** A third person's "will not come" (hatakuja, hatafika, hataweza) or English's won't / can't / isn't. */
const notComing = /^(hata(ku)?(ja|fika|weza|hudhuria|kuwepo)|wont|cant|isnt|arent)$/;

/**
 * A number at tokens[i]: the group's total ("tuko 4"), adults ("2 adults"), or companions beside the speaker
 * ("watoto wawili", "2 kids", "na watu 3"); nothing when it is a time, a date or an amount ("saa tatu").
 * Returns how many tokens it read.
 */
function countNumber(tokens: string[], i: number, n: NumberAt, negated: boolean, tally: Tally): number {
  const before = tokens[i - 1] ?? "";
  const after = tokens[i + n.length] ?? "";
  if (notPeopleBefore.has(before) || notPeopleAfter.has(after)) return 1;
  // A number of companions: after their noun ("watoto wawili", "watoto wangu wawili") or before it ("2 kids").
  let k = i - 1;
  while (k >= 0 && possessives.has(tokens[k]!)) k--;
  const noun = tokens[k] ?? "";
  const led = (at: number) =>
    at >= 0 && (withWords.has(tokens[at]!) || tokens[at] === "bring" || tokens[at] === "plus");
  const beside =
    companionsBefore.has(noun) ||
    onePerson.has(noun) ||
    before === "+" ||
    before === "plus" ||
    ((noun === "watu" || noun === "people") && led(k - 1));
  const nounAfter = companionsAfter.has(after) ? after : "";
  if (nounAfter === "adults") {
    tally.adults += n.value;
    tally.counted[i + n.length] = 1;
  } else if (
    beside ||
    (nounAfter && nounAfter !== "people" && nounAfter !== "persons" && nounAfter !== "watu") ||
    ((nounAfter === "people" || nounAfter === "persons") && led(i - 1))
  ) {
    if (!negated) tally.companions += n.value;
    if (nounAfter) tally.counted[i + n.length] = 1;
    if (beside && k >= 0) tally.counted[k] = 1;
  } else if (tally.total === undefined) tally.total = n.value;
  // "2 au 3", "2 or 3": two different totals; asked, not guessed.
  else if (tally.total !== n.value) tally.conflict = true;
  for (let j = i; j < i + n.length; j++) tally.counted[j] = 1;
  return n.length;
}

/** A word naming people without a number before it: two ("wazazi"), one ("mke"), some ("watoto"), or nobody else. */
function countWord(tokens: string[], i: number, tally: Tally): void {
  const t = tokens[i]!;
  if (twoPeople.has(t)) tally.companions += 2;
  else if (onePerson.has(t)) {
    // "mtoto mmoja", "rafiki wangu mmoja": the number that follows counts them.
    if (!countFollows(tokens, i)) tally.companions += 1;
  } else if (t === "plus" && tokens[i + 1] === "one") {
    tally.companions += 1;
    tally.counted[i + 1] = 1;
  } else if (uncounted.has(t)) {
    // "watoto wawili", "watoto wangu wawili": the number that follows counts them.
    if (!countFollows(tokens, i)) tally.unknown = true;
  } else if (alone.has(t)) tally.single = true;
  else if (t === "both" || t === "couple" || t === "wote2") tally.total ??= 2;
}

/** Whether a number follows the noun at tokens[i], past its possessives ("watoto wangu wawili"). */
function countFollows(tokens: string[], i: number): boolean {
  let k = i + 1;
  while (k < tokens.length && possessives.has(tokens[k]!)) k++;
  return k < tokens.length && numberAt(tokens, k) !== undefined;
}

/** The party the tally says: the group's number first, then adults, then the speaker with companions. */
function verdict(tally: Tally): Reading<number> | undefined {
  if (tally.total !== undefined) return tally.conflict ? undefined : reading(tally.total);
  if (tally.adults) return reading(tally.adults + tally.companions);
  if (tally.companions) return tally.unknown ? undefined : reading(1 + tally.companions, 0.95);
  if (tally.unknown) return undefined;
  if (tally.single) return reading(1);
  return undefined;
}

/** "watatu" -> 3, "mimi na mke wangu" -> 2, "me +2" -> 3, "just me" -> 1; undefined when no count is said. */
export function readPartySize(raw: string): Reading<number> | undefined {
  if (!raw || raw.length > 300) return undefined;
  // "-1" is not a party (the normaliser drops a lone dash).
  if (/(?:^|\s)-\s*\d/.test(raw)) return undefined;
  return partyOf(words(raw).tokens.map((t) => t.replace(/'/g, "")));
}
