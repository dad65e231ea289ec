// Swahili amounts (money.ts): scale words come before their count, largest first, joined by "na" ("milioni moja na
// nusu", "elfu kumi na tano", "milioni 2 na laki 5"). A grammar of its own because the order is the reverse of
// English and of digits with a multiplier ("2 milioni").
import { currencyWords, type Found, figureValue } from "./money-figures.js";
import { swahiliUnits } from "./number-words.js";

/** Swahili scale words, said before their count: "elfu hamsini" = 50 x 1,000; "mia tano" = 5 x 100. */
const swahiliScales: Record<string, number> = { mia: 100, elfu: 1e3, laki: 1e5, milioni: 1e6, bilioni: 1e9 };

/** Tens in words, for the count after a scale word ("elfu hamsini"); the units are shared (number-words.ts). */
const swahiliTens: Record<string, number> = {
  kumi: 10,
  ishirini: 20,
  thelathini: 30,
  arobaini: 40,
  hamsini: 50,
  sitini: 60,
  sabini: 70,
  themanini: 80,
  tisini: 90,
};

/**
 * Swahili: scale words before their count, largest first, joined by "na": "milioni moja na nusu", "laki mbili na
 * nusu", "elfu kumi na tano", "milioni 2 na laki 5", "mia tano", "elfu mia mbili na hamsini".
 */
export function swahiliAt(tokens: string[], i: number): Found | undefined {
  const scale = swahiliScales[tokens[i] ?? ""];
  if (!scale) return undefined;
  const count = countAt(tokens, i + 1, scale);
  // A scale word without its count ("elfu nyingi", "laki") is not an amount.
  if (!count) return undefined;
  let value = count.value * scale;
  let end = count.end;
  const tail = swahiliTail(tokens, end, scale);
  if (tail) ({ value, end } = { value: value + tail.value, end: tail.end });
  if (currencyWords.has(tokens[end] ?? "")) end++;
  return Number.isInteger(value) ? { start: i, end, value, marked: true } : undefined;
}

/** What may follow a scale's count: "na nusu" (half the scale), or a smaller scale group ("na laki 5", "elfu 50"). */
export function swahiliTail(tokens: string[], at: number, scale: number): { value: number; end: number } | undefined {
  const j = tokens[at] === "na" ? at + 1 : at;
  if (tokens[at] === "na" && tokens[j] === "nusu") return { value: scale / 2, end: j + 1 };
  const smaller = swahiliScales[tokens[j] ?? ""];
  if (smaller && smaller < scale) {
    const rest = swahiliAt(tokens, j);
    if (rest) return { value: rest.value, end: rest.end };
  }
  // "mia tano na hamsini" = 550, "elfu moja na hamsini" = 1,050: tens and units end the number.
  if (tokens[at] === "na") {
    const small = swahiliSmall(tokens, j);
    if (small && small.value < scale) return small;
  }
  return undefined;
}

/** The count after a scale word: digits ("laki 5", "milioni 2.5") or words below a thousand ("elfu mia mbili"). */
function countAt(tokens: string[], at: number, scale: number): { value: number; end: number } | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  if (/^\d/.test(token)) {
    const n = figureValue(token);
    return n !== undefined && n > 0 && n < (scale === 100 ? 10 : 1000) ? { value: n, end: at + 1 } : undefined;
  }
  if (token === "mia" && scale > 100) {
    const hundreds = swahiliAt(tokens, at);
    return hundreds && hundreds.value < 1000 ? { value: hundreds.value, end: hundreds.end } : undefined;
  }
  const small = swahiliSmall(tokens, at);
  if (!small || (scale === 100 && small.value > 9)) return undefined;
  return small;
}

/** Tens and units in words: "kumi na tano" = 15, "hamsini" = 50, "tano" = 5. */
function swahiliSmall(tokens: string[], at: number): { value: number; end: number } | undefined {
  const tens = swahiliTens[tokens[at] ?? ""];
  if (tens) {
    const unit = tokens[at + 1] === "na" ? swahiliUnits[tokens[at + 2] ?? ""] : undefined;
    return unit ? { value: tens + unit, end: at + 3 } : { value: tens, end: at + 1 };
  }
  const unit = swahiliUnits[tokens[at] ?? ""];
  return unit ? { value: unit, end: at + 1 } : undefined;
}
