// Sends the outbox. One BullMQ queue per channel so each network's global limit is the queue's limiter; jobs carry
// only the outbound row id and re-read the row, claim it atomically (queued -> sending) and record the outcome, so a
// job that runs twice never sends twice. Per-chat order and pacing are enforced here (see pacing.ts).
import { setTimeout as sleep } from "node:timers/promises";
import { DelayedError, Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import {
  HoldUntilTheyWriteError,
  isGroupChatId,
  PermanentSendError,
  RateLimitError,
  type ChannelAdapter,
  type OutboundPayload,
} from "../channels/channel.js";
import type { Db } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { lastWroteOn } from "../domain/users.js";
import {
  finishSend,
  floodKeys,
  recordRateLimited,
  reserveChannelSlot,
  startSend,
  takeFirstContactSlot,
  takeSendSlot,
} from "./pacing.js";

/**
 * Tries per message before it is marked failed. With the capped backoff below (1 s doubling to 5 min) 30 tries span
 * about two hours, so a network outage or a WhatsApp session waiting for its QR scan does not lose replies.
 */
export const sendAttempts = 30;
const maxBackoffMs = 5 * 60_000;

/** Exponential from the job's delay, capped: BullMQ's own exponential backoff has no ceiling. */
export function cappedBackoff(attemptsMade: number, delayMs: number): number {
  return Math.min(delayMs * 2 ** Math.max(0, attemptsMade - 1), maxBackoffMs);
}
/** The priority of messages to many people; replies have none, which BullMQ serves first. */
export const bulkPriority = 10;
/** a message waiting behind an earlier one to the same chat looks again after this long */
const orderRetryMs = 100;

export interface OutboundJob {
  id: string;
}

export const outboundQueueName = (channel: Channel) => `outbound-${channel}`;
export const outboundJobId = (id: bigint | string) => `out-${id}`;

type RowOptions =
  | (Pick<
      OutboundPayload,
      "choices" | "requestPhone" | "location" | "photo" | "poll" | "document" | "template" | "windowClosed"
    > & { readReceipt?: { chatMessageId: string } })
  | null;

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

/** Consumer side for one channel. */
export function createOutboundWorker(options: {
  db: Db;
  adapter: ChannelAdapter;
  connection: Redis;
  /** a separate connection for pacing keys (the worker's own connection blocks) */
  redis: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  /** sends by outcome and their latency (src/metrics.ts) */
  metrics?: {
    send(channel: string, outcome: "sent" | "failed" | "held" | "retry" | "rate_limited", seconds?: number): void;
  };
  /** a message to this chat was just held until its person writes (see src/jobs/held.ts) */
  onHeld?: (chatId: string) => Promise<void>;
}): Worker<OutboundJob> {
  const { db, adapter, logger } = options;
  const channel = adapter.name as Channel;
  const limits = adapter.rateLimits;
  const groupGapMs = Math.ceil(60_000 / limits.groupPerMinute);
  // Below one message a second the limiter spaces single messages instead.
  // The channel's overall pace is kept at the moment of sending, one message per 1/rate seconds, by a slot in Redis
  // shared by every worker (below): BullMQ's limiter counts per fixed second, so a full second after a full second
  // puts up to twice the rate into one second, which Telegram answers with 429 and a pause of the whole channel
  // (bench:announce: 57% of the limit that way). The limiter stays, a little looser, to keep workers from taking jobs
  // far faster than they may send them.
  // 97% of the published rate: a send's arrival jitters by a few ms, and a limit counted over any second (as the
  // Bot API fake does, stricter than Telegram) must not see one more than allowed.
  const globalGapMs = 1000 / (limits.globalPerSecond * 0.97);
  const limiter = { max: 1, duration: Math.max(1, Math.floor(globalGapMs * 0.9)) };
  /** The channel's pause, pace and window in Redis, shared by every worker of every process (pacing.ts). */
  const flood = floodKeys(options.prefix, channel);
  /** When anyone last wrote to the bot from this chat (their identity on this channel is that chat); never: undefined. */
  const lastWrote = lastWroteOn(db, channel);

  async function process(job: Job<OutboundJob>, token?: string): Promise<void> {
    const id = BigInt(job.data.id);
    const row = await db.outboundMessage.findUnique({ where: { id } });
    if (!row || row.status === "sent" || row.status === "failed") return;

    const delayUntil = async (at: number) => {
      await job.moveToDelayed(at, token);
      throw new DelayedError();
    };
    // Keep a chat's messages in order: wait while an earlier one to the same chat is unsent. One deferred to later
    // (notBefore, e.g. held for quiet hours) does not hold back what is due now.
    const now = new Date();
    const earlier = await db.outboundMessage.findFirst({
      where: {
        channel,
        chatId: row.chatId,
        id: { lt: id },
        status: { in: ["queued", "sending"] },
        OR: [{ notBefore: null }, { notBefore: { lte: now } }],
      },
      select: { id: true },
    });
    // Waiting no shorter than the chat's own pacing keeps a blocked chat from spending the channel's limiter slots.
    if (earlier) return delayUntil(Date.now() + Math.max(orderRetryMs, limits.perChatIntervalMs));
    if (row.notBefore && row.notBefore.getTime() > Date.now()) return delayUntil(row.notBefore.getTime());
    const group = isGroupChatId(row.chatId);
    const gap = group ? Math.max(groupGapMs, limits.perChatIntervalMs) : limits.perChatIntervalMs;
    const wait = await takeSendSlot(
      options.redis,
      `${options.prefix}:pace:${channel}:${row.chatId}`,
      gap,
      Date.now(),
      group ? 1 : (limits.perChatBurst ?? 1),
    );
    if (wait > 0) return delayUntil(Date.now() + wait);
    // Someone who never wrote to the bot (an invitation to a new number): the slower first-contact budget, counted
    // once per message (a retry after a refusal has had its place).
    if (limits.firstContact && !group && row.attempts === 0 && (await lastWrote(row.chatId)) === undefined) {
      const budgetWait = await takeFirstContactSlot(
        options.redis,
        `${options.prefix}:first-contact:${channel}`,
        limits.firstContact,
      );
      if (budgetWait > 0) {
        // Shown on the row, for the organizer's view and so the reconciler does not hurry it.
        await db.outboundMessage.updateMany({
          where: { id, status: "queued" },
          data: { notBefore: new Date(Date.now() + budgetWait) },
        });
        return delayUntil(Date.now() + budgetWait);
      }
    }
    const claimed = await db.outboundMessage.updateMany({
      where: { id, status: "queued" },
      data: { status: "sending", attempts: { increment: 1 }, claimedAt: new Date() },
    });
    if (claimed.count === 0) return; // another worker has it

    // The channel's next slot, reserved right before the network call so the spacing survives the work above, and
    // first come, first served: a reply (picked before bulk jobs by BullMQ) waits at most for the few sends the
    // workers hold already. (Slots taken by racing retries left some replies waiting over a second.)
    // Nothing is reserved while the network has paused the channel, and the gap widens while its pace is cut.
    const release = () =>
      db.outboundMessage.update({ where: { id }, data: { status: "queued", attempts: { decrement: 1 } } });
    const channelWait = await reserveChannelSlot(
      options.redis,
      `${options.prefix}:pace:${channel}:*`,
      flood,
      globalGapMs,
      1000,
    );
    if (channelWait < 0) {
      await release();
      return delayUntil(Date.now() - channelWait);
    }
    if (channelWait > 0) await sleep(channelWait);
    // Right before the network call: a pause that began while this send waited for its slot holds it too, and a
    // send made late by a busy process waits until the network's one-second count has room for it.
    const sendId = `${id}:${job.attemptsMade}:${Date.now()}`;
    for (let waited = 0; ; ) {
      const gate = await startSend(options.redis, flood, limits.globalPerSecond, sendId);
      if (gate === 0) break;
      if (gate < 0 || waited > 2000) {
        await release();
        return delayUntil(Date.now() + Math.max(orderRetryMs, -gate));
      }
      await sleep(gate);
      waited += gate;
    }

    const opts = row.options as RowOptions;
    let paceAfter429: number | undefined;
    try {
      const { readReceipt, ...payload } = opts ?? {};
      const started = performance.now();
      const result = await adapter
        .send({ chatId: row.chatId, text: row.body, ...payload, ref: String(id) })
        .catch(async (err: unknown) => {
          // The pause first, before anything else is written: sends of other workers are starting meanwhile.
          if (err instanceof RateLimitError && !err.chatOnly)
            paceAfter429 = await recordRateLimited(options.redis, flood, err.retryAfterMs).catch(() => undefined);
          throw err;
        })
        .finally(() => finishSend(options.redis, flood, sendId).catch(() => undefined));
      options.metrics?.send(channel, "sent", (performance.now() - started) / 1000);
      await db.outboundMessage.update({
        where: { id },
        data: { status: "sent", sentAt: new Date(), externalId: result.externalId, lastError: null },
      });
      // A relayed message counts as read once delivered to its recipient.
      if (readReceipt)
        await db.chatMessage.updateMany({ where: { id: readReceipt.chatMessageId }, data: { read: true } });
    } catch (err) {
      if (err instanceof HoldUntilTheyWriteError) {
        // Not lost: sent again when the person next writes (releaseHeld, src/jobs/held.ts).
        logger.info({ outboundId: String(id), reason: err.reason }, "message held until the person writes again");
        options.metrics?.send(channel, "held");
        await db.outboundMessage.update({ where: { id }, data: { status: "held", lastError: err.reason } });
        // The person may have written while this was being sent, and their message's release found nothing yet.
        await options
          .onHeld?.(row.chatId)
          .catch((e: unknown) =>
            logger.warn(
              { err: e, outboundId: String(id) },
              "could not act on a held message; the person's next message releases it",
            ),
          );
        return;
      }
      if (err instanceof PermanentSendError) {
        logger.warn({ outboundId: String(id), reason: err.reason }, "message refused for good");
        options.metrics?.send(channel, "failed");
        await db.outboundMessage.update({ where: { id }, data: { status: "failed", lastError: err.reason } });
        return;
      }
      const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      options.metrics?.send(channel, err instanceof RateLimitError ? "rate_limited" : lastTry ? "failed" : "retry");
      await db.outboundMessage.update({
        where: { id },
        data: {
          status: lastTry && !(err instanceof RateLimitError) ? "failed" : "queued",
          lastError: String(err).slice(0, 500),
        },
      });
      if (err instanceof RateLimitError && err.chatOnly) {
        // Only this person may not get more yet (WhatsApp Cloud's pair rate): this message waits, the others go on.
        return delayUntil(Date.now() + err.retryAfterMs);
      }
      if (err instanceof RateLimitError) {
        // The network asked the whole bot to slow down: every send of the channel, in every process, waits out the
        // pause (checked right before each network call), repeated refusals slow the channel's pace, and this
        // queue stops handing out jobs meanwhile; then this job is tried again.
        if (paceAfter429 !== undefined && paceAfter429 < 1)
          logger.warn(
            { channel, retryAfterMs: err.retryAfterMs, pace: paceAfter429 },
            "the network refused sends as too fast: channel paused and its pace slowed",
          );
        await worker.rateLimit(err.retryAfterMs);
        throw Worker.RateLimitError();
      }
      throw err;
    }
  }

  const worker: Worker<OutboundJob> = new Worker<OutboundJob>(outboundQueueName(channel), process, {
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 8,
    limiter,
    autorun: true,
    settings: {
      backoffStrategy: (attemptsMade, _type, _err, job) =>
        cappedBackoff(attemptsMade, (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000),
    },
  });
  worker.on("failed", (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      logger.error({ err, outboundId: job.data.id }, "message could not be sent");
  });
  worker.on("error", (err) => logger.error({ err }, "outbound worker error"));
  return worker;
}
