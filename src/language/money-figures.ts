// Figures as typed (money.ts reads the amount): "50,000", "50.000", "50 000", "tsh50k", "100,000/=". Splitting the
// marks off a figure and reading the figure itself are one job, shared by the digit and the Swahili grammars.

/** Currencies and the marks that close an amount ("/="): beside a figure they make it money. */
export const currencyWords = new Set([
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

/** One amount found in the tokens: where it is, its value, and whether it says it is money. */
export interface Found {
  start: number;
  end: number;
  value: number;
  /** a currency, a multiplier, thousands separators or number words: it reads as money, not as any number */
  marked: boolean;
}

/**
 * Tokens as the grammar wants them: a currency or multiplier stuck to a figure is its own token ("tsh50k" -> "tsh",
 * "50", "k"; "100,000/=" -> "100,000", "/="); groups of three digits after a space join their figure ("50 000").
 * A figure that cannot be read as written becomes "?".
 */
export function splitTokens(tokens: string[]): string[] {
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
export function figureValue(text: string): number | undefined {
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
