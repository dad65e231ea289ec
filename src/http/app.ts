// The express app: health and readiness for orchestrators, the Telegram webhook, the simulator, the WhatsApp login QR.
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from "express";
import type { Redis } from "ioredis";
import type { Db } from "../db/prisma.js";
import type { Logger } from "../logger.js";
import { checkReadiness } from "./readiness.js";

export interface HttpOptions {
  db: Db;
  redis: Redis;
  logger: Logger;
  telegramWebhook?: RequestHandler;
  simulator?: Router;
  whatsappQr?: RequestHandler;
}

export function createHttpApp(options: HttpOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const state = await checkReadiness(options.db, options.redis);
    res.status(state.ready ? 200 : 503).json(state);
  });
  if (options.telegramWebhook) app.post("/telegram/webhook", express.json({ limit: "1mb" }), options.telegramWebhook);
  if (options.simulator) app.use("/simulator", express.json({ limit: "64kb" }), options.simulator);
  if (options.whatsappQr) app.get("/whatsapp/qr", options.whatsappQr);
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
    res.status(status).json({ error: status === 500 ? "internal error" : String(err.message ?? "bad request") });
  };
  app.use(onError);
  return app;
}
