// The express app: health and readiness for orchestrators, the Telegram and WhatsApp Cloud webhooks, the simulator, the WhatsApp login QR
// (the last two behind operator-auth.ts where they need it).
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from "express";
import type { Redis } from "ioredis";
import type { Db } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import { isOperatorRequest, operatorOnly, requireOperator } from "./operator-auth.js";
import { queueDashboard } from "./queue-dashboard.js";
import { checkReadiness } from "./readiness.js";
import type { Queue } from "bullmq";
import type { Registry } from "prom-client";

export interface HttpOptions {
  db: Db;
  redis: Redis;
  logger: Logger;
  telegramWebhook?: RequestHandler;
  /** checks the webhook's secret header before the body is parsed */
  telegramWebhookGuard?: RequestHandler;
  /** /whatsapp-cloud/webhook: Meta's verification (GET) and deliveries (POST); it checks signatures on raw bytes itself */
  whatsappCloudWebhook?: Router;
  simulator?: Router;
  /** GET /whatsapp/qr. Whoever scans the QR becomes the bot's number: operator password, or this machine only. */
  whatsappQr?: RequestHandler;
  /**
   * The operator password (user "operator") for the operator pages; without it they are served to loopback only, or,
   * with `production`, to nobody.
   */
  operatorToken?: string;
  /** NODE_ENV=production: the operator pages need operatorToken from any address (absent: 404). */
  production?: boolean;
  /**
   * Put the simulator behind the operator password. Needed beside a real channel: the simulator believes any phone
   * number typed into it, so an open one would let anybody act as any real person.
   */
  protectSimulator?: boolean;
  /**
   * Each chat channel's state for /readyz ("ready", "qr", "blocked: <reason>" ...). Shown, not counted in `ready`: a
   * banned WhatsApp number is not fixed by an orchestrator restarting the instance, and the other channels still work.
   */
  channelStatus?: () => Record<string, string>;
  /** GET /metrics (Prometheus), for the operator */
  metrics?: Registry;
  /** the BullMQ queues shown at /admin/queues, for the operator */
  queues?: Queue[];
  /** routes journeys bring (payment providers' callbacks), each parsing its own bodies */
  routes?: { path: string; router: Router }[];
}

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  const production = options.production ?? false;
  const operatorPage = operatorOnly(options.operatorToken, production);
  // Orchestrators need only up or down (the status code says it too); what is wrong, and each channel's state (a ban,
  // a QR waiting to be scanned), is for the operator.
  app.get("/readyz", async (req, res) => {
    const state = await checkReadiness(options.db, options.redis);
    res.status(state.ready ? 200 : 503).set("Cache-Control", "no-store");
    if (!isOperatorRequest(req, options.operatorToken, production))
      return res.json({ status: state.ready ? "up" : "down" });
    res.json({ ...state, ...(options.channelStatus ? { channels: options.channelStatus() } : {}) });
  });
  if (options.telegramWebhook) {
    const guard: RequestHandler = options.telegramWebhookGuard ?? ((_req, _res, next) => next());
    app.post("/telegram/webhook", guard, express.json({ limit: "1mb" }), options.telegramWebhook);
  }
  if (options.whatsappCloudWebhook) app.use("/whatsapp-cloud/webhook", options.whatsappCloudWebhook);
  if (options.simulator) {
    if (options.protectSimulator && !options.operatorToken) {
      throw new Error(
        "protectSimulator needs operatorToken: refusing to serve the simulator open beside a real channel",
      );
    }
    // The router parses its own JSON bodies, after this check, so strangers' bodies are never parsed.
    if (options.protectSimulator) app.use("/simulator", requireOperator(options.operatorToken!), options.simulator);
    else app.use("/simulator", options.simulator);
  }
  if (options.whatsappQr) app.get("/whatsapp/qr", operatorPage, options.whatsappQr);
  for (const route of options.routes ?? []) app.use(route.path, route.router);
  if (options.metrics) {
    const registry = options.metrics;
    app.get("/metrics", operatorPage, async (_req, res, next) => {
      try {
        res.set("Content-Type", registry.contentType).send(await registry.metrics());
      } catch (err) {
        next(err);
      }
    });
  }
  if (options.queues?.length) app.use("/admin/queues", operatorPage, queueDashboard(options.queues, "/admin/queues"));
  app.get("/", (_req, res) => {
    if (options.simulator) return res.redirect("/simulator/");
    res.type("text/plain").send("Nuru is running. See /healthz and /readyz.");
  });

  app.use((_req, res) => {
    res.status(404).json({ error: "not found" });
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) options.logger.error({ err }, "request failed");
    // Only messages made for clients (http-errors' expose, e.g. body-parser's) are shown; others may name internals.
    res
      .status(status)
      .json({ error: status === 500 ? "internal error" : err?.expose ? String(err.message) : "bad request" });
  };
  app.use(onError);
  return app;
}
