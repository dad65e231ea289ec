// A guest's contribution to an event: a well-wish, a photo, or a pledge of money (michango) with its amount in any
// way people say it ("50,000", "50k", "50 elfu", "elfu hamsini").
import { parseAmount } from "./event-input.js";
import { act, reply, say, text, type Flow, type FlowInput, type Step } from "./types.js";

export type ContributionKind = "message" | "photo" | "pledge";

export type ContributeState = { step: "kind" | "message" | "photo" | "pledge"; code: string; event: string };

export interface ContributeArgs {
  /** the event's code and name */
  code: string;
  event: string;
  kind?: ContributionKind;
  amount?: number;
}

declare module "./types.js" {
  interface ActionTypes {
    /** saves the contribution; the result is what the thanks shows */
    addContribution: {
      input: { code: string; kind: ContributionKind; content?: string; amount?: number; mediaUrl?: string };
      result: { event: string; amount: string; ref: string };
    };
  }
}

const kindWords: Record<string, ContributionKind> = {
  wish: "message",
  "well-wish": "message",
  wishes: "message",
  message: "message",
  salamu: "message",
  pongezi: "message",
  ujumbe: "message",
  "contribute:message": "message",
  photo: "photo",
  picture: "photo",
  picha: "photo",
  "contribute:photo": "photo",
  pledge: "pledge",
  money: "pledge",
  ahadi: "pledge",
  mchango: "pledge",
  michango: "pledge",
  pesa: "pledge",
  "contribute:pledge": "pledge",
};

const askKind = (state: ContributeState): Step<ContributeState> => ({
  state: { ...state, step: "kind" },
  effects: [
    reply(
      "contribute.ask_kind",
      { event: state.event },
      {
        choices: [
          { label: text("contribute.kind.message"), value: "contribute:message" },
          { label: text("contribute.kind.photo"), value: "contribute:photo" },
          { label: text("contribute.kind.pledge"), value: "contribute:pledge" },
        ],
      },
    ),
  ],
});

const asks = {
  message: "contribute.ask_message",
  photo: "contribute.ask_photo",
  pledge: "contribute.ask_pledge",
} as const;

function save(
  state: ContributeState,
  input: { kind: ContributionKind; content?: string; amount?: number; mediaUrl?: string },
): Step<ContributeState> {
  return {
    state: null,
    effects: [
      act<"addContribution", ContributeState>("addContribution", { code: state.code, ...input }, (r) => ({
        effects: [
          {
            type: "reply",
            reply:
              input.kind === "pledge"
                ? say(
                    "contribute.thanks_pledge",
                    { event: r.event, amount: r.amount, ref: r.ref },
                    { choices: [{ label: text("pay.now_button"), value: `pay:now:${r.ref}` }] },
                  )
                : say("contribute.thanks", { event: r.event }),
          },
        ],
      })),
    ],
  };
}

function onKind(state: ContributeState, input: FlowInput): Step<ContributeState> {
  const said =
    input.kind === "choice" ? input.value : input.kind === "text" ? input.text.trim().toLowerCase() : undefined;
  if (input.kind === "media" && input.mediaType === "photo")
    return save(state, { kind: "photo", mediaUrl: input.ref, ...(input.caption ? { content: input.caption } : {}) });
  const amount = input.kind === "text" ? parseAmount(input.text) : undefined;
  if (amount !== undefined) return onPledge(state, amount);
  const kind = said ? kindWords[said] : undefined;
  if (!kind) return { ...askKind(state), effects: [reply("contribute.kind_invalid"), ...askKind(state).effects] };
  return { state: { ...state, step: kind }, effects: [reply(asks[kind], { event: state.event })] };
}

function onPledge(state: ContributeState, amount: number | undefined, typed = ""): Step<ContributeState> {
  if (amount === undefined || amount <= 0 || amount > 1e12)
    return {
      state: { ...state, step: "pledge" },
      effects: [reply("contribute.amount_invalid", { text: typed.slice(0, 40) })],
    };
  return save(state, { kind: "pledge", amount });
}

export const contributeFlow: Flow<ContributeState, ContributeArgs> = {
  name: "contribute",
  version: 1,
  start(_context, args) {
    const state: ContributeState = { step: "kind", code: args.code, event: args.event };
    if (args.kind === "pledge" && args.amount !== undefined) return onPledge(state, args.amount);
    if (args.kind)
      return { state: { ...state, step: args.kind }, effects: [reply(asks[args.kind], { event: args.event })] };
    return askKind(state);
  },
  handle(state, input) {
    switch (state.step) {
      case "kind":
        return onKind(state, input);
      case "message": {
        const wish = input.kind === "text" ? input.text.trim() : "";
        if (wish.length < 2 || wish.length > 1000) return { state, effects: [reply("contribute.message_invalid")] };
        return save(state, { kind: "message", content: wish });
      }
      case "photo":
        if (input.kind === "media" && (input.mediaType === "photo" || input.mediaType === "document")) {
          return save(state, {
            kind: "photo",
            mediaUrl: input.ref,
            ...(input.caption ? { content: input.caption } : {}),
          });
        }
        return { state, effects: [reply("contribute.ask_photo", { event: state.event })] };
      case "pledge":
        return input.kind === "text"
          ? onPledge(state, parseAmount(input.text), input.text)
          : { state, effects: [reply("contribute.ask_pledge", { event: state.event })] };
    }
  },
};
