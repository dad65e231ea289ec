// An answer to an invitation in one message: the answer and, when said, how many come. "ndiyo tutakuja watatu" ->
// accepted, 3; "nitakuja na mke wangu" -> accepted, 2; "hapana, samahani nitakuwa safarini" -> declined; "ndiyo" ->
// accepted with no party (the journey asks how many).
//
// A party said without an answer is a yes ("watatu", "mimi na mke wangu": that is how guests answer "how many?", and
// nobody counts the people who will not come). A lone number is NOT read here: outside a conversation "2" is the
// second of the invitation's numbered choices (Yes=1 / No=2 / Maybe=3), and inside the "how many?" step the flow
// reads it with readPartySize. A party is kept only with a yes: "hapana, tungekuwa watatu" is a no. Without an answer
// word, the message must be about the party and nothing else ("nataka keki 2" is not a yes for two).
import { clausesOf, readAnswer, type Answer } from "./answer.js";
import { onlyParty, partyOf } from "./party.js";
import { reading, type Reading } from "./reading.js";

export interface Rsvp {
  answer: Answer;
  /** the whole party, the person included; absent when not said */
  party?: number;
}

/** The answer and party one message carries; undefined when it carries no answer (a question, a lone number). */
export function readRsvp(raw: string): Reading<Rsvp> | undefined {
  if (!raw || raw.length > 300) return undefined;
  // Tokenised once, sentence by sentence, for both readers.
  const parts = clausesOf(raw);
  const answer = readAnswer(raw, parts);
  if (answer && answer.value !== "accepted") return reading({ answer: answer.value }, answer.confidence);
  const tokens = parts.flatMap(([, t]) => t);
  if (!answer && tokens.length === 1 && /^\d+$/.test(tokens[0]!)) return undefined;
  // A question about the party ("mnakuja wangapi?") is not an answer either.
  if (!answer && raw.includes("?")) return undefined;
  const party = /(?:^|\s)-\s*\d/.test(raw) ? undefined : partyOf(tokens);
  if (!answer)
    return party && onlyParty(tokens)
      ? reading({ answer: "accepted", party: party.value }, Math.min(party.confidence, 0.9))
      : undefined;
  return party
    ? reading({ answer: "accepted", party: party.value }, Math.min(answer.confidence, party.confidence))
    : answer && reading({ answer: "accepted" }, answer.confidence);
}
