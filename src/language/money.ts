// Money as people type it on a phone: "50,000", "50.000", "50 000", "100,000/=", "Tsh 50k", "2.5m", "laki 5",
// "elfu hamsini", "milioni moja na nusu", "milioni 2 na laki 5", "fifty thousand", "half a million". One grammar over
// the normalised tokens (text.ts): a figure with its multipliers, Swahili scale words (which come before their count:
// "elfu 50" is 50 thousands) and English number words. Inside a sentence ("nitachanga laki moja") the amount is found
// and the caller decides what the other words mean; how sure the reading is says how much else was there.
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

/** Larger than any event's money: a typo of extra zeros, not an amount. */
const maxAmount = 1e12;

const currencyWords = new Set([
  "tsh",
  "tshs",
  "tzs",
  "ksh",
  "kshs",
  "kes",
  "sh",
  "shs",
  "ush",
  "ugx",
  "shilingi",
  "shillings",
  "shilling",
  "bob",
  "/=",
  "/-",
  "=",
  "tsh/=",
]);
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

/** Swahili scale words, said before their count: "elfu hamsini" = 50 x 1,000; "mia tano" = 5 x 100. */
const swahiliScales: Record<string, number> = { mia: 100, elfu: 1e3, laki: 1e5, milioni: 1e6, bilioni: 1e9 };

const swahiliUnits: Record<string, number> = {
  moja: 1,
  mbili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
};
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

const englishSmall: Record<string, number> = {
  a: 1,
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
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const englishScales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** One amount found in the tokens: where it is, its value, and whether it says it is money. */
interface Found {
  start: number;
  end: number;
  value: number;
  /** a currency, a multiplier, thousands separators or number words: it reads as money, not as any number */
  marked: boolean;
}

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

/**
 * Tokens as the grammar wants them: a currency or multiplier stuck to a figure is its own token ("tsh50k" -> "tsh",
 * "50", "k"; "100,000/=" -> "100,000", "/="); groups of three digits after a space join their figure ("50 000").
 * A figure that cannot be read as written becomes "?".
 */
function splitTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const m =
      /^(tshs?|tzs|kshs?|kes|shs?|ugx|ush)?\.?(\d[\d,.]*)(k|m|mn|mil|b|bn)?(\/=|\/-|=)?(tshs?|tzs|kshs?|kes|shs?)?$/.exec(
        token,
      );
    if (!m) {
      out.push(token);
      continue;
    }
    const [, before, figure, scale, mark, after] = m;
    if (before) out.push(before);
    const last = out[out.length - 1];
    // "50 000": a space as the thousands separator (not a phone number: those start with 0 or +).
    if (/^\d{3}$/.test(figure!) && last && /^[1-9]\d{0,2}( \d{3})*$/.test(last))
      out[out.length - 1] = `${last} ${figure}`;
    else out.push(figure!);
    if (scale) out.push(scale);
    if (mark) out.push(mark);
    if (after) out.push(after);
  }
  return out.map((t) => (/^\d[\d,. ]*$/.test(t) && figureValue(t) === undefined ? "?" : t));
}

/** "50,000", "50.000", "50 000", "50000", "2.5" -> the number; undefined when the figure is not written as one. */
function figureValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return text.length > 1 && text.startsWith("0") ? undefined : Number(text); // 0713…: a phone
  if (/^[1-9]\d{0,2}([, ]\d{3})+$/.test(text)) return Number(text.replace(/[, ]/g, ""));
  // "1,000,000.00": cents written out, a whole amount all the same.
  if (/^[1-9]\d{0,2}(,\d{3})+\.\d{1,2}$/.test(text)) return Number(text.replace(/,/g, ""));
  // "50.000" and "1.500.000" are thousands (nobody gives 50 shillings and a fraction); "2.5" is a decimal.
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ""));
  if (/^\d+\.\d+$/.test(text)) return Number(text);
  if (/^\d+,\d{1,2}$/.test(text)) return undefined; // "5,00": a decimal comma or a lost digit, ask
  return undefined;
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

/**
 * Swahili: scale words before their count, largest first, joined by "na": "milioni moja na nusu", "laki mbili na
 * nusu", "elfu kumi na tano", "milioni 2 na laki 5", "mia tano", "elfu mia mbili na hamsini".
 */
function swahiliAt(tokens: string[], i: number): Found | undefined {
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
function swahiliTail(tokens: string[], at: number, scale: number): { value: number; end: number } | undefined {
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

/** English number words with a scale: "fifty thousand", "one million", "two hundred thousand", "half a million". */
function englishAt(tokens: string[], i: number): Found | undefined {
  if (tokens[i] === "half" && tokens[i + 1] === "a" && englishScales[tokens[i + 2] ?? ""]) {
    return { start: i, end: i + 3, value: englishScales[tokens[i + 2]!]! / 2, marked: true };
  }
  if (englishSmall[tokens[i] ?? ""] === undefined) return undefined;
  let total = 0;
  let current = 0;
  let end = i;
  let scaled = false;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    // "one and a half million"
    if (
      t === "and" &&
      current &&
      tokens[j + 1] === "a" &&
      tokens[j + 2] === "half" &&
      englishScales[tokens[j + 3] ?? ""]
    ) {
      total += (current + 0.5) * englishScales[tokens[j + 3]!]!;
      current = 0;
      scaled = true;
      end = j + 4;
      break;
    }
    if (t === "and" && j > i && englishSmall[tokens[j + 1] ?? ""] !== undefined && tokens[j + 1] !== "a") continue;
    if (t === "a" && j > i) break;
    if (englishSmall[t] !== undefined) current += englishSmall[t]!;
    else if (t === "hundred" && current) current *= 100;
    else if (englishScales[t] && (current || total)) {
      total += (current || 1) * englishScales[t]!;
      current = 0;
      scaled = true;
    } else break;
    end = j + 1;
  }
  // "one" or "a" alone is a word, not money; a scale makes it an amount ("a thousand", "fifty thousand").
  if (!scaled) return undefined;
  return { start: i, end, value: total + current, marked: true };
}
