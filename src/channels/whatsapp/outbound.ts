// Sending: a pace slow enough to keep the number, text with choices as numbered lines (buttons and lists no longer
// reach people from WhatsApp Web), a check that a phone number is on WhatsApp before its first message, and the
// library's errors sorted into "never" and "try again later".
import type { Logger } from "../../logger.js";
import type { Choice, RateLimits, SendResult } from "../channel.js";
import { PermanentSendError } from "../channel.js";
import type { WhatsAppClientLike, WhatsAppContent, WhatsAppSendOptions } from "./client.js";
import { chatJidOf, isPhoneJid, phoneOfJid } from "./ids.js";

/**
 * Numbers that message quickly, or many people who never wrote to them, get banned. So the pacing is deliberately
 * slow: at most one message per minIntervalMs across the process, twice that gap within one chat (a person getting
 * a burst is what gets reported as spam), and 10 a minute per group. minIntervalMs 0 still stops at 20 a second,
 * about what one WhatsApp Web tab can push.
 */
export function whatsappRateLimits(
  minIntervalMs: number,
  firstContact?: { perHour: number; perDay: number },
): RateLimits {
  const interval = Math.max(minIntervalMs, 50);
  return {
    globalPerSecond: 1000 / interval,
    perChatIntervalMs: interval * 2,
    groupPerMinute: 10,
    ...(firstContact ? { firstContact: { ...firstContact, jitter: 0.3 } } : {}),
  };
}

/** "Will you attend?\n\n1. Yes\n2. No": the engine maps a reply "1" back to the first choice. */
export function withNumberedChoices(text: string, choices: readonly Choice[] | undefined): string {
  if (!choices?.length) return text;
  const lines = choices.map((choice, index) => `${index + 1}. ${choice.label}`);
  return `${text}\n\n${lines.join("\n")}`;
}

/** Bounds the memory of which numbers are on WhatsApp; the oldest are asked again beyond it. */
const MAX_KNOWN_RECIPIENTS = 20_000;

export class WhatsAppSender {
  /**
   * Phone chat -> the id WhatsApp registered for it (it can differ from what we were given, e.g. an old number
   * format). Only numbers found on WhatsApp are kept: a refused number is recorded by the engine and not retried,
   * and someone may join WhatsApp later.
   */
  private readonly registered = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  async send(
    client: WhatsAppClientLike,
    chatId: string,
    content: WhatsAppContent,
    options?: WhatsAppSendOptions,
  ): Promise<SendResult> {
    const jid = chatJidOf(chatId);
    if (!jid) throw new PermanentSendError(`"${chatId}" is not a WhatsApp chat id or phone number`);
    const target = await this.targetOf(client, jid);
    let sent: Awaited<ReturnType<WhatsAppClientLike["sendMessage"]>>;
    try {
      // No link previews (a preview fetches the page from the bot's phone, slowly, and shows what the bot did not
      // choose); resolve only once WhatsApp took the message, so "sent" means sent, not "handed to the browser".
      sent = await client.sendMessage(target, content, {
        linkPreview: false,
        waitUntilMsgSent: true,
        sendSeen: false,
        ...options,
      });
    } catch (err) {
      throw await this.classify(client, jid, err);
    }
    // The library answers undefined when the browser found no chat for the id.
    if (!sent) throw new PermanentSendError(`WhatsApp has no chat ${target}`);
    return { externalId: sent.id._serialized };
  }

  /** Phone chats are checked once (cached) so an unknown number fails clearly instead of deep in the browser. */
  private async targetOf(client: WhatsAppClientLike, jid: string): Promise<string> {
    if (!isPhoneJid(jid)) return jid; // groups and @lid chats exist already: someone wrote to us from them
    const known = this.registered.get(jid);
    if (known) return known;
    const registered = await client.getNumberId(jid);
    if (!registered) throw notOnWhatsApp(jid);
    if (this.registered.size >= MAX_KNOWN_RECIPIENTS) {
      const oldest = this.registered.keys().next().value;
      if (oldest !== undefined) this.registered.delete(oldest);
    }
    this.registered.set(jid, registered._serialized);
    return registered._serialized;
  }

  private async classify(client: WhatsAppClientLike, jid: string, err: unknown): Promise<unknown> {
    const message = err instanceof Error ? err.message : String(err);
    if (/invalid wid|wid error/i.test(message)) {
      return new PermanentSendError(`WhatsApp refused the id ${jid} as invalid`);
    }
    if (/no lid for user/i.test(message) && isPhoneJid(jid)) {
      // WhatsApp says this for numbers it does not know, but also, for a while after some WhatsApp Web updates,
      // for every number. Asking again tells the two apart: only the first is final.
      this.registered.delete(jid);
      const stillRegistered = await client.getNumberId(jid).catch(() => undefined);
      if (stillRegistered === null) return notOnWhatsApp(jid);
      this.logger.warn(
        { err, chatId: jid },
        "whatsapp: 'No LID for user' for a number that is on WhatsApp; will retry",
      );
    }
    return err;
  }
}

function notOnWhatsApp(jid: string): PermanentSendError {
  return new PermanentSendError(`${phoneOfJid(jid) ?? jid} is not on WhatsApp`);
}
