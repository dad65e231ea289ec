// Telegram as a ChannelAdapter: receives by long polling (default) or webhook, sends with the Bot API.
// We use telegraf's API client and types but not its update loop, because acknowledgement must wait for the sink.
// Sending is in outbound.ts, handing an update to the sink in updates.ts.
import type { RequestHandler } from "express";
import { Telegram, TelegramError } from "telegraf";
import type { Logger } from "../../logger.js";
import type { ChannelAdapter, InboundSink, RateLimits } from "../channel.js";
import { sendPayload } from "./outbound.js";
import { ALLOWED_UPDATES, startPolling, type Poller } from "./polling.js";
import { updateHandler, type UpdateHandler } from "./updates.js";
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

/** What the adapter's parts share: its settings and what changes while it runs. */
interface Session {
  telegram: Telegram;
  options: TelegramAdapterOptions;
  log: Logger;
  updates: UpdateHandler;
  retryDelayMs: number;
  /** The sink while started; a retry or a poll for an older sink stops. */
  sink?: InboundSink;
  poller?: Poller;
  /** Why Telegram cannot be reached, while it cannot. */
  connecting?: string;
  retryTimer?: NodeJS.Timeout;
}

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const telegram = new Telegram(options.token, { apiRoot: options.apiRoot });
  const log = options.logger.child({ channel: "telegram" });
  const session: Session = {
    telegram,
    options,
    log,
    updates: updateHandler(telegram, log),
    retryDelayMs: options.retryDelayMs ?? 1000,
  };
  /** Chats still showing our phone-request keyboard; in memory only, so a restart may leave one stale button. */
  const chatsWithReplyKeyboard = new Set<string>();

  return {
    name: "telegram",
    rateLimits: TELEGRAM_RATE_LIMITS,

    start: (sink) => start(session, sink),

    status() {
      return session.connecting ? `connecting: ${session.connecting}` : "ready";
    },

    async stop() {
      // From here the webhook answers 503, so Telegram keeps what arrives and retries later.
      session.sink = undefined;
      clearTimeout(session.retryTimer);
      session.retryTimer = undefined;
      await session.poller?.stop();
      session.poller = undefined;
      await session.updates.settle();
    },

    send: (message) => sendPayload(telegram, message, chatsWithReplyKeyboard),

    async username() {
      return (await telegram.getMe()).username;
    },

    webhookHandler: () => webhookHandler(session),
  };
}

async function start(session: Session, sink: InboundSink): Promise<void> {
  if (session.sink) throw new Error("telegram adapter already started");
  session.sink = sink;
  try {
    await connect(session, sink);
  } catch (error) {
    const code = apiErrorCode(error);
    // 401/404 to the token: wrong or revoked. Telegram will not change its mind; say so and stop.
    if (code === 401 || code === 404) {
      session.sink = undefined;
      throw new TelegramTokenRefusedError(
        `Telegram refused TELEGRAM_BOT_TOKEN (${code}): check the token from @BotFather`,
      );
    }
    // The network (or Telegram) is away: keep trying in the background while the rest of Nuru runs.
    session.connecting = firstLine(error);
    session.log.warn(
      { err: error },
      "Telegram cannot be reached; retrying in the background while the rest of Nuru runs",
    );
    scheduleRetry(session, sink, 1);
  }
}

/** The first line of an error, short enough for /readyz. */
function firstLine(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error);
}

/** Webhook set, or webhook removed and long polling started. */
async function connect(session: Session, to: InboundSink): Promise<void> {
  const { telegram, options, log } = session;
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
  session.poller = startPolling({
    telegram,
    handle: (update) => session.updates.handle(update, to),
    logger: log,
    timeoutSeconds: options.pollTimeoutSeconds ?? 30,
    retryDelayMs: session.retryDelayMs,
  });
  log.info("telegram long polling started");
}

/** Tries connect() again with a doubling delay (up to a minute) until it works or the adapter stops. */
function scheduleRetry(session: Session, to: InboundSink, attempt: number): void {
  const { log, retryDelayMs } = session;
  const delayMs = Math.min(retryDelayMs * 2 ** (attempt - 1), 60_000);
  session.retryTimer = setTimeout(() => {
    session.retryTimer = undefined;
    if (session.sink !== to) return;
    connect(session, to).then(
      () => {
        session.connecting = undefined;
        log.info({ attempts: attempt + 1 }, "Telegram reached; the channel is running");
      },
      (error: unknown) => {
        if (session.sink !== to) return;
        session.connecting = firstLine(error);
        log.warn(
          { err: error, attempt, nextInMs: Math.min(retryDelayMs * 2 ** attempt, 60_000) },
          "Telegram still cannot be reached",
        );
        scheduleRetry(session, to, attempt + 1);
      },
    );
  }, delayMs);
  session.retryTimer.unref?.();
}

/** Express handler for Telegram's webhook POSTs; 404 in polling mode. */
function webhookHandler(session: Session): RequestHandler {
  const { log } = session;
  const webhook = session.options.webhook;
  if (!webhook) {
    return (_req, res) => {
      log.warn("telegram webhook called but the adapter is long polling; set TELEGRAM_WEBHOOK_URL to use webhooks");
      res.status(404).end();
    };
  }
  const processor = (): UpdateProcessor => {
    const current = session.sink;
    return current ? (update) => session.updates.handle(update, current) : undefined;
  };
  return createWebhookHandler({ secret: webhook.secret, processor, logger: log });
}
