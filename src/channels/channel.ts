// The one contract every chat network implements (ports and adapters). Adapters only translate between the network
// and these types; routing, state and persistence live in the engine. test/contract/channel-contract.ts runs the same
// suite against every adapter.

export type ChannelName = "telegram" | "whatsapp" | "whatsapp_cloud" | "simulator";

/** Channels that may write to someone who never wrote to the bot (Telegram may not), in the order they are preferred. */
export type FirstContactChannel = "whatsapp_cloud" | "whatsapp" | "simulator";

/** Both ways Nuru talks WhatsApp: the Web session (whatsapp-web.js) and Meta's Cloud API. */
export function isWhatsAppChannel(channel: string): boolean {
  return channel === "whatsapp" || channel === "whatsapp_cloud";
}

/** Who sent an inbound message, as far as the network tells. */
export interface Sender {
  /** The network's stable id for the person (Telegram user id, WhatsApp jid such as 2557...@c.us or ...@lid). */
  externalId: string;
  /** Phone number in any format the network gives (the engine normalises to E.164); absent when unknown. */
  phone?: string;
  /** Display name the network shows, used until the person tells us theirs. */
  name?: string;
  /** Other ids of the same person on this network (WhatsApp: the @lid beside the @c.us), all mapped to one user. */
  aliases?: string[];
}

/** What the person did. */
export type InboundContent =
  | { kind: "text"; text: string }
  /** A tap on a choice we offered (Telegram callback query); value is what we put in the choice. */
  | { kind: "choice"; value: string }
  /** Telegram "/start <payload>" from a deep link; payload is absent for a bare /start. */
  | { kind: "start"; payload?: string }
  /** The person shared a contact (Telegram "share my phone number" button, WhatsApp vCard). */
  | { kind: "contact"; phone: string; own: boolean /** the name on the card, when it has one */; name?: string }
  /** A photo or other media; ref is the network's file id or a URL. */
  | { kind: "media"; mediaType: "photo" | "video" | "audio" | "document" | "sticker"; ref: string; caption?: string }
  /** A place the person shared (Telegram location or venue, WhatsApp location). */
  | { kind: "location"; latitude: number; longitude: number; name?: string; address?: string }
  /** A vote in a native poll we sent (WhatsApp); values are the option labels chosen. */
  | { kind: "poll_vote"; pollRef: string; values: string[] }
  /**
   * A message Nuru cannot take as it is: longer than any message it acts on (src/channels/storable.ts), or refused by
   * the database and kept in this form instead (quarantined, src/engine/inbound-log.ts). The sender is told politely.
   */
  | { kind: "refused"; reason: "too_long" | "unstorable" | "unsupported"; length?: number; detail?: string };

export interface InboundEvent {
  channel: ChannelName;
  /**
   * Unique per network delivery of this message, used to drop repeats: Telegram update_id, WhatsApp message id,
   * simulator client message id.
   */
  externalId: string;
  /** Where replies to this message go (Telegram chat id, WhatsApp chat jid, simulator phone). */
  chatId: string;
  /** True for a group chat; groups have stricter send limits. */
  isGroup?: boolean;
  sender: Sender;
  content: InboundContent;
  /** When the network says it was sent. */
  sentAt: Date;
}

/** A choice offered to the person: a button on Telegram, WhatsApp Cloud and the simulator, a numbered line on WhatsApp Web. */
export interface Choice {
  label: string;
  /** Opaque value returned as { kind: "choice", value }; at most 64 bytes (Telegram callback_data). */
  value: string;
}

/** A place on the map: Telegram sends a location (or a venue when it has a name and address), WhatsApp a Location. */
export interface Pin {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface OutboundPayload {
  chatId: string;
  /** The message; with a photo it is the photo's caption; with a poll, its question. */
  text: string;
  choices?: Choice[];
  /** Ask the person to share their phone number: Telegram shows a reply-keyboard button with this label; elsewhere
   * the text already says how. */
  requestPhone?: { label: string };
  /** A pin sent after the text. */
  location?: Pin;
  /** A photo (an https URL, or a file id of the network it came from) with the text as its caption. */
  photo?: { ref: string };
  /**
   * Offer the choices as a native poll where the network has one that reports who voted (WhatsApp; the vote comes
   * back as poll_vote and is mapped to the choice's value). Telegram and the simulator keep buttons, so votes stay
   * attributable and changeable.
   */
  poll?: { allowMultiple?: boolean };
  /** A file (an export: CSV, a chart) with the text as its caption; the bytes travel in base64. */
  document?: { filename: string; mimeType: string; base64: string };
  /**
   * The same message as a pre-approved template, for a network that takes only templates from a person who has not
   * written for a while (WhatsApp Cloud: 24 hours). Ignored by the others.
   */
  template?: TemplateCall;
  /** The network said the person's reply window is closed (after Nuru sent it as free text): only the template goes. */
  windowClosed?: boolean;
  /**
   * The outbox row's id: a network that shows one payload as several messages (WhatsApp Cloud: long text, a pin, a
   * file) resumes a retry after the parts already sent instead of sending them twice.
   */
  ref?: string;
}

/**
 * Messages Nuru may send as templates (each an approved template per language, named in the configuration); "waiting"
 * tells someone silent for 24 hours that messages wait for them until they reply.
 */
export type TemplateKind = "invitation" | "reminder" | "announcement" | "waiting";

export interface TemplateCall {
  kind: TemplateKind;
  /** the reader's language (en, sw), which picks the template's translation */
  locale: string;
  /** the template's {{1}}, {{2}}... in order; a network that refuses line breaks in them gets them folded */
  params: string[];
}

/** An OpenStreetMap link for a pin, where a network shows no map of its own (the simulator, text fallbacks). */
export function mapLink(pin: Pin): string {
  return `https://www.openstreetmap.org/?mlat=${pin.latitude}&mlon=${pin.longitude}#map=17/${pin.latitude}/${pin.longitude}`;
}

export interface SendResult {
  /** The network's id for the sent message, when it gives one. */
  externalId?: string;
}

/** The network refused for good (bot blocked, chat not found, number not on WhatsApp): record it, do not retry. */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The network takes this message only once the person writes again (WhatsApp Cloud: more than 24 hours since they
 * wrote, and no template for it): kept, and sent when they do. A PermanentSendError for anyone who does not know it.
 */
export class HoldUntilTheyWriteError extends PermanentSendError {
  override name = "HoldUntilTheyWriteError";
}

/** The network asked us to slow down (Telegram 429 retry_after): wait at least retryAfterMs before the next try. */
export class RateLimitError extends Error {
  override name = "RateLimitError";
  constructor(
    readonly retryAfterMs: number,
    /** only this chat must wait (WhatsApp Cloud's pair rate), not the whole channel */
    readonly chatOnly = false,
  ) {
    super(`rate limited${chatOnly ? " (this chat)" : ""}, retry after ${retryAfterMs} ms`);
  }
}

/** Send pacing each network needs; the outbound worker enforces it. */
export interface RateLimits {
  /** Messages per second across all chats. */
  globalPerSecond: number;
  /** Average gap between two messages to one private chat, in ms. */
  perChatIntervalMs: number;
  /** Messages one private chat may receive at once before the gap applies (a token bucket); default 1. */
  perChatBurst?: number;
  /** Messages per minute to one group chat. */
  groupPerMinute: number;
  /**
   * A slower budget for messages to people who never wrote to the bot (WhatsApp bans numbers for unsolicited
   * messages): on average one per 3600/perHour seconds, each gap varied by ±jitter, and at most perDay a day (UTC).
   * perHour Infinity: no spacing, only the daily cap (WhatsApp Cloud's messaging limit).
   */
  firstContact?: { perHour: number; perDay: number; jitter: number };
}

/**
 * Called by an adapter for every inbound message. It resolves once the message is durably logged; the adapter must
 * acknowledge the network only after that (webhook: answer 200; polling: advance the offset). A rejection means the
 * message was NOT taken and must be offered again.
 */
export type InboundSink = (event: InboundEvent) => Promise<void>;

/** What the network later says of a message it took (WhatsApp's ticks): recorded on its outbound row. */
export interface DeliveryUpdate {
  /** the id send() returned for it */
  externalId: string;
  /** the chat it went to, when the network says */
  chatId?: string;
  /** held: refused only until the person writes again (HoldUntilTheyWriteError, reported later) */
  state: "delivered" | "read" | "failed" | "held";
  at: Date;
  detail?: string;
}
export type DeliverySink = (update: DeliveryUpdate) => Promise<void>;

export interface ChannelAdapter {
  readonly name: ChannelName;
  readonly rateLimits: RateLimits;
  /** Begin receiving; inbound messages are handed to sink, and (channels that report them) delivery updates to onDelivery. */
  start(sink: InboundSink, onDelivery?: DeliverySink): Promise<void>;
  /** Stop receiving and release the network connection; sends in flight may finish. */
  stop(): Promise<void>;
  /** Deliver one message; throws PermanentSendError or RateLimitError as above, anything else is retried. */
  send(message: OutboundPayload): Promise<SendResult>;
}

/** Group chats have stricter send limits: Telegram group ids are negative, WhatsApp group jids end in @g.us. */
export function isGroupChatId(chatId: string): boolean {
  return chatId.startsWith("-") || chatId.endsWith("@g.us");
}
