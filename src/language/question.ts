// A question about the event in words: "Harusi ni lini na wapi?", "inaanza saa ngapi", "ukumbi gani", "what time",
// "location pls", "dress code?". Read as the things asked, so the answer can be the event's details. Question words
// that ask about a person rather than the event ("uko wapi?", "where are you") and English "when"/"where" used as a
// conjunction ("call me when you arrive") are not questions to answer with the event.
import { reading, type Reading } from "./reading.js";
import { words } from "./text.js";

export type Asked = "details" | "dresscode" | "time" | "when" | "where";

/** Phrases that ask one thing, in both languages; longer phrases first where one holds another. */
const phrases: [string, Asked][] = [
  ["saa ngapi", "time"],
  ["muda gani", "time"],
  ["what time", "time"],
  ["which time", "time"],
  ["start time", "time"],
  ["starts at", "time"],
  ["time", "time"],
  ["muda", "time"],
  ["lini", "when"],
  ["tarehe gani", "when"],
  ["siku gani", "when"],
  ["tarehe ngapi", "when"],
  ["which day", "when"],
  ["what day", "when"],
  ["what date", "when"],
  ["when", "when"],
  ["date", "when"],
  ["tarehe", "when"],
  ["wapi", "where"],
  ["ukumbi gani", "where"],
  ["mahali gani", "where"],
  ["sehemu gani", "where"],
  ["eneo gani", "where"],
  ["kwenye nini", "where"],
  ["where", "where"],
  ["venue", "where"],
  ["location", "where"],
  ["address", "where"],
  ["anwani", "where"],
  ["ramani", "where"],
  ["map", "where"],
  ["place", "where"],
  ["ukumbi", "where"],
  ["mahali", "where"],
  ["directions", "where"],
  ["pin", "where"],
  ["lokesheni", "where"],
  ["dress code", "dresscode"],
  ["dresscode", "dresscode"],
  ["what to wear", "dresscode"],
  ["what should i wear", "dresscode"],
  ["should we wear", "dresscode"],
  ["vazi", "dresscode"],
  ["mavazi", "dresscode"],
  ["nivae", "dresscode"],
  ["tuvae", "dresscode"],
  ["kuvaa", "dresscode"],
  ["sare", "dresscode"],
  ["info", "details"],
  ["taarifa", "details"],
  ["details", "details"],
  ["maelezo", "details"],
  ["ratiba", "details"],
  ["programme", "details"],
  ["program", "details"],
];

const phraseParts = phrases.map(([phrase, asked]) => [phrase.split(" "), asked] as const);

/** Words that alone ("venue?", "time?") are a question only when the message is that short or ends in "?". */
const nouns = new Set([
  "time",
  "muda",
  "date",
  "tarehe",
  "venue",
  "location",
  "address",
  "anwani",
  "ramani",
  "map",
  "place",
  "ukumbi",
  "mahali",
  "pin",
  "lokesheni",
  "info",
  "taarifa",
  "details",
  "maelezo",
  "ratiba",
  "programme",
  "program",
  "sare",
  "directions",
]);

/** Before "wapi": a person being somewhere ("uko wapi", "niko wapi") is not asking where the event is. */
const personal = new Set([
  "uko",
  "yuko",
  "mko",
  "niko",
  "tuko",
  "wako",
  "upo",
  "yupo",
  "mpo",
  "nipo",
  "tupo",
  "wapo",
  "umefika",
  "unaenda",
  "umeenda",
  "mmefika",
  "umepotea",
]);

/** Messages that tell rather than ask, though a question word is in them ("nitakujulisha lini nitafika"). */
const telling = [
  "nitakujulisha",
  "nitakwambia",
  "nitakuambia",
  "nitawajulisha",
  "let you know",
  "tell you",
  "i'll tell",
  "i will tell",
  "remind me",
  "nikumbushe",
  "since when",
  "tangu lini",
];

/** Words that may open an English question ("so when is it", "ok where"). */
const openers = new Set([
  "so",
  "ok",
  "okay",
  "and",
  "but",
  "hi",
  "hello",
  "please",
  "pls",
  "sorry",
  "hey",
  "then",
  "also",
  "sasa",
  "je",
  "habari",
  "samahani",
  "na",
  "halafu",
  "pia",
  "mambo",
]);

/** The things a message asks about the event (sorted), or undefined when it asks none of them. */
export function readQuestion(raw: string): Reading<Asked[]> | undefined {
  const w = words(raw);
  const tokens = w.tokens;
  if (!tokens.length || tokens.length > 14) return undefined;
  const padded = ` ${w.text} `;
  if (telling.some((p) => padded.includes(` ${p} `))) return undefined;
  const asks = raw.includes("?");
  const found = new Set<Asked>();
  const used = new Set<number>();
  const present = new Set(tokens);
  for (const [parts, asked] of phraseParts) {
    if (!present.has(parts[0]!)) continue;
    for (let i = 0; i <= tokens.length - parts.length; i++) {
      if (parts.some((p, j) => tokens[i + j] !== p || used.has(i + j))) continue;
      if (!counts(tokens, i, parts, asked, asks)) continue;
      parts.forEach((_, j) => used.add(i + j));
      found.add(asked);
    }
  }
  // "when and where" covers the time; details alone ("info?") stay details.
  if (found.size > 1) found.delete("details");
  if (!found.size) return undefined;
  return reading([...found].sort(), asks || tokens.length <= 4 ? 1 : 0.85);
}

/** Whether the phrase found at i is a question about the event here. */
function counts(tokens: readonly string[], i: number, parts: string[], asked: Asked, asks: boolean): boolean {
  const word = parts[0]!;
  const before = tokens[i - 1];
  const after = tokens.slice(i + parts.length, i + parts.length + 2).join(" ");
  if (word === "wapi" && before && personal.has(before)) return false;
  // English question words open the question ("when is the wedding", "so where is it"); elsewhere they are mostly
  // conjunctions, unless the message asks ("and it is where?").
  if (word === "when" || word === "where") {
    if (/^(are you|r u|you are|i arrive|we arrive|you arrive|i get|you get)/.test(after)) return false;
    const opening = tokens
      .slice(0, i)
      .every((t) => openers.has(t) || t === "when" || t === "where" || t === "what" || t === "time");
    return opening || asks;
  }
  // A noun alone is a question in a short message ("venue?", "location pls"), not inside a sentence about it.
  if (parts.length === 1 && nouns.has(word)) return asks || tokens.length <= 4;
  if (asked === "dresscode" && parts.length === 1) return asks || tokens.length <= 5;
  return true;
}
