// "/language" with no argument: offer the two languages as choices.
import { isLocale, type Locale } from "../src/i18n/index.js";
import { act, reply, say, text, type Flow, type FlowInput } from "./types.js";

declare module "./types.js" {
  interface ActionTypes {
    /** the person's language from now on */
    setLocale: { input: { locale: Locale }; result: { locale: Locale } };
  }
}

export type LanguageState = { step: "choose" };

const spoken: Record<string, Locale> = {
  en: "en",
  english: "en",
  kiingereza: "en",
  "1": "en",
  sw: "sw",
  swahili: "sw",
  kiswahili: "sw",
  "2": "sw",
};

/** The language a person asked for in a choice tap or in words ("sw", "Kiswahili", "English"). */
export function parseLocale(input: FlowInput): Locale | undefined {
  if (input.kind === "choice")
    return isLocale(input.value.replace(/^lang:/, "")) ? (input.value.replace(/^lang:/, "") as Locale) : undefined;
  if (input.kind === "text") return spoken[input.text.trim().toLowerCase()];
  return undefined;
}

export const languageFlow: Flow<LanguageState, void> = {
  name: "language",
  version: 1,
  start: () => ({
    state: { step: "choose" },
    effects: [
      reply("language.ask", undefined, {
        choices: [
          { label: text("language.choice.en"), value: "lang:en" },
          { label: text("language.choice.sw"), value: "lang:sw" },
        ],
      }),
    ],
  }),
  handle(state, input) {
    const locale = parseLocale(input);
    if (!locale) return { state, effects: [reply("language.invalid")] };
    return {
      state: null,
      effects: [act("setLocale", { locale }, () => ({ effects: [{ type: "reply", reply: say("language.set") }] }))],
    };
  },
};
