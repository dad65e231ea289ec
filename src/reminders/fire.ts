// Sending what is due. One transaction claims due rows (FOR UPDATE SKIP LOCKED, scheduled -> sent), reads the truth
// again (a guest who declined since, a task done, an event cancelled: cancelled, never sent), skips what is too late
// to be of use, holds what can wait through the reader's quiet hours, and writes the messages into the outbox. So a
// reminder is sent once however many workers race for it, and never for a change that rolled back. The outbox rows
// are dispatched after the commit; the outbound worker and its limits do the rest.
import type { Db, Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import { tellMany } from "../engine/tell.js";
import type { TurnEnvironment } from "../engine/turn.js";
import type { Logger } from "../logger.js";
import { Prisma } from "../generated/prisma/client.js";
import { compose, type ClaimedReminder } from "./compose.js";
import { contributedKinds } from "./kinds.js";
import { quietUntil, type QuietHours } from "./quiet.js";

export interface FireDeps {
  db: Db;
  env: TurnEnvironment;
  quiet: QuietHours | null;
  logger: Logger;
  /** queues outbox rows after the commit (bulk priority: replies to people writing go first) */
  dispatch: (channel: Channel, ids: bigint[]) => Promise<void>;
  /** observability hook: what a batch did, and how late each sent reminder was (ms from due to queued) */
  onFired?: (result: FireResult, skewsMs: number[]) => void;
}

export interface FireResult {
  sent: number;
  cancelled: number;
  skipped: number;
  held: number;
  messages: number;
}

/** A reminder that would be useless after a night's wait is sent at night: the event is within 12 hours. */
const soonMs = 12 * 3_600_000;
function urgent(r: ClaimedReminder, now: Date): boolean {
  if (r.kind === "poll-soon" || r.kind === "poll-close") return true;
  if (r.kind === "event") return !r.startTime || r.startTime.getTime() - now.getTime() < soonMs;
  if (r.kind === "task-due") return !r.usefulUntil || r.usefulUntil.getTime() - now.getTime() < soonMs;
  return false;
}

type Row = {
  id: string;
  kind: ClaimedReminder["kind"];
  event_id: string | null;
  user_id: string | null;
  target_id: string | null;
  run_at: Date;
  useful_until: Date | null;
  payload: ClaimedReminder["payload"];
  zone: string | null;
  start_time: Date | null;
  now: Date;
};

async function claim(tx: Tx, limit: number): Promise<{ rows: ClaimedReminder[]; now: Date }> {
  const rows = await tx.$queryRaw<Row[]>`
    WITH due AS (
      SELECT id FROM reminders WHERE status = 'scheduled' AND run_at <= now() + interval '1 second'
      ORDER BY run_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    ), claimed AS (
      UPDATE reminders r SET status = 'sent', sent_at = now() FROM due WHERE r.id = due.id
      RETURNING r.id, r.kind, r.event_id, r.user_id, r.target_id, r.run_at, r.useful_until, r.payload
    )
    SELECT c.id::text, c.kind, c.event_id::text, c.user_id::text, c.target_id::text, c.run_at, c.useful_until, c.payload,
           coalesce(u.time_zone, e.time_zone) AS zone, e.start_time, now() AS now
    FROM claimed c LEFT JOIN users u ON u.id = c.user_id LEFT JOIN events e ON e.id = c.event_id`;
  return {
    now: rows[0]?.now ?? new Date(),
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      eventId: r.event_id,
      userId: r.user_id,
      targetId: r.target_id,
      runAt: r.run_at,
      usefulUntil: r.useful_until,
      payload: r.payload,
      zone: r.zone ?? "UTC",
      startTime: r.start_time,
    })),
  };
}

/** The claimed reminders whose reason still holds, read again now (the planner keeps rows right; this makes sure). */
async function stillWanted(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const contributed = (await contributedKinds()).map((d) => Prisma.sql`WHEN r.kind = ${d.kind} THEN ${d.stillWanted}`);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id::text FROM reminders r LEFT JOIN events e ON e.id = r.event_id
    WHERE r.id = ANY(${ids}::uuid[]) AND coalesce(e.status::text, 'draft') NOT IN ('cancelled', 'completed') AND CASE
      -- to many: whoever has the answer when it is sent (compose.ts) is read then; here, only the event itself
      WHEN r.kind = 'event' THEN e.start_time > now()
      WHEN r.kind = 'nudge' THEN e.start_time IS NULL OR e.start_time > now()
      WHEN r.kind = 'task-due' THEN EXISTS (SELECT 1 FROM event_tasks t WHERE t.id = r.target_id AND t.assigned_to = r.user_id AND coalesce(t.status::text, 'pending') <> 'completed')
      WHEN r.kind = 'task-late' THEN EXISTS (SELECT 1 FROM event_tasks t WHERE t.id = r.target_id AND coalesce(t.status::text, 'pending') <> 'completed' AND t.due_time < now())
      WHEN r.kind IN ('booking-nudge', 'booking-late') THEN EXISTS (SELECT 1 FROM event_services b WHERE b.id = r.target_id AND b.booking_status = 'requested')
      WHEN r.kind = 'deposit' THEN EXISTS (SELECT 1 FROM event_services b WHERE b.id = r.target_id AND b.booking_status = 'confirmed' AND b.deposit_paid_at IS NULL AND coalesce(b.payment_status::text, 'pending') = 'pending')
      WHEN r.kind = 'balance' THEN EXISTS (SELECT 1 FROM event_services b WHERE b.id = r.target_id AND b.booking_status = 'confirmed' AND b.balance_paid_at IS NULL AND coalesce(b.payment_status::text, 'pending') = 'pending')
      WHEN r.kind IN ('poll-soon', 'poll-close') THEN EXISTS (SELECT 1 FROM event_polls p WHERE p.id = r.target_id AND p.closed_at IS NULL)
      WHEN r.kind = 'digest' THEN e.start_time > now()
      ${contributed.length ? Prisma.join(contributed, " ") : Prisma.empty}
      ELSE false END`;
  return new Set(rows.map((r) => r.id));
}

async function mark(tx: Tx, ids: string[], status: "cancelled" | "skipped", note: string): Promise<void> {
  if (ids.length)
    await tx.$executeRaw`UPDATE reminders SET status = ${status}::reminder_status, sent_at = NULL, note = ${note} WHERE id = ANY(${ids}::uuid[])`;
}

/**
 * Claims up to `limit` due reminders and sends them (or cancels, skips, holds them), in one transaction. Returns what
 * it did; `sent` counts reminders, `messages` the outbox rows written for them.
 */
export async function fireDue(deps: FireDeps, limit = 200): Promise<FireResult> {
  const outbox: { id: bigint; channel: string }[] = [];
  const dueTimes: number[] = [];
  const result = await deps.db.$transaction(
    async (tx) => {
      const { rows, now } = await claim(tx, limit);
      const tooLate = rows.filter((r) => r.usefulUntil && r.usefulUntil <= now);
      const wanted = await stillWanted(
        tx,
        rows.filter((r) => !tooLate.includes(r)).map((r) => r.id),
      );
      const gone = rows.filter((r) => !tooLate.includes(r) && !wanted.has(r.id));
      await mark(
        tx,
        tooLate.map((r) => r.id),
        "skipped",
        "too late: its moment passed while it could not be sent",
      );
      await mark(
        tx,
        gone.map((r) => r.id),
        "cancelled",
        "its reason was gone when it was due",
      );

      const live = rows.filter((r) => wanted.has(r.id));
      const held: { id: string; until: Date }[] = [];
      for (const r of live) {
        const until = urgent(r, now) ? undefined : quietUntil(now, r.zone, deps.quiet);
        if (until && (!r.usefulUntil || until < r.usefulUntil)) held.push({ id: r.id, until });
      }
      if (held.length) {
        await tx.$executeRaw`
          UPDATE reminders r SET status = 'scheduled', sent_at = NULL, run_at = h.until, queued_for = NULL, note = 'held for quiet hours'
          FROM unnest(${held.map((h) => h.id)}::uuid[], ${held.map((h) => h.until)}::timestamptz[]) AS h(id, until) WHERE r.id = h.id`;
      }
      const heldIds = new Set(held.map((h) => h.id));
      const sending = live.filter((r) => !heldIds.has(r.id));
      // Every message of the batch in one statement: a thousand reminders due in one second are a few transactions.
      outbox.push(...(await tellMany(tx, { tellings: await compose(tx, sending, now), env: deps.env })).rows);
      dueTimes.push(...sending.map((r) => r.runAt.getTime()));
      return {
        sent: sending.length,
        cancelled: gone.length,
        skipped: tooLate.length,
        held: held.length,
        messages: outbox.length,
      };
    },
    { timeout: 30_000 },
  );
  const byChannel = new Map<string, bigint[]>();
  for (const row of outbox) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row.id]);
  // The rows are committed: if Redis refuses them now, the reconciler dispatches them again.
  await Promise.all([...byChannel].map(([channel, ids]) => deps.dispatch(channel as Channel, ids))).catch(
    (err: unknown) => deps.logger.warn({ err }, "reminder messages wait in the outbox for the reconciler"),
  );
  if (result.skipped || result.cancelled)
    deps.logger.info(result, "reminders: some were no longer needed or came too late");
  const queuedAt = Date.now();
  deps.onFired?.(
    result,
    dueTimes.map((due) => queuedAt - due),
  );
  return result;
}
