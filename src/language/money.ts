// Money as people type it on a phone: "50,000", "50.000", "50 000", "100,000/=", "Tsh 50k", "2.5m", "laki 5",
// "elfu hamsini", "milioni moja na nusu", "milioni 2 na laki 5", "fifty thousand", "half a million". One grammar over
// the normalised tokens (text.ts): a figure with its multipliers, Swahili scale words (which come before their count:
// "elfu 50" is 50 thousands) and English number words. Inside a sentence ("nitachanga laki moja") the amount is found
// and the caller decides what the other words mean; how sure the reading is says how much else was there.
//
// Figures and their marks are read in money-figures.ts, Swahili scale words in money-swahili.ts, English number words
// in money-english.ts; this file finds the amounts in a message and says how sure it is.
import { englishAt } from "./money-english.js";
import { currencyWords, type Found, figureValue, splitTokens } from "./money-figures.js";
import { swahiliAt, swahiliTail } from "./money-swahili.js";
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

/** Larger than any event's money: a typo of extra zeros, not an amount. */
const maxAmount = 1e12;

/** Words that say nothing beside an amount: "elfu tano tu", "only 50k". */
const quiet = new Set(["tu", "only", "just", "jumla", "total"]);

/** Multipliers written after a figure: "50k", "2.5 m", "5 milioni", "50 elfu", "5 laki". */
const suffixScales: Record<string, number> = {
  k: 1e3,
  elfu: 1e3,
  thousand: 1e3,
  thou: 1e3,
  laki: 1e5,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  millions: 1e6,
  milioni: 1e6,
  mio: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  bilioni: 1e9,
};

/**
 * The amount of money in what was typed, or undefined. Confidence 1 when the message is the amount (with its
 * currency); 0.9 when a marked amount sits in a sentence ("nachangia elfu 50"); 0.5 for a bare number in a sentence
 * ("miaka 50 ya ndoa") or two different amounts ("50k au 100k"). Negative, ambiguous ("50,00,000") or absurd
 * (over 10^12) amounts are refused.
 */
export function readMoney(raw: string): Reading<number> | undefined {
  // The normaliser drops a leading minus with the other dashes; a negative amount is never a pledge or a price.
  if (/(^|[\s(:])[-−]+\s*\d/.test(raw) || /\b(minus|hasi)\b/i.test(raw)) return undefined;
  const tokens = splitTokens(words(raw).tokens);
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i] === "?") return undefined; // a figure written wrongly ("50,00,000") poisons the whole message
    const amount = amountAt(tokens, i);
    if (amount) {
      found.push(amount);
      i = amount.end;
    } else i++;
  }
  if (!found.length) return undefined;
  const first = found[0]!;
  if (!Number.isInteger(first.value) || first.value < 0 || first.value > maxAmount) return undefined;
  const covered = new Set(found.flatMap((f) => Array.from({ length: f.end - f.start }, (_, k) => f.start + k)));
  const others = tokens.filter((t, i) => !currencyWords.has(t) && !quiet.has(t) && !covered.has(i));
  if (found.length > 1) return reading(first.value, 0.5); // "50k au 100k", "1 1 1": which one?
  if (!others.length) return reading(first.value, 1);
  return reading(first.value, first.marked ? 0.9 : 0.5);
}

/** The amount starting at token i, or undefined. */
function amountAt(tokens: string[], i: number): Found | undefined {
  return figureAt(tokens, i) ?? swahiliAt(tokens, i) ?? englishAt(tokens, i);
}

/** A figure with what may follow it: "50 k", "2.5 m", "5 milioni", "50 elfu", "1.2 million", "50,000 /=". */
function figureAt(tokens: string[], i: number): Found | undefined {
  const token = tokens[i]!;
  if (!/^\d/.test(token)) return undefined;
  const scale = suffixScales[tokens[i + 1] ?? ""];
  // Before a multiplier a dot is a decimal point: "2.500m" is two and a half million, "2.500" alone 2,500.
  const n = scale && /^\d+\.\d+$/.test(token) ? Number(token) : figureValue(token);
  if (n === undefined) return undefined;
  let end = i + 1;
  let value = n;
  let marked = /[,. ]/.test(token) && !/^\d+\.\d+$/.test(token);
  if (scale) {
    value = n * scale;
    end++;
    marked = true;
    // "milioni 2 na laki 5" is Swahili-first; "2 milioni na laki 5" has the same tail.
    const tail = swahiliTail(tokens, end, scale);
    if (tail) ({ value, end } = { value: value + tail.value, end: tail.end });
  }
  if (currencyWords.has(tokens[end] ?? "")) {
    end++;
    marked = true;
  }
  if (currencyWords.has(tokens[i - 1] ?? "")) marked = true;
  value = Math.round(value * 100) / 100;
  // A fraction left after the multiplier ("1.2345k") is not money.
  return Number.isInteger(value) ? { start: i, end, value, marked } : undefined;
}
