// Retention: the inbound log and the outbox keep every message Nuru took and sent, and an export, chart or entry pass
// travels as a file inside its outbox row (options.document, in base64). Without an end they grow for ever. Pruned
// here after a configurable time: files first (they are most of the bytes, and a shorter time suits them), then the
// rows. In batches of a few thousand, each its own short statement, so a large table is never locked for long and
// the workers keep sending meanwhile. Only finished work goes: an inbound message still pending, and an outbound one
// queued, sending or held, are never touched, however old.
//
// Run by a BullMQ job scheduler (one run at a time across every process, whichever process takes it).
import { Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../db/prisma.js";
import type { Logger } from "../logger.js";

const dayMs = 86_400_000;

export interface RetentionSettings {
  /** inbound and outbound rows older than this many days are deleted; 0 keeps them for ever */
  messageDays: number;
  /** files inside outbound rows older than this many days are dropped (the row stays until messageDays); 0 keeps them */
  fileDays: number;
  /** rows per statement */
  batchSize?: number;
}

export interface PruneResult {
  files: number;
  outbound: number;
  inbound: number;
}

/** Repeats one batch until a batch comes back short. */
async function inBatches(batch: () => Promise<number>, size: number): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n < size) return total;
  }
}

/**
 * One pass of pruning. SKIP LOCKED: a row a worker is writing right now (a delivery tick) is left for the next pass
 * instead of waited for, and two passes at once (two processes) share the work.
 */
export async function pruneOnce(db: Db, settings: RetentionSettings, nowMs = Date.now()): Promise<PruneResult> {
  const size = settings.batchSize ?? 5000;
  const result: PruneResult = { files: 0, outbound: 0, inbound: 0 };
  if (settings.fileDays > 0) {
    const before = new Date(nowMs - settings.fileDays * dayMs);
    result.files = await inBatches(
      () => db.$executeRaw`
        UPDATE outbound_messages SET options = options - 'document'
        WHERE id IN (
          SELECT id FROM outbound_messages
          WHERE status IN ('sent', 'failed') AND created_at < ${before} AND options ? 'document'
          ORDER BY id LIMIT ${size} FOR UPDATE SKIP LOCKED)`,
      size,
    );
  }
  if (settings.messageDays > 0) {
    const before = new Date(nowMs - settings.messageDays * dayMs);
    result.outbound = await inBatches(
      () => db.$executeRaw`
        DELETE FROM outbound_messages WHERE id IN (
          SELECT id FROM outbound_messages
          WHERE status IN ('sent', 'failed') AND created_at < ${before}
          ORDER BY id LIMIT ${size} FOR UPDATE SKIP LOCKED)`,
      size,
    );
    // 'done' and 'failed' written out, so the planner can use the (status, received_at) index.
    result.inbound = await inBatches(
      () => db.$executeRaw`
        DELETE FROM inbound_messages WHERE id IN (
          SELECT id FROM inbound_messages
          WHERE status IN ('done', 'failed') AND received_at < ${before}
          ORDER BY id LIMIT ${size} FOR UPDATE SKIP LOCKED)`,
      size,
    );
  }
  return result;
}

export const retentionQueueName = "maintenance";

/**
 * Prunes every intervalMs (and once soon after start) through a BullMQ job scheduler: however many processes run,
 * one pass at a time. stop() closes the worker and queue (the schedule stays in Redis for the next start).
 */
export function startRetention(options: {
  db: Db;
  connection: Redis;
  workerConnection: Redis;
  prefix: string;
  logger: Logger;
  settings: RetentionSettings;
  intervalMs?: number;
}): { stop(): Promise<void>; queue: Queue } {
  const { db, logger, settings } = options;
  const queue = new Queue(retentionQueueName, { connection: options.connection, prefix: options.prefix });
  queue.on("error", (err) => logger.warn({ err }, "maintenance queue lost Redis; pruning waits"));
  const worker = new Worker(
    retentionQueueName,
    async () => {
      const pruned = await pruneOnce(db, settings);
      if (pruned.files || pruned.outbound || pruned.inbound)
        logger.info({ ...pruned, ...settings }, "pruned old messages and files");
      return pruned;
    },
    { connection: options.workerConnection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on("error", (err) => logger.warn({ err }, "maintenance worker error"));
  worker.on("failed", (_job, err) => logger.warn({ err }, "pruning failed; the next run tries again"));
  const off = settings.messageDays <= 0 && settings.fileDays <= 0;
  const scheduled = off
    ? queue.removeJobScheduler("prune")
    : queue.upsertJobScheduler(
        "prune",
        { every: options.intervalMs ?? 6 * 3_600_000 },
        { name: "prune", opts: { removeOnComplete: true, removeOnFail: 10 } },
      );
  scheduled.catch((err: unknown) =>
    logger.warn({ err }, "could not schedule pruning; old messages are kept until the next start"),
  );
  return {
    queue,
    async stop() {
      await scheduled.catch(() => undefined);
      await worker.close();
      await queue.close();
    },
  };
}
