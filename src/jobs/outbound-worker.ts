// Consumer side of the outbox, for one channel: a job re-reads its row, waits its turn (the chat's order, quiet
// hours, the chat's pace, the first-contact budget), claims the row (queued -> sending) and takes the channel's next
// slot; outbound-send.ts makes the network call and records what came of it.
import { setTimeout as sleep } from "node:timers/promises";
import { DelayedError, type Job, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { type ChannelAdapter, isGroupChatId, type RateLimits } from "../channels/channel.js";
import type { Db } from "../db/prisma.js";
import { lastWroteOn } from "../domain/users.js";
import type { Channel, OutboundMessage } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { cappedBackoff, type OutboundJob, outboundQueueName } from "./outbound-jobs.js";
import { sendRow } from "./outbound-send.js";
import {
  type FloodKeys,
  floodKeys,
  reserveChannelSlot,
  startSend,
  takeFirstContactSlot,
  takeSendSlot,
} from "./pacing.js";

/** a message waiting behind an earlier one to the same chat looks again after this long */
export const orderRetryMs = 100;

export interface OutboundWorkerOptions {
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
}

/** What one channel's worker works out once and every job uses. */
export interface WorkerContext {
  options: OutboundWorkerOptions;
  channel: Channel;
  limits: RateLimits;
  /** the gap between two messages to one group */
  groupGapMs: number;
  /** the gap between two messages of the whole channel */
  globalGapMs: number;
  /** The channel's pause, pace and window in Redis, shared by every worker of every process (pacing.ts). */
  flood: FloodKeys;
  /** When anyone last wrote to the bot from this chat (their identity on this channel is that chat); never: undefined. */
  lastWrote: (chatId: string) => Promise<Date | undefined>;
}

function workerContext(options: OutboundWorkerOptions): WorkerContext {
  const channel = options.adapter.name as Channel;
  const limits = options.adapter.rateLimits;
  return {
    options,
    channel,
    limits,
    groupGapMs: Math.ceil(60_000 / limits.groupPerMinute),
    // The channel's overall pace is kept at the moment of sending, one message per 1/rate seconds, by a slot in Redis
    // shared by every worker (waitForChannel): BullMQ's limiter counts per fixed second, so a full second after a
    // full second puts up to twice the rate into one second, which Telegram answers with 429 and a pause of the whole
    // channel (bench:announce: 57% of the limit that way).
    // 97% of the published rate: a send's arrival jitters by a few ms, and a limit counted over any second (as the
    // Bot API fake does, stricter than Telegram) must not see one more than allowed.
    globalGapMs: 1000 / (limits.globalPerSecond * 0.97),
    flood: floodKeys(options.prefix, channel),
    lastWrote: lastWroteOn(options.db, channel),
  };
}

/**
 * When the row may be claimed: undefined now, else the moment to look again. Keeps a chat's messages in order, a
 * row's not-before time, the chat's pace, and the first-contact budget of people who never wrote to the bot.
 */
async function waitBeforeClaim(ctx: WorkerContext, row: OutboundMessage): Promise<number | undefined> {
  const { db, redis, prefix } = ctx.options;
  const { channel, limits } = ctx;
  // Keep a chat's messages in order: wait while an earlier one to the same chat is unsent. One deferred to later
  // (notBefore, e.g. held for quiet hours) does not hold back what is due now.
  const earlier = await db.outboundMessage.findFirst({
    where: {
      channel,
      chatId: row.chatId,
      id: { lt: row.id },
      status: { in: ["queued", "sending"] },
      OR: [{ notBefore: null }, { notBefore: { lte: new Date() } }],
    },
    select: { id: true },
  });
  // Waiting no shorter than the chat's own pacing keeps a blocked chat from spending the channel's limiter slots.
  if (earlier) return Date.now() + Math.max(orderRetryMs, limits.perChatIntervalMs);
  if (row.notBefore && row.notBefore.getTime() > Date.now()) return row.notBefore.getTime();
  const group = isGroupChatId(row.chatId);
  const gap = group ? Math.max(ctx.groupGapMs, limits.perChatIntervalMs) : limits.perChatIntervalMs;
  const burst = group ? 1 : (limits.perChatBurst ?? 1);
  const wait = await takeSendSlot(redis, `${prefix}:pace:${channel}:${row.chatId}`, gap, Date.now(), burst);
  if (wait > 0) return Date.now() + wait;
  // Someone who never wrote to the bot (an invitation to a new number): the slower first-contact budget, counted
  // once per message (a retry after a refusal has had its place).
  if (limits.firstContact && !group && row.attempts === 0 && (await ctx.lastWrote(row.chatId)) === undefined) {
    const budgetWait = await takeFirstContactSlot(redis, `${prefix}:first-contact:${channel}`, limits.firstContact);
    if (budgetWait > 0) {
      // Shown on the row, for the organizer's view and so the reconciler does not hurry it.
      await db.outboundMessage.updateMany({
        where: { id: row.id, status: "queued" },
        data: { notBefore: new Date(Date.now() + budgetWait) },
      });
      return Date.now() + budgetWait;
    }
  }
  return undefined;
}

/**
 * The channel's next slot for a claimed row, reserved right before the network call so the spacing survives the
 * work above, and first come, first served: a reply (picked before bulk jobs by BullMQ) waits at most for the few
 * sends the workers hold already. (Slots taken by racing retries left some replies waiting over a second.) Nothing is
 * reserved while the network has paused the channel, and the gap widens while its pace is cut. Returns undefined
 * when the send may start, else the row is handed back (queued) and the moment to try again is returned.
 */
async function waitForChannel(ctx: WorkerContext, id: bigint, sendId: string): Promise<number | undefined> {
  const { db, redis, prefix } = ctx.options;
  const release = () =>
    db.outboundMessage.update({ where: { id }, data: { status: "queued", attempts: { decrement: 1 } } });
  const channelWait = await reserveChannelSlot(
    redis,
    `${prefix}:pace:${ctx.channel}:*`,
    ctx.flood,
    ctx.globalGapMs,
    1000,
  );
  if (channelWait < 0) {
    await release();
    return Date.now() - channelWait;
  }
  if (channelWait > 0) await sleep(channelWait);
  // Right before the network call: a pause that began while this send waited for its slot holds it too, and a
  // send made late by a busy process waits until the network's one-second count has room for it.
  for (let waited = 0; ; ) {
    const gate = await startSend(redis, ctx.flood, ctx.limits.globalPerSecond, sendId);
    if (gate === 0) return undefined;
    if (gate < 0 || waited > 2000) {
      await release();
      return Date.now() + Math.max(orderRetryMs, -gate);
    }
    await sleep(gate);
    waited += gate;
  }
}

/** One job: the row re-read, its turn waited for, claimed, and sent once. */
async function processJob(ctx: WorkerContext, worker: Worker<OutboundJob>, job: Job<OutboundJob>, token?: string) {
  const { db } = ctx.options;
  const id = BigInt(job.data.id);
  const row = await db.outboundMessage.findUnique({ where: { id } });
  if (!row || row.status === "sent" || row.status === "failed") return;
  const delayUntil = async (at: number): Promise<void> => {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  };
  const notYet = await waitBeforeClaim(ctx, row);
  if (notYet !== undefined) return delayUntil(notYet);
  const claimed = await db.outboundMessage.updateMany({
    where: { id, status: "queued" },
    data: { status: "sending", attempts: { increment: 1 }, claimedAt: new Date() },
  });
  if (claimed.count === 0) return; // another worker has it
  const sendId = `${id}:${job.attemptsMade}:${Date.now()}`;
  const slot = await waitForChannel(ctx, id, sendId);
  if (slot !== undefined) return delayUntil(slot);
  await sendRow(ctx, job, row, sendId, { delayUntil, rateLimit: (ms) => worker.rateLimit(ms) });
}

/** Consumer side for one channel. */
export function createOutboundWorker(options: OutboundWorkerOptions): Worker<OutboundJob> {
  const ctx = workerContext(options);
  const { logger } = options;
  // The limiter stays, a little looser than the pace kept at sending, to keep workers from taking jobs far faster
  // than they may send them. (Below one message a second the limiter spaces single messages instead.)
  const limiter = { max: 1, duration: Math.max(1, Math.floor(ctx.globalGapMs * 0.9)) };
  const worker: Worker<OutboundJob> = new Worker<OutboundJob>(
    outboundQueueName(ctx.channel),
    (job, token) => processJob(ctx, worker, job, token),
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 8,
      limiter,
      autorun: true,
      settings: {
        backoffStrategy: (attemptsMade, _type, _err, job) =>
          cappedBackoff(attemptsMade, (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000),
      },
    },
  );
  worker.on("failed", (job, err) => {
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1))
      logger.error({ err, outboundId: job.data.id }, "message could not be sent");
  });
  worker.on("error", (err) => logger.error({ err }, "outbound worker error"));
  return worker;
}
