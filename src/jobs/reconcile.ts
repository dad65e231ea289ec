// The safety net behind "nothing is lost": periodically hands back work that a crash, a database outage or a Redis
// restart left behind. Every step is idempotent, so any number of processes may run it at once.
import type { Db } from "../db/prisma.js";
import type { As, Row } from "../db/rows.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { ChatProcessor } from "../engine/chat-processor.js";
import type { OutboundDispatcher } from "./outbound.js";

export interface ReconcileOptions {
  db: Db;
  processor: Pick<ChatProcessor, "processChat">;
  dispatcher: Pick<OutboundDispatcher, "dispatch">;
  channels: Channel[];
  logger: Logger;
  /** work younger than this is still being handled by its own process */
  graceMs?: number;
  /** a send claimed longer ago than this is assumed dead (the process died mid-send) */
  sendTimeoutMs?: number;
}

export async function reconcileOnce(
  options: ReconcileOptions,
): Promise<{ chats: number; outbound: number; revived: number }> {
  const { db } = options;
  const graceMs = options.graceMs ?? 5_000;
  const before = new Date(Date.now() - graceMs);

  const revived = await db.outboundMessage.updateMany({
    where: {
      status: "sending",
      channel: { in: options.channels },
      claimedAt: { lt: new Date(Date.now() - (options.sendTimeoutMs ?? 120_000)) },
    },
    data: { status: "queued" },
  });

  // Written out so 'pending' is a literal: only then can the planner use the partial index of pending messages
  // (a bound parameter would give a generic plan that scans the whole log every interval).
  const chats = await db.$queryRaw<
    (Row<"inbound_messages", "channel"> & As<"inbound_messages", "chat_id", "chatId">)[]
  >`
    SELECT DISTINCT channel, chat_id AS "chatId" FROM inbound_messages
    WHERE status = 'pending' AND received_at < ${before} AND channel::text = ANY(${options.channels}::text[])
    ORDER BY channel, chat_id
    LIMIT 500`;
  await Promise.all(chats.map((c) => options.processor.processChat(c.channel, c.chatId)));

  const queued = await db.outboundMessage.findMany({
    where: { status: "queued", createdAt: { lt: before }, channel: { in: options.channels } },
    select: { id: true, channel: true, notBefore: true },
    orderBy: { id: "asc" },
    take: 2000,
  });
  const now = Date.now();
  for (const channel of options.channels) {
    const rows = queued.filter((q) => q.channel === channel);
    await options.dispatcher.dispatch(
      channel,
      rows.map((r) => ({ id: r.id, delayMs: r.notBefore ? r.notBefore.getTime() - now : undefined })),
    );
  }

  // Conversations long past their expiry will never be answered; the router already handles recent ones politely.
  await db.conversation.deleteMany({ where: { expiresAt: { lt: new Date(now - 7 * 24 * 3600_000) } } });
  return { chats: chats.length, outbound: queued.length, revived: revived.count };
}

/** Runs reconcileOnce every intervalMs until the returned stop() is called. */
export function startReconciler(options: ReconcileOptions & { intervalMs: number }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = reconcileOnce(options)
      .then((r) => {
        if (r.chats || r.outbound || r.revived) options.logger.info(r, "reconciled left-over work");
      })
      .catch((err: unknown) => options.logger.warn({ err }, "reconcile failed; will retry"));
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
