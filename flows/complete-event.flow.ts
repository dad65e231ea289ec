// "/complete CODE" (/hitimisha) before the event has ended asks first: completing stops the guests' reminders, their
// passes and their answers, and a wedding two days away marked done by a misread word is a real harm. After the
// event nothing is asked (the journey completes at once).
import { confirmation } from "./confirm.js";
import { act, reply, text, type Flow } from "./types.js";

export interface CompleteEventState {
  code: string;
  event: string;
  /** when the event is, as the organizer reads it */
  when: string;
}

declare module "./types.js" {
  interface ActionTypes {
    /** marks the event completed and says so (with the review questions for booked services) */
    completeEvent: { input: { code: string }; result: Record<string, never> };
  }
}

const ask = (state: CompleteEventState) => ({
  state,
  effects: [
    reply(
      "lifecycle.complete_ask",
      { event: state.event, when: state.when },
      {
        choices: [
          { label: text("lifecycle.complete_yes"), value: "complete:yes" },
          { label: text("lifecycle.complete_no"), value: "complete:no" },
        ],
      },
    ),
  ],
});

export const completeEventFlow: Flow<CompleteEventState, CompleteEventState> = {
  name: "completeevent",
  version: 1,
  start: (_context, args) => ask(args),
  handle(state, input) {
    const answer = confirmation(input, "complete");
    if (answer === "no") return { state: null, effects: [reply("lifecycle.complete_kept", { event: state.event })] };
    if (answer !== "yes") return ask(state);
    return { state: null, effects: [act("completeEvent", { code: state.code })] };
  },
};
