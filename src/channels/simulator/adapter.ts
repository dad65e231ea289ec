// The simulator channel: people chat with Nuru from a web page instead of WhatsApp or Telegram, so every flow can be
// tried without an account. A person is their phone number; the chat id is that phone in E.164.
import type { Router } from "express";
import { mapLink, PermanentSendError, type ChannelAdapter, type InboundSink, type RateLimits } from "../channel.js";
import type { Logger } from "../../logger.js";
import { ChatHistory } from "./history.js";
import { createSimulatorRouter } from "./routes.js";
import { isSimulatorPhone } from "./schema.js";

export interface SimulatorOptions {
  logger: Logger;
  /** Bot messages kept per chat for the page (default 500). */
  historyLimit?: number;
  /** Chats kept in memory (default 10 000); the least recently active is forgotten first. */
  chatLimit?: number;
}

export interface SimulatorAdapter extends ChannelAdapter {
  /** The page and its API; mount it under a prefix such as /simulator. */
  router(): Router;
}

/** Nothing to protect downstream: the limits only need to be large enough not to slow a demo. */
const simulatorRateLimits: RateLimits = Object.freeze({
  globalPerSecond: 1000,
  perChatIntervalMs: 0,
  groupPerMinute: 6000,
});

export function createSimulatorAdapter(options: SimulatorOptions): SimulatorAdapter {
  const logger = options.logger.child({ channel: "simulator" });
  // In memory and per process (see history.ts): outbound_messages in Postgres is the durable record.
  const history = new ChatHistory({ perChat: options.historyLimit ?? 500, chats: options.chatLimit ?? 10_000 });
  let sink: InboundSink | undefined;

  return {
    name: "simulator",
    rateLimits: simulatorRateLimits,

    async start(newSink) {
      sink = newSink;
      logger.info("simulator channel started");
    },

    async stop() {
      sink = undefined;
      // Open long-polls answer now instead of holding the HTTP server open for up to 25 s.
      history.releaseWaiters();
      logger.info("simulator channel stopped");
    },

    async send(message) {
      if (!isSimulatorPhone(message.chatId)) throw new PermanentSendError("not a simulator chat");
      // The page shows text: a photo and a pin become lines with their links (an OpenStreetMap map for the pin).
      const extras = [
        ...(message.photo ? [`🖼 ${message.photo.ref}`] : []),
        ...(message.location
          ? [
              `📍 ${[message.location.name, message.location.address].filter(Boolean).join(", ")} ${mapLink(message.location)}`.replace(
                "📍  ",
                "📍 ",
              ),
            ]
          : []),
      ];
      const stored = history.append(message.chatId, {
        text: [message.text, ...extras].join("\n"),
        // Copied so a caller reusing its payload object cannot change what the page shows.
        ...(message.choices?.length ? { choices: message.choices.map(({ label, value }) => ({ label, value })) } : {}),
        ...(message.requestPhone ? { requestPhone: true } : {}),
        ...(message.document ? { document: history.keepFile(message.document) } : {}),
      });
      return { externalId: String(stored.seq) };
    },

    router: () => createSimulatorRouter({ history, logger, currentSink: () => sink }),
  };
}
