// "/invite CODE" with no numbers: the organizer sends numbers or shares contacts (vCards on WhatsApp, contacts on
// Telegram) one after another, each invited as it comes, until they say they are done.
import { act, reply, type Flow } from "./types.js";

export interface InviteState {
  code: string;
  event: string;
  invited: number;
}

declare module "./types.js" {
  interface ActionTypes {
    /** invites a typed list of numbers or one shared contact to the event, and says what happened to each */
    inviteGuests: {
      input: { code: string; list?: string; contact?: { phone: string; name?: string } };
      result: { invited: number };
    };
  }
}

// ("done" is the tasks journey's command: a command wins over a conversation, so it is not offered here.)
const doneWords = new Set(["finished", "that's all", "thats all", "tayari", "nimemaliza", "basi", "mwisho"]);

export const inviteFlow: Flow<InviteState, { code: string; event: string }> = {
  name: "invite",
  version: 1,
  start: (_context, args) => ({
    state: { code: args.code, event: args.event, invited: 0 },
    effects: [reply("invite.ask", { event: args.event })],
  }),
  handle(state, input) {
    if (input.kind === "text" && doneWords.has(input.text.trim().toLowerCase())) {
      return { state: null, effects: [reply("invite.done", { count: state.invited, code: state.code })] };
    }
    const invite =
      input.kind === "contact"
        ? { code: state.code, contact: { phone: input.phone, ...(input.name ? { name: input.name } : {}) } }
        : input.kind === "text"
          ? { code: state.code, list: input.text }
          : undefined;
    if (!invite) return { state, effects: [reply("invite.ask", { event: state.event })] };
    return {
      state,
      effects: [
        act<"inviteGuests", InviteState>("inviteGuests", invite, (r) => ({
          state: { ...state, invited: state.invited + r.invited },
        })),
      ],
    };
  },
};
