// The one place where what people type on a phone is made comparable: lower case, accents and emoji dropped, letters
// typed three or more times in a row folded ("ndiyooo" = "ndiyo", "yesss" = "yes"), punctuation turned into spaces
// except where it belongs to a number ("50,000", "2.5m", "14:00", "+1", "100,000/="). Every reader starts here, so
// a rule about spelling is written once, not in each reader.

/** A message as the readers see it: the words, once. */
export interface Words {
  /** what was typed, untouched */
  raw: string;
  /** lower case, accents and emoji dropped, elongations folded, single spaces */
  text: string;
  /** `text` split on spaces */
  tokens: string[];
}

// Characters that stay: letters, digits, and the few signs that carry meaning in numbers, times and amounts.
const kept = /[^a-z0-9+.,:/=\-'\s]/g;

/** "Ndiyooo!! 🙏 Tutakuja WATATU." -> { text: "ndiyo tutakuja watatu", tokens: [...] } */
export function words(raw: string): Words {
  const text = raw
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(kept, " ")
    // Punctuation that is not inside a number ("yes, 2." -> "yes 2"; "50,000" and "2.5" stay whole).
    .replace(/(?<!\d)[.,:]|[.,:](?!\d)/g, " ")
    .replace(/(?<![\d/])[/=](?![=\-])|(?<!\/)=/g, " ")
    .replace(/(?<![a-z0-9/])-+|(?<!\/)-+(?![a-z0-9])/g, " ")
    .replace(/(?<![a-z])'|'(?![a-z])/g, " ")
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return { raw, text, tokens: text ? text.split(" ") : [] };
}

/** True when the tokens hold this phrase (its words in a row). */
export function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  return indexOfPhrase(tokens, phrase) >= 0;
}

/** Where the phrase (words in a row) starts in the tokens, or -1. */
export function indexOfPhrase(tokens: readonly string[], phrase: string, from = 0): number {
  const parts = phrase.split(" ");
  outer: for (let i = from; i <= tokens.length - parts.length; i++) {
    for (let j = 0; j < parts.length; j++) if (tokens[i + j] !== parts[j]) continue outer;
    return i;
  }
  return -1;
}
