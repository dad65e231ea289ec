// "/cancelevent CODE" asks before it cancels: a cancellation tells every guest who is coming and every booked
// provider, and cannot be undone.
import { act, reply, text, type Flow } from "./types.js";

export interface CancelEventState {
  code: string;
  event: string;
}

declare module "./types.js" {
  interface ActionTypes {
    /** cancels the event and tells the guests who are coming and the booked providers; the result is how many */
    cancelEvent: { input: { code: string }; result: { event: string; count: number } };
  }
}

const yes = new Set(["yes", "y", "ndiyo", "ndio", "cancel:yes"]);
const no = new Set(["no", "n", "hapana", "cancel:no"]);

const ask = (state: CancelEventState) => ({
  state,
  effects: [
    reply("lifecycle.cancel_ask", { event: state.event }, {
      choices: [
        { label: text("lifecycle.cancel_yes"), value: "cancel:yes" },
        { label: text("lifecycle.cancel_no"), value: "cancel:no" },
      ],
    }),
  ],
});

export const cancelEventFlow: Flow<CancelEventState, CancelEventState> = {
  name: "cancelevent",
  version: 1,
  start: (_context, args) => ask(args),
  handle(state, input) {
    const said = input.kind === "choice" ? input.value : input.kind === "text" ? input.text.trim().toLowerCase() : "";
    if (no.has(said)) return { state: null, effects: [reply("lifecycle.cancel_kept", { event: state.event })] };
    if (!yes.has(said)) return ask(state);
    return { state: null, effects: [act<"cancelEvent", CancelEventState>("cancelEvent", { code: state.code }, (r) => ({ effects: [reply("lifecycle.cancelled", r)] }))] };
  },
};
