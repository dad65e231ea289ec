// Telegram update -> InboundEvent. Pure, so every mapping rule is unit-tested without a network.
import type { Message, Update, User } from "telegraf/types";
import type { InboundContent, InboundEvent, Sender } from "../channel.js";

/** Deep-link payloads Telegram itself accepts (t.me/bot?start=...); anything else cannot have come from our links. */
const DEEP_LINK_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
/** "/start", "/start payload", and in groups "/start@OurBot payload". */
const START_COMMAND = /^\/start(?:@\w+)?(?:\s+(.*))?$/s;

function senderOf(from: User, phone?: string): Sender {
  const name = [from.first_name, from.last_name].filter(Boolean).join(" ").trim();
  return { externalId: String(from.id), ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}

function startContent(text: string): InboundContent | undefined {
  const match = START_COMMAND.exec(text.trim());
  if (!match) return undefined;
  const payload = match[1]?.trim();
  // A payload we could not have issued is treated as a bare /start: the person still gets the welcome flow.
  return payload && DEEP_LINK_PAYLOAD.test(payload) ? { kind: "start", payload } : { kind: "start" };
}

function withCaption(message: Message): { caption?: string } {
  return "caption" in message && message.caption ? { caption: message.caption } : {};
}

/** What the person sent, or undefined for message kinds Nuru does not handle (locations, service messages, ...). */
function messageContent(message: Message): InboundContent | undefined {
  if ("text" in message) return startContent(message.text) ?? { kind: "text", text: message.text };
  if ("contact" in message) {
    // "own" tells a shared own number (the request_contact button) from someone forwarding another person's card.
    const own = message.contact.user_id !== undefined && message.contact.user_id === message.from?.id;
    const name = [message.contact.first_name, message.contact.last_name].filter(Boolean).join(" ").trim();
    return { kind: "contact", phone: message.contact.phone_number, own, ...(name ? { name } : {}) };
  }
  if ("venue" in message) {
    const { location, title, address } = message.venue;
    return {
      kind: "location",
      latitude: location.latitude,
      longitude: location.longitude,
      ...(title ? { name: title } : {}),
      ...(address ? { address } : {}),
    };
  }
  if ("location" in message)
    return { kind: "location", latitude: message.location.latitude, longitude: message.location.longitude };
  if ("photo" in message && message.photo.length) {
    // Telegram sends several sizes of one photo; keep the largest.
    const largest = message.photo.reduce((best, size) =>
      size.width * size.height > best.width * best.height ? size : best,
    );
    return { kind: "media", mediaType: "photo", ref: largest.file_id, ...withCaption(message) };
  }
  if ("video" in message)
    return { kind: "media", mediaType: "video", ref: message.video.file_id, ...withCaption(message) };
  if ("video_note" in message) return { kind: "media", mediaType: "video", ref: message.video_note.file_id };
  if ("voice" in message)
    return { kind: "media", mediaType: "audio", ref: message.voice.file_id, ...withCaption(message) };
  if ("audio" in message)
    return { kind: "media", mediaType: "audio", ref: message.audio.file_id, ...withCaption(message) };
  if ("sticker" in message) return { kind: "media", mediaType: "sticker", ref: message.sticker.file_id };
  // Animations (GIFs) also carry a document field, so they land here as documents.
  if ("document" in message) {
    return { kind: "media", mediaType: "document", ref: message.document.file_id, ...withCaption(message) };
  }
  return undefined;
}

function isGroupChat(type: string): boolean {
  return type === "group" || type === "supergroup";
}

/**
 * Maps one Telegram update to what the engine understands, or undefined for updates Nuru ignores (edited messages,
 * channel posts, messages without a sender, taps on inline-mode messages). `receivedAt` stands in for the send time
 * of a button tap, which Telegram does not date.
 */
export function toInboundEvent(update: Update, receivedAt: Date = new Date()): InboundEvent | undefined {
  const externalId = String(update.update_id);

  if ("message" in update) {
    const message = update.message;
    if (!message.from) return undefined;
    const content = messageContent(message);
    if (!content) return undefined;
    const ownPhone = content.kind === "contact" && content.own ? content.phone : undefined;
    return {
      channel: "telegram",
      externalId,
      chatId: String(message.chat.id),
      isGroup: isGroupChat(message.chat.type),
      sender: senderOf(message.from, ownPhone),
      content,
      sentAt: new Date(message.date * 1000),
    };
  }

  if ("callback_query" in update) {
    const query = update.callback_query;
    // Without the message we cannot tell which chat to answer in, and without data it is not one of our choices.
    if (!query.message || !("data" in query)) return undefined;
    return {
      channel: "telegram",
      externalId,
      chatId: String(query.message.chat.id),
      isGroup: isGroupChat(query.message.chat.type),
      sender: senderOf(query.from),
      content: { kind: "choice", value: query.data },
      sentAt: receivedAt,
    };
  }

  return undefined;
}
