// Yes / no / maybe as people answer an invitation (or an "are you sure?") the way they answer a relative: "ndiyo
// tutakuja", "hapana, samahani nitakuwa safarini", "Tunashukuru kwa mwaliko lakini hatutaweza", "siwezi kukosa!".
//
// The reader finds cues and weighs them, rather than matching whole lines:
// - words that are an answer by themselves (ndiyo, hapana, labda, yes, no, maybe, bila shaka, hakuna shida ...),
//   with the typos phones make ("ndyo", "hapna", "yess") caught by a small edit distance on the long ones;
// - Swahili verbs read by their parts (subject or negative prefix + tense + root): ni-/tu-/n-/2- (SMS "2takuja")
//   and si-/hatu-/c- (SMS "cwezi"), -ta-/-to-/-na-/-me-, then a root that means coming (ja, fika, hudhuria,
//   wepo, shiriki, weza ...), missing (kosa: "sitakosa" is a yes) or failing (shindwa: "nitashindwa" is a no);
//   conditional -ki- ("nikiweza") is a maybe;
// - English verbs of coming with a negation up to four words before them ("won't be able to make it"), where
//   "miss" turns round ("wouldn't miss it") and "can't wait" is a yes;
// - reasons that are a polite no ("nitakuwa safarini", "out of town") and softeners ("samahani", "sorry").
// A clause that asks ("utakuja?", "nani atakuja", "when is it?") gives no cue: a question is not an answer.
// After "lakini / but / ila" the later cues decide ("asante sana, lakini hatutaweza"). A maybe cue wins over yes and
// no ("labda nitakuja", "sina uhakika kama nitaweza"). Strong cues that disagree are read with low confidence, so
// the journey asks.
//
// "Inshallah" / "Mungu akipenda" (God willing) is how many people say yes politely: alone it reads as accepted but
// unsure (the journey asks once), beside a yes it does not weaken it, beside a "labda" the answer is maybe.
// Digits are not read: "1" / "2" / "3" are numbered choices, which the journey offering them maps.
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

export type Answer = "accepted" | "declined" | "maybe";

interface Cue {
  answer: Answer;
  /** 1: says it outright; lower: only leans that way */
  weight: number;
  /** word cues (ndiyo, hapana) yield to verb cues (nitakuja) when the two disagree */
  verb: boolean;
  at: number;
}

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
const phrases: [string[], Answer, number][] = [
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
  ].map((p): [string[], Answer, number] => [p.split(" "), "accepted", 1]),
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
  ].map((p): [string[], Answer, number] => [p.split(" "), "accepted", 0.6]),
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
  ].map((p): [string[], Answer, number] => [p.split(" "), "declined", 1]),
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
  ].map((p): [string[], Answer, number] => [p.split(" "), "declined", 0.85]),
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
  ].map((p): [string[], Answer, number] => [p.split(" "), "maybe", 1]),
  // softeners: a no only when nothing else is said
  ...["samahani", "sorry", "unfortunately", "regret", "regrets", "kwa bahati mbaya", "nasikitika", "tunasikitika"].map(
    (p): [string[], Answer, number] => [p.split(" "), "declined", 0.6],
  ),
];

// ── Swahili verbs ──
type Root = "come" | "miss" | "fail" | "try" | "able" | "travel" | "accept" | "present";
const roots: [RegExp, Root][] = [
  [/^(?:ku)?ja$|^(?:ku)?ji$|^(?:ku)?je$/, "come"],
  [/^(?:ku)?fik[aie]$/, "come"],
  [/^hudhuri[ae]$/, "come"],
  [/^shirik[iae]$/, "come"],
  [/^(?:ku)?wepo$|^kuwa nasi$/, "present"],
  [/^(?:ku)?wez[aie]$/, "able"],
  [/^kos[aei]$/, "miss"],
  [/^shindw[ae]$/, "fail"],
  [/^jitahid[ie]$|^jarib[ui]$/, "try"],
  [/^safir[ie]$/, "travel"],
  [/^kubal[ia]$/, "accept"],
];
// Subject (or negative subject) + tense, in one go: "ni|n|tu" positive, "si|hatu|ha|hawa" negative, "a|wa" third
// person ("wote watakuja"); "ki" conditional ("nikiweza" = if I can).
const verb = /^(?:(ni|n|tu|a|wa)(ta|to|na|me|ki|li)|(si|hatu|hawa|ha)(ta|to|ja)?|(na))(.+)$/;

function verbCue(token: string): { answer: Answer; weight: number } | undefined {
  // Every verb form read here ends in one of these letters; most other words stop at this test.
  const end = token[token.length - 1];
  if (end !== "a" && end !== "i" && end !== "e" && end !== "o" && end !== "u") return undefined;
  const t = token.replace(/^c(?=[tw])/, "si").replace(/^2(?=[tnmk])/, "tu");
  if (t === "nipo" || t === "tupo") return { answer: "accepted", weight: 0.9 };
  if (t === "sipo" || t === "hatupo") return { answer: "declined", weight: 0.9 };
  const m = verb.exec(t);
  if (!m) return undefined;
  const stem = m[6]!;
  const root = roots.find(([re]) => re.test(stem))?.[1];
  if (!root) return undefined;
  const negative = m[3] !== undefined;
  const conditional = m[2] === "ki";
  const third = m[1] === "a" || m[1] === "wa" || m[3] === "ha" || m[3] === "hawa";
  // "hajaja" (has not come yet) and the past "nilikuja" are not about the event to come.
  if (m[4] === "ja" || m[2] === "li") return undefined;
  if (conditional) return root === "travel" ? { answer: "declined", weight: 0.6 } : { answer: "maybe", weight: 1 };
  const weight = third ? 0.7 : 1;
  switch (root) {
    case "come":
    case "present":
    case "accept":
      return { answer: negative ? "declined" : "accepted", weight };
    case "able":
      return { answer: negative ? "declined" : "accepted", weight: negative ? weight : 0.9 * weight };
    case "miss":
    case "fail":
      return { answer: negative ? "accepted" : "declined", weight };
    case "try":
      return { answer: negative ? "declined" : "maybe", weight };
    case "travel":
      return negative ? undefined : { answer: "declined", weight: 0.85 };
  }
}

// ── English verbs of coming ──
const comeWords = new Set([
  "come",
  "coming",
  "attend",
  "attending",
  "join",
  "joining",
  "make",
  "there",
  "show",
  "present",
]);
const negators = new Set([
  "not",
  "cant",
  "cannot",
  "wont",
  "wouldnt",
  "couldnt",
  "dont",
  "unable",
  "never",
  "no",
  "isnt",
  "arent",
  "aint",
  "neither",
  "hatuwezi",
]);

function englishCue(tokens: string[], i: number, used: Uint8Array): { answer: Answer; weight: number } | undefined {
  const t = tokens[i]!;
  const window = (): string[] => tokens.slice(Math.max(0, i - 4), i).filter((_, k) => !used[Math.max(0, i - 4) + k]);
  if (t === "miss") {
    const negated = window().some((w) => negators.has(w));
    return { answer: negated ? "accepted" : "declined", weight: 1 };
  }
  if (!comeWords.has(t)) return undefined;
  // "make" counts only as "make it"; "there" only as "be there"; "show" only as "show up".
  if (t === "make" && tokens[i + 1] !== "it") return undefined;
  if (t === "there" && tokens[i - 1] !== "be" && tokens[i - 1] !== "b") return undefined;
  if (t === "show" && tokens[i + 1] !== "up") return undefined;
  if (t === "present" && tokens[i - 1] !== "be") return undefined;
  const before = window();
  if (before.some((w) => negators.has(w))) return { answer: "declined", weight: 1 };
  // "come" alone in "please come" or "who will come" is not the person's answer: it needs a subject or a modal.
  if (t === "come" || t === "join" || t === "attend") {
    const said = before.some((w) =>
      ["i", "we", "ill", "well", "will", "can", "shall", "gonna", "would", "id", "wed", "to"].includes(w),
    );
    return said ? { answer: "accepted", weight: 1 } : undefined;
  }
  return { answer: "accepted", weight: 1 };
}

const questionWords = new Set([
  "lini",
  "wapi",
  "ngapi",
  "nani",
  "gani",
  "je",
  "kwanini",
  "when",
  "where",
  "what",
  "who",
  "how",
  "why",
  "which",
  "whats",
  "wheres",
]);
const contrast = new Set(["lakini", "but", "ila", "however", "though", "ingawa", "although", "japo"]);
const apostrophe = /'/g;

/** The tokens of a clause, apostrophes dropped so "can't" and "cant", "i'll" and "ill" are one word. */
const tokensOf = (clause: string): string[] => words(clause).tokens.map((t) => t.replace(apostrophe, ""));

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

function wordCue(token: string): Cue["answer"] | undefined {
  if (yesWords.has(token)) return "accepted";
  if (noWords.has(token)) return "declined";
  if (maybeWords.has(token)) return "maybe";
  if (token.length >= 4) for (const [word, answer] of fuzzy) if (nearly(token, word)) return answer;
  return undefined;
}

// Phrases by their first word, longest first, so each token looks only at the phrases it can start.
const phrasesByFirst = new Map<string, [string[], Answer, number][]>();
for (const phrase of phrases) {
  const list = phrasesByFirst.get(phrase[0][0]!) ?? [];
  list.push(phrase);
  list.sort((a, b) => b[0].length - a[0].length);
  phrasesByFirst.set(phrase[0][0]!, list);
}

function cuesOf(tokens: string[], offset: number, cues: Cue[]): void {
  const used = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const candidates = used[i] ? undefined : phrasesByFirst.get(tokens[i]!);
    if (!candidates) continue;
    for (const [parts, answer, weight] of candidates) {
      let j = 1;
      while (j < parts.length && tokens[i + j] === parts[j] && !used[i + j]) j++;
      if (j < parts.length) continue;
      for (let k = 0; k < parts.length; k++) used[i + k] = 1;
      cues.push({ answer, weight, verb: parts.length > 1 || weight < 1, at: offset + i });
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    // "siwezi kukosa" (I cannot miss it): the negative modal with a negative root is a yes.
    if ((t === "siwezi" || t === "hatuwezi" || t === "cwezi") && /^(ku)?kos[ae]$/.test(tokens[i + 1] ?? "")) {
      used[i + 1] = 1;
      cues.push({ answer: "accepted", weight: 1, verb: true, at: offset + i });
      continue;
    }
    const v = verbCue(t) ?? englishCue(tokens, i, used);
    if (v) {
      cues.push({ ...v, verb: true, at: offset + i });
      continue;
    }
    // "I can't", "we won't": the refusal said with the verb left out.
    if ((t === "cant" || t === "cannot" || t === "wont" || t === "unable") && i === tokens.length - 1) {
      cues.push({ answer: "declined", weight: 1, verb: true, at: offset + i });
      continue;
    }
    const w = wordCue(t);
    // "la" is a no only as the whole answer ("la", "la asante"), elsewhere it is "of".
    if (w) cues.push({ answer: w, weight: 1, verb: false, at: offset + i });
    else if (t === "la" && i === 0 && (tokens.length === 1 || tokens[1] === "asante"))
      cues.push({ answer: "declined", weight: 1, verb: false, at: offset + i });
  }
}

// Emoji are dropped by the normaliser, so the few that answer are read from the raw text.
const yesEmoji = /[👍👌✅✔🙌💯🤝]/u;
const noEmoji = /[❌👎🚫✖]/u;
const maybeEmoji = /[🤔🤷]/u;

/** Splits where a sentence ends, so a question after an answer does not void it ("Ndiyo. Inaanza saa ngapi?"). */
const clauses = /[^.!?\n;]+[.!?\n;]*/g;

/**
 * How much of a clause answers: all of it, none when it asks ("utakuja?", "nani atakuja"), or what comes before the
 * question word ("ndiyo, saa ngapi?": the yes stands).
 */
function answerPart(clause: string, tokens: string[]): number {
  const q = tokens.findIndex((t) => questionWords.has(t));
  if (q >= 0) return q;
  if (
    clause.includes("?") ||
    /^(?:utakuja|mtakuja|will you|are you|can you|would you|do you|je)\b/.test(tokens.join(" "))
  )
    return 0;
  return tokens.length;
}

/** A message cut into sentences, each tokenised once: [the sentence, its tokens]. */
export type Clauses = [string, string[]][];

/** Tokenises a message once, sentence by sentence (the RSVP reader reuses it for the party). */
export function clausesOf(raw: string): Clauses {
  return (raw.match(clauses) ?? []).map((clause): [string, string[]] => [clause, tokensOf(clause)]);
}

/** The cues of every clause, questions left out. */
function collect(raw: string, parts: Clauses): Cue[] {
  const cues: Cue[] = [];
  let offset = 0;
  for (const [clause, tokens] of parts) {
    cuesOf(tokens.slice(0, answerPart(clause, tokens)), offset, cues);
    offset += tokens.length;
  }
  const at = offset;
  if (yesEmoji.test(raw)) cues.push({ answer: "accepted", weight: 0.9, verb: false, at });
  if (noEmoji.test(raw)) cues.push({ answer: "declined", weight: 0.9, verb: false, at });
  if (maybeEmoji.test(raw)) cues.push({ answer: "maybe", weight: 0.9, verb: false, at });
  return cues;
}

/** Where the last "lakini / but" is: what follows it is what the person means. */
function lastContrast(parts: Clauses): number {
  let at = -1;
  let offset = 0;
  for (const [, tokens] of parts) {
    tokens.forEach((t, i) => {
      if (contrast.has(t)) at = offset + i;
    });
    offset += tokens.length;
  }
  return at;
}

/** Weighs the cues: maybe wins, strong cues beat soft ones, verbs beat bare words when they disagree. */
function decide(all: Cue[], contrastAt: number): Reading<Answer> | undefined {
  let cues = all;
  if (contrastAt >= 0) {
    const after = all.filter((c) => c.at > contrastAt);
    if (after.length) cues = after;
  }
  if (!cues.length) return undefined;
  const strong = cues.filter((c) => c.weight >= 0.85);
  const pool = strong.length ? strong : cues;
  const best = (answer: Answer) => Math.max(0, ...pool.filter((c) => c.answer === answer).map((c) => c.weight));
  if (best("maybe") >= 0.85 || (!strong.length && best("maybe") > 0)) return reading("maybe", best("maybe"));
  const yes = best("accepted");
  const no = best("declined");
  if (yes && !no) return reading("accepted", strong.length ? yes : Math.min(yes, 0.6));
  if (no && !yes) return reading("declined", strong.length ? no : Math.min(no, 0.6));
  // Both said: the verb decides over a bare word ("no, i'll come" is rare and worth asking about).
  const verbs = pool.filter((c) => c.verb && c.answer !== "maybe");
  const last = (verbs.length ? verbs : pool).at(-1)!;
  return reading(last.answer, 0.5);
}

/** "ndiyo" -> accepted, "hapana, samahani nitakuwa safarini" -> declined, "labda" -> maybe; undefined when the
 * words are not an answer (a question, a number, something else). */
export function readAnswer(raw: string, parts?: Clauses): Reading<Answer> | undefined {
  if (!raw || raw.length > 300) return undefined;
  const tokenised = parts ?? clausesOf(raw);
  return decide(collect(raw, tokenised), lastContrast(tokenised));
}
