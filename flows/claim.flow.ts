// Opening an invitation (or an event's shared link) from a chat account that has no phone number yet (Telegram). The
// code alone is not proof of who someone is (a deep link can be forwarded), so the person shares their own number
// with Telegram's button, which Telegram vouches for; then the invitation sent to that number opens.
import { act, reply, text, type Flow } from "./types.js";

declare module "./types.js" {
  interface ActionTypes {
    /** a phone number the network vouches for (the person's own contact) becomes theirs */
    attachPhone: { input: { phone: string }; result: { phone: string } };
    /** opens what this code stands for (an invitation, an event's shared link), as /start CODE does */
    openCode: { input: { code: string }; result: void };
    /** sends here what waited for the person while no channel could reach them */
    deliverWaiting: { input: Record<string, never>; result: void };
  }
}

export interface ClaimState {
  code: string;
}

const askPhone = () =>
  reply("link.ask_phone_for_invitation", undefined, { requestPhone: text("link.ask_phone_button") });

export const claimFlow: Flow<ClaimState, { code: string }> = {
  name: "claim",
  version: 1,
  start: (_context, args) => ({ state: { code: args.code }, effects: [askPhone()] }),
  handle(state, input) {
    if (input.kind !== "contact") return { state, effects: [askPhone()] };
    if (!input.own) return { state, effects: [reply("link.contact_not_own")] };
    return {
      state: null,
      effects: [
        act("attachPhone", { phone: input.phone }, (r) => ({
          effects: [reply("link.phone_saved", { phone: r.phone })],
        })),
        act("openCode", { code: state.code }),
        // After the opening, which already shows what it opened (and marks its waiting copy delivered).
        act("deliverWaiting", {}),
      ],
    };
  },
};
