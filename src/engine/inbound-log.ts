// The inbound log: every message is written here before the network is acknowledged. The unique
// (channel, external_id) key makes a repeated delivery a no-op.
//
// Messages that arrive while a write is in flight are written together by the next one (one INSERT, one disk flush
// for all of them), and writes run one at a time: ids are then given in arrival order and committed in that order,
// so the processor can never see a chat's later message before an earlier one. A failed write refuses everything
// waiting behind it, for the same reason.
import type { InboundEvent } from "../channels/channel.js";
import type { Db, Tx } from "../db/prisma.js";

export interface LoggedInbound {
  id: bigint;
  duplicate: boolean;
}

/** Most messages written by one statement (a burst beyond it waits for the next). */
const maxRowsPerWrite = 500;

/** Inserts the events in order; for each, its new id, or duplicate when the log already had it. */
export async function insertInbound(db: Db | Tx, events: InboundEvent[]): Promise<LoggedInbound[]> {
  const keyOf = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;
  const rows = await db.$queryRaw<{ id: bigint; channel: string; external_id: string }[]>`
    INSERT INTO inbound_messages (channel, external_id, chat_id, payload)
    SELECT c::channel, e, chat, p::jsonb
    FROM unnest(${events.map((e) => e.channel)}::text[], ${events.map((e) => e.externalId)}::text[], ${events.map((e) => e.chatId)}::text[],
                ${events.map((e) => JSON.stringify(e))}::text[]) WITH ORDINALITY AS r(c, e, chat, p, n)
    ORDER BY n
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id, channel, external_id`;
  const inserted = new Map(rows.map((r) => [keyOf(r.channel, r.external_id), r.id]));
  return events.map((event) => {
    const key = keyOf(event.channel, event.externalId);
    const id = inserted.get(key);
    // The same message twice in one write: the first is the new one.
    inserted.delete(key);
    return id === undefined ? { id: 0n, duplicate: true } : { id, duplicate: false };
  });
}

/** One message, on its own (tests and tools; the engine goes through createInboundLog). */
export async function logInbound(db: Db | Tx, event: InboundEvent): Promise<LoggedInbound> {
  return (await insertInbound(db, [event]))[0]!;
}

/** The engine's writer: append resolves once the message is durably logged, and rejects when the write failed. */
export function createInboundLog(db: Db) {
  type Waiting = { event: InboundEvent; resolve: (logged: LoggedInbound) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    while (waiting.length) {
      const batch = waiting.slice(0, maxRowsPerWrite);
      waiting = waiting.slice(batch.length);
      try {
        const logged = await insertInbound(db, batch.map((w) => w.event));
        batch.forEach((w, i) => w.resolve(logged[i]!));
      } catch (error) {
        // Everything already waiting is refused with it: were a later write to succeed, a chat's later message
        // could be logged (and handled) before an earlier one the network will offer again.
        for (const w of [...batch, ...waiting]) w.reject(error);
        waiting = [];
      }
    }
    writing = false;
  }

  return {
    append(event: InboundEvent): Promise<LoggedInbound> {
      return new Promise((resolve, reject) => {
        waiting.push({ event, resolve, reject });
        // Started on the next microtask, so messages handed over in the same tick share the first write.
        if (!writing) {
          writing = true;
          queueMicrotask(() => void writeAll());
        }
      });
    },
  };
}

/** The stored event, with its date revived. */
export function parseStoredEvent(payload: unknown): InboundEvent {
  const event = payload as InboundEvent & { sentAt: string };
  return { ...event, sentAt: new Date(event.sentAt) };
}
