// A fake Telegram Bot API for tests: the telegram-test-api emulator, with a thin front of our own for the parts of
// real Telegram the emulator does not have. The adapter talks to the front (apiRoot); people talk to the emulator.
//
// What the front adds, and why:
// - getUpdates with Telegram's semantics. The emulator marks an update read the moment it is fetched and ignores
//   `offset` and `timeout`, so it can neither keep an unacknowledged update nor long-poll. The front keeps fetched
//   updates until a getUpdates call carries an offset past them, and holds the request open until something arrives.
// - Redelivery. Real Telegram sends an update again when the bot's confirmation never arrived (the process died
//   between logging an update and its next getUpdates). redeliver() stands in for that: the next getUpdates carries
//   the same update once more, whatever the offset.
// - Refusals. The emulator accepts a message to any chat id, so one chat id answers 403 "bot was blocked by the user"
//   as Telegram does, and failNext() makes one call fail with any Telegram error (429 with retry_after, 5xx, ...).
// - A record of what the bot asked: getUpdates offsets and answered callback queries (the emulator keeps neither).
import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:http";
import express from "express";
import type { Update } from "telegraf/types";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";

export const FAKE_BOT_TOKEN = "123456:FAKE-test-token";
/** The chat that has blocked the bot. */
export const REFUSED_CHAT_ID = "403403403";

export interface TelegramErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/** A message the bot sent, as the emulator stored the sendMessage call. */
export interface BotMessage {
  chat_id: string | number;
  text: string;
  reply_markup?: {
    inline_keyboard?: { text: string; callback_data?: string }[][];
    keyboard?: { text: string; request_contact?: boolean }[][];
    one_time_keyboard?: boolean;
    remove_keyboard?: boolean;
  };
}

export interface FakeTelegram {
  /** Give this to the adapter as apiRoot. */
  apiRoot: string;
  token: string;
  /** A person (private chat id = user id unless chatId is given) who can message the bot. */
  clientFor(
    userId: number,
    opts?: { chatId?: number; type?: "private" | "group" | "supergroup"; firstName?: string },
  ): TelegramClient;
  /** The update id the emulator gave the last thing a person sent in this chat. */
  lastUserUpdateId(chatId: string): number | undefined;
  /** What the bot sent to this chat, oldest first. */
  botMessagesIn(chatId: string): BotMessage[];
  /** Every update handed to the bot through getUpdates, in order (repeats included). */
  servedUpdates: Update[];
  /** The offset of every getUpdates call, failed ones included, in order (undefined when the bot sent none). */
  getUpdatesOffsets: (number | undefined)[];
  /** callback_query_id of every answerCallbackQuery call. */
  answeredCallbackQueries: string[];
  /** Sends refused with 429 because they went over the limit given to startFakeTelegram (or into its retry_after). */
  tooManyRequests: number;
  /**
   * Send calls that arrived while a 429's retry_after was still running (Telegram refuses them too, and a bot that
   * keeps sending into the pause is flood-waited longer): the measure of a bot that does not honour retry_after.
   */
  sentDuringRetryAfter: number;
  /** Calls the emulator does not have (sendPhoto, sendLocation, sendVenue, sendDocument), answered here, in order; a
   * document's file is `{ filename, bytes }`. */
  mediaSent: { method: string; body: Record<string, unknown> }[];
  /** The next getUpdates also carries this update again. */
  redeliver(update: Update): void;
  /** The next call of this Bot API method answers with this Telegram error instead. */
  failNext(method: string, error: TelegramErrorBody): void;
  close(): Promise<void>;
}

/** The emulator only listens on a port it is given (0 means 9000 to it), so pick a free one first. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startEmulator(): Promise<TelegramServer> {
  for (let attempt = 1; ; attempt++) {
    // storeTimeout is in seconds: long enough that the emulator's clean-up never drops a message mid-test.
    const emulator = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 3600 });
    try {
      await emulator.start();
      return emulator;
    } catch (error) {
      // Another process took the port between our probe and the emulator's listen; try another.
      if (attempt >= 5) throw error;
    }
  }
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

/**
 * sendLimitPerSecond: answer sendMessage with 429 (retry_after 1) beyond this many in any second, as Telegram does
 * beyond about 30 a second, and refuse every send while a 429's retry_after runs (an injected one's too); unset, no
 * limit (sends during a retry_after are only counted).
 */
export async function startFakeTelegram(options: { sendLimitPerSecond?: number } = {}): Promise<FakeTelegram> {
  const emulator = await startEmulator();
  const emulatorUrl = emulator.config.apiURL;
  const token = FAKE_BOT_TOKEN;

  /** Fetched from the emulator, not yet confirmed by an offset past them. */
  let unconfirmed: Update[] = [];
  const redeliveries: Update[] = [];
  const servedUpdates: Update[] = [];
  const getUpdatesOffsets: (number | undefined)[] = [];
  const answeredCallbackQueries: string[] = [];
  const mediaSent: { method: string; body: Record<string, unknown> }[] = [];
  const recentSends: number[] = [];
  let tooManyRequests = 0;
  let sentDuringRetryAfter = 0;
  /** When the last 429's retry_after ends (ms); sends before it are counted, and refused under a send limit. */
  let retryAfterUntil = 0;
  const sendMethods = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendLocation", "sendVenue"]);
  let mediaMessageId = 900_000;
  const failures = new Map<string, TelegramErrorBody[]>();

  // Wakes held getUpdates requests when a person sends something (or a redelivery is queued).
  const arrivals = new EventEmitter();
  for (const event of ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"]) {
    emulator.on(event, () => arrivals.emit("arrival"));
  }

  function waitForArrival(ms: number, res: express.Response): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        arrivals.off("arrival", done);
        res.off("close", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      arrivals.on("arrival", done);
      res.on("close", done);
    });
  }

  async function getUpdates(req: express.Request, res: express.Response) {
    const body = (req.body ?? {}) as { offset?: number; timeout?: number; limit?: number };
    const offset = body.offset;
    if (offset !== undefined) unconfirmed = unconfirmed.filter((u) => u.update_id >= offset);
    const deadline = Date.now() + (body.timeout ?? 0) * 1000;
    for (;;) {
      // The emulator's getUpdates hands each update out once; from here on the front keeps it until confirmed.
      unconfirmed.push(...(emulator.getUpdates(token) as unknown as Update[]));
      const ready = [...redeliveries.splice(0), ...unconfirmed].slice(0, body.limit ?? 100);
      const remaining = deadline - Date.now();
      if (res.writableEnded || res.destroyed) return;
      if (ready.length > 0 || remaining <= 0) {
        servedUpdates.push(...ready);
        res.json({ ok: true, result: ready });
        return;
      }
      await waitForArrival(remaining, res);
    }
  }

  /** Passes a Bot API call through to the emulator unchanged. */
  async function forward(req: express.Request, res: express.Response) {
    const response = await fetch(`${emulatorUrl}${req.path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(req.body ?? {}),
    });
    res
      .status(response.status)
      .type("application/json")
      .send(await response.text());
  }

  const app = express();
  // Files (sendDocument) come as multipart/form-data, as Telegram takes them: parsed with the platform's FormData.
  app.use(async (req, _res, next) => {
    if (!req.headers["content-type"]?.startsWith("multipart/form-data")) return next();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Request("http://fake/", {
      method: "POST",
      headers: { "content-type": req.headers["content-type"] },
      body: Buffer.concat(chunks),
    }).formData();
    const body: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      body[key] =
        typeof value === "string" ? value : { filename: value.name, bytes: Buffer.from(await value.arrayBuffer()) };
    }
    req.body = body;
    next();
  });
  app.use(express.json());
  app.post(/^\/bot[^/]+\/\w+$/, async (req, res) => {
    const method = req.path.slice(req.path.lastIndexOf("/") + 1);
    const body = (req.body ?? {}) as Record<string, unknown>;
    // Recorded before any injected failure, so failed polls count too.
    if (method === "getUpdates") getUpdatesOffsets.push(body.offset as number | undefined);
    const arrived = Date.now();
    if (sendMethods.has(method) && arrived < retryAfterUntil) {
      sentDuringRetryAfter++;
      if (options.sendLimitPerSecond) {
        tooManyRequests++;
        const wait = Math.ceil((retryAfterUntil - arrived) / 1000);
        res.status(429).json({
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${wait}`,
          parameters: { retry_after: wait },
        });
        return;
      }
    }
    const failure = failures.get(method)?.shift();
    if (failure) {
      if (failure.error_code === 429)
        retryAfterUntil = Math.max(retryAfterUntil, arrived + (failure.parameters?.retry_after ?? 0) * 1000);
      res.status(failure.error_code).json(failure);
      return;
    }
    if (method === "getUpdates") return getUpdates(req, res);
    if (method === "sendMessage" && options.sendLimitPerSecond) {
      const now = arrived;
      while (recentSends.length && recentSends[0]! <= now - 1000) recentSends.shift();
      if (recentSends.length >= options.sendLimitPerSecond) {
        tooManyRequests++;
        retryAfterUntil = Math.max(retryAfterUntil, now + 1000);
        res.status(429).json({
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        });
        return;
      }
      recentSends.push(now);
    }
    if (method === "sendMessage" && String(body.chat_id) === REFUSED_CHAT_ID) {
      res.status(403).json({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
      return;
    }
    if (method === "answerCallbackQuery") answeredCallbackQueries.push(String(body.callback_query_id));
    if (method === "sendPhoto" || method === "sendLocation" || method === "sendVenue" || method === "sendDocument") {
      mediaSent.push({ method, body });
      res.json({
        ok: true,
        result: {
          message_id: ++mediaMessageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(body.chat_id), type: "private" },
        },
      });
      return;
    }
    return forward(req, res);
  });
  const front = await listen(app);

  return {
    apiRoot: front.url,
    token,
    clientFor(userId, opts = {}) {
      return emulator.getClient(token, {
        userId,
        chatId: opts.chatId ?? userId,
        type: opts.type ?? "private",
        firstName: opts.firstName ?? `Person${userId}`,
      });
    },
    lastUserUpdateId(chatId) {
      const mine = emulator.storage.userMessages.filter((stored) => {
        const chat = "callbackQuery" in stored ? stored.callbackQuery.message.chat : stored.message.chat;
        return String(chat.id) === chatId;
      });
      return mine.at(-1)?.updateId;
    },
    botMessagesIn(chatId) {
      return emulator.storage.botMessages
        .filter((stored) => stored.botToken === token && String(stored.message.chat_id) === chatId)
        .map((stored) => stored.message as unknown as BotMessage);
    },
    servedUpdates,
    getUpdatesOffsets,
    answeredCallbackQueries,
    mediaSent,
    get tooManyRequests() {
      return tooManyRequests;
    },
    get sentDuringRetryAfter() {
      return sentDuringRetryAfter;
    },
    redeliver(update) {
      redeliveries.push(update);
      arrivals.emit("arrival");
    },
    failNext(method, error) {
      failures.set(method, [...(failures.get(method) ?? []), error]);
    },
    async close() {
      front.server.closeAllConnections();
      await new Promise<void>((resolve) => front.server.close(() => resolve()));
      await emulator.stop();
    },
  };
}
