// The HTTP side: health and operator pages, the channels' webhooks and pages, and the routes journeys bring; then
// listening on the configured port and address.
import type { Server } from "node:http";
import type { Queue } from "bullmq";
import type { Express, Router } from "express";
import type { Redis } from "ioredis";
import { webhookSecretGuard } from "../channels/telegram/index.js";
import { whatsappQrHandler } from "../channels/whatsapp/index.js";
import { listenHost, simulatorNeedsLogin, type Config } from "../config.js";
import type { Db } from "../db/prisma.js";
import { createHttpApp } from "../http/app.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import { StartupError } from "../startup-errors.js";
import { channelStatus, type Adapters } from "./adapters.js";

export function buildHttpApp(deps: {
  config: Config;
  db: Db;
  redis: Redis;
  logger: Logger;
  channels: Adapters;
  metrics: Metrics;
  queues: Queue[];
  routes: { path: string; router: Router }[];
}): Express {
  const { config, channels } = deps;
  const { telegram, whatsapp, whatsappCloud, simulator } = channels;
  return createHttpApp({
    db: deps.db,
    redis: deps.redis,
    logger: deps.logger,
    telegramWebhook: config.TELEGRAM_WEBHOOK_URL ? telegram?.webhookHandler() : undefined,
    telegramWebhookGuard: config.TELEGRAM_WEBHOOK_SECRET
      ? webhookSecretGuard(config.TELEGRAM_WEBHOOK_SECRET)
      : undefined,
    whatsappCloudWebhook: whatsappCloud?.webhook(),
    simulator: simulator?.router(),
    whatsappQr: whatsapp ? whatsappQrHandler(whatsapp) : undefined,
    channelStatus: channelStatus(channels),
    metrics: deps.metrics.registry,
    queues: deps.queues,
    routes: deps.routes,
    operatorToken: config.OPERATOR_TOKEN,
    production: config.NODE_ENV === "production",
    // loadConfig refuses a simulator beside a real channel without OPERATOR_TOKEN, so this never locks it for good.
    protectSimulator: simulatorNeedsLogin(config),
  });
}

/** Listens on PORT; a port in use stops start-up with one line. host is undefined when every interface listens. */
export async function listen(app: Express, config: Config): Promise<{ server: Server; host: string | undefined }> {
  // An open simulator (no OPERATOR_TOKEN) listens on this machine only: see listenHost.
  const host = listenHost(config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = (host ? app.listen(config.PORT, host, () => resolve(s)) : app.listen(config.PORT, () => resolve(s))).on(
      "error",
      (err) => reject(new StartupError(`Port ${config.PORT} is not free (${err.message}). Set PORT to another port.`)),
    );
  });
  return { server, host };
}
