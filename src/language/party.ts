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
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

const numbers: Record<string, number> = {
  // Kiswahili, people forms (watu watatu) and plain counting (moja, mbili)
  mmoja: 1,
  moja: 1,
  wawili: 2,
  mbili: 2,
  watatu: 3,
  tatu: 3,
  wanne: 4,
  nne: 4,
  watano: 5,
  tano: 5,
  sita: 6,
  saba: 7,
  wanane: 8,
  nane: 8,
  tisa: 9,
  kenda: 9,
  kumi: 10,
  ishirini: 20,
  // English
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** The number at tokens[i] ("3", "watatu", "kumi na wawili"), and how many tokens it takes. */
function numberAt(tokens: string[], i: number): { value: number; length: number } | undefined {
  const t = tokens[i]!;
  if (/^\d{1,3}$/.test(t)) return { value: Number(t), length: 1 };
  // "wa3", "wa2": watatu, wawili as typed in SMS.
  const sms = /^wa(\d{1,2})$/.exec(t);
  if (sms) return { value: Number(sms[1]), length: 1 };
  const n = numbers[t];
  if (n === undefined) return undefined;
  // "kumi na mbili", "kumi na wawili": ten and two.
  if (n === 10 && tokens[i + 1] === "na") {
    const unit = numbers[tokens[i + 2] ?? ""];
    if (unit !== undefined && unit < 10) return { value: 10 + unit, length: 3 };
  }
  return { value: n, length: 1 };
}

// Words around a number that make it a time, a date, a duration or an amount, not people.
const notPeopleBefore = new Set([
  "saa",
  "tarehe",
  "at",
  "on",
  "by",
  "before",
  "after",
  "ya",
  "siku",
  "wiki",
  "mwezi",
  "miezi",
  "mara",
  "elfu",
  "laki",
  "milioni",
  "mia",
  "sh",
  "tsh",
  "ksh",
  "namba",
  "number",
  "no",
  "room",
  "chumba",
  "meza",
  "table",
  "page",
  "code",
  "nambari",
]);
const notPeopleAfter = new Set([
  "am",
  "pm",
  "asubuhi",
  "mchana",
  "alasiri",
  "jioni",
  "usiku",
  "elfu",
  "laki",
  "milioni",
  "mia",
  "hundred",
  "thousand",
  "million",
  "k",
  "m",
  "oclock",
  "kamili",
  "days",
  "day",
  "siku",
  "weeks",
  "wiki",
  "hours",
  "hrs",
  "masaa",
  "saa",
  "times",
  "mara",
  "years",
  "yrs",
  "miaka",
  "tsh",
  "sh",
  "ksh",
  "shillings",
]);

// People counted beside the speaker: a number after these ("watoto wawili") or before these ("2 kids") adds to them.
const companionsBefore = new Set([
  "watoto",
  "wageni",
  "marafiki",
  "wenzangu",
  "wenzetu",
  "ndugu",
  "wengine",
  "jamaa",
  "wadogo",
  "wazee",
  "wanangu",
  "kids",
  "children",
  "friends",
  "guests",
  "others",
  "relatives",
]);
const companionsAfter = new Set([
  "kids",
  "children",
  "friends",
  "guests",
  "others",
  "more",
  "relatives",
  "watoto",
  "wageni",
  "marafiki",
  "wenzangu",
  "wengine",
  "people",
  "persons",
  "watu",
  "adults",
  "child",
  "kid",
  "friend",
  "guest",
  "other",
  "person",
]);
const possessives = new Set(["wangu", "yangu", "zangu", "wetu", "yetu", "my", "our"]);
const withWords = new Set(["na", "with", "plus", "pamoja", "and", "+"]);
// One person named beside the speaker ("mke wangu", "my wife", "rafiki").
const onePerson = new Set([
  "mke",
  "mume",
  "mchumba",
  "mpenzi",
  "rafiki",
  "mwenzangu",
  "mwenzi",
  "dada",
  "kaka",
  "mama",
  "baba",
  "mtoto",
  "mwanangu",
  "binti",
  "shemeji",
  "bibi",
  "babu",
  "mjomba",
  "shangazi",
  "binamu",
  "mwenza",
  "mumewe",
  "mkewe",
  "wife",
  "husband",
  "partner",
  "spouse",
  "girlfriend",
  "boyfriend",
  "fiance",
  "fiancee",
  "friend",
  "mum",
  "mom",
  "mother",
  "dad",
  "father",
  "sister",
  "brother",
  "son",
  "daughter",
  "kid",
  "child",
  "cousin",
  "colleague",
  "date",
  "bestie",
  "hubby",
  "wifey",
  "bae",
  "mama'ke",
  "babake",
  "mamake",
]);
// Two people in one word.
const twoPeople = new Set(["wazazi", "parents", "mapacha", "twins"]);
// People named without a count: the party cannot be known from the words.
const uncounted = new Set([
  "watoto",
  "familia",
  "family",
  "marafiki",
  "friends",
  "kids",
  "children",
  "wenzangu",
  "wageni",
  "guests",
  "jamaa",
  "ndugu",
  "wengine",
  "others",
]);
// Not counting: "bila mke wangu" (without my wife).
const without = new Set(["bila", "without", "except", "isipokuwa"]);

const alonePhrases = [
  "peke yangu",
  "pekee yangu",
  "mimi tu",
  "mimi pekee",
  "mimi mwenyewe",
  "just me",
  "only me",
  "me alone",
  "by myself",
  "myself only",
  "just myself",
  "me only",
  "mimi peke",
  "solo",
].map((p) => p.split(" "));
const alone = new Set(["alone", "peke", "solo", "myself"]);

function startsAt(tokens: string[], i: number, parts: string[]): boolean {
  for (let j = 0; j < parts.length; j++) if (tokens[i + j] !== parts[j]) return false;
  return true;
}

// Words a message made only of a party may hold ("tuko watatu", "mimi na mke wangu", "we are 3 in total").
const partyWords = new Set([
  "mimi",
  "sisi",
  "me",
  "i",
  "we",
  "us",
  "are",
  "were",
  "am",
  "tuko",
  "tupo",
  "niko",
  "tutakuwa",
  "tunakuwa",
  "wote",
  "of",
  "the",
  "a",
  "an",
  "and",
  "na",
  "pamoja",
  "with",
  "watu",
  "people",
  "persons",
  "person",
  "pax",
  "ppl",
  "jumla",
  "kwa",
  "total",
  "in",
  "all",
  "tu",
  "just",
  "only",
  "mwenyewe",
  "pekee",
  "both",
  "couple",
  "ya",
  "wa",
  "adults",
  "wazima",
  "plus",
  "party",
  "be",
  "will",
  "it",
  "is",
  "its",
  "coming",
  "bring",
  "ill",
  "im",
  "yangu",
  "wangu",
]);

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

/** Reads the party from tokens (shared with the RSVP reader, which has already normalised the message). */
export function partyOf(tokens: string[]): Reading<number> | undefined {
  let total: number | undefined;
  let adults = 0;
  let companions = 0;
  let unknown = false;
  let single = false;
  const counted = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    if (counted[i]) continue;
    const t = tokens[i]!;
    if (alonePhrases.some((p) => startsAt(tokens, i, p))) {
      single = true;
      continue;
    }
    const negated = i > 0 && without.has(tokens[i - 1]!);
    // "+1", "me+2": that many beside the speaker.
    const plus = /^(?:[a-z]*)\+(\d{1,2})$/.exec(t);
    if (plus) {
      companions += Number(plus[1]);
      continue;
    }
    const n = numberAt(tokens, i);
    if (n) {
      const before = tokens[i - 1] ?? "";
      const after = tokens[i + n.length] ?? "";
      if (notPeopleBefore.has(before) || notPeopleAfter.has(after)) continue;
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
        adults += n.value;
        counted[i + n.length] = 1;
      } else if (
        beside ||
        (nounAfter && nounAfter !== "people" && nounAfter !== "persons" && nounAfter !== "watu") ||
        ((nounAfter === "people" || nounAfter === "persons") && led(i - 1))
      ) {
        if (!negated) companions += n.value;
        if (nounAfter) counted[i + n.length] = 1;
        if (beside && k >= 0) counted[k] = 1;
      } else if (total === undefined) total = n.value;
      for (let j = i; j < i + n.length; j++) counted[j] = 1;
      i += n.length - 1;
      continue;
    }
    if (negated) continue;
    if (twoPeople.has(t)) companions += 2;
    else if (onePerson.has(t)) {
      // "mtoto mmoja", "rafiki wangu mmoja": the number that follows counts them.
      let k = i + 1;
      while (k < tokens.length && possessives.has(tokens[k]!)) k++;
      if (!(k < tokens.length && numberAt(tokens, k))) companions += 1;
    } else if (t === "plus" && tokens[i + 1] === "one") {
      companions += 1;
      counted[i + 1] = 1;
    } else if (uncounted.has(t)) {
      // "watoto wawili", "watoto wangu wawili": the number that follows counts them.
      let k = i + 1;
      while (k < tokens.length && possessives.has(tokens[k]!)) k++;
      if (!(k < tokens.length && numberAt(tokens, k))) unknown = true;
    } else if (alone.has(t)) single = true;
    else if (t === "both" || t === "couple" || t === "wote2") total ??= 2;
  }
  if (total !== undefined) return reading(total);
  if (adults) return reading(adults + companions);
  if (companions) return unknown ? undefined : reading(1 + companions, 0.95);
  if (unknown) return undefined;
  if (single) return reading(1);
  return undefined;
}

/** "watatu" -> 3, "mimi na mke wangu" -> 2, "me +2" -> 3, "just me" -> 1; undefined when no count is said. */
export function readPartySize(raw: string): Reading<number> | undefined {
  if (!raw || raw.length > 300) return undefined;
  // "-1" is not a party (the normaliser drops a lone dash).
  if (/(?:^|\s)-\s*\d/.test(raw)) return undefined;
  return partyOf(words(raw).tokens.map((t) => t.replace(/'/g, "")));
}
