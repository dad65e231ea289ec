// The contract between the engine and the flows. Flows are pure: (state, input, context) -> (state, effects).
// They never touch Prisma or a channel; the engine executes their effects inside the message's transaction.
import type { Checked, Locale, Message, MessageKey, ParamArgs, ParamsOf, PlaceholdersOf } from "../src/i18n/index.js";

/** Text in the reader's language (a catalogue message, its parameters checked) or literal text (a name someone typed). */
export type LocalText = Message | { text: string };

export interface FlowChoice {
  label: LocalText;
  /** what comes back when the person picks it (a tap, or its number); at most 64 bytes */
  value: string;
}

export interface Reply {
  text: LocalText;
  choices?: FlowChoice[];
  /** ask for the person's phone number (Telegram shows a share-contact button with this label) */
  requestPhone?: LocalText;
  /** a pin after the text (a venue) */
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** a photo, the text its caption */
  photo?: { ref: string };
  /** the choices as a native poll where the network has one (WhatsApp) */
  poll?: { allowMultiple?: boolean };
  /** a file (an export), the text its caption */
  document?: { filename: string; mimeType: string; base64: string };
}

/**
 * The domain actions flows may ask for, by name: each journey declares its own by augmenting this interface
 * (`declare module "../flows/types.js" { interface ActionTypes { recordRsvp: { input: ...; result: ... } } }`) and
 * registers a handler for it (src/journeys/journey.ts). The engine has no list of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ActionTypes {}

export type ActionName = keyof ActionTypes;
type Def<K extends ActionName> = ActionTypes[K] extends { input: infer I; result: infer R }
  ? { input: I; result: R }
  : never;
export type ActionInput<K extends ActionName> = Def<K>["input"];
export type ActionResult<K extends ActionName> = Def<K>["result"];
export type DomainAction = { [K in ActionName]: { type: K; input: ActionInput<K> } }[ActionName];

/** What follows an action, built from its result: more effects, and (when given) the flow's next state. */
export interface FollowUp<S> {
  effects?: Effect<S>[];
  /** the flow's state from here on (null ends the conversation); absent keeps the step's own */
  state?: S | null;
}

export type Effect<S = unknown> =
  | { type: "reply"; reply: Reply }
  /** run the action; `then` turns its result into what follows (a confirmation, the id a later step needs) */
  | { type: "action"; action: DomainAction; then?: (result: any) => FollowUp<S> };

export type FlowInput =
  | { kind: "text"; text: string }
  | { kind: "choice"; value: string }
  | { kind: "media"; mediaType: string; ref: string; caption?: string }
  | { kind: "contact"; phone: string; own: boolean; name?: string }
  | { kind: "location"; latitude: number; longitude: number; name?: string; address?: string };

export interface FlowContext {
  locale: Locale;
  /** the person's name as we know it */
  userName: string;
  /** the person's IANA time zone, for reading dates they type */
  timeZone: string;
  now: Date;
}

export interface Step<S> {
  /** null ends the conversation */
  state: S | null;
  effects: Effect<S>[];
}

export interface Flow<S = unknown, A = unknown> {
  name: string;
  /** bump when the state's shape changes: stored state of another version is dropped with a polite restart */
  version: number;
  /** args: what the command that starts the flow knows (an invitation code, the events to choose from) */
  start(context: FlowContext, args: A): Step<S>;
  handle(state: S, input: FlowInput, context: FlowContext): Step<S>;
}

type ReplyExtra = Omit<Reply, "text">;
// Generic in P like ParamArgs, so a value typed as a domain enum is refused (see Checked in src/i18n).
type ReplyArgs<K extends MessageKey, P> = [PlaceholdersOf<K>] extends [never]
  ? [params?: Record<string, never>, extra?: ReplyExtra]
  : [params: P & Checked<K, P>, extra?: ReplyExtra];

/** A reply effect with a catalogue message, its parameters checked. */
export function reply<K extends MessageKey, P extends ParamsOf<K>>(
  key: K,
  ...[params, extra]: ReplyArgs<K, P>
): Effect<never> {
  return { type: "reply", reply: { text: { key, params } as Message, ...extra } };
}

/** The same as a Reply value (for a FollowUp or a choice list). */
export function say<K extends MessageKey, P extends ParamsOf<K>>(key: K, ...[params, extra]: ReplyArgs<K, P>): Reply {
  return { text: { key, params } as Message, ...extra };
}

/** A catalogue text, its parameters checked (a choice's label, say). */
export function text<K extends MessageKey, P extends ParamsOf<K>>(key: K, ...[params]: ParamArgs<K, P>): Message {
  return { key, params } as Message;
}

/** An action effect. */
export function act<K extends ActionName, S = never>(
  type: K,
  input: ActionInput<K>,
  then?: (result: ActionResult<K>) => FollowUp<S>,
): Effect<S> {
  return { type: "action", action: { type, input } as DomainAction, ...(then ? { then } : {}) };
}
