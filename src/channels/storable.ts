// Makes what networks and people send storable, once, where it enters the engine (the sink every adapter calls), so
// the rules are the same on every channel and nothing behind the border meets a string PostgreSQL refuses.
//
// PostgreSQL refuses U+0000 in text and jsonb (22P05), and a JSON text holding a lone UTF-16 surrogate is not valid
// jsonb (22P02): one such message used to fail the inbound log's shared INSERT and stall every chat behind it. Other
// C0 control characters are legal there but never typed by a person, so they go too (tab, newline and carriage return
// stay). Lengths are capped so no column, index or message we render from them can overflow.
import { createHash } from "node:crypto";
import type { InboundContent, InboundEvent, Sender } from "./channel.js";

/** The same limits on every channel. */
export const inboundLimits = {
  /** Text longer than this is refused with a polite answer rather than cut (a cut command could act on half a list).
   * WhatsApp lets one message hold 65,536 characters; 32,000 holds an /invite of some two thousand numbers. */
  text: 32_000,
  /** Captions and names are cut silently: they are shown, never acted on. */
  caption: 4_096,
  name: 80,
  /** Network ids, chat ids, file references: longer ones are replaced by a digest, which keeps them distinct. */
  id: 256,
  phone: 64,
  /** choice values (Telegram allows 64 bytes) and poll options */
  choice: 256,
  pollValues: 32,
} as const;

/** Characters PostgreSQL refuses (U+0000) or no person types (other C0 controls except tab, LF, CR; DEL). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Control characters and line breaks: a name or an id is one line. */
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What cleaning changed, for the log. */
export type CleaningNotes = string[];

function clean(value: string, strip: RegExp, field: string, notes: CleaningNotes): string {
  let out = value;
  const stripped = out.replace(strip, "");
  if (stripped.length !== out.length)
    notes.push(`${field}: removed ${out.length - stripped.length} control character(s)`);
  out = stripped;
  const whole = out.replace(LONE_SURROGATE, "\uFFFD");
  if (whole !== out) notes.push(`${field}: replaced lone surrogate(s) with U+FFFD`);
  return whole;
}

/** Cuts to at most max UTF-16 units without splitting a surrogate pair. */
export function cutTo(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Free text as a person wrote it: storable, line breaks kept, nothing cut. */
export function storableText(value: string, notes: CleaningNotes = [], field = "text"): string {
  return clean(value, CONTROL, field, notes);
}

/** A display name: one line, storable, at most inboundLimits.name. */
export function storableName(value: string, notes: CleaningNotes = [], field = "name"): string {
  const cleaned = clean(value.replace(/[\t\n\r\u2028\u2029]+/g, " "), CONTROL_OR_BREAK, field, notes)
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned.length > inboundLimits.name)
    notes.push(`${field}: cut from ${cleaned.length} to ${inboundLimits.name} characters`);
  return cutTo(cleaned, inboundLimits.name).trim();
}

/** An id given by the network: storable, and when too long a digest of it (stable and still distinct). */
export function storableId(
  value: string,
  notes: CleaningNotes = [],
  field = "id",
  max: number = inboundLimits.id,
): string {
  const cleaned = clean(value, CONTROL_OR_BREAK, field, notes);
  if (cleaned.length <= max) return cleaned;
  notes.push(`${field}: ${cleaned.length} characters, replaced by its digest`);
  return `sha256:${createHash("sha256").update(cleaned).digest("hex")}`;
}

function cappedText(value: string, max: number, field: string, notes: CleaningNotes): string {
  const cleaned = storableText(value, notes, field);
  if (cleaned.length > max) notes.push(`${field}: cut from ${cleaned.length} to ${max} characters`);
  return cutTo(cleaned, max);
}

function storableContent(content: InboundContent, notes: CleaningNotes): InboundContent {
  switch (content.kind) {
    case "text": {
      const text = storableText(content.text, notes, "content.text");
      if (text.length <= inboundLimits.text) return { kind: "text", text };
      notes.push(`content.text: ${text.length} characters, over ${inboundLimits.text}: refused`);
      return { kind: "refused", reason: "too_long", length: text.length };
    }
    case "choice":
      return { kind: "choice", value: cappedText(content.value, inboundLimits.choice, "content.value", notes) };
    case "start":
      return content.payload === undefined
        ? content
        : { kind: "start", payload: storableId(content.payload, notes, "content.payload", 64) };
    case "contact": {
      const name = content.name === undefined ? undefined : storableName(content.name, notes, "content.name");
      return {
        kind: "contact",
        phone: cappedText(content.phone, inboundLimits.phone, "content.phone", notes),
        own: content.own,
        ...(name ? { name } : {}),
      };
    }
    case "media": {
      const caption =
        content.caption === undefined
          ? undefined
          : cappedText(content.caption, inboundLimits.caption, "content.caption", notes);
      return {
        kind: "media",
        mediaType: content.mediaType,
        ref: storableId(content.ref, notes, "content.ref"),
        ...(caption ? { caption } : {}),
      };
    }
    case "poll_vote": {
      if (content.values.length > inboundLimits.pollValues)
        notes.push(`content.values: ${content.values.length} values, kept ${inboundLimits.pollValues}`);
      return {
        kind: "poll_vote",
        pollRef: storableId(content.pollRef, notes, "content.pollRef"),
        values: content.values
          .slice(0, inboundLimits.pollValues)
          .map((v, i) => cappedText(v, inboundLimits.choice, `content.values[${i}]`, notes)),
      };
    }
    case "location": {
      // A place off the Earth is not a place: refused like any message Nuru cannot take.
      const { latitude, longitude } = content;
      if (
        !Number.isFinite(latitude) ||
        !Number.isFinite(longitude) ||
        Math.abs(latitude) > 90 ||
        Math.abs(longitude) > 180
      ) {
        notes.push(`content: location ${latitude},${longitude} is not on the Earth: refused`);
        return { kind: "refused", reason: "unstorable", detail: "invalid location" };
      }
      const name = content.name === undefined ? undefined : storableName(content.name, notes, "content.name");
      const address =
        content.address === undefined ? undefined : cappedText(content.address, 200, "content.address", notes);
      return { kind: "location", latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) };
    }
    case "refused": {
      const detail =
        content.detail === undefined ? undefined : cappedText(content.detail, 300, "content.detail", notes);
      return {
        kind: "refused",
        reason: content.reason,
        ...(content.length !== undefined ? { length: content.length } : {}),
        ...(detail ? { detail } : {}),
      };
    }
  }
}

function storableSender(sender: Sender, notes: CleaningNotes): Sender {
  const name = sender.name === undefined ? undefined : storableName(sender.name, notes, "sender.name");
  const out: Sender = { externalId: storableId(sender.externalId, notes, "sender.externalId") };
  if (sender.phone !== undefined) out.phone = cappedText(sender.phone, inboundLimits.phone, "sender.phone", notes);
  if (name) out.name = name;
  if (sender.aliases?.length)
    out.aliases = sender.aliases.slice(0, 8).map((a, i) => storableId(a, notes, `sender.aliases[${i}]`));
  return out;
}

/**
 * The event with every string made storable and capped, and what that changed (empty for nearly every message).
 * Only the fields of the channel contract are kept, so nothing a network added on the side reaches the database.
 */
export function toStorableEvent(event: InboundEvent): { event: InboundEvent; notes: CleaningNotes } {
  const notes: CleaningNotes = [];
  const sentAt = event.sentAt instanceof Date && !Number.isNaN(event.sentAt.getTime()) ? event.sentAt : new Date();
  const out: InboundEvent = {
    channel: event.channel,
    externalId: storableId(event.externalId, notes, "externalId"),
    chatId: storableId(event.chatId, notes, "chatId"),
    sender: storableSender(event.sender, notes),
    content: storableContent(event.content, notes),
    sentAt,
  };
  if (event.isGroup) out.isGroup = true;
  return { event: out, notes };
}
