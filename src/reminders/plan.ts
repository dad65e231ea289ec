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
import { contributedKinds } from "./kinds.js";

/**
 * The kinds. `event` (guests who accepted, at each offset) and `nudge` (guests of one invitation round who have not
 * answered) are one row per event and moment, fanned out to whoever is a guest with that answer when it is sent: an
 * answer changes no reminder row (the RSVP hot path writes nothing here), a guest who declined is simply not among
 * the readers, and moving an event of 10,000 guests moves three rows. The others are one row per person.
 */
export const reminderKinds = [
  "event",
  "nudge",
  "task-due",
  "task-late",
  "booking-nudge",
  "booking-late",
  "deposit",
  "balance",
  "poll-soon",
  "poll-close",
  "digest",
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

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
 * Every reminder of these events, from their dates, guests' invitation rounds, tasks, bookings and polls:
 * - event: to the guests who accepted, at each of the event's offsets before the start;
 * - nudge: to the guests of an invitation round (one /invite) who have not answered, 2 and 5 days after it, not later
 *   than a day before the event;
 * - task-due (to the assignee, a day before, or an hour before when set later) and task-late (to the organizer, an
 *   hour after);
 * - booking-nudge (to the provider, 6 hours after the request) and booking-late (to the organizer, a day after);
 * - deposit (2 days after the provider accepted) and balance (3 days before the event) while unpaid;
 * - poll-soon (3 hours before a poll closes, to guests who have not voted) and poll-close (its closing);
 * - digest: the organizer's summary at 18:00 (event's zone) on each of the 7 days before the event.
 * A cancelled or completed event wants none. One statement for any number of events.
 */
export async function planEvents(tx: Tx, eventIds: string[]): Promise<{ put: number; gone: number }> {
  if (!eventIds.length) return { put: 0, gone: 0 };
  // The journeys' own kinds join the same statement (src/reminders/kinds.ts).
  const contributed = (await contributedKinds()).map((d) => Prisma.sql`UNION ALL ${d.plan}`);
  const want = Prisma.sql`
    WITH e AS (
      SELECT ev.id, ev.organizer_id, ev.start_time, ev.time_zone, coalesce(ev.reminders_off, '{}') AS off,
             coalesce(ev.reminder_offsets, '{}') AS offsets
      FROM events ev WHERE ev.id = ANY(${eventIds}::uuid[]) AND coalesce(ev.status::text, 'draft') NOT IN ('cancelled', 'completed')
    ),
    rounds AS (
      SELECT DISTINCT i.event_id, i.sent_at FROM invitations i JOIN e ON e.id = i.event_id WHERE i.sent_at IS NOT NULL
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
    SELECT 'event:' || e.id || ':' || o.minutes AS key, 'event' AS kind, e.id AS event_id, NULL::uuid AS user_id, NULL::uuid AS target_id,
           e.start_time - o.minutes * interval '1 minute' AS run_at, e.start_time AS useful_until, jsonb_build_object('offset', o.minutes) AS payload
    FROM e CROSS JOIN LATERAL unnest(e.offsets) AS o(minutes)
    WHERE e.start_time IS NOT NULL AND NOT ('event' = ANY(e.off)) AND e.start_time - o.minutes * interval '1 minute' > now()
    UNION ALL
    SELECT 'nudge:' || e.id || ':' || n.n || ':' || (extract(epoch FROM r.sent_at) * 1000)::bigint, 'nudge', e.id, NULL, NULL, r.sent_at + n.after,
           e.start_time, jsonb_build_object('n', n.n, 'round', r.sent_at)
    FROM rounds r JOIN e ON e.id = r.event_id CROSS JOIN (VALUES (1, interval '2 days'), (2, interval '5 days')) AS n(n, after)
    WHERE NOT ('nudges' = ANY(e.off)) AND r.sent_at + n.after > now() AND (e.start_time IS NULL OR r.sent_at + n.after <= e.start_time - interval '1 day')
    UNION ALL
    SELECT 'task-due:' || t.id, 'task-due', t.event_id, t.assigned_to, t.id,
           CASE WHEN t.due_time - interval '1 day' > now() THEN t.due_time - interval '1 day' ELSE t.due_time - interval '1 hour' END,
           t.due_time, '{}'
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
      AND (date_trunc('day', e.start_time AT TIME ZONE e.time_zone) - d.n * interval '1 day' + interval '18 hours') AT TIME ZONE e.time_zone > now()
    ${contributed.length ? Prisma.join(contributed, " ") : Prisma.empty}`;
  return reconcile(tx, want, Prisma.sql`r.event_id = ANY(${eventIds}::uuid[])`);
}

/** Every reminder of one event: after anything it is planned from changed (time, zone, status, settings, a task ...). */
export const planEvent = (tx: Tx, eventId: string) => planEvents(tx, [eventId]);
