// "/postpone CODE" (/ahirisha): the event moves to a new date, it is not called off. Asks the new date and time (or
// "not yet known": a date to be announced), shows the move and asks to confirm, then moves the event with its
// reminders and tells the guests who are coming or may come and the booked providers the new date, each in their
// language. Answers and passes stay valid: they belong to the invitation, not to the date.
import { formatDateTime } from "../src/i18n/dates.js";
import { readAnswer } from "../src/language/answer.js";
import { isSure } from "../src/language/reading.js";
import { hasPhrase, words } from "../src/language/text.js";
import { confirmation } from "./confirm.js";
import { parseEventDate } from "./event-input.js";
import { act, reply, text, type Flow, type FlowContext, type Step } from "./types.js";

export interface PostponeEventState {
  code: string;
  event: string;
  /** the event's zone: the new date is read and shown in it */
  zone: string;
  /** when it is now, as the organizer reads it */
  from: string;
  /** the new start (ISO), null for a date to be announced; absent while it is being asked */
  at?: string | null;
}

export type PostponeEventArgs = Omit<PostponeEventState, "at">;

declare module "./types.js" {
  interface ActionTypes {
    /** moves the event (at: ISO instant, or null for a date to be announced) and tells the people concerned */
    postponeEvent: {
      input: { code: string; at: string | null };
      result: { event: string; when: string; told: string; code: string };
    };
  }
}

// "Not known yet" in the ways people say it: a word that means it on its own, or a phrase.
const unknownWords = new Set([
  "bado",
  "sijui",
  "hatujui",
  "haijulikani",
  "haijajulikani",
  "haijapangwa",
  "baadaye",
  "tba",
  "tbd",
  "unknown",
  "later",
]);
const unknownPhrases = ["not yet", "not known", "dont know", "don't know", "no date", "hakuna tarehe", "itatangazwa"];

/** True when the text says the new date is not known yet ("sijui bado", "bado haijulikani", "not yet known", "tba"). */
export function saysNotKnown(raw: string): boolean {
  const { tokens } = words(raw);
  return (
    tokens.length <= 6 && (tokens.some((t) => unknownWords.has(t)) || unknownPhrases.some((p) => hasPhrase(tokens, p)))
  );
}

const askWhen = (state: PostponeEventState): Step<PostponeEventState> => ({
  state: { ...state, at: undefined },
  effects: [reply("lifecycle.postpone_ask_when", { event: state.event, when: state.from })],
});

const buttons = {
  choices: [
    { label: text("lifecycle.postpone_yes"), value: "postpone:yes" },
    { label: text("lifecycle.postpone_no"), value: "postpone:no" },
  ],
};

function askConfirm(state: PostponeEventState, context: FlowContext): Step<PostponeEventState> {
  const effects = state.at
    ? [
        reply(
          "lifecycle.postpone_ask",
          { event: state.event, from: state.from, to: formatDateTime(new Date(state.at), state.zone, context.locale) },
          buttons,
        ),
      ]
    : [reply("lifecycle.postpone_ask_tba", { event: state.event, from: state.from }, buttons)];
  return { state, effects };
}

/**
 * A new date typed (at either step: people correct themselves at the confirmation), or "not known yet" when asked for
 * the date (at the confirmation "sijui" is doubt, not a choice); undefined when it is neither.
 */
function readNewDate(
  raw: string,
  state: PostponeEventState,
  context: FlowContext,
  asked: boolean,
): Step<PostponeEventState> | undefined {
  const at = parseEventDate(raw, state.zone, context.now);
  if (at) {
    if (at <= context.now)
      return {
        state: { ...state, at: undefined },
        effects: [reply("lifecycle.postpone_when_past", { when: raw.trim().slice(0, 40) })],
      };
    return askConfirm({ ...state, at: at.toISOString() }, context);
  }
  if (asked && saysNotKnown(raw)) return askConfirm({ ...state, at: null }, context);
  return undefined;
}

export const postponeEventFlow: Flow<PostponeEventState, PostponeEventArgs> = {
  name: "postponeevent",
  version: 1,
  start: (_context, args) => askWhen(args),
  handle(state, input, context) {
    const kept = { state: null, effects: [reply("lifecycle.postpone_kept", { event: state.event })] };
    if (state.at === undefined) {
      if (input.kind !== "text") return askWhen(state);
      const step = readNewDate(input.text, state, context, true);
      if (step) return step;
      // "hapana" to "to when?" is someone who no longer wants to move it.
      const answer = readAnswer(input.text);
      if (isSure(answer) && answer.value === "declined") return kept;
      return { state, effects: [reply("lifecycle.postpone_when_unclear", { text: input.text.trim().slice(0, 40) })] };
    }
    const answer = confirmation(input, "postpone");
    if (answer === "no") return kept;
    if (answer === "yes") {
      return {
        state: null,
        effects: [
          act<"postponeEvent", PostponeEventState>("postponeEvent", { code: state.code, at: state.at }, (r) => ({
            effects: [
              state.at
                ? reply("lifecycle.postponed", { event: r.event, when: r.when, told: r.told })
                : reply("lifecycle.postponed_tba", { event: r.event, code: r.code, told: r.told }),
            ],
          })),
        ],
      };
    }
    return (input.kind === "text" && readNewDate(input.text, state, context, false)) || askConfirm(state, context);
  },
};
