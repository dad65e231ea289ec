// OutboundPayload -> Telegram's send calls (keyboards, captions, parts, a place), and Telegram's refusals -> the
// channel's error types.
import { type Telegram, TelegramError } from "telegraf";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "telegraf/types";
import { PermanentSendError, RateLimitError, type Choice, type OutboundPayload, type SendResult } from "../channel.js";

/** Telegram drops buttons whose callback_data exceeds 64 bytes, so we refuse them before sending. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

function inlineKeyboard(choices: Choice[]): InlineKeyboardMarkup {
  for (const choice of choices) {
    const bytes = Buffer.byteLength(choice.value, "utf8");
    if (bytes > MAX_CALLBACK_DATA_BYTES) {
      // The same row would be refused on every try: failing it for good keeps it from holding up the chat behind it.
      throw new PermanentSendError(
        `choice value "${choice.value}" is ${bytes} bytes; Telegram callback_data allows at most ${MAX_CALLBACK_DATA_BYTES}`,
      );
    }
  }
  // One button per row: labels in Swahili and English are long, and a column reads like a numbered list.
  return { inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: c.value }]) };
}

/**
 * The keyboard for one message. `hasReplyKeyboard` says whether this chat still shows a phone-request keyboard we
 * sent earlier: the next message without one removes it, so the person is not left with a stale button.
 */
export function replyMarkupFor(message: OutboundPayload, hasReplyKeyboard: boolean): ReplyMarkup | undefined {
  const choices = message.choices ?? [];
  if (choices.length > 0 && message.requestPhone) {
    // A message carries one keyboard: inline buttons or a reply keyboard, never both.
    throw new PermanentSendError(
      "a Telegram message cannot offer choices and a phone request at once; send them separately",
    );
  }
  if (choices.length > 0) return inlineKeyboard(choices);
  if (message.requestPhone) {
    return {
      keyboard: [[{ text: message.requestPhone.label, request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    };
  }
  return hasReplyKeyboard ? { remove_keyboard: true } : undefined;
}

/** Telegram refuses a message text beyond this many characters (UTF-16 units, as Telegram counts them). */
export const MAX_MESSAGE_CHARS = 4096;
/** ... and a photo's caption beyond this many. */
export const MAX_CAPTION_CHARS = 1024;

/**
 * A text Telegram would refuse as too long, in parts it takes: cut at the last line break (else space) before the
 * limit, so a long guest list arrives as several readable messages. Keyboards go on the last part.
 */
export function splitForTelegram(text: string, max: number = MAX_MESSAGE_CHARS): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = /[\uD800-\uDBFF]/.test(rest[max - 1]!) ? max - 1 : max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, "");
  }
  parts.push(rest);
  return parts.filter((p, i) => p.length > 0 || i === parts.length - 1);
}

/** Translates Telegram's refusal into what the outbound worker acts on; anything unrecognised is returned as is. */
export function mapSendError(error: unknown): unknown {
  if (!(error instanceof TelegramError)) return error;
  if (error.code === 429) {
    const retryAfterSeconds = error.parameters?.retry_after ?? 1;
    return new RateLimitError(retryAfterSeconds * 1000);
  }
  // 403: bot blocked, kicked from the group, or the user deleted their account.
  if (error.code === 403) return new PermanentSendError(error.description);
  // 400 Bad Request (chat not found, text empty or malformed, button data refused): the same request would be refused
  // again, and retrying it for hours would hold up every later message to the chat.
  if (error.code === 400) return new PermanentSendError(error.description);
  return error;
}

/**
 * Sends one payload: a photo or file (captioned when the text fits), the text in parts Telegram takes, then a place.
 * chatsWithReplyKeyboard: chats still showing our phone-request keyboard, kept up to date here.
 */
export async function sendPayload(
  telegram: Telegram,
  message: OutboundPayload,
  chatsWithReplyKeyboard: Set<string>,
): Promise<SendResult> {
  const markup = replyMarkupFor(message, chatsWithReplyKeyboard.has(message.chatId));
  // A photo carries up to 1,024 characters of caption; a longer text follows it as messages of its own.
  const media = message.photo || message.document;
  const captioned = media && message.text.length <= MAX_CAPTION_CHARS;
  const parts = captioned ? [] : splitForTelegram(message.text).filter((p) => p.trim() || !media);
  try {
    let sent: { message_id: number } | undefined;
    const extra = captioned ? { caption: message.text, ...(markup ? { reply_markup: markup } : {}) } : {};
    if (message.photo) sent = await telegram.sendPhoto(message.chatId, message.photo.ref, extra);
    if (message.document) {
      const { base64, filename, mimeType } = message.document;
      const file = { source: Buffer.from(base64, "base64"), filename };
      // A picture (an entry pass, a chart) is shown as one; anything else is a file to open.
      sent = mimeType.startsWith("image/")
        ? await telegram.sendPhoto(message.chatId, file, extra)
        : await telegram.sendDocument(message.chatId, file, extra);
    }
    // A retry after a failure part-way repeats the parts already sent: rare, and better than losing the rest.
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      sent = await telegram.sendMessage(message.chatId, part, last && markup ? { reply_markup: markup } : {});
    }
    if (message.location) {
      const { latitude, longitude, name, address } = message.location;
      if (name && address) await telegram.sendVenue(message.chatId, latitude, longitude, name, address);
      else await telegram.sendLocation(message.chatId, latitude, longitude);
    }
    if (message.requestPhone) chatsWithReplyKeyboard.add(message.chatId);
    else if (markup && "remove_keyboard" in markup) chatsWithReplyKeyboard.delete(message.chatId);
    return { externalId: String(sent!.message_id) };
  } catch (error) {
    throw mapSendError(error);
  }
}
