// The contract between the engine and the flows. Flows are pure: (state, input, context) -> (state, effects).
// They never touch Prisma or a channel; the engine executes their effects inside the message's transaction.
import type { Locale, MessageKey, Params } from "../src/i18n/index.js";

/** Text in the person's language (a catalogue key) or literal text (a poll option someone typed). */
export type LocalText = { key: MessageKey; params?: Params } | { text: string };

export interface FlowChoice {
  label: LocalText;
  /** what comes back when the person picks it (a tap, or its number) */
  value: string;
}

export interface Reply {
  text: LocalText;
  choices?: FlowChoice[];
  /** ask for the person's phone number (Telegram shows a share-contact button with this label) */
  requestPhone?: LocalText;
}

/** Domain changes a flow may ask for; the engine maps each to a domain function. */
export type DomainAction =
  | { type: "setUserName"; name: string }
  | { type: "setLocale"; locale: Locale }
  /** a phone number the network vouches for (the person's own contact) */
  | { type: "attachPhone"; phone: string }
  | { type: "claimInvitation"; code: string };

export type Effect =
  | { type: "reply"; reply: Reply }
  /** run the action, then send `then` (if any) with the action's result merged into its params */
  | { type: "action"; action: DomainAction; then?: Reply };

export type FlowInput =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string }
  | { kind: "media"; mediaType: string; ref: string; caption?: string }
  | { kind: "contact"; phone: string; own: boolean };

export interface FlowContext {
  locale: Locale;
  /** the person's name as we know it */
  userName: string;
  now: Date;
}

export interface Step<S> {
  /** null ends the conversation */
  state: S | null;
  effects: Effect[];
}

export interface Flow<S = unknown> {
  name: string;
  /** bump when the state's shape changes: stored state of another version is dropped with a polite restart */
  version: number;
  /** args: what the command that starts the flow knows (e.g. the invitation code of a deep link) */
  start(context: FlowContext, args?: Record<string, string>): Step<S>;
  handle(state: S, input: FlowInput, context: FlowContext): Step<S>;
}

export const reply = (key: MessageKey, params?: Params, extra: Omit<Reply, "text"> = {}): Effect => ({
  type: "reply",
  reply: { text: { key, params }, ...extra },
});
