// Timing in BullMQ, truth in PostgreSQL. Every reminder row due within the horizon (a day) gets a delayed job whose
// id is derived from the row and its moment (`rem-<id>-<ms>`), written by the promoter, which every few seconds picks
// the rows whose current moment has no job yet (queued_for IS NULL, a partial index) and marks them once added.
// Rows further out cost nothing in Redis until they come near, so an RSVP or a moved event is one statement.
//
// A job that fires claims what is due in one transaction (fire.ts); a job whose row moved or went finds nothing.
// Redis that lost its data (FLUSHALL, a restart without persistence) is noticed by a marker key that vanished with
// it: every scheduled row is then queued again. A row whose job was lost anyway (a crash between commit and
// queueing) is fired by the sweep once overdue; at start-up the sweep sends what came due while Nuru was down,
// or skips what is no longer of use (fire.ts). Any number of processes may run all of this at once.
import { DelayedError, Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { fireDue, type FireDeps } from "./fire.js";

export const reminderQueueName = "reminders";
export const reminderJobId = (id: string, runAt: Date) => `rem-${id}-${runAt.getTime()}`;

interface ReminderJob {
  id: string;
  runAt: number;
}

export interface SchedulerOptions extends FireDeps {
  /** the queue's connection (BullMQ's workers block on theirs: give the worker its own, below) */
  connection: Redis;
  workerConnection: Redis;
  prefix: string;
  /** rows due within this get their jobs; default a day */
  horizonMs?: number;
  /** how often the promoter and the sweep run; default 5 s */
  intervalMs?: number;
  /** a scheduled row this far past its moment has lost its job: the sweep sends it; default 30 s */
  sweepAfterMs?: number;
  /** jobs handled at once by this process's worker */
  concurrency?: number;
  /** false: queue and promote only (the benchmark fires by itself); default true */
  work?: boolean;
}

/** Queues jobs for the rows due within the horizon that have none for their current moment. Returns how many. */
async function promoteDue(
  options: SchedulerOptions & { horizonMs: number },
  queue: Queue<ReminderJob>,
  marker: string,
  trouble: { troubled: boolean },
): Promise<number> {
  const { db, logger, horizonMs } = options;
  // The marker lives in the same Redis as the jobs: if it is gone, so are they.
  if (!(await options.connection.exists(marker))) {
    const lost =
      await db.$executeRaw`UPDATE reminders SET queued_for = NULL WHERE status = 'scheduled' AND queued_for IS NOT NULL`;
    await options.connection.set(marker, new Date().toISOString());
    if (lost) logger.warn({ reminders: lost }, "Redis lost the reminder jobs; queueing them again from the database");
  }
  let total = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; run_at: Date }[]>`
      SELECT id::text, date_trunc('milliseconds', run_at) AS run_at FROM reminders
      WHERE status = 'scheduled' AND queued_for IS NULL AND run_at < now() + ${horizonMs} * interval '1 millisecond'
      ORDER BY run_at LIMIT 5000`;
    if (!rows.length) break;
    const now = Date.now();
    await queue.addBulk(
      rows.map((r) => ({
        name: "remind",
        data: { id: r.id, runAt: r.run_at.getTime() },
        opts: {
          jobId: reminderJobId(r.id, r.run_at),
          delay: Math.max(0, r.run_at.getTime() - now),
          attempts: 10,
          backoff: { type: "exponential", delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
    // Only rows still at the moment queued: one moved meanwhile keeps NULL and is queued again at its new time.
    await db.$executeRaw`
      UPDATE reminders r SET queued_for = q.run_at
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.run_at)}::timestamptz[]) AS q(id, run_at)
      WHERE r.id = q.id AND date_trunc('milliseconds', r.run_at) = q.run_at AND r.status = 'scheduled'`;
    total += rows.length;
    if (rows.length < 5000) break;
  }
  if (trouble.troubled) logger.info("reminder queue reaches Redis again");
  trouble.troubled = false;
  return total;
}

/** Sends what is overdue without a job to send it (lost, or due while Nuru was down). */
async function sweepOverdue(options: SchedulerOptions, sweepAfterMs: number): Promise<number> {
  const { db } = options;
  let total = 0;
  for (;;) {
    const [overdue] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM reminders WHERE status = 'scheduled'
        AND run_at < now() - ${sweepAfterMs} * interval '1 millisecond' LIMIT 1) x`;
    if (!overdue?.n) break;
    const done = await fireDue(options);
    total += done.sent + done.cancelled + done.skipped + done.held;
    if (!(done.sent + done.cancelled + done.skipped + done.held)) break;
  }
  return total;
}

export function createReminderScheduler(options: SchedulerOptions) {
  const { logger } = options;
  const horizonMs = options.horizonMs ?? 24 * 3_600_000;
  const sweepAfterMs = options.sweepAfterMs ?? 30_000;
  const marker = `${options.prefix}:reminders:jobs`;
  const queue = new Queue<ReminderJob>(reminderQueueName, { connection: options.connection, prefix: options.prefix });
  const trouble = { troubled: false };
  queue.on("error", (err) => {
    if (!trouble.troubled) logger.warn({ err }, "reminder queue lost Redis; reminders wait in the database");
    trouble.troubled = true;
  });

  let worker: Worker<ReminderJob> | undefined;
  if (options.work !== false) {
    worker = new Worker<ReminderJob>(
      reminderQueueName,
      async (job: Job<ReminderJob>, token?: string) => {
        // A job can fire a little early (another host's clock): put it back until its row's moment, if still that.
        const wait = job.data.runAt - Date.now();
        if (wait > 1000) {
          await job.moveToDelayed(job.data.runAt, token);
          throw new DelayedError();
        }
        // Claims whatever is due, this row and its neighbours: a thousand reminders due in one second go in a few
        // transactions, and the other jobs of that second find nothing left.
        await fireDue(options);
      },
      { connection: options.workerConnection, prefix: options.prefix, concurrency: options.concurrency ?? 4 },
    );
    worker.on("error", (err) =>
      logger.warn({ err }, "reminder worker: Redis trouble; the sweep sends what is overdue"),
    );
  }

  const promote = () => promoteDue({ ...options, horizonMs }, queue, marker, trouble);
  const sweep = () => sweepOverdue(options, sweepAfterMs);

  async function pass(): Promise<{ queued: number; swept: number }> {
    const swept = await sweep();
    const queued = await promote();
    return { queued, swept };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    queue,
    promote,
    sweep,
    pass,
    /** The first pass at once (what came due while Nuru was down), then one every intervalMs. */
    async start(): Promise<void> {
      const first = await pass().catch((err: unknown) => {
        logger.warn({ err }, "reminders: first pass failed; will retry");
        return { queued: 0, swept: 0 };
      });
      if (first.queued || first.swept) logger.info(first, "reminders scheduled at start-up");
      timer = setInterval(() => {
        running = pass().catch((err: unknown) => logger.warn({ err }, "reminders pass failed; will retry"));
      }, options.intervalMs ?? 5000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
      await worker?.close();
      await queue.close();
    },
  };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
