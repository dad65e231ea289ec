// Telegram as a ChannelAdapter: receives by long polling (default) or webhook, sends with the Bot API.
// We use telegraf's API client and types but not its update loop, because acknowledgement must wait for the sink.
import type { RequestHandler } from "express";
import { Telegram, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../../logger.js";
import type { ChannelAdapter, InboundSink, OutboundPayload, RateLimits, SendResult } from "../channel.js";
import { toInboundEvent } from "./inbound.js";
import { MAX_CAPTION_CHARS, mapSendError, replyMarkupFor, splitForTelegram } from "./outbound.js";
import { ALLOWED_UPDATES, startPolling, type Poller } from "./polling.js";
import { createWebhookHandler, type UpdateProcessor } from "./webhook.js";

export interface TelegramAdapterOptions {
  token: string;
  /** https://api.telegram.org, a self-hosted Bot API server, or the emulator in tests. */
  apiRoot: string;
  /** Receive by webhook instead of long polling; the secret comes back in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { url: string; secret: string };
  logger: Logger;
  /** Long-poll timeout; Telegram holds the request this long when there is nothing new. Default 30. */
  pollTimeoutSeconds?: number;
  /** Pause before offering a refused update again, and the first step of the network backoff. Default 1000. */
  retryDelayMs?: number;
}

export interface TelegramAdapter extends ChannelAdapter {
  readonly name: "telegram";
  /** Express handler for Telegram's webhook POSTs; mount it after express.json(). Answers 404 in polling mode. */
  webhookHandler(): RequestHandler;
  /** The bot's @username (getMe), for t.me links. */
  username(): Promise<string>;
  /** "ready", or "connecting: <why>" while Telegram cannot be reached (for /readyz). */
  status(): string;
}

/** Telegram refused the token itself: a configuration error, not something waiting fixes. */
export class TelegramTokenRefusedError extends Error {
  override name = "TelegramTokenRefusedError";
}

/** The Bot API's HTTP status of a refusal, when it answered at all (a network failure has none). */
function apiErrorCode(error: unknown): number | undefined {
  return error instanceof TelegramError ? error.code : undefined;
}

/** Telegram's published limits (see ENVIRONMENT.md, "Platform limits"); a private chat tolerates short bursts, so a
 * few replies go at once and the average stays at one a second. */
export const TELEGRAM_RATE_LIMITS: RateLimits = {
  globalPerSecond: 30,
  perChatIntervalMs: 1000,
  perChatBurst: 3,
  groupPerMinute: 20,
};

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const telegram = new Telegram(options.token, { apiRoot: options.apiRoot });
  const log = options.logger.child({ channel: "telegram" });
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;

  let sink: InboundSink | undefined;
  let poller: Poller | undefined;
  let connecting: string | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Chats still showing our phone-request keyboard; in memory only, so a restart may leave one stale button. */
  const chatsWithReplyKeyboard = new Set<string>();
  /** Callback answers in flight, awaited at stop so none is cut off mid-request. */
  const pendingAnswers = new Set<Promise<void>>();

  /** Stops the button's spinner. A failure costs the person a spinner, not the update, so it is only logged. */
  function answerCallback(queryId: string): void {
    const answer = telegram
      .answerCbQuery(queryId)
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error, queryId }, "could not answer telegram callback query"))
      .finally(() => pendingAnswers.delete(answer));
    pendingAnswers.add(answer);
  }

  /** Hands one update to the sink; rejects (so it is offered again) exactly when the sink does. */
  async function handle(update: Update, to: InboundSink): Promise<void> {
    let event: ReturnType<typeof toInboundEvent>;
    try {
      event = toInboundEvent(update);
    } catch (err) {
      // An update we cannot translate would fail the same way every time it is offered: acknowledge it, so it
      // cannot hold back the updates behind it, and say so in the log.
      log.error(
        { err, updateId: update.update_id },
        "telegram update could not be translated; acknowledged and dropped",
      );
      return;
    }
    if (event) await to(event);
    if ("callback_query" in update) answerCallback(update.callback_query.id);
  }

  /** Webhook set, or webhook removed and long polling started. */
  async function connect(to: InboundSink): Promise<void> {
    if (options.webhook) {
      await telegram.setWebhook(options.webhook.url, {
        secret_token: options.webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      log.info({ url: options.webhook.url }, "telegram webhook set");
      return;
    }
    // getUpdates is refused while a webhook is set (e.g. left over from a webhook deployment).
    await telegram.deleteWebhook({ drop_pending_updates: false });
    poller = startPolling({
      telegram,
      handle: (update) => handle(update, to),
      logger: log,
      timeoutSeconds: pollTimeoutSeconds,
      retryDelayMs,
    });
    log.info("telegram long polling started");
  }

  /** Tries connect() again with a doubling delay (up to a minute) until it works or the adapter stops. */
  function scheduleRetry(to: InboundSink, attempt: number): void {
    const delayMs = Math.min(retryDelayMs * 2 ** (attempt - 1), 60_000);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (sink !== to) return;
      connect(to).then(
        () => {
          connecting = undefined;
          log.info({ attempts: attempt + 1 }, "Telegram reached; the channel is running");
        },
        (error: unknown) => {
          if (sink !== to) return;
          connecting = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error);
          log.warn(
            { err: error, attempt, nextInMs: Math.min(retryDelayMs * 2 ** attempt, 60_000) },
            "Telegram still cannot be reached",
          );
          scheduleRetry(to, attempt + 1);
        },
      );
    }, delayMs);
    retryTimer.unref?.();
  }

  const processor = (): UpdateProcessor => {
    const current = sink;
    return current ? (update) => handle(update, current) : undefined;
  };

  return {
    name: "telegram",
    rateLimits: TELEGRAM_RATE_LIMITS,

    async start(newSink) {
      if (sink) throw new Error("telegram adapter already started");
      sink = newSink;
      try {
        await connect(newSink);
      } catch (error) {
        const code = apiErrorCode(error);
        // 401/404 to the token: wrong or revoked. Telegram will not change its mind; say so and stop.
        if (code === 401 || code === 404) {
          sink = undefined;
          throw new TelegramTokenRefusedError(
            `Telegram refused TELEGRAM_BOT_TOKEN (${code}): check the token from @BotFather`,
          );
        }
        // The network (or Telegram) is away: keep trying in the background while the rest of Nuru runs.
        connecting = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error);
        log.warn({ err: error }, "Telegram cannot be reached; retrying in the background while the rest of Nuru runs");
        scheduleRetry(newSink, 1);
      }
    },

    status() {
      return connecting ? `connecting: ${connecting}` : "ready";
    },

    async stop() {
      // From here the webhook answers 503, so Telegram keeps what arrives and retries later.
      sink = undefined;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      await poller?.stop();
      poller = undefined;
      await Promise.allSettled([...pendingAnswers]);
    },

    async send(message: OutboundPayload): Promise<SendResult> {
      const markup = replyMarkupFor(message, chatsWithReplyKeyboard.has(message.chatId));
      // A photo carries up to 1,024 characters of caption; a longer text follows it as messages of its own.
      const media = message.photo || message.document;
      const captioned = media && message.text.length <= MAX_CAPTION_CHARS;
      const parts = captioned ? [] : splitForTelegram(message.text).filter((p) => p.trim() || !media);
      try {
        let sent: { message_id: number } | undefined;
        if (message.photo) {
          const extra = captioned ? { caption: message.text, ...(markup ? { reply_markup: markup } : {}) } : {};
          sent = await telegram.sendPhoto(message.chatId, message.photo.ref, extra);
        }
        if (message.document) {
          const extra = captioned ? { caption: message.text, ...(markup ? { reply_markup: markup } : {}) } : {};
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
    },

    async username() {
      return (await telegram.getMe()).username;
    },

    webhookHandler() {
      const webhook = options.webhook;
      if (!webhook) {
        return (_req, res) => {
          log.warn("telegram webhook called but the adapter is long polling; set TELEGRAM_WEBHOOK_URL to use webhooks");
          res.status(404).end();
        };
      }
      return createWebhookHandler({ secret: webhook.secret, processor, logger: log });
    },
  };
}
