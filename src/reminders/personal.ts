// The reminders to one person each (an assignee, a provider, an organizer): tasks due and late, bookings waiting and
// unpaid, the organizer's evening digest; and the helpers every kind's messages share. Read when sent, like the rest
// (compose.ts).
import type { Tx } from "../db/prisma.js";
import type { Telling, Tidings } from "../engine/tell.js";
import { formatDateTime } from "../i18n/dates.js";
import { counted, render, type Locale, type Message } from "../i18n/index.js";
import { formatMoney } from "../journeys/format.js";
import type { ClaimedReminder } from "./compose.js";

export const when = (locale: Locale, date: Date | null | undefined, zone: string) =>
  date ? formatDateTime(date, zone, locale) : render(locale, { key: "when.unknown" });

const dueKey = (r: ClaimedReminder) => r.payload?.due ?? r.runAt.toISOString();
/** The outbox key of a reminder's messages (the reader's id is appended): one per reminder and planned moment. */
export const keyOf = (r: ClaimedReminder) => `rem:${r.kind}:${r.id}:${new Date(dueKey(r)).getTime()}`;
export const same = (
  type: string,
  eventId: string | null,
  message: (locale: Locale) => Message,
  extra: Omit<Tidings, "type" | "message" | "eventId"> = {},
) => ({
  type,
  ...(eventId ? { eventId } : {}),
  ...extra,
  message: (locale: Locale) => ({ text: render(locale, message(locale)) }),
});

type TaskRow = {
  title: string;
  code: string | null;
  due_time: Date | null;
  event_name: string;
  event_code: string | null;
  time_zone: string;
  assignee: string | null;
};

export async function tasks(tx: Tx, rows: ClaimedReminder[]): Promise<Telling[]> {
  const out: Telling[] = [];
  for (const r of rows) {
    const [task] = await tx.$queryRaw<TaskRow[]>`
      SELECT t.title, t.code, t.due_time, e.name AS event_name, e.code AS event_code, e.time_zone, u.name AS assignee
      FROM event_tasks t JOIN events e ON e.id = t.event_id LEFT JOIN users u ON u.id = t.assigned_to WHERE t.id = ${r.targetId}::uuid`;
    if (!task || !r.userId) continue;
    const message = (locale: Locale): Message =>
      r.kind === "task-due"
        ? {
            key: "reminder.task_due",
            params: {
              event: task.event_name,
              when: when(locale, task.due_time, task.time_zone),
              title: task.title,
              code: task.code ?? "",
            },
          }
        : {
            key: "reminder.task_late",
            params: {
              title: task.title,
              event: task.event_name,
              when: when(locale, task.due_time, task.time_zone),
              event_code: task.event_code ?? "",
              who: task.assignee
                ? render(locale, { key: "reminder.task_late_who", params: { name: task.assignee } })
                : "",
            },
          };
    out.push({ to: { userIds: [r.userId] }, key: keyOf(r), tidings: same("reminder", r.eventId, message) });
  }
  return out;
}

type BookingRow = {
  code: string | null;
  service: string | null;
  price: string | null;
  deposit: string | null;
  deposit_paid_at: Date | null;
  event_name: string;
  start_time: Date | null;
  time_zone: string;
  currency: string;
};

export async function bookings(tx: Tx, rows: ClaimedReminder[]): Promise<Telling[]> {
  const out: Telling[] = [];
  for (const r of rows) {
    const [b] = await tx.$queryRaw<BookingRow[]>`
      SELECT b.code, s.name AS service, b.price::text, b.deposit::text, b.deposit_paid_at, e.name AS event_name, e.start_time, e.time_zone, e.currency
      FROM event_services b JOIN events e ON e.id = b.event_id LEFT JOIN services s ON s.id = b.service_id WHERE b.id = ${r.targetId}::uuid`;
    if (!b || !r.userId) continue;
    const base = { code: b.code ?? "", service: b.service ?? "", event: b.event_name };
    const balance = Number(b.price ?? 0) - (b.deposit_paid_at ? Number(b.deposit ?? 0) : 0);
    const message = (locale: Locale): Message => {
      if (r.kind === "booking-nudge")
        return { key: "reminder.booking_nudge", params: { ...base, when: when(locale, b.start_time, b.time_zone) } };
      if (r.kind === "booking-late") return { key: "reminder.booking_late", params: base };
      if (r.kind === "deposit")
        return {
          key: "reminder.deposit",
          params: { ...base, amount: formatMoney(Number(b.deposit ?? 0), b.currency) },
        };
      return {
        key: "reminder.balance",
        params: { ...base, amount: formatMoney(balance, b.currency), when: when(locale, b.start_time, b.time_zone) },
      };
    };
    out.push({ to: { userIds: [r.userId] }, key: keyOf(r), tidings: same("reminder", r.eventId, message) });
  }
  return out;
}

type DigestRow = {
  name: string;
  start_time: Date;
  time_zone: string;
  answers: number;
  accepted: number;
  contributions: number;
  coming: number;
  pending: number;
  done: number;
  tasks: number;
};

/** The organizer's evening summary in the event's last week. */
export async function digests(tx: Tx, rows: ClaimedReminder[], now: Date): Promise<Telling[]> {
  const out: Telling[] = [];
  for (const r of rows) {
    const since = new Date(now.getTime() - 24 * 3_600_000);
    const [d] = await tx.$queryRaw<DigestRow[]>`
      SELECT e.name, e.start_time, e.time_zone,
        (SELECT count(*)::int FROM event_guests g WHERE g.event_id = e.id AND g.responded_at > ${since}) AS answers,
        (SELECT count(*)::int FROM event_guests g WHERE g.event_id = e.id AND g.responded_at > ${since} AND g.rsvp_status = 'accepted') AS accepted,
        (SELECT count(*)::int FROM guest_contributions c WHERE c.event_id = e.id AND c.created_at > ${since}) AS contributions,
        (SELECT coalesce(sum(g.party_size), 0)::int FROM event_guests g WHERE g.event_id = e.id AND g.rsvp_status = 'accepted') AS coming,
        (SELECT count(*)::int FROM event_guests g WHERE g.event_id = e.id AND g.rsvp_status = 'pending') AS pending,
        (SELECT count(*)::int FROM event_tasks t WHERE t.event_id = e.id AND t.status = 'completed') AS done,
        (SELECT count(*)::int FROM event_tasks t WHERE t.event_id = e.id) AS tasks
      FROM events e WHERE e.id = ${r.eventId}::uuid AND e.start_time IS NOT NULL`;
    if (!d || !r.userId) continue;
    const days = Math.max(1, Math.ceil((d.start_time.getTime() - now.getTime()) / 86_400_000));
    const { name, start_time, time_zone, done, tasks } = d;
    const counts = {
      days: counted("reminder.n.days", days),
      answers: counted("reminder.n.answers", d.answers),
      accepted: counted("guests.n.coming", d.accepted),
      contributions: counted("reminder.n.contributions", d.contributions),
      coming: counted("reminder.n.coming", d.coming),
      pending: counted("reminder.n.pending", d.pending),
      done,
      tasks,
    };
    out.push({
      to: { userIds: [r.userId] },
      key: keyOf(r),
      tidings: same("digest", r.eventId, (locale) => ({
        key: "reminder.digest",
        params: { event: name, when: when(locale, start_time, time_zone), ...counts },
      })),
    });
  }
  return out;
}
