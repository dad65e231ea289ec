// Producer side of the outbox: one BullMQ queue per channel, jobs carrying only the outbound row's id.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { bulkPriority, type OutboundJob, outboundJobId, outboundQueueName, sendAttempts } from "./outbound-jobs.js";

/** Producer side: one queue per channel, jobs with deterministic ids (adding an id already waiting or running is ignored). */
export function createOutboundDispatcher(options: {
  connection: Redis;
  prefix: string;
  channels: Channel[];
  /** tries per message before it is marked failed (tests use fewer) */
  attempts?: number;
  /** first retry delay; it doubles on every further try */
  backoffMs?: number;
  /** where a lost Redis connection is reported (once per outage, not as a stack per retry) */
  logger?: Logger;
}) {
  const attempts = options.attempts ?? sendAttempts;
  const backoffMs = options.backoffMs ?? 1000;
  const troubled = new Set<Channel>(); // queues whose Redis trouble was reported and has not cleared since
  const queues = new Map<Channel, Queue<OutboundJob>>(
    options.channels.map((c) => {
      const queue = new Queue<OutboundJob>(outboundQueueName(c), {
        connection: options.connection,
        prefix: options.prefix,
      });
      // Without a listener BullMQ prints raw stacks while Redis is away; the rows stay queued and the reconciler
      // dispatches them again once it is back.
      queue.on("error", (err) => {
        if (!troubled.has(c))
          options.logger?.warn(
            { err, queue: outboundQueueName(c) },
            "outbound queue lost Redis; messages wait in the outbox",
          );
        troubled.add(c);
      });
      return [c, queue];
    }),
  );
  return {
    /**
     * Queues rows to send. `bulk` marks messages to many people (an announcement, invitations): they get a lower
     * priority than replies, so people in conversation are answered while a fan-out is being paced out.
     */
    async dispatch(channel: Channel, ids: { id: bigint; delayMs?: number; bulk?: boolean }[]): Promise<void> {
      const queue = queues.get(channel);
      if (!queue || !ids.length) return;
      // Finished jobs are removed at once (below), so re-dispatching a row the reconciler revived adds a new job
      // instead of being ignored as a known id; the row's status, not the job, decides whether anything is sent.
      await queue.addBulk(
        ids.map(({ id, delayMs, bulk }) => ({
          name: "send",
          data: { id: String(id) },
          opts: {
            jobId: outboundJobId(id),
            delay: delayMs && delayMs > 0 ? delayMs : undefined,
            // BullMQ takes jobs without a priority before any with one.
            ...(bulk ? { priority: bulkPriority } : {}),
            attempts,
            backoff: { type: "capped", delay: backoffMs },
            // The row keeps the outcome (status, attempts, last_error), so BullMQ need not.
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
      if (troubled.delete(channel))
        options.logger?.info({ queue: outboundQueueName(channel) }, "outbound queue reaches Redis again");
    },
    async close(): Promise<void> {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

export type OutboundDispatcher = ReturnType<typeof createOutboundDispatcher>;
