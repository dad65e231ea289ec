// Translates whatsapp-web.js "message" and "vote_update" events into InboundEvents. Returns undefined for what the
// engine has no use for (our own messages, Status posts, system notices), with a debug line saying why.
import type { Logger } from "../../logger.js";
import type { InboundContent, InboundEvent } from "../channel.js";
import type { WhatsAppClientLike, WhatsAppMessageLike, WhatsAppPollVoteLike } from "./client.js";
import { STATUS_BROADCAST, isGroupJid } from "./ids.js";
import type { LidDirectory } from "./lid-directory.js";
import { nameOfVCard, phoneOfVCard } from "./vcard.js";

type MediaType = Extract<InboundContent, { kind: "media" }>["mediaType"];

const MEDIA_TYPES: Record<string, MediaType> = {
  image: "photo",
  video: "video",
  audio: "audio",
  ptt: "audio", // voice note
  document: "document",
  sticker: "sticker",
};

// Types whose body is not something the person wrote: notices, reactions, undecryptable stubs. ("location" is read
// from message.location above: its body is a base64 map thumbnail.) Ignored without a word.
const NOT_FROM_A_PERSON = new Set([
  "revoked",
  "e2e_notification",
  "notification",
  "notification_template",
  "gp2",
  "group_notification",
  "protocol",
  "reaction",
  "call_log",
  "ciphertext",
  "broadcast_notification",
  "debug",
  "unknown",
  "poll_creation",
]);

// Types whose body is what the person wrote or chose. Any other type with a body (a scheduled event, a group invite,
// a product, an order) is not text the flows should read: the person is told politely instead.
const WRITTEN = new Set(["chat", "buttons_response", "list_response", "template_button_reply"]);

export interface InboundContext {
  client: WhatsAppClientLike;
  lids: LidDirectory;
  logger: Logger;
}

/** The chat a message belongs to: the key that keeps one chat's messages in order. */
export function chatOfMessage(message: WhatsAppMessageLike): string {
  return message.from;
}

export function chatOfVote(vote: WhatsAppPollVoteLike): string {
  // For a message we sent, `from` is our own id; the chat is the recipient, which the message id carries. A vote on
  // a poll the browser no longer has comes with a parent message without an id (1.34.7): the voter's chat then.
  return vote.parentMessage?.id?.remote ?? vote.parentMessage?.to ?? vote.voter;
}

export async function messageToEvent(
  ctx: InboundContext,
  message: WhatsAppMessageLike,
): Promise<InboundEvent | undefined> {
  const externalId = message.id._serialized;
  if (message.fromMe || message.id.fromMe) return undefined;
  if (message.isStatus || message.from === STATUS_BROADCAST) {
    ctx.logger.debug({ externalId }, "whatsapp: ignoring a Status post");
    return undefined;
  }
  const content = contentOf(message);
  if (!content) {
    ctx.logger.debug({ externalId, type: message.type }, "whatsapp: ignoring a message with nothing the engine uses");
    return undefined;
  }
  const chatId = chatOfMessage(message);
  const isGroup = isGroupJid(chatId);
  // In a group `from` is the group; the person is `author`.
  const senderJid = isGroup ? (message.author ?? chatId) : chatId;
  const sender = await ctx.lids.senderOf(ctx.client, senderJid, message._data?.notifyName);
  const event: InboundEvent = {
    channel: "whatsapp",
    externalId,
    chatId,
    sender,
    content,
    sentAt: sentAtOf(message.timestamp * 1000),
  };
  if (isGroup) event.isGroup = true;
  return event;
}

function contentOf(message: WhatsAppMessageLike): InboundContent | undefined {
  const mediaType = MEDIA_TYPES[message.type];
  if (mediaType) {
    // ref is the message id: the media itself is downloaded later through the message, when the engine wants it.
    const content: InboundContent = { kind: "media", mediaType, ref: message.id._serialized };
    if (message.body) content.caption = message.body;
    return content;
  }
  if (message.type === "location") {
    const place = message.location;
    // The library builds a Location for every message of this type, from whatever lat/lng the model had: without
    // them it holds undefined, which must not become a pin at NaN, NaN.
    const latitude = Number(place?.latitude);
    const longitude = Number(place?.longitude);
    if (
      !place ||
      place.latitude == null ||
      place.longitude == null ||
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude)
    )
      return undefined;
    return {
      kind: "location",
      latitude,
      longitude,
      ...(place.name ? { name: place.name } : {}),
      ...(place.address ? { address: place.address } : {}),
    };
  }
  if (message.type === "vcard" || message.type === "multi_vcard") {
    // One contact per event; for several shared at once the first is taken (the engine asks for one number).
    const vcards = message.vCards?.length ? message.vCards : [message.body];
    const found = vcards.map((card) => ({ card, phone: phoneOfVCard(card) })).find((v) => v.phone !== undefined);
    if (!found?.phone) return undefined;
    const { card, phone } = found;
    const name = nameOfVCard(card);
    return { kind: "contact", phone, own: false, ...(name ? { name } : {}) };
  }
  if (NOT_FROM_A_PERSON.has(message.type)) return undefined;
  const text = message.body.trim();
  if (!text) return undefined;
  if (!WRITTEN.has(message.type)) return { kind: "refused", reason: "unsupported", detail: message.type.slice(0, 40) };
  return { kind: "text", text: message.body };
}

/** Only votes on polls we sent concern the engine; others (polls between guests in a group) are ignored. */
export async function voteToEvent(ctx: InboundContext, vote: WhatsAppPollVoteLike): Promise<InboundEvent | undefined> {
  const poll = vote.parentMessage;
  const pollRef = poll?.id?._serialized;
  if (!pollRef) {
    ctx.logger.warn(
      { voter: vote.voter },
      "whatsapp: a poll vote whose poll the browser no longer has; ignored (the person can answer with the number)",
    );
    return undefined;
  }
  if (!(poll.fromMe || poll.id.fromMe)) {
    ctx.logger.debug({ pollRef }, "whatsapp: ignoring a vote on a poll we did not send");
    return undefined;
  }
  const chatId = chatOfVote(vote);
  // Without the option name (poll not in the browser's cache) the 1-based position is given instead, which the
  // engine already understands as a numbered reply.
  const values = vote.selectedOptions.map((option) => option.name ?? String((option.localId ?? option.id ?? 0) + 1));
  const sender = await ctx.lids.senderOf(ctx.client, vote.voter);
  const event: InboundEvent = {
    channel: "whatsapp",
    // A person may change their vote; each change is its own event, and a repeat of one change keeps its id.
    externalId: `vote:${pollRef}:${vote.voter}:${vote.interractedAtTs}`,
    chatId,
    sender,
    content: { kind: "poll_vote", pollRef, values },
    sentAt: sentAtOf(vote.interractedAtTs),
  };
  if (isGroupJid(chatId)) event.isGroup = true;
  return event;
}

function sentAtOf(epochMs: number): Date {
  return Number.isFinite(epochMs) && epochMs > 0 ? new Date(epochMs) : new Date();
}
