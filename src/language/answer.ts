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
//
// The words and phrases live in answer-words.ts, the verb grammar in answer-verbs.ts; this file finds the cues in a
// message, clause by clause, and weighs them into one answer.
import { type Answer, phrasesByFirst, wordCue } from "./answer-words.js";
import { englishCue, verbCue } from "./answer-verbs.js";
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

export type { Answer } from "./answer-words.js";

/** One thing said that leans towards an answer, and where in the message (the words after a "lakini" decide). */
interface Cue {
  answer: Answer;
  /** 1: says it outright; lower: only leans that way */
  weight: number;
  /** word cues (ndiyo, hapana) yield to verb cues (nitakuja) when the two disagree */
  verb: boolean;
  /** the token's place in the whole message */
  at: number;
}

/** Words that ask: a clause answers only up to the first of them ("ndiyo, saa ngapi?": the yes stands). */
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
/** Words after which the person's real answer comes ("asante sana, lakini hatutaweza"). */
const contrast = new Set(["lakini", "but", "ila", "however", "though", "ingawa", "although", "japo"]);
const apostrophe = /'/g;

/** The tokens of a clause, apostrophes dropped so "can't" and "cant", "i'll" and "ill" are one word. */
const tokensOf = (clause: string): string[] => words(clause).tokens.map((t) => t.replace(apostrophe, ""));

/**
 * The cues of one clause: phrases first (their words then used up, so the "no" of "no problem" is not a no),
 * then verbs, then single words.
 */
function cuesOf(tokens: string[], offset: number, cues: Cue[]): void {
  const from = cues.length;
  collectCues(tokens, offset, cues);
  // "sidhani nitakuja", "sifikiri kama tutafika", "I doubt I'll come": a yes after a doubt is a no.
  const doubt = tokens.findIndex((t, i) => doubtWords.has(t) || (t === "doubt" && tokens[i - 1] === "i"));
  if (doubt < 0) return;
  for (let k = from; k < cues.length; k++) {
    const c = cues[k]!;
    if (c.at > offset + doubt && c.answer === "accepted") cues[k] = { ...c, answer: "declined", weight: 0.85 };
  }
}

/** "I do not think": what follows it is doubted. */
const doubtWords = new Set(["sidhani", "sifikiri", "hatudhani", "hatufikiri"]);

function collectCues(tokens: string[], offset: number, cues: Cue[]): void {
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
function decide(all: Cue[], contrastAt: number, othersAfter = false): Reading<Answer> | undefined {
  let cues = all;
  if (contrastAt >= 0) {
    const after = all.filter((c) => c.at > contrastAt);
    // A clear yes, then "but" and a no about someone else or part of the day ("I will come but my wife won't",
    // "nitakuja lakini sitaweza kukaa hadi mwisho"): a yes to be confirmed, not a decline. "I'd love to but I
    // can't" stays a no.
    const saidYes = all.some((c) => c.at < contrastAt && c.answer === "accepted" && c.weight >= 0.85);
    if (othersAfter && saidYes && after.length && decide(after, -1)?.value === "declined")
      return reading("accepted", 0.5);
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
  const contrastAt = lastContrast(tokenised);
  return decide(collect(raw, tokenised), contrastAt, contrastAt >= 0 && othersAfter(tokenised, contrastAt));
}

/** Someone else, or staying to the end: what a "but" clause is about when it does not take the yes back. */
const othersOrStaying = new Set(
  "wife husband kids children he she they mke mume watoto mtoto yeye wao mama baba stay kukaa mwisho end".split(" "),
);

/** Whether the words after the last "lakini / but" speak of someone else or of staying (not of coming). */
function othersAfter(parts: Clauses, contrastAt: number): boolean {
  return parts
    .flatMap(([, tokens]) => tokens)
    .slice(contrastAt + 1)
    .some((t) => othersOrStaying.has(t));
}
