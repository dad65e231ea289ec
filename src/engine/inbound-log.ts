// The inbound log: every message is written here before the network is acknowledged. The unique
// (channel, external_id) key makes a repeated delivery a no-op.
//
// Messages that arrive while a write is in flight are written together by the next one (one INSERT, one disk flush
// for all of them), and writes run one at a time: ids are then given in arrival order and committed in that order,
// so the processor can never see a chat's later message before an earlier one. A write that fails because the
// database is away refuses everything waiting behind it, for the same reason.
//
// A write the database refuses because of a message itself (a data error: text it cannot store, an id too large for
// its index) must not refuse the others, or one hostile message would stall everyone handed over with it, and be
// offered again for ever. The messages are then written one by one, in order; one the database still refuses is
// stored in a form it can take (quarantined: who sent it, where, and the reason, in place of what they sent), so the
// network is acknowledged and the sender gets a polite answer through the ordinary pipeline.
import type { InboundEvent } from "../channels/channel.js";
import { storableId } from "../channels/storable.js";
import { describeDbError, isDataError } from "../db/errors.js";
import type { Db, Tx } from "../db/prisma.js";
import type { Row } from "../db/rows.js";
import type { Logger } from "../logger.js";

export interface LoggedInbound {
  id: bigint;
  duplicate: boolean;
  /** the database refused the message; what was stored is its quarantined form */
  quarantined?: boolean;
}

/** Most messages written by one statement (a burst beyond it waits for the next). */
const maxRowsPerWrite = 500;

/** Inserts the events in order; for each, its new id, or duplicate when the log already had it. */
export async function insertInbound(db: Db | Tx, events: InboundEvent[]): Promise<LoggedInbound[]> {
  const keyOf = (channel: string, externalId: string) => `${channel}\u0000${externalId}`;
  const rows = await db.$queryRaw<Row<"inbound_messages", "id" | "channel" | "external_id">[]>`
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

/** The form of a refused message that can always be stored: its addresses, made safe, and the reason. */
export function quarantinedForm(event: InboundEvent, reason: string): InboundEvent {
  const safe = (id: string) => storableId(id.replace(/[^\x20-\x7E]/g, "?"), [], "id", 128);
  return {
    channel: event.channel,
    externalId: safe(event.externalId),
    chatId: safe(event.chatId),
    ...(event.isGroup ? { isGroup: true } : {}),
    sender: { externalId: safe(event.sender.externalId) },
    content: { kind: "refused", reason: "unstorable", detail: reason.replace(/[^\x20-\x7E]/g, "?") },
    sentAt: new Date(),
  };
}

/**
 * The engine's writer: append resolves once the message is durably logged (or quarantined, see above), and rejects
 * when the database could not be written to.
 */
export function createInboundLog(db: Db, logger: Logger) {
  type Waiting = { event: InboundEvent; resolve: (logged: LoggedInbound) => void; reject: (error: unknown) => void };
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    while (waiting.length) {
      const batch = waiting.slice(0, maxRowsPerWrite);
      waiting = waiting.slice(batch.length);
      try {
        const logged = await insertInbound(
          db,
          batch.map((w) => w.event),
        ).catch(async (error: unknown) => {
          if (!isDataError(error)) throw error;
          // One by one, in order: only the message the database refuses is set apart.
          const each: LoggedInbound[] = [];
          for (const w of batch) each.push(await insertOrQuarantine(w.event));
          return each;
        });
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

  async function insertOrQuarantine(event: InboundEvent): Promise<LoggedInbound> {
    try {
      return (await insertInbound(db, [event]))[0]!;
    } catch (error) {
      if (!isDataError(error)) throw error;
      const reason = describeDbError(error);
      const where = {
        channel: event.channel,
        externalId: event.externalId.slice(0, 128),
        chatId: event.chatId.slice(0, 128),
        reason,
      };
      try {
        const logged = (await insertInbound(db, [quarantinedForm(event, reason)]))[0]!;
        logger.warn(
          { ...where, inboundId: String(logged.id) },
          "inbound message refused by the database; quarantined, and its sender will be told",
        );
        return { ...logged, quarantined: true };
      } catch (again) {
        if (!isDataError(again)) throw again;
        // Not even its addresses can be stored: acknowledging it is the only way the network stops offering it.
        logger.error(
          { ...where, quarantineError: describeDbError(again) },
          "inbound message refused by the database, even quarantined; dropped",
        );
        return { id: 0n, duplicate: true, quarantined: true };
      }
    }
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
