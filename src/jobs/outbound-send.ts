// The network call of a claimed outbound row, and what its outcome writes: sent, held until the person writes,
// refused for good, or tried again (a pause of the whole channel when the network says it is too fast).
import type { Job } from "bullmq";
import { Worker } from "bullmq";
import { HoldUntilTheyWriteError, PermanentSendError, RateLimitError } from "../channels/channel.js";
import type { OutboundMessage } from "../generated/prisma/client.js";
import type { OutboundJob, RowOptions } from "./outbound-jobs.js";
import type { WorkerContext } from "./outbound-worker.js";
import { finishSend, recordRateLimited } from "./pacing.js";

/** What a send needs of its job's worker. */
export interface SendControls {
  /** moves the job to later and ends this run of it */
  delayUntil: (at: number) => Promise<void>;
  /** stops the queue handing out jobs for this long */
  rateLimit: (ms: number) => Promise<void>;
}

/** A send that did not go: recorded on the row; the job ends, waits, or is retried by BullMQ (the error rethrown). */
async function recordFailedSend(
  ctx: WorkerContext,
  job: Job<OutboundJob>,
  row: OutboundMessage,
  err: unknown,
  paceAfter429: number | undefined,
  controls: SendControls,
): Promise<void> {
  const { db, logger, metrics } = ctx.options;
  const { channel } = ctx;
  const id = row.id;
  if (err instanceof HoldUntilTheyWriteError) {
    // Not lost: sent again when the person next writes (releaseHeld, src/jobs/held.ts).
    logger.info({ outboundId: String(id), reason: err.reason }, "message held until the person writes again");
    metrics?.send(channel, "held");
    await db.outboundMessage.update({ where: { id }, data: { status: "held", lastError: err.reason } });
    // The person may have written while this was being sent, and their message's release found nothing yet.
    await ctx.options
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
    metrics?.send(channel, "failed");
    await db.outboundMessage.update({ where: { id }, data: { status: "failed", lastError: err.reason } });
    return;
  }
  const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  metrics?.send(channel, err instanceof RateLimitError ? "rate_limited" : lastTry ? "failed" : "retry");
  await db.outboundMessage.update({
    where: { id },
    data: {
      status: lastTry && !(err instanceof RateLimitError) ? "failed" : "queued",
      lastError: String(err).slice(0, 500),
    },
  });
  if (err instanceof RateLimitError && err.chatOnly) {
    // Only this person may not get more yet (WhatsApp Cloud's pair rate): this message waits, the others go on.
    return controls.delayUntil(Date.now() + err.retryAfterMs);
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
    await controls.rateLimit(err.retryAfterMs);
    throw Worker.RateLimitError();
  }
  throw err;
}

/** Sends a claimed row through the channel's adapter and records the outcome. */
export async function sendRow(
  ctx: WorkerContext,
  job: Job<OutboundJob>,
  row: OutboundMessage,
  sendId: string,
  controls: SendControls,
): Promise<void> {
  const { db, adapter, redis, metrics } = ctx.options;
  const { id } = row;
  let paceAfter429: number | undefined;
  try {
    const { readReceipt, ...payload } = (row.options as RowOptions) ?? {};
    const started = performance.now();
    const result = await adapter
      .send({ chatId: row.chatId, text: row.body, ...payload, ref: String(id) })
      .catch(async (err: unknown) => {
        // The pause first, before anything else is written: sends of other workers are starting meanwhile.
        if (err instanceof RateLimitError && !err.chatOnly)
          paceAfter429 = await recordRateLimited(redis, ctx.flood, err.retryAfterMs).catch(() => undefined);
        throw err;
      })
      .finally(() => finishSend(redis, ctx.flood, sendId).catch(() => undefined));
    metrics?.send(ctx.channel, "sent", (performance.now() - started) / 1000);
    await db.outboundMessage.update({
      where: { id },
      data: { status: "sent", sentAt: new Date(), externalId: result.externalId, lastError: null },
    });
    // A relayed message counts as read once delivered to its recipient.
    if (readReceipt)
      await db.chatMessage.updateMany({ where: { id: readReceipt.chatMessageId }, data: { read: true } });
  } catch (err) {
    await recordFailedSend(ctx, job, row, err, paceAfter429, controls);
  }
}
