// WhatsApp Business Cloud API as a ChannelAdapter: Meta calls the webhook with what people send and what became of
// our messages; we send with the Graph API. The webhook's signature is checked on the raw bytes before anything is
// parsed, and Meta gets its 200 only once every message of the delivery is in the inbound log (else it delivers
// again, and the log drops what it has). A person who has not written for 24 hours may only be sent an approved
// template: the choice is made here, at send time, from when they last wrote.
import type { Router } from "express";
import type { Logger } from "../../logger.js";
import {
  HoldUntilTheyWriteError,
  PermanentSendError,
  RateLimitError,
  type ChannelAdapter,
  type DeliverySink,
  type InboundSink,
  type OutboundPayload,
  type RateLimits,
  type SendResult,
} from "../channel.js";
import { classifyGraphError, CloudTokenRefusedError, GraphClient, GraphError } from "./graph.js";
import { parseWebhook, webhookSchema } from "./inbound.js";
import { planSends, uploadedMediaMessage } from "./messages.js";
import { defaultTemplateSettings, templateMessage, type TemplateSettings } from "./templates.js";
import { webhookRouter } from "./webhook.js";

/** Meta's customer service window, less a margin for clocks and for last_seen_at's one-minute granularity. */
export const REPLY_WINDOW_MS = 24 * 3600_000 - 10 * 60_000;

export interface WhatsAppCloudOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  apiRoot: string;
  apiVersion: string;
  logger: Logger;
  /** When this chat's person last wrote to the number (undefined: never), for the 24-hour window. */
  lastInboundAt: (chatId: string) => Promise<Date | undefined>;
  templates?: TemplateSettings;
  /** the number's throughput: 80 messages a second by default, more once Meta raises it */
  messagesPerSecond?: number;
  /** new people a day the number may start conversations with (Meta's messaging limit: 250 until it grows) */
  dailyNewConversations?: number;
  /** first wait before asking Meta again at start when it cannot be reached; doubles to a minute */
  retryDelayMs?: number;
  now?: () => number;
}

export interface WhatsAppCloudAdapter extends ChannelAdapter {
  readonly name: "whatsapp_cloud";
  /** Express router for /whatsapp-cloud/webhook (GET verification, POST deliveries); it reads its own raw body. */
  webhook(): Router;
  /** "ready", "connecting: <why>", "token refused: <why>" or "template refused: <which>: <why>" (for /readyz) */
  status(): string;
  /** The number as Meta shows it (digits), once known: for wa.me links. */
  displayNumber(): string | undefined;
  /** Whether the chat's person wrote within the last 24 hours, as far as this process knows (webhook, database). */
  windowOpen(chatId: string): Promise<boolean>;
}

/** Meta's defaults: 80 messages a second per number; to one person about one every 6 seconds, in short bursts. */
export function cloudRateLimits(messagesPerSecond = 80, dailyNewConversations?: number): RateLimits {
  return {
    globalPerSecond: messagesPerSecond,
    perChatIntervalMs: 6_000,
    perChatBurst: 6,
    groupPerMinute: 20,
    // Not a ban risk here but Meta's messaging limit: conversations Nuru starts, per day. No pacing within it.
    ...(dailyNewConversations
      ? { firstContact: { perHour: Number.POSITIVE_INFINITY, perDay: dailyNewConversations, jitter: 0 } }
      : {}),
  };
}

/** True at most once a minute: for log lines every message of a queue would repeat. */
function onceAMinute(now: () => number): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    if (now() - last <= 60_000) return false;
    last = now();
    return true;
  };
}

export function createWhatsAppCloudAdapter(options: WhatsAppCloudOptions): WhatsAppCloudAdapter {
  const log = options.logger.child({ channel: "whatsapp_cloud" });
  const graph = new GraphClient(options);
  const templates = options.templates ?? defaultTemplateSettings;
  const now = options.now ?? Date.now;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let sink: InboundSink | undefined;
  let onDelivery: DeliverySink | undefined;
  let connecting: string | undefined = "not started";
  let tokenRefused: string | undefined;
  // Every queued message would say the same: each operator error is logged once a minute at most.
  const tokenLog = onceAMinute(now);
  let number: string | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let templateRefused: string | undefined;
  const templateLog = onceAMinute(now);
  /** How far a payload sent as several messages got, by outbox row, so a retry does not send its first parts again. */
  const progress = new Map<string, { done: number; lastId?: string }>();
  /**
   * When each chat last wrote, as the webhook saw it: the database learns it only when the message's turn commits,
   * and what was held for the person is released (and sent) as soon as their message is logged.
   */
  const lastWrote = new Map<string, number>();
  /** Chats Meta said are outside their 24 hours (131047), whatever Nuru thought: so until the person writes again. */
  const closedByMeta = new Set<string>();

  function tokenProblem(err: CloudTokenRefusedError): never {
    tokenRefused = err.message;
    if (tokenLog()) {
      log.error(
        { reason: err.message },
        "WhatsApp Cloud refused the token (expired, revoked or without this number): messages wait. Set WHATSAPP_CLOUD_TOKEN to a new System User token and restart",
      );
    }
    // Every send would fail the same way: the channel pauses a minute and tries again; nothing is lost meanwhile.
    throw new RateLimitError(60_000);
  }

  async function call<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      tokenRefused = undefined;
      return result;
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      const sorted = classifyGraphError(err);
      if (sorted instanceof CloudTokenRefusedError) tokenProblem(sorted);
      throw sorted;
    }
  }

  async function windowOpen(chatId: string): Promise<boolean> {
    if (closedByMeta.has(chatId)) return false;
    const seen = lastWrote.get(chatId);
    if (seen !== undefined && now() - seen < REPLY_WINDOW_MS) return true;
    const last = await options.lastInboundAt(chatId);
    return last !== undefined && now() - last.getTime() < REPLY_WINDOW_MS;
  }

  function noteWrote(chatId: string, at: Date): void {
    // A late redelivery of an older message does not move the time back.
    const latest = Math.max(lastWrote.get(chatId) ?? 0, Math.min(at.getTime(), now()));
    if (at.getTime() > now() - REPLY_WINDOW_MS) closedByMeta.delete(chatId);
    lastWrote.delete(chatId);
    lastWrote.set(chatId, latest);
    // Oldest first out: past 24 hours an entry says nothing the database does not.
    if (lastWrote.size > 50_000) lastWrote.delete(lastWrote.keys().next().value!);
    if (closedByMeta.size > 50_000) closedByMeta.delete(closedByMeta.values().next().value!);
  }

  async function learnNumber(attempt: number): Promise<void> {
    try {
      const profile = await call(() => graph.numberProfile());
      number = profile.displayPhoneNumber?.replace(/\D/g, "") || undefined;
      connecting = undefined;
      log.info(
        { number: profile.displayPhoneNumber, name: profile.verifiedName, quality: profile.qualityRating },
        "WhatsApp Cloud API number ready",
      );
    } catch (err) {
      if (tokenRefused && attempt === 0)
        throw new CloudTokenRefusedError(
          `WhatsApp Cloud refused WHATSAPP_CLOUD_TOKEN for number ${options.phoneNumberId} (${tokenRefused}). Create a System User token with whatsapp_business_messaging and set it`,
        );
      connecting = err instanceof Error ? err.message.slice(0, 200) : String(err);
      const delay = Math.min(retryDelayMs * 2 ** attempt, 60_000);
      if (attempt === 0)
        log.warn(
          { err, nextInMs: delay },
          "WhatsApp Cloud API cannot be reached yet; the webhook takes messages meanwhile, sends retry",
        );
      retryTimer = setTimeout(() => void learnNumber(attempt + 1).catch(() => undefined), delay);
      retryTimer.unref();
    }
  }

  async function sendPlanned(chatId: string, payload: OutboundPayload): Promise<string | undefined> {
    const key = payload.ref;
    const done = key ? progress.get(key) : undefined;
    let lastId = done?.lastId;
    const sends = planSends(payload);
    for (let part = done?.done ?? 0; part < sends.length; part++) {
      const planned = sends[part]!;
      if ("message" in planned) lastId = await call(() => graph.sendMessage({ to: chatId, ...planned.message }));
      else {
        const mediaId = await call(() => graph.uploadMedia(planned.upload));
        lastId = await call(() =>
          graph.sendMessage({ to: chatId, ...uploadedMediaMessage(mediaId, planned.upload, planned.caption) }),
        );
      }
      if (key && part < sends.length - 1) {
        progress.delete(key);
        progress.set(key, { done: part + 1, lastId });
        if (progress.size > 10_000) progress.delete(progress.keys().next().value!);
      }
    }
    if (key) progress.delete(key);
    return lastId;
  }

  /** The template for someone outside their 24 hours; a template Meta refuses is the operator's to mend, and said so. */
  async function sendTemplate(chatId: string, payload: OutboundPayload): Promise<string> {
    const message = templateMessage(payload.template!, payload.choices, templates);
    try {
      const id = await call(() => graph.sendMessage({ to: chatId, ...message }));
      templateRefused = undefined;
      return id;
    } catch (err) {
      if (err instanceof HoldUntilTheyWriteError) {
        const { name, language } = message.template as { name: string; language: { code: string } };
        templateRefused = `${name} (${language.code}): ${err.reason}`;
        if (templateLog()) {
          log.error(
            { template: name, language: language.code, reason: err.reason },
            "Meta refused a template: messages to people silent for 24 hours wait until they write. Check its name, language and approval in WhatsApp Manager (README lists the texts)",
          );
        }
      }
      throw err;
    }
  }

  async function receive(rawBody: Buffer): Promise<{ status: number; body?: string }> {
    const to = sink;
    if (!to) return { status: 503 };
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      return { status: 400, body: "not JSON" };
    }
    const shape = webhookSchema.safeParse(json);
    if (!shape.success) {
      log.warn(
        { issues: shape.error.issues.slice(0, 3) },
        "whatsapp cloud webhook body is not a WhatsApp notification",
      );
      return { status: 400, body: "not a WhatsApp notification" };
    }
    const parsed = parseWebhook(shape.data, options.phoneNumberId);
    if (parsed.skipped.length)
      log.info({ skipped: parsed.skipped.slice(0, 10) }, "whatsapp cloud: parts of a delivery Nuru does not act on");
    // In order: a chat's messages reach the log in the order Meta gives them.
    for (const event of parsed.events) {
      noteWrote(event.chatId, event.sentAt);
      await to(event);
    }
    for (const update of parsed.deliveries) {
      if (update.state === "held" && update.chatId) closedByMeta.add(update.chatId);
      await onDelivery?.(update);
    }
    return { status: 200 };
  }

  const adapter: WhatsAppCloudAdapter = {
    name: "whatsapp_cloud",
    rateLimits: cloudRateLimits(options.messagesPerSecond, options.dailyNewConversations),

    async start(to, deliveries) {
      sink = to;
      onDelivery = deliveries;
      await learnNumber(0);
    },

    async stop() {
      sink = undefined;
      onDelivery = undefined;
      if (retryTimer) clearTimeout(retryTimer);
    },

    async send(payload: OutboundPayload): Promise<SendResult> {
      const chatId = payload.chatId;
      if (!/^\d{7,15}$/.test(chatId))
        throw new PermanentSendError(`"${chatId}" is not a WhatsApp number (digits with the country code)`);
      if (!payload.windowClosed && (await windowOpen(chatId))) {
        try {
          return { externalId: await sendPlanned(chatId, payload) };
        } catch (err) {
          // Meta says 131047 (its last message from them is older than ours): the template, when there is one.
          if (err instanceof HoldUntilTheyWriteError) closedByMeta.add(chatId);
          if (!(err instanceof HoldUntilTheyWriteError) || !payload.template) throw err;
        }
      }
      if (!payload.template)
        throw new HoldUntilTheyWriteError("more than 24 hours since they wrote, and this message has no template");
      return { externalId: await sendTemplate(chatId, payload) };
    },

    webhook() {
      return webhookRouter({ verifyToken: options.verifyToken, appSecret: options.appSecret, receive, logger: log });
    },

    status() {
      if (tokenRefused) return `token refused: ${tokenRefused}`;
      if (connecting) return `connecting: ${connecting}`;
      return templateRefused ? `template refused: ${templateRefused}` : "ready";
    },

    windowOpen,

    displayNumber: () => number,
  };
  return adapter;
}
