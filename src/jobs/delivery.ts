// What the networks say of messages after they took them (WhatsApp's ticks, Meta's status calls), recorded on the
// outbound rows: when a message reached the phone, when it was read, or that it failed after all. Idempotent: a tick
// repeated, or a read before its delivered, keeps the first time of each. A report for a message Nuru does not know
// (sent by someone else on the same number, or long forgotten) changes nothing.
import { setTimeout as sleep } from "node:timers/promises";
import type { DeliverySink, DeliveryUpdate } from "../channels/channel.js";
import type { Db } from "../db/prisma.js";
import type { Row } from "../db/rows.js";
import type { Channel } from "../generated/prisma/client.js";

/**
 * A report can come before the worker has written the id the network gave the message (it writes it the moment the
 * send returns; Meta may call a few milliseconds after it took the message): a recent report that finds no row is
 * looked for again for about 1.5 s before it is taken for a stranger's.
 */
const lookAgainMs = [50, 100, 200, 400, 800];
const recentMs = 60_000;

export interface DeliveryOptions {
  /** queues rows again (a message refused for the window that has a template goes again, as the template) */
  requeue?: (ids: bigint[]) => Promise<void>;
  /** a message to this chat is now held until its person writes (src/jobs/held.ts rings them) */
  onHeld?: (chatId: string) => Promise<void>;
  now?: () => number;
}

export function deliveryRecorder(db: Db, channel: Channel, options: DeliveryOptions = {}): DeliverySink {
  const now = options.now ?? Date.now;

  async function apply({ externalId, state, at, detail }: DeliveryUpdate): Promise<number> {
    if (state === "held") {
      // Refused because the person's 24 hours had passed (WhatsApp Cloud). A message that has a template goes again
      // at once, as the template; any other waits until the person writes (src/jobs/held.ts).
      const rows = await db.$queryRaw<Row<"outbound_messages", "id" | "status" | "chat_id">[]>`
        UPDATE outbound_messages SET
          status = CASE WHEN options ? 'template' AND NOT coalesce((options->>'windowClosed')::boolean, false) THEN 'queued' ELSE 'held' END::delivery_status,
          options = CASE WHEN options ? 'template' THEN options || '{"windowClosed": true}'::jsonb ELSE options END,
          last_error = ${detail ?? "held until the person writes"}
        WHERE channel = ${channel}::channel AND external_id = ${externalId} AND status = 'sent'
        RETURNING id, status::text, chat_id`;
      const requeued = rows.filter((r) => r.status === "queued").map((r) => r.id);
      if (requeued.length) await options.requeue?.(requeued);
      for (const chat of new Set(rows.filter((r) => r.status === "held").map((r) => r.chat_id)))
        await options.onHeld?.(chat);
      return rows.length;
    }
    if (state === "failed") {
      const { count } = await db.outboundMessage.updateMany({
        where: { channel, externalId },
        data: { status: "failed", lastError: detail ?? "the network could not deliver it" },
      });
      return count;
    }
    return db.$executeRaw`
      UPDATE outbound_messages SET delivered_at = coalesce(delivered_at, ${at}),
        read_at = CASE WHEN ${state} = 'read' THEN coalesce(read_at, ${at}) ELSE read_at END
      WHERE channel = ${channel}::channel AND external_id = ${externalId}`;
  }

  return async (update) => {
    if ((await apply(update)) > 0 || now() - update.at.getTime() > recentMs) return;
    for (const wait of lookAgainMs) {
      await sleep(wait);
      if ((await apply(update)) > 0) return;
    }
  };
}
