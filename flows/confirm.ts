// The answer to an "are you sure?" question with two buttons: the tap, its number (the router maps "1"/"2" to the
// buttons), or words read by the one answer reader ("ndiyo ighairi", "hapana bado", "yes please"). Only a sure
// reading counts: a question about stopping an event is asked again rather than guessed.
import { readAnswer } from "../src/language/answer.js";
import { isSure } from "../src/language/reading.js";
import type { FlowInput } from "./types.js";

/** "yes", "no", or undefined when the input does not answer the question (the flow asks again). */
export function confirmation(input: FlowInput, prefix: string): "yes" | "no" | undefined {
  if (input.kind === "choice")
    return input.value === `${prefix}:yes` ? "yes" : input.value === `${prefix}:no` ? "no" : undefined;
  if (input.kind !== "text") return undefined;
  const answer = readAnswer(input.text);
  if (!isSure(answer)) return undefined;
  return answer.value === "accepted" ? "yes" : answer.value === "declined" ? "no" : undefined;
}
