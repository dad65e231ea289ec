// Events as their organizer runs them. Every read here is scoped by the organizer's id: an event code someone else
// typed gets the same answer as a code that does not exist, so a stranger learns nothing, not even that it exists.
import type { Tx } from "../db/prisma.js";
import type { Column, Row } from "../db/rows.js";
import type { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { codeStem, normaliseCode, randomCode } from "./codes.js";
import { planEvent } from "../reminders/plan.js";
import { checkAmount } from "./money.js";
import { oneUpcomingEvent } from "./upcoming.js";

export interface NewEvent {
  organizerId: string;
  name: string;
  type: string;
  startTime: Date;
  location: string;
  budget?: Prisma.Decimal;
  timeZone: string;
}

/** Creates the event with a short code of its own ("HARUSI-7K2"), in the organizer's zone. */
export async function createEvent(tx: Tx, event: NewEvent) {
  checkAmount(event.budget);
  const stem = codeStem(event.name);
  const candidates = Array.from({ length: 6 }, () => `${stem}-${randomCode(3)}`);
  const taken = new Set(
    (await tx.event.findMany({ where: { code: { in: candidates } }, select: { code: true } })).map((e) => e.code),
  );
  const code = candidates.find((c) => !taken.has(c)) ?? `${stem}-${randomCode(6)}`;
  const created = await tx.event.create({
    data: {
      organizerId: event.organizerId,
      name: event.name,
      type: event.type,
      startTime: event.startTime,
      location: event.location,
      budget: event.budget,
      timeZone: event.timeZone,
      code,
      status: "draft",
    },
  });
  // The organizer's digests in the last week (guests' reminders come with their answers).
  await planEvent(tx, created.id);
  return created;
}

const eventFields = {
  id: true,
  code: true,
  name: true,
  type: true,
  startTime: true,
  location: true,
  timeZone: true,
  status: true,
  notifyAnswers: true,
  organizerId: true,
  currency: true,
} as const;
export type OrganizerEvent = Prisma.EventGetPayload<{ select: typeof eventFields }>;

/**
 * The organizer's event by its code, or, with no code, their one upcoming event. Refusals: an unknown code (also a
 * code of someone else's event), no event at all, or several upcoming ones (the reply lists their codes).
 */
export async function findOrganizerEvent(
  tx: Tx,
  options: { organizerId: string; code?: string; now: Date },
): Promise<OrganizerEvent> {
  if (options.code) {
    const code = normaliseCode(options.code);
    const event = code
      ? await tx.event.findFirst({
          where: { code: { equals: code, mode: "insensitive" }, organizerId: options.organizerId },
          select: eventFields,
        })
      : null;
    if (!event) throw new AppError("event.not_found", { code: options.code.slice(0, 40) });
    return event;
  }
  return oneUpcomingEvent(
    tx,
    { where: { organizerId: options.organizerId }, select: eventFields, now: options.now },
    {
      none: () => new AppError("event.none_upcoming"),
      several: (codes) => new AppError("event.several_upcoming", { codes }),
    },
  );
}

export interface EventCounts {
  accepted: number;
  declined: number;
  maybe: number;
  pending: number;
  /** people expected: the party sizes of those who accepted */
  headcount: number;
}

/** Answers of one event's guests; the WHERE makes event_id non-null. */
type CountRow = Row<"event_guests", "event_id"> & {
  event_id: string;
  accepted: number;
  declined: number;
  maybe: number;
  pending: number;
  headcount: number;
};

/** Answers per event, one statement for all of them. */
export async function countAnswers(tx: Tx, eventIds: string[]): Promise<Map<string, EventCounts>> {
  if (!eventIds.length) return new Map();
  const rows = await tx.$queryRaw<CountRow[]>`
    SELECT g.event_id::text AS event_id,
      count(*) FILTER (WHERE g.rsvp_status = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE g.rsvp_status = 'declined')::int AS declined,
      count(*) FILTER (WHERE g.rsvp_status = 'maybe')::int AS maybe,
      count(*) FILTER (WHERE g.rsvp_status = 'pending' OR g.rsvp_status IS NULL)::int AS pending,
      coalesce(sum(g.party_size) FILTER (WHERE g.rsvp_status = 'accepted'), 0)::int AS headcount
    FROM event_guests g WHERE g.event_id = ANY(${eventIds}::uuid[]) GROUP BY g.event_id`;
  return new Map(rows.map(({ event_id, ...counts }) => [event_id, counts]));
}

const noAnswers: EventCounts = { accepted: 0, declined: 0, maybe: 0, pending: 0, headcount: 0 };

/** The organizer's events, soonest first, with their answers. */
export async function listOrganizerEventsWithCounts(tx: Tx, organizerId: string) {
  const events = await tx.event.findMany({
    where: { organizerId },
    select: eventFields,
    orderBy: [{ startTime: "asc" }],
    take: 30,
  });
  const counts = await countAnswers(
    tx,
    events.map((e) => e.id),
  );
  return events.map((e) => ({ ...e, counts: counts.get(e.id) ?? noAnswers }));
}

/** A guest's answer, "pending" when they have given none. */
type GuestAnswer = NonNullable<Column<"event_guests", "rsvp_status">>;

/** The guest list of an event (the caller has checked it is the organizer's): answered first, then by name. */
export async function listEventGuests(tx: Tx, eventId: string) {
  return tx.$queryRaw<(Row<"users", "name" | "phone"> & Row<"event_guests", "party_size"> & { status: GuestAnswer })[]>`
    SELECT CASE WHEN u.named_at IS NOT NULL THEN u.name ELSE coalesce(nullif(i.recipient_name, ''), u.name) END AS name, u.phone, coalesce(g.rsvp_status::text, 'pending') AS status, g.party_size
    FROM event_guests g JOIN users u ON u.id = g.user_id
    LEFT JOIN invitations i ON i.event_id = g.event_id AND i.user_id = g.user_id
    WHERE g.event_id = ${eventId}::uuid
    ORDER BY CASE coalesce(g.rsvp_status::text, 'pending') WHEN 'accepted' THEN 0 WHEN 'maybe' THEN 1 WHEN 'declined' THEN 2 ELSE 3 END, name`;
}

export async function setNotifyAnswers(tx: Tx, options: { eventId: string; on: boolean }): Promise<void> {
  await tx.event.update({ where: { id: options.eventId }, data: { notifyAnswers: options.on } });
}
