// Which reminders should exist, worked out from the data they are about, in the same transaction as the change that
// makes them right or wrong: a guest who accepts gets their event reminders with the answer, one who declines loses
// them with it, a moved event moves every reminder. Each planner states the whole wanted set for what it covers and
// reconciles the table with it (insert what is missing, move what changed, cancel what is no longer wanted), so
// calling it twice is harmless and no caller has to know what the previous state was.
//
// Rows only: the BullMQ job that fires a row is written by the promoter (scheduler.ts) once the row is near, so a
// change costs one statement here and nothing in Redis.
import { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../db/prisma.js";

/** Reminders to guests (planned per guest, on the RSVP hot path). */
export const guestKinds = ["event", "nudge"] as const;
/** Reminders about the event's work (tasks, bookings, payments, polls) and for its organizer (the digest). */
export const eventKinds = ["task-due", "task-late", "booking-nudge", "booking-late", "deposit", "balance", "poll-soon", "poll-close", "digest"] as const;
export type ReminderKind = (typeof guestKinds)[number] | (typeof eventKinds)[number];

/** What an organizer switches on and off (/reminders CODE nudges off), and the kinds each covers. */
export const reminderGroups = {
  event: ["event"],
  nudges: ["nudge"],
  tasks: ["task-due", "task-late"],
  bookings: ["booking-nudge", "booking-late"],
  payments: ["deposit", "balance"],
  polls: ["poll-soon"],
  digest: ["digest"],
} as const satisfies Record<string, readonly ReminderKind[]>;
export type ReminderGroup = keyof typeof reminderGroups;

/** Event reminders to guests who accepted, in minutes before the start: 7 days, 1 day, 3 hours. */
export const defaultOffsets = [7 * 24 * 60, 24 * 60, 3 * 60];

/**
 * Inserts the wanted rows (a CTE named `want` with key, kind, event_id, user_id, target_id, run_at, useful_until,
 * payload) and cancels the rows of `scope` that are not wanted. A row keeps its state while its planned moment
 * (payload.due) is unchanged: a sent reminder is not sent again, one held for quiet hours stays held. A changed
 * moment re-arms it, sent or not: the event moved, so the reminder is due again.
 */
function reconcileSql(want: Prisma.Sql, scope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH want AS (${want}),
    put AS (
      INSERT INTO reminders (key, kind, event_id, user_id, target_id, run_at, useful_until, payload)
      SELECT key, kind, event_id, user_id, target_id, run_at, useful_until, payload || jsonb_build_object('due', run_at) FROM want
      ON CONFLICT (key) DO UPDATE SET run_at = EXCLUDED.run_at, useful_until = EXCLUDED.useful_until, payload = EXCLUDED.payload,
        status = 'scheduled', note = NULL, queued_for = NULL, sent_at = NULL
      WHERE reminders.status = 'cancelled' OR (reminders.payload->>'due') IS DISTINCT FROM (EXCLUDED.payload->>'due')
      RETURNING id
    ),
    gone AS (
      UPDATE reminders r SET status = 'cancelled', note = 'no longer needed', queued_for = NULL
      WHERE r.status = 'scheduled' AND ${scope} AND NOT EXISTS (SELECT 1 FROM want w WHERE w.key = r.key)
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM put) AS put, (SELECT count(*)::int FROM gone) AS gone`;
}

async function reconcile(tx: Tx, want: Prisma.Sql, scope: Prisma.Sql): Promise<{ put: number; gone: number }> {
  const [row] = await tx.$queryRaw<{ put: number; gone: number }[]>(reconcileSql(want, scope));
  return row ?? { put: 0, gone: 0 };
}

/**
 * The guest reminders of these (event, guest) pairs: event reminders for those who accepted, at most two nudges (2 and
 * 5 days after the invitation, not later than a day before the event) for those who have not answered. One statement
 * however many pairs, so the RSVP batch writer calls it once per batch.
 */
export async function planGuests(tx: Tx, pairs: { eventId: string; userId: string }[]): Promise<{ put: number; gone: number }> {
  if (!pairs.length) return { put: 0, gone: 0 };
  const events = pairs.map((p) => p.eventId);
  const users = pairs.map((p) => p.userId);
  const want = Prisma.sql`
    WITH p AS (SELECT DISTINCT event_id, user_id FROM unnest(${events}::uuid[], ${users}::uuid[]) AS p(event_id, user_id)),
    e AS (
      SELECT ev.id, ev.start_time, coalesce(ev.reminder_offsets, '{}') AS offsets, coalesce(ev.reminders_off, '{}') AS off,
             coalesce(ev.status::text, 'draft') IN ('cancelled', 'completed') AS closed
      FROM events ev WHERE ev.id IN (SELECT event_id FROM p)
    ),
    g AS (
      SELECT p.event_id, p.user_id, coalesce(eg.rsvp_status::text, 'pending') AS answer, i.sent_at
      FROM p JOIN event_guests eg ON eg.event_id = p.event_id AND eg.user_id = p.user_id
      LEFT JOIN invitations i ON i.event_id = p.event_id AND i.user_id = p.user_id
    )
    SELECT 'event:' || g.event_id || ':' || o.minutes || ':' || g.user_id AS key, 'event' AS kind, g.event_id, g.user_id,
           NULL::uuid AS target_id, e.start_time - o.minutes * interval '1 minute' AS run_at, e.start_time AS useful_until,
           jsonb_build_object('offset', o.minutes) AS payload
    FROM g JOIN e ON e.id = g.event_id CROSS JOIN LATERAL unnest(e.offsets) AS o(minutes)
    WHERE g.answer = 'accepted' AND NOT e.closed AND e.start_time IS NOT NULL AND NOT ('event' = ANY(e.off))
      AND e.start_time - o.minutes * interval '1 minute' > now()
    UNION ALL
    SELECT 'nudge:' || g.event_id || ':' || n.n || ':' || g.user_id, 'nudge', g.event_id, g.user_id, NULL::uuid, g.sent_at + n.after,
           e.start_time, jsonb_build_object('n', n.n)
    FROM g JOIN e ON e.id = g.event_id CROSS JOIN (VALUES (1, interval '2 days'), (2, interval '5 days')) AS n(n, after)
    WHERE g.answer = 'pending' AND g.sent_at IS NOT NULL AND NOT e.closed AND NOT ('nudges' = ANY(e.off))
      AND g.sent_at + n.after > now() AND (e.start_time IS NULL OR g.sent_at + n.after <= e.start_time - interval '1 day')`;
  const scope = Prisma.sql`r.kind IN ('event', 'nudge')
    AND (r.event_id, r.user_id) IN (SELECT event_id, user_id FROM unnest(${events}::uuid[], ${users}::uuid[]) AS q(event_id, user_id))`;
  return reconcile(tx, want, scope);
}

/** Every guest's reminders for an event: after its time, status or reminder settings change. */
export async function planEventGuests(tx: Tx, eventId: string): Promise<{ put: number; gone: number }> {
  const guests = await tx.eventGuest.findMany({ where: { eventId, userId: { not: null } }, select: { userId: true } });
  const planned = await planGuests(tx, guests.map((g) => ({ eventId, userId: g.userId! })));
  // Rows of people who are no longer the event's guests (none today, but the scope above would not see them).
  const stray = await tx.reminder.updateMany({
    where: { eventId, kind: { in: [...guestKinds] }, status: "scheduled", userId: { notIn: guests.map((g) => g.userId!) } },
    data: { status: "cancelled", note: "no longer a guest", queuedFor: null },
  });
  return { put: planned.put, gone: planned.gone + stray.count };
}

/**
 * The event's other reminders, from its tasks, bookings, polls and dates: task due (to the assignee, a day before,
 * or an hour before when set later) and overdue (to the organizer, an hour after); a booking request unanswered
 * after 6 hours (to the provider) and after a day (to the organizer); an unpaid deposit 2 days after the provider
 * accepted, an unpaid balance 3 days before the event; a poll closing in 3 hours (to guests who have not voted) and
 * its closing; and the organizer's digest at 18:00 (event's zone) on each of the 7 days before the event.
 */
export async function planEvent(tx: Tx, eventId: string): Promise<{ put: number; gone: number }> {
  const want = Prisma.sql`
    WITH e AS (
      SELECT ev.id, ev.organizer_id, ev.start_time, ev.time_zone, coalesce(ev.reminders_off, '{}') AS off
      FROM events ev WHERE ev.id = ${eventId}::uuid AND coalesce(ev.status::text, 'draft') NOT IN ('cancelled', 'completed')
    ),
    tasks AS (
      SELECT t.* FROM event_tasks t JOIN e ON e.id = t.event_id
      WHERE t.due_time IS NOT NULL AND coalesce(t.status::text, 'pending') <> 'completed' AND NOT ('tasks' = ANY(e.off))
    ),
    bookings AS (
      SELECT b.*, s.user_id AS provider_id FROM event_services b JOIN e ON e.id = b.event_id LEFT JOIN services s ON s.id = b.service_id
    ),
    polls AS (
      SELECT p.* FROM event_polls p JOIN e ON e.id = p.event_id WHERE p.closed_at IS NULL AND p.closes_at IS NOT NULL
    )
    SELECT 'task-due:' || t.id AS key, 'task-due' AS kind, t.event_id, t.assigned_to AS user_id, t.id AS target_id,
           CASE WHEN t.due_time - interval '1 day' > now() THEN t.due_time - interval '1 day' ELSE t.due_time - interval '1 hour' END AS run_at,
           t.due_time AS useful_until, '{}'::jsonb AS payload
    FROM tasks t WHERE t.assigned_to IS NOT NULL AND t.due_time - interval '1 hour' > now()
    UNION ALL
    SELECT 'task-late:' || t.id, 'task-late', t.event_id, e.organizer_id, t.id, t.due_time + interval '1 hour', t.due_time + interval '3 days', '{}'
    FROM tasks t JOIN e ON e.id = t.event_id WHERE e.organizer_id IS NOT NULL
    UNION ALL
    SELECT 'booking-nudge:' || b.id, 'booking-nudge', b.event_id, b.provider_id, b.id, b.created_at + interval '6 hours', e.start_time, '{}'
    FROM bookings b JOIN e ON e.id = b.event_id
    WHERE b.booking_status = 'requested' AND b.provider_id IS NOT NULL AND NOT ('bookings' = ANY(e.off))
    UNION ALL
    SELECT 'booking-late:' || b.id, 'booking-late', b.event_id, e.organizer_id, b.id, b.created_at + interval '1 day', e.start_time, '{}'
    FROM bookings b JOIN e ON e.id = b.event_id
    WHERE b.booking_status = 'requested' AND e.organizer_id IS NOT NULL AND NOT ('bookings' = ANY(e.off))
    UNION ALL
    SELECT 'deposit:' || b.id, 'deposit', b.event_id, e.organizer_id, b.id, coalesce(b.responded_at, b.created_at) + interval '2 days', e.start_time, '{}'
    FROM bookings b JOIN e ON e.id = b.event_id
    WHERE b.booking_status = 'confirmed' AND coalesce(b.deposit, 0) > 0 AND b.deposit_paid_at IS NULL
      AND coalesce(b.payment_status::text, 'pending') = 'pending' AND e.organizer_id IS NOT NULL AND NOT ('payments' = ANY(e.off))
    UNION ALL
    SELECT 'balance:' || b.id, 'balance', b.event_id, e.organizer_id, b.id, e.start_time - interval '3 days', e.start_time + interval '1 day', '{}'
    FROM bookings b JOIN e ON e.id = b.event_id
    WHERE b.booking_status = 'confirmed' AND coalesce(b.price, 0) > 0 AND b.balance_paid_at IS NULL AND e.start_time IS NOT NULL
      AND coalesce(b.payment_status::text, 'pending') = 'pending' AND e.organizer_id IS NOT NULL AND NOT ('payments' = ANY(e.off))
      AND e.start_time - interval '3 days' > now()
    UNION ALL
    SELECT 'poll-soon:' || p.id, 'poll-soon', p.event_id, NULL, p.id, p.closes_at - interval '3 hours', p.closes_at, '{}'
    FROM polls p JOIN e ON e.id = p.event_id WHERE p.closes_at - interval '3 hours' > now() AND NOT ('polls' = ANY(e.off))
    UNION ALL
    SELECT 'poll-close:' || p.id, 'poll-close', p.event_id, NULL, p.id, p.closes_at, NULL, '{}' FROM polls p
    UNION ALL
    SELECT 'digest:' || e.id || ':' || d.n, 'digest', e.id, e.organizer_id, NULL,
           (date_trunc('day', e.start_time AT TIME ZONE e.time_zone) - d.n * interval '1 day' + interval '18 hours') AT TIME ZONE e.time_zone,
           (date_trunc('day', e.start_time AT TIME ZONE e.time_zone) - d.n * interval '1 day' + interval '30 hours') AT TIME ZONE e.time_zone,
           jsonb_build_object('daysLeft', d.n)
    FROM e CROSS JOIN generate_series(1, 7) AS d(n)
    WHERE e.start_time IS NOT NULL AND e.organizer_id IS NOT NULL AND NOT ('digest' = ANY(e.off))
      AND (date_trunc('day', e.start_time AT TIME ZONE e.time_zone) - d.n * interval '1 day' + interval '18 hours') AT TIME ZONE e.time_zone > now()`;
  const scope = Prisma.sql`r.event_id = ${eventId}::uuid AND r.kind <> ALL(${[...guestKinds]}::text[])`;
  return reconcile(tx, want, scope);
}

/** Everything of the event: after a change of time, zone, status or reminder settings. */
export async function planWholeEvent(tx: Tx, eventId: string): Promise<void> {
  await planEventGuests(tx, eventId);
  await planEvent(tx, eventId);
}
