// Opening an invitation from a chat account that has no phone number yet (Telegram). The code alone is not proof of
// who someone is (a deep link can be forwarded), so the person shares their own number with Telegram's button, which
// Telegram vouches for; then the invitation sent to that number opens.
import { reply, type Flow } from "./types.js";

export interface ClaimState {
  code: string;
}

const askPhone = () => reply("link.ask_phone_for_invitation", {}, { requestPhone: { key: "link.ask_phone_button" } });

export const claimFlow: Flow<ClaimState> = {
  name: "claim",
  version: 1,
  start: (_context, args) => ({ state: { code: args?.code ?? "" }, effects: [askPhone()] }),
  handle(state, input) {
    if (input.kind !== "contact") return { state, effects: [askPhone()] };
    if (!input.own) return { state, effects: [reply("link.contact_not_own")] };
    return {
      state: null,
      effects: [
        { type: "action", action: { type: "attachPhone", phone: input.phone }, then: { text: { key: "link.phone_saved" } } },
        { type: "action", action: { type: "claimInvitation", code: state.code }, then: { text: { key: "link.invitation" } } },
      ],
    };
  },
};
