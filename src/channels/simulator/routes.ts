// The simulator's HTTP side: the page, posting a message as a person, and reading (long-polling) what the bot said.
// Paths are relative so the lead can mount the router anywhere (e.g. /simulator).
import { randomUUID } from "node:crypto";
import express, { type ErrorRequestHandler, type RequestHandler, type Response, type Router } from "express";
import type { z } from "zod";
import type { InboundSink } from "../channel.js";
import type { Logger } from "../../logger.js";
import type { ChatHistory, StoredMessage } from "./history.js";
import { simulatorPage } from "./page.js";
import {
  chatParamsSchema,
  inboundBodySchema,
  multiPollQuerySchema,
  pollQuerySchema,
  summariseIssues,
  toInboundEvent,
  type InboundBody,
} from "./schema.js";

export interface SimulatorRouterDeps {
  history: ChatHistory;
  logger: Logger;
  /** The sink while the adapter is started, undefined otherwise. */
  currentSink: () => InboundSink | undefined;
}

export function createSimulatorRouter({ history, logger, currentSink }: SimulatorRouterDeps): Router {
  const router = express.Router();
  router.get("/", servePage);
  // 512 kB fits 65,536 characters even when every one is JSON-escaped as \uXXXX.
  router.post("/api/messages", express.json({ limit: "512kb" }), postMessage(history, logger, currentSink));

  router.get("/api/files/:id", (req, res) => {
    const file = /^[0-9a-f-]{36}$/.test(req.params.id) ? history.file(req.params.id) : undefined;
    if (!file)
      return res.status(404).json({ error: "no such file (the simulator keeps files in memory until it restarts)" });
    res
      .set({ "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" })
      .type(file.mimeType)
      .attachment(file.filename)
      .send(file.bytes);
  });

  router.get("/api/chats", (_req, res) => {
    res.set("Cache-Control", "no-store").json(history.chatsByRecency());
  });

  router.get("/api/chats/:phone/messages", async (req, res) => {
    const params = chatParamsSchema.safeParse(req.params);
    const query = pollQuerySchema.safeParse(req.query);
    if (!params.success) return badRequest(res, params.error);
    if (!query.success) return badRequest(res, query.error);
    const { phone } = params.data;
    const { after, wait, mine } = query.data;
    if (!(await waitUnlessGone(history, res, [phone], after, wait))) return;
    res.set("Cache-Control", "no-store").json(history.after(phone, after, mine === "1").map(toWire));
  });

  // One long-poll for several chats: browsers open at most six connections per host, so a page with a long-poll per
  // person would leave no connection free for sending once six people are on screen.
  router.get("/api/messages", async (req, res) => {
    const query = multiPollQuerySchema.safeParse(req.query);
    if (!query.success) return badRequest(res, query.error);
    const { phones, after, wait, mine } = query.data;
    if (!(await waitUnlessGone(history, res, phones, after, wait))) return;
    const messages = phones
      .flatMap((phone) => history.after(phone, after, mine === "1").map((message) => ({ phone, ...toWire(message) })))
      .sort((a, b) => a.seq - b.seq);
    res.set("Cache-Control", "no-store").json(messages);
  });

  router.use(jsonErrors(logger));
  return router;
}

const servePage: RequestHandler = (req, res) => {
  // Mounted at /simulator, a visit to "/simulator" would resolve the page's relative "api/..." URLs against "/";
  // the trailing slash makes them land under the mount point.
  const [path, query] = splitUrl(req.originalUrl);
  if (!path.endsWith("/")) return res.redirect(301, `${req.baseUrl}/${query}`);
  res
    .set({
      "Content-Security-Policy": simulatorPage.contentSecurityPolicy,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    })
    .type("html")
    .send(simulatorPage.html);
};

/** A person's message: 202 once the sink took it, 503 (send it again, same id) when it did not. */
function postMessage(
  history: ChatHistory,
  logger: Logger,
  currentSink: SimulatorRouterDeps["currentSink"],
): RequestHandler {
  return async (req, res) => {
    if (req.body === undefined) {
      return void res.status(400).json({ error: "send a JSON object with Content-Type: application/json" });
    }
    const parsed = inboundBodySchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: summariseIssues(parsed.error) });
    const sink = currentSink();
    if (!sink) return void res.status(409).json({ error: "the simulator is not running yet; try again shortly" });

    const id = parsed.data.id ?? randomUUID();
    const event = toInboundEvent(parsed.data, id);
    try {
      await sink(event);
    } catch (err) {
      // Not taken: answer so the client retries with the same id, and the engine drops it if it did get logged.
      logger.warn({ err, externalId: event.externalId }, "simulator message not taken; the client will retry");
      return void res
        .status(503)
        .set("Retry-After", "1")
        .json({ error: "the message was not taken; send it again", id });
    }
    history.noteInbound(parsed.data.from, parsed.data.name, {
      text: parsed.data.shown ?? shownText(parsed.data),
      clientId: id,
    });
    res.status(202).json({ id });
  };
}

/** Body-parser failures (bad JSON, too large) and anything unexpected: a JSON error, never a stack trace. */
function jsonErrors(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === "number" ? err.status : 500;
    if (err?.type === "entity.parse.failed") return res.status(400).json({ error: "the body is not valid JSON" });
    if (status >= 400 && status < 500 && err?.expose) return res.status(status).json({ error: String(err.message) });
    logger.error({ err }, "simulator request failed");
    res.status(500).json({ error: "internal error" });
  };
}

/** Waits for news; false when the client disconnected meanwhile, so nothing is written to a closed socket. */
async function waitUnlessGone(
  history: ChatHistory,
  res: Response,
  phones: string[],
  after: number,
  waitSeconds: number,
) {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  res.on("close", onClose);
  try {
    await history.waitForArrival(phones, after, waitSeconds * 1000, gone.signal);
  } finally {
    res.off("close", onClose);
  }
  return !gone.signal.aborted;
}

function badRequest(res: Response, error: z.ZodError) {
  res.status(400).json({ error: summariseIssues(error) });
}

/** Only what the page needs; empty choices and a false requestPhone are left out. */
function toWire({ seq, text, choices, requestPhone, at, mine, document }: StoredMessage) {
  return {
    seq,
    text,
    ...(choices?.length ? { choices } : {}),
    ...(requestPhone ? { requestPhone } : {}),
    at,
    ...(mine ? { mine } : {}),
    ...(document ? { document: { ...document, url: `api/files/${document.id}` } } : {}),
  };
}

/** What the person sent, as text, when the page did not say how it showed it. */
function shownText(body: InboundBody): string {
  if (body.text !== undefined) return body.text.length > 300 ? `${body.text.slice(0, 300)}…` : body.text;
  if (body.choice !== undefined) return body.choice;
  if (body.contact !== undefined) return `📱 ${body.contact.phone}`;
  if (body.location !== undefined) return `📍 ${body.location.latitude}, ${body.location.longitude}`;
  return `/start ${body.startPayload ?? ""}`;
}

function splitUrl(url: string): [path: string, query: string] {
  const at = url.indexOf("?");
  return at === -1 ? [url, ""] : [url.slice(0, at), url.slice(at)];
}
