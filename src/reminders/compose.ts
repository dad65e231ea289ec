// What each kind of reminder says and to whom, read from the database at the moment it is sent (not when it was
// planned): the event's current name, time and place, the task's title, the poll's options; and the readers of a
// reminder to many (an event's guests who accepted) are whoever they are at that moment. One statement writes a
// message for all its readers (tellPeople).
import type { Tx } from "../db/prisma.js";
import { withTemplate, type Telling } from "../engine/tell.js";
import { render, type Locale } from "../i18n/index.js";
import { rsvpChoices } from "../journeys/replies.js";
import { choicesOf, closedResult } from "../journeys/polls/index.js";
import { venuePin } from "../domain/event-info.js";
import { pollById, pollVoters, voteCounts } from "../domain/polls.js";
import { contributedKinds } from "./kinds.js";
import { bookings, digests, keyOf, same, tasks, when } from "./personal.js";
import type { ReminderKind } from "./plan.js";

export interface ClaimedReminder {
  id: string;
  /** a built-in ReminderKind, or a kind a journey brings (src/reminders/kinds.ts) */
  kind: ReminderKind | (string & {});
  eventId: string | null;
  userId: string | null;
  targetId: string | null;
  runAt: Date;
  usefulUntil: Date | null;
  payload: { due?: string; offset?: number; n?: number; round?: string; daysLeft?: number } | null;
  /** the reader's zone (theirs, else the event's) for quiet hours */
  zone: string;
  startTime: Date | null;
}

/** "in 7 days" / "tomorrow" / "in 3 hours" / "in 40 minutes", from now: a reminder sent late says how long is left. */
export function relativeText(locale: Locale, ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 36) return render(locale, { key: "reminder.in.days", params: { n: Math.round(hours / 24) } });
  if (hours >= 20) return render(locale, { key: "reminder.in.tomorrow" });
  if (ms >= 90 * 60_000) return render(locale, { key: "reminder.in.hours", params: { n: Math.round(hours) } });
  const minutes = Math.round(ms / 60_000);
  return minutes <= 1
    ? render(locale, { key: "reminder.in.minute" })
    : render(locale, { key: "reminder.in.minutes", params: { n: minutes } });
}

type EventRow = {
  id: string;
  name: string;
  code: string | null;
  start_time: Date | null;
  location: string | null;
  time_zone: string;
  host: string | null;
  map_data: unknown;
  map_name: string | null;
};

/** The events of these reminders, in one statement (a thousand reminders due in one second are as many events). */
async function readEvents(tx: Tx, rows: ClaimedReminder[]): Promise<Map<string, EventRow>> {
  const ids = [...new Set(rows.flatMap((r) => (r.eventId ? [r.eventId] : [])))];
  if (!ids.length) return new Map();
  const found = await tx.$queryRaw<EventRow[]>`
    SELECT e.id::text, e.name, e.code, e.start_time, e.location, e.time_zone, o.name AS host, v.map_data, v.name AS map_name
    FROM events e LEFT JOIN users o ON o.id = e.organizer_id
    LEFT JOIN LATERAL (SELECT map_data, name FROM venue_maps WHERE event_id = e.id ORDER BY created_at DESC LIMIT 1) v ON true
    WHERE e.id = ANY(${ids}::uuid[])`;
  return new Map(found.map((e) => [e.id, e]));
}

/** Guests who accepted (whoever they are when it is sent): the time, the place, the pin. */
async function eventReminders(tx: Tx, rows: ClaimedReminder[], now: Date): Promise<Telling[]> {
  const out: Telling[] = [];
  const events = await readEvents(tx, rows);
  for (const r of rows) {
    const event = events.get(r.eventId!);
    if (!event?.start_time) continue;
    const start = event.start_time;
    const pin = venuePin({
      venueMaps: event.map_data ? [{ name: event.map_name, mapData: event.map_data }] : [],
      location: event.location,
    });
    out.push({
      to: { guestsOf: event.id, answers: ["accepted"] },
      key: keyOf(r),
      tidings: {
        type: "reminder",
        eventId: event.id,
        message: (locale) => ({
          text: [
            render(locale, {
              key: "reminder.event",
              params: {
                event: event.name,
                relative: relativeText(locale, start.getTime() - now.getTime()),
                when: when(locale, start, event.time_zone),
                where: event.location || render(locale, { key: "where.unknown" }),
                code: event.code ?? "",
              },
            }),
            // The day before, the pass for the door (each guest's own: they ask for it, one message serves them all).
            ...(r.payload?.offset === 1440
              ? [render(locale, { key: "reminder.pass_hint", params: { code: event.code ?? "" } })]
              : []),
          ].join("\n"),
          ...(pin ? { location: pin } : {}),
        }),
      },
    });
  }
  return out;
}

/** The guests of one invitation round who have not answered yet: the invitation's question again, with its buttons. */
async function nudges(tx: Tx, rows: ClaimedReminder[]): Promise<Telling[]> {
  const out: Telling[] = [];
  const events = await readEvents(tx, rows);
  for (const r of rows) {
    const event = events.get(r.eventId!);
    if (!event) continue;
    const round = r.payload?.round ? new Date(r.payload.round) : undefined;
    const waiting = await tx.$queryRaw<{ user_id: string }[]>`
      SELECT g.user_id::text FROM event_guests g JOIN invitations i ON i.event_id = g.event_id AND i.user_id = g.user_id
      WHERE g.event_id = ${event.id}::uuid AND g.rsvp_status = 'pending' AND i.sent_at = ${round ?? null}::timestamptz`;
    out.push({
      to: { userIds: waiting.map((w) => w.user_id) },
      key: keyOf(r),
      tidings: {
        type: "reminder",
        eventId: event.id,
        message: (locale) => ({
          text: render(locale, {
            key: "reminder.nudge",
            params: {
              host: event.host ?? "",
              event: event.name,
              when: when(locale, event.start_time, event.time_zone),
            },
          }),
          choices: rsvpChoices(locale, event.code),
          // The question again: to someone silent for 24 hours on WhatsApp Cloud, the invitation's template and buttons.
          template: {
            kind: "invitation" as const,
            locale,
            params: [
              event.host ?? "",
              event.name,
              when(locale, event.start_time, event.time_zone),
              event.location || render(locale, { key: "where.unknown" }),
            ],
          },
        }),
      },
    });
  }
  return out;
}

/** Guests who accepted and have not voted, with the poll's buttons. */
async function pollsClosingSoon(tx: Tx, rows: ClaimedReminder[]): Promise<Telling[]> {
  const out: Telling[] = [];
  for (const r of rows) {
    const poll = await pollById(tx, r.targetId!);
    const closes = r.usefulUntil;
    if (!poll || poll.closed) continue;
    const [event] = await tx.$queryRaw<
      { time_zone: string }[]
    >`SELECT time_zone FROM events WHERE id = ${poll.eventId}::uuid`;
    const voters = await tx.$queryRaw<{ user_id: string }[]>`
      SELECT g.user_id::text FROM event_guests g WHERE g.event_id = ${poll.eventId}::uuid AND g.rsvp_status = 'accepted'
        AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = ${poll.id}::uuid AND v.user_id = g.user_id)`;
    out.push({
      to: { userIds: voters.map((v) => v.user_id) },
      key: keyOf(r),
      tidings: {
        type: "reminder",
        eventId: poll.eventId,
        message: (locale) => ({
          text: render(locale, {
            key: "reminder.poll_soon",
            params: {
              question: poll.question,
              event: poll.eventName,
              when: when(locale, closes, event?.time_zone ?? "UTC"),
            },
          }),
          choices: choicesOf(poll),
          poll: {},
        }),
      },
    });
  }
  return out;
}

/** The poll closes on time: voters and the organizer are told the result. */
async function pollsClosing(tx: Tx, rows: ClaimedReminder[], now: Date): Promise<Telling[]> {
  const out: Telling[] = [];
  for (const r of rows) {
    const closed = await tx.eventPoll.updateMany({
      where: { id: r.targetId!, closedAt: null },
      data: { closedAt: now },
    });
    const poll = closed.count ? await pollById(tx, r.targetId!) : null;
    if (!poll) continue;
    const people = new Set([...(await pollVoters(tx, poll.id)), ...(poll.organizerId ? [poll.organizerId] : [])]);
    out.push({
      to: { userIds: [...people] },
      key: keyOf(r),
      tidings: same("poll_result", poll.eventId, closedResult(poll, await voteCounts(tx, poll))),
    });
  }
  return out;
}

/** Every kind's messages for the reminders claimed together. */
export async function compose(tx: Tx, rows: ClaimedReminder[], now: Date): Promise<Telling[]> {
  const of = (...kinds: string[]) => rows.filter((r) => kinds.includes(r.kind));
  const tellings = [
    ...(await eventReminders(tx, of("event"), now)),
    ...(await nudges(tx, of("nudge"))),
    ...(await tasks(tx, of("task-due", "task-late"))),
    ...(await bookings(tx, of("booking-nudge", "booking-late", "deposit", "balance"))),
    ...(await pollsClosingSoon(tx, of("poll-soon"))),
    ...(await pollsClosing(tx, of("poll-close"), now)),
    ...(await digests(tx, of("digest"), now)),
  ];
  for (const def of await contributedKinds()) {
    const mine = of(def.kind);
    if (mine.length) tellings.push(...(await def.compose(tx, mine, now, keyOf)));
  }
  // Every reminder reaches someone silent for 24 hours on WhatsApp Cloud as the reminder template, its text folded
  // into it (nudges carry the invitation's, with its buttons).
  return tellings.map((t) => ({ ...t, tidings: withTemplate(t.tidings, "reminder", (_locale, text) => [text]) }));
}
