// The work beside the chat: a sending worker per channel, the reconciler, reminders, retention, and the services
// journeys bring (mobile money's callbacks and timers), with the queue dashboard's handles on every queue.
import { Queue, type Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { ChannelAdapter } from "../channels/channel.js";
import type { Config } from "../config.js";
import type { Db } from "../db/prisma.js";
import type { Engine } from "../engine/engine.js";
import type { Channel } from "../generated/prisma/client.js";
import { createOutboundWorker, outboundQueueName, type OutboundDispatcher } from "../jobs/outbound.js";
import { startReconciler } from "../jobs/reconcile.js";
import { startRetention } from "../jobs/retention.js";
import { journeys } from "../journeys/index.js";
import type { JourneyService } from "../journeys/journey.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import { parseQuietHours } from "../reminders/quiet.js";
import { createReminderScheduler } from "../reminders/scheduler.js";
import type { CloudHolding } from "./held.js";

export interface BackgroundDeps {
  config: Config;
  db: Db;
  /** For queues and pacing keys; workerConnection for the workers' blocking reads. */
  redis: Redis;
  workerConnection: Redis;
  logger: Logger;
  metrics: Metrics;
  dispatcher: OutboundDispatcher;
  engine: Engine;
  adapters: ChannelAdapter[];
  cloud: CloudHolding;
}

export type Background = ReturnType<typeof startBackground>;

/** Built in this order; the reminders and the journeys' timers start later, after the channels (see main.ts). */
export function startBackground(deps: BackgroundDeps) {
  const { db, dispatcher, logger, redis, workerConnection } = deps;
  const prefix = deps.config.REDIS_PREFIX;
  const channels = deps.adapters.map((a) => a.name as Channel);
  const workers = deps.adapters.map((adapter) => outboundWorker(deps, adapter));
  const reconciler = startReconciler({
    db,
    processor: deps.engine.processor,
    dispatcher,
    channels,
    logger,
    intervalMs: 10_000,
  });
  const reminders = reminderScheduler(deps);
  // Old messages and files pruned (MESSAGE_RETENTION_DAYS, FILE_RETENTION_DAYS), one pass at a time across processes.
  const retention = startRetention({
    db,
    connection: redis,
    workerConnection,
    prefix,
    logger,
    settings: { messageDays: deps.config.MESSAGE_RETENTION_DAYS, fileDays: deps.config.FILE_RETENTION_DAYS },
  });
  const journeyServices = startJourneyServices(deps);
  // For the queue dashboard: its own handles on every queue (closed at shutdown).
  const dashboardQueues = [
    ...channels.map((c) => new Queue(outboundQueueName(c), { connection: redis, prefix })),
    reminders.queue,
  ];
  return { workers, reconciler, reminders, retention, journeyServices, dashboardQueues };
}

function outboundWorker(deps: BackgroundDeps, adapter: ChannelAdapter): Worker {
  return createOutboundWorker({
    db: deps.db,
    adapter,
    connection: deps.workerConnection,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    logger: deps.logger,
    metrics: deps.metrics,
    ...(adapter.name === "whatsapp_cloud" && deps.cloud.onHeld ? { onHeld: deps.cloud.onHeld } : {}),
  });
}

function reminderScheduler(deps: BackgroundDeps) {
  return createReminderScheduler({
    db: deps.db,
    logger: deps.logger,
    connection: deps.redis,
    workerConnection: deps.workerConnection,
    prefix: deps.config.REDIS_PREFIX,
    quiet: parseQuietHours(deps.config.QUIET_HOURS) ?? null,
    env: deps.engine.environment,
    dispatch: (channel, ids) =>
      deps.dispatcher.dispatch(
        channel,
        ids.map((id) => ({ id, bulk: true })),
      ),
    onFired: (result, skews) => deps.metrics.remindersFired(result, skews),
  });
}

/** Work journeys bring outside the chat (mobile money's callbacks, starter and reconciler): routes now, timers later. */
function startJourneyServices(deps: BackgroundDeps): JourneyService[] {
  return journeys.flatMap((j) =>
    j.service
      ? [
          j.service({
            db: deps.db,
            logger: deps.logger,
            config: deps.config,
            env: deps.engine.environment,
            dispatch: (channel, ids) =>
              deps.dispatcher.dispatch(
                channel,
                ids.map((id) => ({ id })),
              ),
          }),
        ]
      : [],
  );
}
