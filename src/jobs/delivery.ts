// What the networks say of messages after they took them (WhatsApp's ticks), recorded on the outbound rows: when a
// message reached the phone, when it was read, or that it failed after all. Idempotent: a tick repeated, or a read
// before its delivered, keeps the first time of each. A report for a message Nuru does not know (sent by someone else
// on the same number, or long forgotten) changes nothing.
import type { DeliverySink } from "../channels/channel.js";
import type { Db } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";

export function deliveryRecorder(db: Db, channel: Channel): DeliverySink {
  return async ({ externalId, state, at, detail }) => {
    if (state === "held") {
      // Refused only until the person writes (WhatsApp Cloud's 24 hours): sent again then (src/jobs/held.ts).
      await db.outboundMessage.updateMany({ where: { channel, externalId, status: "sent" }, data: { status: "held", lastError: detail ?? "held until the person writes" } });
      return;
    }
    if (state === "failed") {
      await db.outboundMessage.updateMany({ where: { channel, externalId }, data: { status: "failed", lastError: detail ?? "the network could not deliver it" } });
      return;
    }
    await db.$executeRaw`
      UPDATE outbound_messages SET delivered_at = coalesce(delivered_at, ${at}),
        read_at = CASE WHEN ${state} = 'read' THEN coalesce(read_at, ${at}) ELSE read_at END
      WHERE channel = ${channel}::channel AND external_id = ${externalId}`;
  };
}
