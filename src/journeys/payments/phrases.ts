// Reading "I want to pay" in what people write outside a conversation: "lipa sasa", "nataka kulipa", "ningependa
// kulipia ahadi yangu", "pay now", "I want to pay my pledge", with an amount when there is one ("nataka kulipa elfu
// ishirini"). A small grammar over the shared tokens (src/language/text.ts): a paying verb, either first or after a
// word of wanting; amounts through the shared money reader. Pure, so it is tested without a database.
import { readMoney } from "../../language/money.js";
import { words } from "../../language/text.js";

/** Forms of "pay" in both languages: the imperative, the infinitive, the subjunctive, "pay for". */
const payVerbs = new Set(["lipa", "kulipa", "nilipe", "tulipe", "lipia", "kulipia", "nilipie", "pay", "paying"]);
/** Words of wanting before the verb: "nataka", "ningependa", "naomba", "nahitaji", "want", "like", "need". */
const wanting = new Set([
  "nataka",
  "tunataka",
  "ningependa",
  "tungependa",
  "naomba",
  "nahitaji",
  "ngoja",
  "want",
  "wanna",
  "like",
  "need",
  "can",
  "let",
]);
/** Filler between a wanting word and the verb: "I would like to pay", "let me pay", "can I pay". */
const filler = new Set(["to", "me", "i", "us", "we"]);
/** Words that say what or when, never an amount: "sasa", "now", "ahadi yangu", "my pledge". */
const what = new Set(["sasa", "now", "ahadi", "yangu", "mchango", "wangu", "my", "the", "pledge", "contribution"]);

export interface PayIntent {
  /** an amount said with it ("elfu ishirini"), whole shillings */
  amount?: number;
}

/** "nataka kulipa elfu ishirini" -> { amount: 20000 }; "habari" -> undefined. Ten words at most: a sentence, not a story. */
export function readPayIntent(raw: string): PayIntent | undefined {
  const { tokens } = words(raw);
  if (!tokens.length || tokens.length > 10) return undefined;
  const verb = tokens.findIndex((t) => payVerbs.has(t));
  if (verb < 0) return undefined;
  const before = tokens.slice(0, verb).filter((t) => !filler.has(t));
  // "lipa sasa" (first), or "nataka kulipa" / "I would like to pay" (only wanting and filler before it).
  if (before.length && !before.every((t) => wanting.has(t) || t === "would")) return undefined;
  const rest = tokens.slice(verb + 1).filter((t) => !what.has(t) && !filler.has(t));
  if (!rest.length) return {};
  const money = readMoney(rest.join(" "));
  return money && money.value > 0 ? { amount: money.value } : undefined;
}
