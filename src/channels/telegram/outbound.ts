// OutboundPayload -> Telegram sendMessage options, and Telegram's refusals -> the channel's error types.
import { TelegramError } from "telegraf";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "telegraf/types";
import { PermanentSendError, RateLimitError, type Choice, type OutboundPayload } from "../channel.js";

/** Telegram drops buttons whose callback_data exceeds 64 bytes, so we refuse them before sending. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

function inlineKeyboard(choices: Choice[]): InlineKeyboardMarkup {
  for (const choice of choices) {
    const bytes = Buffer.byteLength(choice.value, "utf8");
    if (bytes > MAX_CALLBACK_DATA_BYTES) {
      throw new Error(
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
    throw new Error("a Telegram message cannot offer choices and a phone request at once; send them separately");
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

/** "chat not found" / "PEER_ID_INVALID": the id names nobody Telegram will let us reach; retrying cannot help. */
const UNKNOWN_CHAT = /chat not found|peer_id_invalid/i;

/** Translates Telegram's refusal into what the outbound worker acts on; anything unrecognised is returned as is. */
export function mapSendError(error: unknown): unknown {
  if (!(error instanceof TelegramError)) return error;
  if (error.code === 429) {
    const retryAfterSeconds = error.parameters?.retry_after ?? 1;
    return new RateLimitError(retryAfterSeconds * 1000);
  }
  // 403: bot blocked, kicked from the group, or the user deleted their account.
  if (error.code === 403) return new PermanentSendError(error.description);
  if (error.code === 400 && UNKNOWN_CHAT.test(error.description)) return new PermanentSendError(error.description);
  return error;
}
