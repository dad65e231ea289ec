// The conversation engine as the configuration shapes it, with the metrics' hooks.
import type { ChannelAdapter } from "../channels/channel.js";
import type { Config } from "../config.js";
import type { Db } from "../db/prisma.js";
import { createEngine, type Engine } from "../engine/engine.js";
import type { Channel } from "../generated/prisma/client.js";
import type { OutboundDispatcher } from "../jobs/outbound.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import { firstContactOf } from "./adapters.js";
import type { Links } from "./links.js";

export function buildEngine(deps: {
  config: Config;
  db: Db;
  logger: Logger;
  dispatcher: OutboundDispatcher;
  metrics: Metrics;
  adapters: ChannelAdapter[];
  links: Links;
}): Engine {
  const { config, metrics } = deps;
  const firstContact = firstContactOf(deps.adapters);
  return createEngine({
    db: deps.db,
    logger: deps.logger,
    dispatcher: deps.dispatcher,
    channels: {
      running: deps.adapters.map((a) => a.name as Channel),
      // Who can write to someone who never wrote: WhatsApp (the Cloud API first: no ban risk), else the simulator.
      firstContact: firstContact.order,
      links: deps.links,
      // What /invite tells organizers is the budget the first of them keeps.
      ...(firstContact.budget ? { firstContactBudget: firstContact.budget } : {}),
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
}
