// The one composition root: config -> database (created and migrated) -> Redis -> channels -> engine -> HTTP ->
// workers; clean shutdown in the reverse order on SIGTERM/SIGINT. Each step is built in src/startup/; this file is
// the one place that wires them, in order.
import { TelegramTokenRefusedError } from "./channels/telegram/index.js";
import { CloudTokenRefusedError } from "./channels/whatsapp-cloud/index.js";
import { ConfigError, loadConfig, startedByNpm } from "./config.js";
import { createPrisma } from "./db/prisma.js";
import { configureQuotas, quotasFromConfig } from "./domain/quotas.js";
import { createOutboundDispatcher } from "./jobs/outbound.js";
import { createLogger } from "./logger.js";
import { createMetrics } from "./metrics.js";
import { buildAdapters, startAdapters } from "./startup/adapters.js";
import { announceRunning } from "./startup/announce.js";
import { startBackground } from "./startup/background.js";
import { ensureDatabaseExists, migrateDatabase } from "./startup/database.js";
import { buildEngine } from "./startup/engine.js";
import { cloudHolding } from "./startup/held.js";
import { buildHttpApp, listen } from "./startup/http.js";
import { followCloudNumber, learnTelegramUsername, linksFromConfig } from "./startup/links.js";
import { connectRedis } from "./startup/redis.js";
import { stopOnSignals } from "./startup/shutdown.js";
import { StartupError } from "./startup-errors.js";
import type { Channel } from "./generated/prisma/client.js";

async function main(): Promise<void> {
  // Read first: npm may be gone before start-up ends (see watchParent in src/startup/shutdown.ts).
  const startedBy = process.ppid;
  const config = loadConfig();
  configureQuotas(quotasFromConfig(config));
  const logger = createLogger(config.LOG_LEVEL);
  // A library promise nobody awaits (whatsapp-web.js's logout path rejects so) must not stop every channel and
  // queue of the process: log it and go on. Node would otherwise exit on it.
  process.on("unhandledRejection", (reason) =>
    logger.error({ err: reason }, "unhandled promise rejection (Nuru keeps running)"),
  );

  await ensureDatabaseExists(config.DATABASE_URL, logger);
  // Both services are checked before the schema changes, so a missing Redis stops start-up without touching the data.
  const redis = await connectRedis(config.REDIS_URL, logger);
  const workerConnection = await connectRedis(config.REDIS_URL, logger);
  await migrateDatabase(config.DATABASE_URL, logger);
  // Room for the engine's batches (ENGINE_BATCHES, one connection each), the inbound log's writer, the outbound
  // workers' claims, the reconciler and failure bookkeeping.
  const db = createPrisma(config.DATABASE_URL, 20);
  const metrics = createMetrics(db);

  const chat = buildAdapters(config, logger, db);
  const { adapters, telegram, whatsappCloud } = chat;
  const channels = adapters.map((a) => a.name as Channel);
  const dispatcher = createOutboundDispatcher({ connection: redis, prefix: config.REDIS_PREFIX, channels, logger });
  // Filled in once the channels are up (Telegram tells its username then).
  const links = linksFromConfig(config);
  const engine = buildEngine({ config, db, logger, dispatcher, metrics, adapters, links });
  const cloud = cloudHolding(db, logger, dispatcher, whatsappCloud);
  const base = { config, db, redis, workerConnection, logger, metrics };
  const background = startBackground({ ...base, dispatcher, engine, adapters, cloud });
  const { reminders, journeyServices, dashboardQueues: queues } = background;

  const routes = journeyServices.flatMap((s) => s.routes ?? []);
  const listening = await listen(buildHttpApp({ ...base, channels: chat, queues, routes }), config);
  await startAdapters(chat, engine.sink, cloud, db, logger);
  if (whatsappCloud) {
    await cloud.held.retryTemplates();
    followCloudNumber(links, whatsappCloud);
  }
  // After the channels: reminders that came due while Nuru was down are sent at once, while still useful.
  await reminders.start();
  for (const s of journeyServices) await s.start?.();
  const retries = new AbortController();
  if (telegram && !links.telegramBot) void learnTelegramUsername(telegram, links, logger, retries.signal);

  announceRunning(config, listening, chat, logger);
  const running = { ...base, ...background, retries, adapters, server: listening.server, engine, dispatcher };
  stopOnSignals(running, startedByNpm() ? startedBy : undefined);
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
