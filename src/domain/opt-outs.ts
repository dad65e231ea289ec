// Opting out: someone who wrote STOP ("sitaki ujumbe") gets nothing more that Nuru sends on its own (invitations,
// reminders, announcements, polls), from one event or from everyone, until they send START. The filter itself sits
// in the one statement every fan-out goes through (src/engine/tell.ts); this file records and reads the wish.
import type { Tx } from "../db/prisma.js";
import type { Row } from "../db/rows.js";

/**
 * Records the wish: about one event, or everyone (eventId undefined, which replaces any per-event ones). Messages
 * already waiting for them that nobody asked for (fan-out rows still queued or held, waiting notifications) are
 * dropped too, so a paced invitation or an announcement queued before the STOP does not arrive after it.
 */
export async function optOut(tx: Tx, options: { userId: string; eventId?: string }): Promise<void> {
  const { userId, eventId } = options;
  if (eventId) {
    await tx.$executeRaw`
      INSERT INTO opt_outs (user_id, event_id)
      SELECT ${userId}::uuid, ${eventId}::uuid
      WHERE NOT EXISTS (SELECT 1 FROM opt_outs WHERE user_id = ${userId}::uuid AND (event_id = ${eventId}::uuid OR event_id IS NULL))`;
  } else {
    await tx.optOut.deleteMany({ where: { userId } });
    await tx.optOut.create({ data: { userId } });
  }
  // Outbox rows do not say their event, so only a STOP of everything drops them; replies to the person's own
  // messages ("in:" keys, src/engine/outbox.ts) are kept: they wrote first.
  if (!eventId) {
    await tx.$executeRaw`
      UPDATE outbound_messages SET status = 'failed', last_error = 'opted out'
      WHERE user_id = ${userId}::uuid AND status IN ('queued', 'held') AND dedupe_key NOT LIKE 'in:%'`;
  }
  await tx.$executeRaw`
    UPDATE notifications SET delivered_at = now(), content = NULL
    WHERE user_id = ${userId}::uuid AND delivered_at IS NULL
      AND (${eventId ?? null}::uuid IS NULL OR event_id = ${eventId ?? null}::uuid)`;
}

/** START: Nuru may write to them again, about everything. Returns whether there was anything to undo. */
export async function optIn(tx: Tx, options: { userId: string }): Promise<boolean> {
  return (await tx.optOut.deleteMany({ where: { userId: options.userId } })).count > 0;
}

/** What the person stopped: everything, these events, or nothing. */
export async function optOutsOf(tx: Tx, userId: string): Promise<{ all: boolean; eventIds: string[] }> {
  const rows = await tx.optOut.findMany({ where: { userId }, select: { eventId: true } });
  return { all: rows.some((r) => r.eventId === null), eventIds: rows.flatMap((r) => (r.eventId ? [r.eventId] : [])) };
}

/** Guests of this event who asked not to be written to (about it, or at all), by phone: for the organizer's lists. */
export async function optedOutGuests(tx: Tx, eventId: string): Promise<Set<string>> {
  // The WHERE makes phone non-null.
  const rows = await tx.$queryRaw<(Row<"users", "phone"> & { phone: string })[]>`
    SELECT DISTINCT u.phone FROM opt_outs o JOIN event_guests g ON g.user_id = o.user_id AND g.event_id = ${eventId}::uuid
    JOIN users u ON u.id = o.user_id
    WHERE (o.event_id IS NULL OR o.event_id = ${eventId}::uuid) AND u.phone IS NOT NULL`;
  return new Set(rows.map((r) => r.phone));
}

/** Events the person is a guest of and that are still to come: what a STOP may be about. */
export async function eventsOfGuest(
  tx: Tx,
  options: { userId: string; now: Date },
): Promise<{ id: string; name: string; code: string | null }[]> {
  return tx.$queryRaw<Row<"events", "id" | "name" | "code">[]>`
    SELECT e.id::text, e.name, e.code FROM event_guests g JOIN events e ON e.id = g.event_id
    WHERE g.user_id = ${options.userId}::uuid AND coalesce(e.status::text, 'draft') NOT IN ('cancelled', 'completed')
      AND (e.start_time IS NULL OR e.start_time > ${options.now}::timestamptz - interval '1 day')
    ORDER BY e.start_time NULLS LAST LIMIT 10`;
}
