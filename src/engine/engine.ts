// The conversation engine: the inbound sink every adapter calls, wired to the router and the chat processor.
import type { InboundSink } from "../channels/channel.js";
import { toStorableEvent } from "../channels/storable.js";
import type { Db } from "../db/prisma.js";
import type { Locale } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import type { OutboundDispatcher } from "../jobs/outbound.js";
import { journeys as productJourneys } from "../journeys/index.js";
import type { Journey } from "../journeys/journey.js";
import { buildRegistry } from "./registry.js";
import type { TurnEnvironment } from "./turn.js";
import { createChatProcessor, type ProcessorOptions } from "./chat-processor.js";
import { createInboundLog } from "./inbound-log.js";
import { createRouter } from "./router.js";

export interface EngineOptions {
  db: Db;
  logger: Logger;
  dispatcher: Pick<OutboundDispatcher, "dispatch">;
  defaultCountry: string;
  defaultLocale: Locale;
  /** IANA zone given to people Nuru meets for the first time (DEFAULT_TIMEZONE) */
  defaultTimeZone?: string;
  conversationTtlMs: number;
  /** journeys beside the product's (tests exercise the engine with minimal ones) */
  journeys?: Journey[];
  /** channels running, and those that may write to someone first (messages to other people); default: the simulator */
  channels?: Pick<TurnEnvironment, "running" | "firstContact" | "links" | "firstContactBudget">;
  /** transactions handling chats at once in this process (default 2) */
  concurrency?: number;
  /** chats handled per transaction at most (default 48) */
  batchSize?: number;
  /** observability hooks, see ProcessorOptions */
  onHandled?: ProcessorOptions["onHandled"];
  onBatch?: ProcessorOptions["onBatch"];
  /** observability hook: what became of a message handed over (its log id when it was logged) */
  onLogged?: (channel: string, outcome: "logged" | "duplicate" | "quarantined" | "refused", id?: bigint) => void;
}

export function createEngine(options: EngineOptions) {
  const router = createRouter({
    // Built once: two journeys claiming one command name stop the start here.
    registry: buildRegistry([...productJourneys, ...(options.journeys ?? [])]),
    channels: options.channels,
    defaultCountry: options.defaultCountry,
    defaultLocale: options.defaultLocale,
    defaultTimeZone: options.defaultTimeZone,
    conversationTtlMs: options.conversationTtlMs,
  });
  const processor = createChatProcessor({
    db: options.db,
    router,
    logger: options.logger,
    defaultCountry: options.defaultCountry,
    defaultLocale: options.defaultLocale,
    concurrency: options.concurrency,
    batchSize: options.batchSize,
    onHandled: options.onHandled,
    onBatch: options.onBatch,
    dispatch: (channel, ids, bulk) =>
      options.dispatcher.dispatch(
        channel,
        ids.map((id) => ({ id, bulk })),
      ),
  });

  /**
   * Logs the message (this is what makes it safe to acknowledge) and starts handling it in the background.
   * Rejects when the log write fails, so the adapter does not acknowledge and the network offers it again.
   */
  const inboundLog = createInboundLog(options.db, options.logger);
  const sink: InboundSink = async (raw) => {
    // The border: every channel's text is made storable here, by the same rules (src/channels/storable.ts).
    const { event, notes } = toStorableEvent(raw);
    if (notes.length)
      options.logger.warn(
        { channel: event.channel, externalId: event.externalId, notes },
        "inbound message cleaned before logging",
      );
    let logged: Awaited<ReturnType<typeof inboundLog.append>>;
    try {
      logged = await inboundLog.append(event);
    } catch (err) {
      options.onLogged?.(event.channel, "refused");
      throw err;
    }
    options.onLogged?.(
      event.channel,
      logged.quarantined ? "quarantined" : logged.duplicate ? "duplicate" : "logged",
      logged.duplicate ? undefined : logged.id,
    );
    if (logged.duplicate)
      options.logger.debug({ channel: event.channel, externalId: event.externalId }, "repeated delivery dropped");
    // Also for a repeat: when the first delivery's insert committed but its answer was lost (the connection dropped),
    // the network's retry is the first this process hears of it. Processing is idempotent; a done message is skipped.
    void processor.processChat(event.channel, event.chatId);
  };

  // What messages to other people need (the reminders send them too, outside any turn).
  return { sink, processor, router, environment: router.environment };
}

export type Engine = ReturnType<typeof createEngine>;
