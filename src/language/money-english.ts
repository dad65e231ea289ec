// English amounts in words (money.ts): "fifty thousand", "two hundred thousand", "one and a half million", "half a
// million". Only with a scale word: "one" or "a" alone is a word, not money.
import type { Found } from "./money-figures.js";
import { englishToTwenty } from "./number-words.js";

/** Number words below a hundred ("a" counts one in "a thousand"). */
const englishSmall: Record<string, number> = {
  a: 1,
  ...englishToTwenty,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const englishScales: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

/** English number words with a scale: "fifty thousand", "one million", "two hundred thousand", "half a million". */
export function englishAt(tokens: string[], i: number): Found | undefined {
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
