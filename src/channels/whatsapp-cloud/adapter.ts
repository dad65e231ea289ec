// WhatsApp Business Cloud API as a ChannelAdapter: Meta calls the webhook with what people send and what became of
// our messages; we send with the Graph API. The webhook's signature is checked on the raw bytes before anything is
// parsed, and Meta gets its 200 only once every message of the delivery is in the inbound log (else it delivers
// again, and the log drops what it has). A person who has not written for 24 hours may only be sent an approved
// template: the choice is made here, at send time, from when they last wrote. The parts: calls.ts (token and
// refusals), replyWindow.ts (the 24 hours), sending.ts, number.ts (the number's profile), receive.ts (the webhook's body).
import type { Router } from "express";
import type { Logger } from "../../logger.js";
import {
  HoldUntilTheyWriteError,
  PermanentSendError,
  type ChannelAdapter,
  type DeliverySink,
  type InboundSink,
  type OutboundPayload,
  type RateLimits,
  type SendResult,
} from "../channel.js";
import { graphCalls } from "./calls.js";
import { GraphClient } from "./graph.js";
import { numberProfile } from "./number.js";
import { webhookReceiver } from "./receive.js";
import { cloudSending, type CloudSending } from "./sending.js";
import { defaultTemplateSettings, type TemplateSettings } from "./templates.js";
import { webhookRouter } from "./webhook.js";
import { createReplyWindow, type ReplyWindow } from "./window.js";

export { REPLY_WINDOW_MS } from "./window.js";

export interface WhatsAppCloudOptions {
  token: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  apiRoot: string;
  apiVersion: string;
  logger: Logger;
  /** When this chat's person last wrote to the number (undefined: never), for the 24-hour replyWindow. */
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

export function createWhatsAppCloudAdapter(options: WhatsAppCloudOptions): WhatsAppCloudAdapter {
  const log = options.logger.child({ channel: "whatsapp_cloud" });
  const graph = new GraphClient(options);
  const now = options.now ?? Date.now;
  const calls = graphCalls(log, now);
  const replyWindow = createReplyWindow(options.lastInboundAt, now);
  const sending = cloudSending({ graph, calls, templates: options.templates ?? defaultTemplateSettings, log, now });
  const profile = numberProfile({
    graph,
    calls,
    log,
    phoneNumberId: options.phoneNumberId,
    retryDelayMs: options.retryDelayMs ?? 1000,
  });
  let targets: { sink?: InboundSink; onDelivery?: DeliverySink } = {};
  const receive = webhookReceiver({ log, phoneNumberId: options.phoneNumberId, replyWindow, targets: () => targets });

  return {
    name: "whatsapp_cloud",
    rateLimits: cloudRateLimits(options.messagesPerSecond, options.dailyNewConversations),

    async start(sink, onDelivery) {
      targets = { sink, onDelivery };
      await profile.learn(0);
    },

    async stop() {
      targets = {};
      profile.stop();
    },

    send: (payload) => send(payload, replyWindow, sending),

    webhook() {
      return webhookRouter({ verifyToken: options.verifyToken, appSecret: options.appSecret, receive, logger: log });
    },

    status() {
      const tokenRefused = calls.tokenRefused();
      if (tokenRefused) return `token refused: ${tokenRefused}`;
      const connecting = profile.connecting();
      if (connecting) return `connecting: ${connecting}`;
      const templateRefused = sending.templateRefused();
      return templateRefused ? `template refused: ${templateRefused}` : "ready";
    },

    windowOpen: replyWindow.open,

    displayNumber: profile.number,
  };
}

/** Free-form inside the person's 24 hours, else the payload's template; without one it waits until they write. */
async function send(payload: OutboundPayload, replyWindow: ReplyWindow, sending: CloudSending): Promise<SendResult> {
  const chatId = payload.chatId;
  if (!/^\d{7,15}$/.test(chatId))
    throw new PermanentSendError(`"${chatId}" is not a WhatsApp number (digits with the country code)`);
  if (!payload.windowClosed && (await replyWindow.open(chatId))) {
    try {
      return { externalId: await sending.planned(chatId, payload) };
    } catch (err) {
      // Meta says 131047 (its last message from them is older than ours): the template, when there is one.
      if (err instanceof HoldUntilTheyWriteError) replyWindow.closeByMeta(chatId);
      if (!(err instanceof HoldUntilTheyWriteError) || !payload.template) throw err;
    }
  }
  if (!payload.template)
    throw new HoldUntilTheyWriteError("more than 24 hours since they wrote, and this message has no template");
  return { externalId: await sending.template(chatId, payload) };
}
