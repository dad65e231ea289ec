// Asking where the payment prompt should go: someone Nuru knows no number for (a Telegram account that never shared
// one) is asked for it, by the share-contact button or typed, instead of being told to type the command again. The
// number and the payment are checked by the action (the flow reads no phone rules of its own); a number it cannot
// read is asked again.
import { act, reply, text, type Flow, type FlowInput, type Step } from "./types.js";

export interface PayArgs {
  /** the pledge's (M-…) or booking's (B-…) reference, as the request was made */
  ref: string;
  /** a booking's step; absent for a pledge */
  booking?: "deposit" | "balance";
  /** a part payment's amount, as typed ("50000") */
  amount?: string;
}

export type PayState = PayArgs;

declare module "./types.js" {
  interface ActionTypes {
    /** starts the payment to this number (typed or shared); ok false when it is not a phone number */
    payFromPhone: { input: PayArgs & { phone: string }; result: { ok: boolean } };
  }
}

const ask = (state: PayState): Step<PayState> => ({
  state,
  effects: [reply("pay.ask_phone", { ref: state.ref }, { requestPhone: text("pay.share_phone_button") })],
});

function onInput(state: PayState, input: FlowInput): Step<PayState> {
  const phone = input.kind === "contact" ? input.phone : input.kind === "text" ? input.text.trim() : "";
  if (!phone) return ask(state);
  return {
    state,
    effects: [
      act<"payFromPhone", PayState>("payFromPhone", { ...state, phone }, (r) =>
        r.ok
          ? { state: null }
          : {
              effects: [
                reply(
                  "pay.phone_invalid",
                  { text: phone.slice(0, 40) },
                  { requestPhone: text("pay.share_phone_button") },
                ),
              ],
            },
      ),
    ],
  };
}

export const payFlow: Flow<PayState, PayArgs> = {
  name: "pay",
  version: 1,
  start: (_context, args) => ask({ ...args }),
  handle: (state, input) => onInput(state, input),
};
