// Clean shutdown on SIGTERM/SIGINT (or when the npm that started Nuru is gone): the reverse of start-up, each part
// finishing its work in flight before what it depends on closes.
import type { Server } from "node:http";
import type { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { ChannelAdapter } from "../channels/channel.js";
import type { Db } from "../db/prisma.js";
import type { Engine } from "../engine/engine.js";
import type { OutboundDispatcher } from "../jobs/outbound.js";
import type { JourneyService } from "../journeys/journey.js";
import type { Logger } from "../logger.js";

type Stoppable = { stop(): Promise<void> };

/** Everything that runs, in the order shutdown stops it. */
export interface Running {
  logger: Logger;
  /** Start-up's own retries (the Telegram username), aborted first. */
  retries: AbortController;
  workers: Worker[];
  adapters: ChannelAdapter[];
  server: Server;
  reconciler: Stoppable;
  reminders: Stoppable;
  journeyServices: JourneyService[];
  retention: Stoppable;
  dashboardQueues: Queue[];
  engine: Engine;
  dispatcher: OutboundDispatcher;
  db: Db;
  redis: Redis;
  workerConnection: Redis;
}

/**
 * Stops on SIGTERM and SIGINT. startedBy: the parent process id read at the very start, set when Nuru runs under
 * npm (`npm start`); see watchParent.
 */
export function stopOnSignals(running: Running, startedBy: number | undefined): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void stopAll(running, signal);
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  if (startedBy !== undefined) watchParent(startedBy, () => shutdown("parent npm exited"));
}

/**
 * Under `npm start`, a process manager's SIGTERM reaches npm, which exits without passing it on: Nuru would be left
 * running, orphaned, on its port. Orphaned means its parent changed; then it stops as if it had the signal.
 */
function watchParent(startedBy: number, stop: () => void): void {
  setInterval(() => {
    if (process.ppid !== startedBy) stop();
  }, 1000).unref();
}

async function stopAll(running: Running, signal: string): Promise<void> {
  const { logger } = running;
  running.retries.abort();
  logger.info({ signal }, "shutting down: finishing work in flight");
  const force = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, 20_000);
  force.unref();
  // Finish the sends in flight while the channels can still deliver them (stopping WhatsApp closes its browser),
  // then stop taking messages, finish the ones already taken (their replies wait in the queue for the next
  // start or another process), then release connections.
  await Promise.allSettled(running.workers.map((w) => w.close()));
  await Promise.allSettled(running.adapters.map((a) => a.stop()));
  await new Promise<void>((resolve) => running.server.close(() => resolve()));
  await running.reconciler.stop();
  await running.reminders.stop();
  await Promise.allSettled(running.journeyServices.map((s) => s.stop()));
  await running.retention.stop();
  await Promise.allSettled(running.dashboardQueues.map((q) => q.close()));
  await running.engine.processor.idle();
  await running.dispatcher.close();
  await running.db.$disconnect();
  await Promise.allSettled([running.redis.quit(), running.workerConnection.quit()]);
  logger.info("stopped");
  process.exit(0);
}
