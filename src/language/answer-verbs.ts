// The verbs of the answer reader (answer.ts): a Swahili verb read by its parts, an English verb of coming read with
// the negation before it. Apart from the word lists because these are grammar: one rule here covers "nitakuja",
// "tutafika", "hatutaweza" and "2takuja" alike, where a list would need each form.
import type { Answer } from "./answer-words.js";

/** What one verb says, and how strongly (1: outright; lower: only leans that way). */
export interface VerbCue {
  answer: Answer;
  weight: number;
}

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

/** A Swahili verb of coming, missing, failing, trying or travelling, and what it says ("sitakosa" is a yes). */
export function verbCue(token: string): VerbCue | undefined {
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

/** An English verb of coming at tokens[i], negated by a word up to four before it ("won't be able to make it"). */
export function englishCue(tokens: string[], i: number, used: Uint8Array): VerbCue | undefined {
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
