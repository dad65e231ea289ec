// The inbound log: every message is written here before the network is acknowledged. The unique
// (channel, external_id) key makes a repeated delivery a no-op.
import type { InboundEvent } from "../channels/channel.js";
import type { Db } from "../db/prisma.js";

export interface LoggedInbound {
  id: bigint;
  duplicate: boolean;
}

export async function logInbound(db: Db, event: InboundEvent): Promise<LoggedInbound> {
  const payload = JSON.stringify(event);
  // One round trip: insert, or learn that it was there already.
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO inbound_messages (channel, external_id, chat_id, payload)
    VALUES (${event.channel}::channel, ${event.externalId}, ${event.chatId}, ${payload}::jsonb)
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id`;
  if (rows[0]) return { id: rows[0].id, duplicate: false };
  return { id: 0n, duplicate: true };
}

/** The stored event, with its date revived. */
export function parseStoredEvent(payload: unknown): InboundEvent {
  const event = payload as InboundEvent & { sentAt: string };
  return { ...event, sentAt: new Date(event.sentAt) };
}
