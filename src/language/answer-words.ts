// The words of the answer reader (answer.ts): words that are an answer by themselves, phrases, and the typo-tolerant
// match for the long ones. Kept apart from the grammar so a new way of saying yes is one line in a list, not a change
// to the reader.
/** The three answers an invitation (or an "are you sure?") can get. */
export type Answer = "accepted" | "declined" | "maybe";

/** A phrase (its words in a row), what it says, and how strongly (1: outright; lower: only leans that way). */
export type Phrase = [string[], Answer, number];

// ── words that are an answer by themselves ──
const yesWords = new Set([
  "ndiyo",
  "ndio",
  "ndyo",
  "ndiy",
  "naam",
  "sawa",
  "yes",
  "yess",
  "yes",
  "ye",
  "yea",
  "yeah",
  "yah",
  "yep",
  "yup",
  "yeap",
  "yap",
  "ok",
  "okay",
  "okey",
  "oky",
  "k",
  "sure",
  "definitely",
  "absolutely",
  "certainly",
  "kabisa",
  "hakika",
  "yebo",
  "ofcourse",
  "accept",
  "accepted",
]);
const noWords = new Set(["hapana", "no", "nope", "nah", "decline", "declined"]);
const maybeWords = new Set([
  "labda",
  "maybe",
  "perhaps",
  "pengine",
  "huenda",
  "sijui",
  "probably",
  "possibly",
  "hopefully",
  "idk",
  "unsure",
  "mybe",
  "maybee",
  "pengne",
  "lbda",
]);
/** Long answer words, matched with one typo ("hapna", "ndiyoo", "labada"). */
const fuzzy: [string, Answer][] = [
  ["ndiyo", "accepted"],
  ["hapana", "declined"],
  ["labda", "maybe"],
  ["maybe", "maybe"],
  ["sijui", "maybe"],
];

// Phrases (words in a row) and what they say; checked before single words, their words then used up.
const phrases: Phrase[] = [
  // yes
  ...[
    "bila shaka",
    "hakuna shida",
    "hakuna tatizo",
    "hakuna noma",
    "hakuna neno",
    "hakuna wasiwasi",
    "of course",
    "no problem",
    "no worries",
    "no doubt",
    "count me in",
    "count us in",
    "im in",
    "were in",
    "i am in",
    "we are in",
    "see you there",
    "tuonane huko",
    "cant wait",
    "cannot wait",
    "love to",
    "would love",
    "sawa sawa",
    "ndiyo kabisa",
    "with pleasure",
    "for sure",
    "na mimi nipo",
    "lazima nije",
    "lazima tuje",
    "lazima nifike",
  ].map((p): Phrase => [p.split(" "), "accepted", 1]),
  // God willing: a polite yes, unsure alone
  ...[
    "inshallah",
    "inshaallah",
    "insha allah",
    "inshaalah",
    "inshalah",
    "mungu akipenda",
    "mungu akijalia",
    "god willing",
  ].map((p): Phrase => [p.split(" "), "accepted", 0.6]),
  // no
  ...[
    "not coming",
    "not attending",
    "la hasha",
    "not really",
    "not this time",
    "next time",
    "another time",
    "wakati mwingine",
    "sio safari hii",
    "si safari hii",
  ].map((p): Phrase => [p.split(" "), "declined", 1]),
  // reasons that are a polite no
  ...[
    "nje ya nchi",
    "nje ya mji",
    "out of town",
    "out of the country",
    "nitakuwa mbali",
    "nitakuwa kazini",
    "nina kazi",
    "nina safari",
    "niko safarini",
    "nitakuwa safarini",
    "tutakuwa safarini",
    "nitakuwa nimesafiri",
    "ill be away",
    "will be away",
    "be travelling",
    "be traveling",
    "im travelling",
    "im traveling",
    "nitakuwa busy",
    "ill be busy",
    "niko busy",
    "tuko busy",
    "niko kazini",
    "have another",
    "nina harusi nyingine",
    "nina shughuli",
  ].map((p): Phrase => [p.split(" "), "declined", 0.85]),
  // maybe
  ...[
    "sina uhakika",
    "sijajua",
    "sijaamua",
    "not sure",
    "dont know",
    "do not know",
    "let you know",
    "let me check",
    "let me see",
    "we will see",
    "well see",
    "tutaona",
    "nitaona",
    "nitaangalia",
    "tutaangalia",
    "inategemea",
    "it depends",
    "depends",
    "if i can",
    "if we can",
    "will try",
    "ill try",
    "i will try",
    "we will try",
    "try to",
    "might",
    "nitakujulisha",
    "tutakujulisha",
    "nitakuambia",
    "nikipata nafasi",
    "tukipata nafasi",
    "kama nitaweza",
    "kama tutaweza",
    "sina hakika",
    "haijulikani",
    "50 50",
    "fifty fifty",
    "hope to",
    "i hope",
    "we hope",
    "natumaini",
    "tunatumaini",
  ].map((p): Phrase => [p.split(" "), "maybe", 1]),
  // softeners: a no only when nothing else is said
  ...["samahani", "sorry", "unfortunately", "regret", "regrets", "kwa bahati mbaya", "nasikitika", "tunasikitika"].map(
    (p): Phrase => [p.split(" "), "declined", 0.6],
  ),
];

/** One typo away (insert, delete, substitute or swap two letters): "hapna" ~ "hapana", "ndiyoo" ~ "ndiyo". */
function nearly(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  // A typo keeps the first or the second letter (or shifts them by one).
  if (a[0] !== b[0] && a[1] !== b[1] && a[0] !== b[1] && a[1] !== b[0]) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x === y;
  return (
    rest(a.slice(i + 1), b.slice(i + 1)) || // substitute
    rest(a.slice(i + 1), b.slice(i)) || // a has one more
    rest(a.slice(i), b.slice(i + 1)) || // b has one more
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2))) // swap
  );
}

/** The answer a single word gives ("ndiyo", "hapna", "labda"), or undefined. */
export function wordCue(token: string): Answer | undefined {
  if (yesWords.has(token)) return "accepted";
  if (noWords.has(token)) return "declined";
  if (maybeWords.has(token)) return "maybe";
  if (token.length >= 4) for (const [word, answer] of fuzzy) if (nearly(token, word)) return answer;
  return undefined;
}

// Phrases by their first word, longest first, so each token looks only at the phrases it can start.
export const phrasesByFirst = new Map<string, Phrase[]>();
for (const phrase of phrases) {
  const list = phrasesByFirst.get(phrase[0][0]!) ?? [];
  list.push(phrase);
  list.sort((a, b) => b[0].length - a[0].length);
  phrasesByFirst.set(phrase[0][0]!, list);
}
