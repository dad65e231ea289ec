// Nuru's Telegram side end to end, for tests: the fake Bot API (test/fakes), the real engine on the test database, the
// real outbound queue and worker on Redis, and the real Telegram adapter long-polling the fake (or, in webhook mode,
// behind the real HTTP app). Tests act as Telegram users and wait for what the bot sends into their chats.
import { randomInt } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Worker } from "bullmq";
import express, { type RequestHandler } from "express";
import type { Update } from "telegraf/types";
import type { InboundSink } from "../../src/channels/channel.js";
import { createTelegramAdapter, SECRET_HEADER, type TelegramAdapter } from "../../src/channels/telegram/index.js";
import type { Db } from "../../src/db/prisma.js";
import { createEngine, type Engine } from "../../src/engine/engine.js";
import { createHttpApp } from "../../src/http/app.js";
import { createOutboundDispatcher, createOutboundWorker } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import { startFakeTelegram, type BotMessage, type FakeTelegram } from "../fakes/telegram-bot-api.js";
import { recordSends } from "./engine-harness.js";
import { testDb, testEngineDefaults, testRedis, uniquePrefix } from "./services.js";

export const TEST_WEBHOOK_SECRET = "telegram-service-secret-0123456789";

/** A bot message as the person sees it in Telegram. */
export interface SeenMessage {
  text: string;
  /** Labels of the inline keyboard buttons, top to bottom. */
  buttons: string[];
  /** The message shows the "share my phone number" keyboard. */
  requestsPhone: boolean;
}

export interface TelegramUser {
  readonly id: number;
  readonly chatId: string;
  readonly firstName: string;
  /** Types a message; text starting with "/" goes as a command (with Telegram's bot_command entity). */
  send(text: string): Promise<void>;
  /** What Telegram sends when the person opens t.me/bot?start=payload (or taps START without one). */
  start(payload?: string): Promise<void>;
  /** Taps the inline button with this label on the newest bot message that has one. */
  press(label: string): Promise<void>;
  /** Shares a contact card; by default their own (the request_contact button), else someone else's. */
  shareContact(phone: string, opts?: { ownerUserId?: number; firstName?: string }): Promise<void>;
  /** Everything the bot has sent into this chat so far, oldest first. */
  messages(): SeenMessage[];
  /** Waits until the chat holds at least n bot messages and returns them all. */
  waitForMessages(n: number, timeoutMs?: number): Promise<SeenMessage[]>;
  /** The update_id the bot saw (and logged) for this person's latest update. */
  lastUpdateId(): number | undefined;
}

export interface SinkAttempt {
  externalId: string;
  ok: boolean;
}

export interface TelegramService {
  fake: FakeTelegram;
  db: Db;
  engine: Engine;
  adapter: TelegramAdapter;
  /** the outbound queues and their BullMQ prefix (a reminder scheduler beside the service uses them) */
  dispatcher: ReturnType<typeof createOutboundDispatcher>;
  prefix: string;
  /** Every hand-over of an update to the engine's sink, in order, with its outcome. */
  sinkAttempts: SinkAttempt[];
  /** Offset between the emulator's update ids and the ids the bot sees (see startUpdateIdRelay). */
  updateIdShift: number;
  /** A fresh update id in this service's range, for updates a test builds itself. */
  nextUpdateId(): number;
  /** A new person with a Telegram account nobody else in the test run uses. */
  user(opts?: { firstName?: string }): TelegramUser;
  /** Waits until the chat holds at least n bot messages and returns them all (for chats of hand-made updates). */
  waitForMessages(chatId: string, n: number, timeoutMs?: number): Promise<SeenMessage[]>;
  /** Webhook mode only: POSTs an update to /telegram/webhook as Telegram does; secret null sends no header. */
  postUpdate(update: Update, secret?: string | null): Promise<Response>;
  /** Resolves when no chat is being handled in this process. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface TelegramServiceOptions {
  /** The engine's and worker's database (default: the test run's). The outage test passes one behind a proxy. */
  db?: Db;
  /** Receive through the webhook of the real HTTP app instead of long polling. */
  webhook?: boolean;
  /** Pause before offering a refused update again (default 20 ms, so outage tests see several attempts quickly). */
  retryDelayMs?: number;
}

/** Telegram user ids far apart from those other test files pick, so no two files ever share a person. */
function newTelegramUserId(): number {
  return randomInt(1_000_000_000, 2 ** 40);
}

function seen(message: BotMessage): SeenMessage {
  const markup = message.reply_markup;
  return {
    text: message.text,
    buttons: (markup?.inline_keyboard ?? []).flat().map((b) => b.text),
    requestsPhone: (markup?.keyboard ?? []).flat().some((b) => b.request_contact === true),
  };
}

async function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * Real Telegram numbers a bot's updates with ids of its own that never repeat. Every emulator instance counts from 1,
 * while all test files of a run share one database whose inbound log drops a repeated (telegram, update_id) as a
 * duplicate: two files would silently swallow each other's messages. This relay between the adapter and the fake moves
 * the ids into a range of this service's own (and moves getUpdates offsets back), and passes everything else through.
 */
async function startUpdateIdRelay(
  targetRoot: string,
  shift: number,
): Promise<{ apiRoot: string; close(): Promise<void> }> {
  const app = express();
  // Files (sendDocument) pass through as the multipart body they came as; everything else is JSON.
  app.use(express.raw({ type: "multipart/form-data", limit: "60mb" }));
  app.use(express.json());
  app.post("/:bot/:method", async (req, res) => {
    const method = String(req.params.method);
    const multipart = Buffer.isBuffer(req.body);
    const body = multipart ? {} : { ...(req.body as Record<string, unknown>) };
    if (method === "getUpdates" && typeof body.offset === "number") body.offset -= shift;
    // A long poll the adapter gives up on (stop, stall) must not stay open at the fake.
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    try {
      const upstream = await fetch(`${targetRoot}${req.path}`, {
        method: "POST",
        headers: { "content-type": multipart ? String(req.headers["content-type"]) : "application/json" },
        body: multipart ? new Uint8Array(req.body as Buffer) : JSON.stringify(body),
        signal: aborted.signal,
      });
      const text = await upstream.text();
      if (method === "getUpdates" && upstream.ok) {
        const parsed = JSON.parse(text) as { ok: true; result: Update[] };
        parsed.result = parsed.result.map((u) => ({ ...u, update_id: u.update_id + shift }));
        res.status(upstream.status).json(parsed);
        return;
      }
      res.status(upstream.status).type("application/json").send(text);
    } catch (error) {
      if (!aborted.signal.aborted) res.status(502).json({ ok: false, error_code: 502, description: String(error) });
    }
  });
  const relay = await listen(app);
  return { apiRoot: relay.url, close: () => closeServer(relay.server) };
}

async function nextUpdateIdRange(): Promise<number> {
  // The sequence is made by global-setup.ts, once per run.
  const [row] = await testDb().$queryRawUnsafe<{ n: bigint }[]>("SELECT nextval('test_telegram_update_ranges') AS n");
  return Number(row!.n) * 1_000_000;
}

export async function startTelegramService(options: TelegramServiceOptions = {}): Promise<TelegramService> {
  const db = options.db ?? testDb();
  const connection = await testRedis();
  const redis = await testRedis();
  const prefix = uniquePrefix();
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  // Every service of the run gets a range of its own, counted by a sequence in the run's database (a random range
  // collided now and then between files). Under 2^31: Telegram's ids fit a signed 32-bit integer, and so must these.
  const updateIdShift = await nextUpdateIdRange();
  let handMadeUpdateId = updateIdShift + 500_000;

  const fake = await startFakeTelegram();
  const relay = await startUpdateIdRelay(fake.apiRoot, updateIdShift);

  // Webhook mode needs the URL before the adapter exists (it goes into setWebhook), so the handler is bound late.
  let webhookHandler: RequestHandler | undefined;
  const http = options.webhook
    ? await listen(
        createHttpApp({
          db,
          redis,
          logger,
          telegramWebhook: (req, res, next) =>
            webhookHandler ? webhookHandler(req, res, next) : res.status(503).end(),
        }),
      )
    : undefined;

  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: relay.apiRoot,
    logger,
    pollTimeoutSeconds: 5,
    retryDelayMs: options.retryDelayMs ?? 20,
    ...(http ? { webhook: { url: `${http.url}/telegram/webhook`, secret: TEST_WEBHOOK_SECRET } } : {}),
  });
  webhookHandler = adapter.webhookHandler();

  const dispatcher = createOutboundDispatcher({ connection, prefix, channels: ["telegram"] });
  // A Telegram-only deployment: nobody can be written to first, and /link makes t.me links.
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    ...testEngineDefaults,
    channels: { running: ["telegram"], firstContact: [], links: { telegramBot: "NuruTestBot" } },
  });
  const sent = recordSends(adapter);
  const workers: Worker[] = [createOutboundWorker({ db, adapter: sent.adapter, connection, redis, prefix, logger })];

  const sinkAttempts: SinkAttempt[] = [];
  const observedSink: InboundSink = async (event) => {
    try {
      await engine.sink(event);
      sinkAttempts.push({ externalId: event.externalId, ok: true });
    } catch (error) {
      sinkAttempts.push({ externalId: event.externalId, ok: false });
      throw error;
    }
  };
  await adapter.start(observedSink);

  async function waitForMessages(chatId: string, n: number, timeoutMs: number): Promise<SeenMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Checked and subscribed in one synchronous step, so a send in between cannot be missed.
      const messages = fake.botMessagesIn(chatId).map(seen);
      if (messages.length >= n) return messages;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `expected ${n} bot messages in chat ${chatId}, got ${messages.length}: ${JSON.stringify(messages.map((m) => m.text))}`,
        );
      }
      await sent.next(remaining);
    }
  }

  function user(opts: { firstName?: string } = {}): TelegramUser {
    const id = newTelegramUserId();
    const chatId = String(id);
    const firstName = opts.firstName ?? `Person${id}`;
    const client = fake.clientFor(id, { firstName });
    const send = async (text: string) => {
      if (text.startsWith("/")) await client.sendCommand(client.makeCommand(text));
      else await client.sendMessage(client.makeMessage(text));
    };
    return {
      id,
      chatId,
      firstName,
      send,
      start: (payload) => send(payload === undefined ? "/start" : `/start ${payload}`),
      async press(label) {
        const withButton = fake
          .botMessagesIn(chatId)
          .flatMap((m) => (m.reply_markup?.inline_keyboard ?? []).flat())
          .filter((b) => b.text === label)
          .at(-1);
        if (!withButton?.callback_data) throw new Error(`no button "${label}" in chat ${chatId}`);
        await client.sendCallback(client.makeCallbackQuery(withButton.callback_data));
      },
      async shareContact(phone, contactOpts = {}) {
        // A contact message carries no text; the emulator's message builder always adds one, so it is removed.
        const { text: _text, ...message } = client.makeMessage("");
        const contact = {
          phone_number: phone,
          first_name: contactOpts.firstName ?? firstName,
          user_id: contactOpts.ownerUserId ?? id,
        };
        await client.sendMessage({ ...message, contact } as unknown as Parameters<typeof client.sendMessage>[0]);
      },
      messages: () => fake.botMessagesIn(chatId).map(seen),
      waitForMessages: (n, timeoutMs = 15_000) => waitForMessages(chatId, n, timeoutMs),
      lastUpdateId() {
        const raw = fake.lastUserUpdateId(chatId);
        return raw === undefined ? undefined : raw + updateIdShift;
      },
    };
  }

  return {
    fake,
    db,
    engine,
    adapter,
    dispatcher,
    prefix,
    sinkAttempts,
    updateIdShift,
    nextUpdateId: () => handMadeUpdateId++,
    waitForMessages: (chatId, n, timeoutMs = 15_000) => waitForMessages(chatId, n, timeoutMs),
    user,
    postUpdate(update, secret = TEST_WEBHOOK_SECRET) {
      if (!http) throw new Error("postUpdate needs a service started with webhook: true");
      return fetch(`${http.url}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === null ? {} : { [SECRET_HEADER]: secret }) },
        body: JSON.stringify(update),
      });
    },
    settle: () => engine.processor.idle(),
    async close() {
      await adapter.stop();
      await engine.processor.idle();
      await Promise.all(workers.map((w) => w.close()));
      await dispatcher.close();
      if (http) await closeServer(http.server);
      await relay.close();
      await fake.close();
    },
  };
}
