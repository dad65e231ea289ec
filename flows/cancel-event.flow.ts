// "/cancelevent CODE" (/ghairi) asks before it cancels: a cancellation tells every guest who is coming and every
// booked provider. It can be undone for a day (/undo), which tells the same people it is back on.
import { confirmation } from "./confirm.js";
import { act, reply, text, type Flow } from "./types.js";

export interface CancelEventState {
  code: string;
  event: string;
}

declare module "./types.js" {
  interface ActionTypes {
    /**
     * cancels the event and tells the guests who are coming and the booked providers; the result is the organizer's
     * sentences about it (who was told, until when it can be undone), in their language
     */
    cancelEvent: { input: { code: string }; result: { event: string; told: string; undo: string } };
  }
}

const ask = (state: CancelEventState) => ({
  state,
  effects: [
    reply(
      "lifecycle.cancel_ask",
      { event: state.event },
      {
        choices: [
          { label: text("lifecycle.cancel_yes"), value: "cancel:yes" },
          { label: text("lifecycle.cancel_no"), value: "cancel:no" },
        ],
      },
    ),
  ],
});

export const cancelEventFlow: Flow<CancelEventState, CancelEventState> = {
  name: "cancelevent",
  version: 1,
  start: (_context, args) => ask(args),
  handle(state, input) {
    const answer = confirmation(input, "cancel");
    if (answer === "no") return { state: null, effects: [reply("lifecycle.cancel_kept", { event: state.event })] };
    if (answer !== "yes") return ask(state);
    return {
      state: null,
      effects: [
        act<"cancelEvent", CancelEventState>("cancelEvent", { code: state.code }, (r) => ({
          effects: [reply("lifecycle.cancelled", r)],
        })),
      ],
    };
  },
};
