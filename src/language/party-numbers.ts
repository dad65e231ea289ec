// Numbers in a party's words (party.ts): the counting words guests use, and the words around a number that make it a
// time, a date or an amount rather than people ("saa tatu", "tarehe 20", "elfu 50"). Apart from the reader so a new
// spelling is one line in a table.
import { englishToTwenty } from "./number-words.js";

/** Counting words, Kiswahili and English. */
export const numbers: Record<string, number> = {
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
  ...englishToTwenty,
};

/** A number read from the tokens: its value and how many tokens it takes. */
export interface NumberAt {
  value: number;
  length: number;
}

/** The number at tokens[i] ("3", "watatu", "kumi na wawili"), and how many tokens it takes. */
export function numberAt(tokens: string[], i: number): NumberAt | undefined {
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
export const notPeopleBefore = new Set([
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
  // durations, money and things: "dakika 10 kuchelewa", "miaka 30", "vinywaji 10", "shilingi 2", "nitalipa 2"
  "dakika",
  "miaka",
  "usiku",
  "shilingi",
  "vinywaji",
  "zawadi",
  "gari",
  "magari",
  "chupa",
  "viti",
  "nitalipa",
  "tutalipa",
  "nitaleta",
  "tutaleta",
  "nina",
  "for",
]);
export const notPeopleAfter = new Set([
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
  // "5 min late", "2 nights", "10 drinks", "2 gifts", "2 cars"
  "min",
  "mins",
  "minutes",
  "dakika",
  "nights",
  "night",
  "late",
  "drinks",
  "bottles",
  "gifts",
  "cars",
  "chairs",
  "plates",
]);
