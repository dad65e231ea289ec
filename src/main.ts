// The one composition root: config -> database (created and migrated) -> Redis -> channels -> engine -> HTTP ->
// workers; clean shutdown in the reverse order on SIGTERM/SIGINT.
import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { Queue, type Worker } from "bullmq";
import { Redis } from "ioredis";
import type { ChannelAdapter } from "./channels/channel.js";
import { createSimulatorAdapter, type SimulatorAdapter } from "./channels/simulator/adapter.js";
import {
  createTelegramAdapter,
  TelegramTokenRefusedError,
  webhookSecretGuard,
  type TelegramAdapter,
} from "./channels/telegram/index.js";
import { createWhatsAppAdapter, whatsappQrHandler, type WhatsAppAdapter } from "./channels/whatsapp/index.js";
import {
  CloudTokenRefusedError,
  createWhatsAppCloudAdapter,
  type WhatsAppCloudAdapter,
} from "./channels/whatsapp-cloud/index.js";
import type { FirstContactChannel } from "./channels/channel.js";
import type { Db } from "./db/prisma.js";
import { lastWroteOn } from "./domain/users.js";
import { heldReleaser, onHeldFor, releasingSink } from "./jobs/held.js";
import { configureQuotas, quotasFromConfig } from "./domain/quotas.js";
import { ConfigError, enabledChannels, listenHost, loadConfig, simulatorNeedsLogin, type Config } from "./config.js";
import { ensureDatabase } from "./db/ensure-database.js";
import { applyMigrations } from "./db/migrations.js";
import { createRedis } from "./redis.js";
import { createPrisma } from "./db/prisma.js";
import { createEngine } from "./engine/engine.js";
import type { Channel } from "./generated/prisma/client.js";
import { createHttpApp } from "./http/app.js";
import { journeys } from "./journeys/index.js";
import { deliveryRecorder } from "./jobs/delivery.js";
import { createOutboundDispatcher, createOutboundWorker, outboundQueueName } from "./jobs/outbound.js";
import { createMetrics } from "./metrics.js";
import { startReconciler } from "./jobs/reconcile.js";
import { startRetention } from "./jobs/retention.js";
import { parseQuietHours } from "./reminders/quiet.js";
import { createReminderScheduler } from "./reminders/scheduler.js";
import { createLogger, type Logger } from "./logger.js";
import { StartupError, describeStartupFailure } from "./startup-errors.js";

function buildAdapters(config: Config, logger: Logger, db: Db) {
  const enabled = enabledChannels(config);
  const adapters: ChannelAdapter[] = [];
  let telegram: TelegramAdapter | undefined;
  let whatsapp: WhatsAppAdapter | undefined;
  let whatsappCloud: WhatsAppCloudAdapter | undefined;
  let simulator: SimulatorAdapter | undefined;
  if (enabled.telegram) {
    telegram = createTelegramAdapter({
      token: config.TELEGRAM_BOT_TOKEN!,
      apiRoot: config.TELEGRAM_API_ROOT,
      webhook: config.TELEGRAM_WEBHOOK_URL
        ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET! }
        : undefined,
      logger,
    });
    adapters.push(telegram);
  }
  if (enabled.whatsapp) {
    whatsapp = createWhatsAppAdapter({
      sessionDir: config.WHATSAPP_SESSION_DIR,
      chromiumPath: config.CHROMIUM_PATH,
      chromiumNoSandbox: config.CHROMIUM_NO_SANDBOX,
      minIntervalMs: config.WHATSAPP_MIN_INTERVAL_MS,
      firstContact: { perHour: config.WHATSAPP_FIRST_CONTACT_PER_HOUR, perDay: config.WHATSAPP_FIRST_CONTACT_PER_DAY },
      logger,
    });
    adapters.push(whatsapp);
  }
  if (enabled.whatsappCloud) {
    whatsappCloud = createWhatsAppCloudAdapter({
      token: config.WHATSAPP_CLOUD_TOKEN!,
      phoneNumberId: config.WHATSAPP_CLOUD_PHONE_NUMBER_ID!,
      appSecret: config.WHATSAPP_CLOUD_APP_SECRET!,
      verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN!,
      apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
      apiVersion: config.WHATSAPP_CLOUD_API_VERSION,
      messagesPerSecond: config.WHATSAPP_CLOUD_MESSAGES_PER_SECOND,
      dailyNewConversations: config.WHATSAPP_CLOUD_DAILY_LIMIT,
      templates: {
        names: {
          invitation: config.WHATSAPP_CLOUD_TEMPLATE_INVITATION,
          reminder: config.WHATSAPP_CLOUD_TEMPLATE_REMINDER,
          announcement: config.WHATSAPP_CLOUD_TEMPLATE_ANNOUNCEMENT,
          waiting: config.WHATSAPP_CLOUD_TEMPLATE_WAITING,
        },
        languages: config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGES,
      },
      lastInboundAt: lastWroteOn(db, "whatsapp_cloud"),
      logger,
    });
    adapters.push(whatsappCloud);
  }
  if (enabled.simulator) {
    simulator = createSimulatorAdapter({ logger });
    adapters.push(simulator);
  }
  return { adapters, telegram, whatsapp, whatsappCloud, simulator };
}

/** Channels that may write first, best first (Telegram may not). */
const firstContactOrder: FirstContactChannel[] = ["whatsapp_cloud", "whatsapp", "simulator"];

async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = createRedis(url);
  // Without an "error" listener ioredis prints every failed reconnect to stderr. Keep the cause instead (connect()
  // itself only says "Connection is closed") and log each outage once, when it starts and when it ends.
  let lastError: Error | undefined;
  let wasReady = false;
  let lost = false;
  redis.on("error", (err: Error) => {
    lastError = err;
  });
  // "reconnecting" and not "close": a close from our own quit() at shutdown is not an outage.
  redis.on("reconnecting", () => {
    if (wasReady && !lost) logger.warn({ cause: lastError?.message }, "Redis connection lost; reconnecting");
    lost = wasReady;
  });
  redis.on("ready", () => {
    if (lost) logger.info("Redis connection is back");
    wasReady = true;
    lost = false;
    lastError = undefined;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    describeStartupFailure("Redis", url, lastError ?? err);
  }
  return redis;
}

/** The bot's @username for /link's t.me links, asked until Telegram answers (it may be unreachable at start-up). */
async function learnTelegramUsername(
  telegram: TelegramAdapter,
  links: { telegramBot?: string },
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      links.telegramBot = await telegram.username();
      return;
    } catch (err) {
      if (attempt === 0)
        logger.warn(
          { err },
          "could not ask Telegram for the bot's username yet; /link leaves Telegram links out until it answers (or set TELEGRAM_BOT_USERNAME)",
        );
      await sleep(Math.min(1000 * 2 ** attempt, 60_000), undefined, { signal }).catch(() => undefined);
    }
  }
}

async function main(): Promise<void> {
  // Read first: npm may be gone before start-up ends (see the parent watch at the end).
  const startedBy = process.ppid;
  const config = loadConfig();
  configureQuotas(quotasFromConfig(config));
  const logger = createLogger(config.LOG_LEVEL);
  // A library promise nobody awaits (whatsapp-web.js's logout path rejects so) must not stop every channel and
  // queue of the process: log it and go on. Node would otherwise exit on it.
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason }, "unhandled promise rejection (Nuru keeps running)"),
  );

  if (
    await ensureDatabase(config.DATABASE_URL).catch((err: unknown) =>
      describeStartupFailure("PostgreSQL", config.DATABASE_URL, err),
    )
  ) {
    logger.info("created the database");
  }
  // Both services are checked before the schema changes, so a missing Redis stops start-up without touching the data.
  const redis = await connectRedis(config.REDIS_URL, logger);
  const workerConnection = await connectRedis(config.REDIS_URL, logger);
  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length) logger.info({ applied }, "applied migrations");
  // Room for the engine's batches (ENGINE_BATCHES, one connection each), the inbound log's writer, the outbound
  // workers' claims, the reconciler and failure bookkeeping.
  const db = createPrisma(config.DATABASE_URL, 20);
  const metrics = createMetrics(db);

  const queuePrefix = config.REDIS_PREFIX;
  const { adapters, telegram, whatsapp, whatsappCloud, simulator } = buildAdapters(config, logger, db);
  const channels = adapters.map((a) => a.name as Channel);
  const dispatcher = createOutboundDispatcher({ connection: redis, prefix: queuePrefix, channels, logger });
  const firstContact = firstContactOrder.filter((c) => channels.includes(c));
  const firstContactLimits = adapters.find((a) => a.name === firstContact[0])?.rateLimits.firstContact;
  // Filled in below once the channels are up (Telegram tells its username then).
  const links: { telegramBot?: string; whatsappNumber?: string } = {
    telegramBot: config.TELEGRAM_BOT_USERNAME,
    whatsappNumber: config.WHATSAPP_NUMBER,
  };
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    channels: {
      running: channels,
      // Who can write to someone who never wrote: WhatsApp (the Cloud API first: no ban risk), else the simulator.
      firstContact,
      links,
      // What /invite tells organizers is the budget the first of them keeps.
      ...(firstContactLimits ? { firstContactBudget: firstContactLimits } : {}),
    },
    defaultCountry: config.DEFAULT_COUNTRY,
    defaultLocale: config.DEFAULT_LOCALE,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    conversationTtlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
    concurrency: config.ENGINE_BATCHES,
    batchSize: config.ENGINE_BATCH_SIZE,
    onLogged: (channel, outcome, id) => metrics.inboundLogged(channel, outcome, id),
    onHandled: (channel, _chatId, id) => metrics.turnHandled(channel, id),
    onBatch: (chats) => metrics.batch(chats.length),
  });
  // What WhatsApp Cloud held for someone silent for 24 hours goes once they write again (src/jobs/held.ts).
  const requeueCloud = (ids: bigint[]) =>
    dispatcher.dispatch(
      "whatsapp_cloud",
      ids.map((id) => ({ id })),
    );
  const held = heldReleaser({ db, channel: "whatsapp_cloud", logger, dispatch: requeueCloud });
  const workers: Worker[] = adapters.map((adapter) =>
    createOutboundWorker({
      db,
      adapter,
      connection: workerConnection,
      redis,
      prefix: queuePrefix,
      logger,
      metrics,
      ...(adapter === whatsappCloud ? { onHeld: onHeldFor(held, whatsappCloud.windowOpen) } : {}),
    }),
  );
  const reconciler = startReconciler({
    db,
    processor: engine.processor,
    dispatcher,
    channels,
    logger,
    intervalMs: 10_000,
  });
  const reminders = createReminderScheduler({
    db,
    logger,
    connection: redis,
    workerConnection,
    prefix: queuePrefix,
    quiet: parseQuietHours(config.QUIET_HOURS) ?? null,
    env: engine.environment,
    dispatch: (channel, ids) =>
      dispatcher.dispatch(
        channel,
        ids.map((id) => ({ id, bulk: true })),
      ),
    onFired: (result, skews) => metrics.remindersFired(result, skews),
  });
  // Old messages and files pruned (MESSAGE_RETENTION_DAYS, FILE_RETENTION_DAYS), one pass at a time across processes.
  const retention = startRetention({
    db,
    connection: redis,
    workerConnection,
    prefix: queuePrefix,
    logger,
    settings: { messageDays: config.MESSAGE_RETENTION_DAYS, fileDays: config.FILE_RETENTION_DAYS },
  });
  // Work journeys bring outside the chat (mobile money's callbacks, starter and reconciler): routes now, timers after the channels.
  const journeyServices = journeys.flatMap((j) =>
    j.service
      ? [
          j.service({
            db,
            logger,
            config,
            env: engine.environment,
            dispatch: (channel, ids) =>
              dispatcher.dispatch(
                channel,
                ids.map((id) => ({ id })),
              ),
          }),
        ]
      : [],
  );
  // For the queue dashboard: its own handles on every queue (closed at shutdown).
  const dashboardQueues = [
    ...channels.map((c) => new Queue(outboundQueueName(c), { connection: redis, prefix: queuePrefix })),
    reminders.queue,
  ];

  const app = createHttpApp({
    db,
    redis,
    logger,
    telegramWebhook: config.TELEGRAM_WEBHOOK_URL ? telegram?.webhookHandler() : undefined,
    telegramWebhookGuard: config.TELEGRAM_WEBHOOK_SECRET
      ? webhookSecretGuard(config.TELEGRAM_WEBHOOK_SECRET)
      : undefined,
    whatsappCloudWebhook: whatsappCloud?.webhook(),
    simulator: simulator?.router(),
    whatsappQr: whatsapp ? whatsappQrHandler(whatsapp) : undefined,
    channelStatus:
      whatsapp || telegram || whatsappCloud
        ? () => {
            const status: Record<string, string> = {};
            if (telegram) status.telegram = telegram.status();
            if (whatsappCloud) status.whatsapp_cloud = whatsappCloud.status();
            if (whatsapp) {
              const { state, reason } = whatsapp.status();
              status.whatsapp = reason ? `${state}: ${reason}` : state;
            }
            return status;
          }
        : undefined,
    metrics: metrics.registry,
    queues: dashboardQueues,
    routes: journeyServices.flatMap((s) => s.routes ?? []),
    operatorToken: config.OPERATOR_TOKEN,
    production: config.NODE_ENV === "production",
    // loadConfig refuses a simulator beside a real channel without OPERATOR_TOKEN, so this never locks it for good.
    protectSimulator: simulatorNeedsLogin(config),
  });
  // An open simulator (no OPERATOR_TOKEN) listens on this machine only: see listenHost.
  const host = listenHost(config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = (host ? app.listen(config.PORT, host, () => resolve(s)) : app.listen(config.PORT, () => resolve(s))).on(
      "error",
      (err) => reject(new StartupError(`Port ${config.PORT} is not free (${err.message}). Set PORT to another port.`)),
    );
  });
  for (const adapter of adapters) {
    const sink = adapter.name === "whatsapp_cloud" ? releasingSink(engine.sink, held, logger) : engine.sink;
    const cloudDeliveries = whatsappCloud
      ? { requeue: requeueCloud, onHeld: onHeldFor(held, whatsappCloud.windowOpen) }
      : {};
    await adapter.start(
      sink,
      deliveryRecorder(db, adapter.name as Channel, adapter === whatsappCloud ? cloudDeliveries : {}),
    );
  }
  // Without WHATSAPP_NUMBER, wa.me links use the Cloud API number, once Meta has told it (it may answer after start-up).
  if (whatsappCloud) await held.retryTemplates();
  if (whatsappCloud && !links.whatsappNumber)
    Object.defineProperty(links, "whatsappNumber", { get: () => whatsappCloud.displayNumber(), enumerable: true });
  // After the channels: reminders that came due while Nuru was down are sent at once, while still useful.
  await reminders.start();
  for (const s of journeyServices) await s.start?.();
  const background = new AbortController();
  if (telegram && !links.telegramBot) void learnTelegramUsername(telegram, links, logger, background.signal);

  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
  logger.info({ channels, port, host: host ?? "all interfaces" }, "Nuru is running");
  const login = `user "operator", password OPERATOR_TOKEN`;
  if (simulator) {
    const access = simulatorNeedsLogin(config) ? `; ${login}` : "";
    console.log(`\n  Nuru simulator: ${base}/simulator/  (chat as an organizer, a guest and a provider${access})\n`);
  }
  if (whatsapp) {
    const access = config.OPERATOR_TOKEN ? login : "only from this machine until OPERATOR_TOKEN is set";
    console.log(`  WhatsApp login QR: ${base}/whatsapp/qr  (${access})\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    background.abort();
    logger.info({ signal }, "shutting down: finishing work in flight");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    // Finish the sends in flight while the channels can still deliver them (stopping WhatsApp closes its browser),
    // then stop taking messages, finish the ones already taken (their replies wait in the queue for the next
    // start or another process), then release connections.
    await Promise.allSettled(workers.map((w) => w.close()));
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await reconciler.stop();
    await reminders.stop();
    await Promise.allSettled(journeyServices.map((s) => s.stop()));
    await retention.stop();
    await Promise.allSettled(dashboardQueues.map((q) => q.close()));
    await engine.processor.idle();
    await dispatcher.close();
    await db.$disconnect();
    await Promise.allSettled([redis.quit(), workerConnection.quit()]);
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  // Under `npm start`, a process manager's SIGTERM reaches npm, which exits without passing it on: Nuru would be left
  // running, orphaned, on its port. Orphaned means its parent changed; then it stops as if it had the signal.
  if (process.env.npm_lifecycle_event) {
    setInterval(() => {
      if (process.ppid !== startedBy) void shutdown("parent npm exited");
    }, 1000).unref();
  }
}

main().catch((err: unknown) => {
  // Known start-up problems get one readable line; anything else is a bug worth its stack.
  if (
    err instanceof ConfigError ||
    err instanceof StartupError ||
    err instanceof TelegramTokenRefusedError ||
    err instanceof CloudTokenRefusedError
  )
    console.error(`Nuru cannot start: ${err.message}`);
  else console.error("Nuru cannot start:", err);
  process.exit(1);
});
