// A guest's answer to an invitation. The invitation (status, responded_at) and the guest row (status, party size)
// are written together by one statement (writeRsvps), so they always agree; an event that was cancelled or has begun
// takes no more answers (checkAnswer).
import type { Tx } from "../db/prisma.js";
import type { As, Column, Nullable, Row } from "../db/rows.js";
import { AppError } from "../errors.js";
import { normaliseCode } from "./codes.js";

export type Answer = "accepted" | "declined" | "maybe";
export const maxPartySize = 20;

/** An invitation as its guest sees it: the event, its host, when and where, and their answer so far. */
export interface GuestInvitation {
  id: string;
  code: string;
  status: string;
  partySize: number;
  event: {
    id: string;
    name: string;
    code: string | null;
    startTime: Date | null;
    location: string | null;
    timeZone: string;
    status: string;
    notifyAnswers: boolean;
    organizerId: string | null;
    host: string;
  };
}

/** An open invitation with its event and host; the WHERE makes the invitation's user_id and code non-null. */
type OpenRow = Row<"invitations", "user_id" | "id" | "code"> & { user_id: string; code: string } & {
  status: NonNullable<Column<"invitations", "rsvp_status">>;
} & Nullable<Row<"event_guests", "party_size">> &
  As<"events", "id", "event_id"> &
  As<"events", "name", "event_name"> &
  As<"events", "code", "event_code"> &
  Row<"events", "start_time" | "location" | "time_zone" | "notify_answers" | "organizer_id"> &
  As<"events", "status", "event_status"> &
  Nullable<As<"users", "name", "host">>;

/**
 * The invitations each of these people can still answer (sent to them, event not cancelled or completed, not begun),
 * soonest first: one statement for a whole batch of guests (the hot path preloads it, src/journeys/invitations).
 * Every person asked gets an entry, empty when they have none.
 */
export async function openInvitationsOf(tx: Tx, userIds: string[], now: Date): Promise<Map<string, GuestInvitation[]>> {
  const rows = await tx.$queryRaw<OpenRow[]>`
    SELECT i.user_id::text, i.id::text, i.code, coalesce(i.rsvp_status::text, 'pending') AS status, g.party_size,
           e.id::text AS event_id, e.name AS event_name, e.code AS event_code, e.start_time, e.location, e.time_zone,
           e.status::text AS event_status, e.notify_answers, e.organizer_id::text, o.name AS host
    FROM invitations i
    JOIN events e ON e.id = i.event_id
    LEFT JOIN users o ON o.id = e.organizer_id
    LEFT JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id
    WHERE i.user_id = ANY(${userIds}::uuid[]) AND i.sent_at IS NOT NULL AND i.code IS NOT NULL
      AND coalesce(e.status::text, 'draft') NOT IN ('cancelled', 'completed')
      AND (e.start_time IS NULL OR e.start_time > ${now})
    ORDER BY e.start_time NULLS LAST, e.name`;
  const byUser = new Map<string, GuestInvitation[]>(userIds.map((id) => [id, []]));
  for (const r of rows) {
    byUser.get(r.user_id)?.push({
      id: r.id,
      code: r.code,
      status: r.status,
      partySize: r.party_size ?? 1,
      event: {
        id: r.event_id,
        name: r.event_name,
        code: r.event_code,
        startTime: r.start_time,
        location: r.location,
        timeZone: r.time_zone,
        status: r.event_status ?? "draft",
        notifyAnswers: r.notify_answers,
        organizerId: r.organizer_id,
        host: r.host ?? "",
      },
    });
  }
  return byUser;
}

/**
 * The guest's invitation with this code (an invitation code, or the code of its event), among those they can still
 * answer. When it is not among them, says why: cancelled, begun, or (also for someone else's) unknown. `db` is
 * only called then.
 */
export async function findOpenInvitation(
  db: () => Promise<Tx>,
  options: { userId: string; typed: string; open: GuestInvitation[]; now: Date },
): Promise<GuestInvitation> {
  const code = normaliseCode(options.typed);
  const found = code
    ? options.open.find((i) => i.code.toUpperCase() === code || i.event.code?.toUpperCase() === code)
    : undefined;
  // Found among the open ones (preloaded on the hot path): no statement at all.
  if (found) return found;
  const closed = code
    ? await (await db()).invitation.findFirst({
        where: {
          userId: options.userId,
          sentAt: { not: null },
          OR: [
            { code: { equals: code, mode: "insensitive" } },
            { event: { code: { equals: code, mode: "insensitive" } } },
          ],
        },
        select: { event: { select: { name: true, status: true, startTime: true } } },
      })
    : null;
  if (closed?.event?.status === "cancelled") throw new AppError("rsvp.event_cancelled", { event: closed.event.name });
  if (closed?.event) throw new AppError("rsvp.event_started", { event: closed.event.name });
  throw new AppError("rsvp.invitation_not_found", { code: options.typed.trim().slice(0, 40) });
}

/** Refuses an answer the event cannot take (checked again at the moment of answering: time passes in a conversation). */
export function checkAnswer(invitation: GuestInvitation, answer: Answer, partySize: number, now: Date): void {
  const event = invitation.event;
  if (event.status === "cancelled") throw new AppError("rsvp.event_cancelled", { event: event.name });
  if (event.status === "completed" || (event.startTime && event.startTime <= now))
    throw new AppError("rsvp.event_started", { event: event.name });
  if (answer === "accepted" && (!Number.isInteger(partySize) || partySize < 1 || partySize > maxPartySize)) {
    throw new AppError("rsvp.party_size_invalid", { max: maxPartySize });
  }
}

export interface RsvpRow {
  invitationId: string;
  eventId: string;
  userId: string;
  answer: Answer;
  partySize: number;
  at: Date;
}

/** Writes answers, invitation and guest row together, in one statement however many (the last answer of a person wins). */
export async function writeRsvps(tx: Tx, rows: RsvpRow[]): Promise<void> {
  const last = [...new Map(rows.map((r) => [`${r.eventId}:${r.userId}`, r])).values()];
  if (!last.length) return;
  await tx.$executeRaw`
    WITH r AS (
      SELECT * FROM unnest(${last.map((r) => r.invitationId)}::uuid[], ${last.map((r) => r.eventId)}::uuid[], ${last.map((r) => r.userId)}::uuid[],
                           ${last.map((r) => r.answer)}::text[], ${last.map((r) => (r.answer === "accepted" ? r.partySize : 1))}::int[],
                           ${last.map((r) => r.at.toISOString())}::timestamptz[]) AS r(invitation_id, event_id, user_id, answer, party_size, at)
    ), invitation AS (
      UPDATE invitations i SET rsvp_status = r.answer::rsvp_status, responded_at = r.at FROM r WHERE i.id = r.invitation_id
    )
    INSERT INTO event_guests (event_id, user_id, rsvp_status, party_size, responded_at)
    SELECT event_id, user_id, answer::rsvp_status, party_size, at FROM r
    ON CONFLICT (event_id, user_id) DO UPDATE
      SET rsvp_status = EXCLUDED.rsvp_status, party_size = EXCLUDED.party_size, responded_at = EXCLUDED.responded_at`;
}
