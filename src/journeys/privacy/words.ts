// Reading "stop writing to me" and "write to me again" in English and Kiswahili. A wish needs both a verb of
// stopping and what is stopped (messages, "kunitumia"), or one of the few words that say it alone, so "sitaki"
// (a "no" to an invitation) or "stop the music" stay what they were.
import { hasPhrase, words } from "../../language/text.js";

/** Said alone, each of these is the whole wish. */
const aloneOut = new Set([
  "stop",
  "unsubscribe",
  "optout",
  "opt out",
  "usinitumie",
  "niondoe",
  "jiondoe",
  "stop all",
  "stop messages",
  "acha kunitumia",
  "sitaki ujumbe",
]);
const aloneIn = new Set(["start", "anza", "anza tena", "nitumie", "nitumie tena", "resume", "subscribe", "unstop"]);

const stopVerbs = [
  "stop",
  "sitaki",
  "acha",
  "usinitumie",
  "msinitumie",
  "nisitumiwe",
  "don't send",
  "dont send",
  "do not send",
  "no more",
  "sihitaji",
  "unsubscribe",
  "niondoe",
  "nitoe",
];
const messageWords = [
  "ujumbe",
  "jumbe",
  "meseji",
  "sms",
  "messages",
  "message",
  "kunitumia",
  "kunisumbua",
  "mialiko",
  "invitations",
  "me",
];
const startWords = [
  "nitumie ujumbe",
  "anza kunitumia",
  "nitumie tena",
  "start sending",
  "send me messages again",
  "start messages",
  "endelea kunitumia",
];

/** "out" (stop messages), "in" (messages again) or undefined. */
export function readOptWish(text: string): "out" | "in" | undefined {
  const { text: said, tokens } = words(text);
  if (!said || tokens.length > 8) return undefined;
  if (aloneOut.has(said)) return "out";
  if (aloneIn.has(said)) return "in";
  if (startWords.some((p) => hasPhrase(tokens, p))) return "in";
  const verb = stopVerbs.findIndex((v) => hasPhrase(tokens, v));
  if (verb < 0) return undefined;
  // The thing stopped comes after the verb ("acha kunitumia ujumbe", "stop sending me messages").
  const after = tokens.slice(tokens.indexOf(stopVerbs[verb]!.split(" ").at(-1)!) + 1);
  return messageWords.some((w) => hasPhrase(after, w)) ||
    stopVerbs[verb] === "usinitumie" ||
    stopVerbs[verb] === "msinitumie"
    ? "out"
    : undefined;
}
