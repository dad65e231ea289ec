// Check-in at the door. A guest who accepted gets an entry pass: an unguessable token (IN- and 16 characters of a
// 31-letter alphabet, about 79 bits) tied to their one invitation. The organizer appoints ushers; an usher (or the
// organizer) who scans a pass checks the guest in, once: the first scan wins even when two ushers scan together.
import type { Tx } from "../db/prisma.js";
import type { As, Nullable, Row } from "../db/rows.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";
import { personByPhone } from "./users.js";

export const passPattern = /^IN-[A-Z0-9]{16}$/;
export const isPassToken = (text: string) => passPattern.test(text.trim().toUpperCase());

export interface Pass {
  token: string;
  guest: string;
  party: number;
  event: { id: string; name: string; code: string | null; startTime: Date | null; timeZone: string };
}

/** The guest's pass for an event they accepted (by its code, or their one upcoming accepted event); made once. */
export async function passFor(tx: Tx, options: { userId: string; typed?: string; now: Date }): Promise<Pass> {
  const code = options.typed ? normaliseCode(options.typed) : undefined;
  const rows = await tx.$queryRaw<
    (Row<"invitations", "id"> &
      As<"invitations", "pass_token", "token"> &
      As<"users", "name", "guest"> &
      As<"event_guests", "party_size", "party"> &
      As<"events", "id", "event_id"> &
      Row<"events", "name" | "code" | "start_time" | "time_zone">)[]
  >`
    SELECT i.id::text, i.pass_token AS token, CASE WHEN u.named_at IS NOT NULL THEN u.name ELSE coalesce(nullif(i.recipient_name, ''), u.name) END AS guest, g.party_size AS party,
           e.id::text AS event_id, e.name, e.code, e.start_time, e.time_zone
    FROM invitations i JOIN events e ON e.id = i.event_id JOIN users u ON u.id = i.user_id
    JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id AND g.rsvp_status = 'accepted'
    WHERE i.user_id = ${options.userId}::uuid AND coalesce(e.status::text, 'draft') NOT IN ('cancelled', 'completed')
      AND (e.start_time IS NULL OR e.start_time > ${options.now}::timestamptz - interval '1 day')
      AND (${code ?? null}::text IS NULL OR upper(e.code) = ${code ?? null} OR upper(i.code) = ${code ?? null})
    ORDER BY e.start_time NULLS LAST`;
  if (!rows.length)
    throw new AppError(code ? "pass.not_found" : "pass.not_coming", { code: (options.typed ?? "").slice(0, 40) });
  if (rows.length > 1) throw new AppError("pass.ambiguous", { codes: rows.map((r) => r.code ?? "").join(", ") });
  const row = rows[0]!;
  // coalesce: the token is set once this returns.
  const [made] = await tx.$queryRaw<(As<"invitations", "pass_token", "token"> & { token: string })[]>`
    UPDATE invitations SET pass_token = coalesce(pass_token, ${`IN-${randomCode(16)}`}) WHERE id = ${row.id}::uuid RETURNING pass_token AS token`;
  return {
    token: made!.token,
    guest: row.guest,
    party: row.party,
    event: { id: row.event_id, name: row.name, code: row.code, startTime: row.start_time, timeZone: row.time_zone },
  };
}

/** Appoints an usher by phone (a person Nuru may not have met yet); false when they already were one. */
export async function appointUsher(
  tx: Tx,
  options: { eventId: string; phone: string; name?: string; defaultLocale: "en" | "sw"; timeZone: string },
) {
  const person = await personByPhone(tx, options);
  const added = await tx.eventUsher.createMany({
    data: [{ eventId: options.eventId, userId: person.id }],
    skipDuplicates: true,
  });
  return { userId: person.id, name: options.name ?? person.name, added: added.count > 0 };
}

export type ScanResult =
  | { kind: "checked"; guest: string; party: number; event: string }
  | { kind: "already"; guest: string; party: number; event: string; at: Date; by: string; zone: string }
  | { kind: "stranger"; event: string }
  | { kind: "unknown" };

/**
 * What scanning a pass does for this person: checks the guest in (organizer or usher), or says why not. A pass made
 * while the guest was coming lets nobody in once they declined or the event was cancelled (refused with the reason,
 * to the door's people only: a stranger learns no more than whose pass it is).
 */
export async function scanPass(tx: Tx, options: { token: string; scannerId: string; now: Date }): Promise<ScanResult> {
  const [pass] = await tx.$queryRaw<
    (Row<"invitations", "id"> &
      As<"users", "name", "guest"> &
      As<"event_guests", "party_size", "party"> &
      As<"events", "name", "event"> &
      As<"events", "time_zone", "zone"> &
      As<"invitations", "rsvp_status", "answer"> &
      Row<"events", "status"> & { allowed: boolean })[]
  >`
    SELECT i.id::text, CASE WHEN u.named_at IS NOT NULL THEN u.name ELSE coalesce(nullif(i.recipient_name, ''), u.name) END AS guest, coalesce(g.party_size, 1) AS party, e.name AS event, e.time_zone AS zone,
           coalesce(g.rsvp_status, i.rsvp_status)::text AS answer, e.status::text AS status,
           (e.organizer_id = ${options.scannerId}::uuid OR EXISTS (SELECT 1 FROM event_ushers x WHERE x.event_id = e.id AND x.user_id = ${options.scannerId}::uuid)) AS allowed
    FROM invitations i JOIN events e ON e.id = i.event_id LEFT JOIN users u ON u.id = i.user_id
    LEFT JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id
    WHERE i.pass_token = ${options.token.trim().toUpperCase()}`;
  if (!pass) return { kind: "unknown" };
  if (!pass.allowed) return { kind: "stranger", event: pass.event };
  if (pass.status === "cancelled") throw new AppError("scan.event_cancelled", { event: pass.event });
  if (pass.answer === "declined") throw new AppError("scan.guest_declined", { guest: pass.guest, event: pass.event });
  const checked = await tx.invitation.updateMany({
    where: { id: pass.id, checkedInAt: null },
    data: { checkedInAt: options.now, checkedInBy: options.scannerId },
  });
  if (checked.count) return { kind: "checked", guest: pass.guest, party: pass.party, event: pass.event };
  // Checked in already (the update above found checked_in_at set): at is non-null.
  const [earlier] = await tx.$queryRaw<
    (As<"invitations", "checked_in_at", "at"> & { at: Date } & Nullable<As<"users", "name", "by">>)[]
  >`
    SELECT i.checked_in_at AS at, u.name AS by FROM invitations i LEFT JOIN users u ON u.id = i.checked_in_by WHERE i.id = ${pass.id}::uuid`;
  return {
    kind: "already",
    guest: pass.guest,
    party: pass.party,
    event: pass.event,
    at: earlier!.at,
    by: earlier!.by ?? "?",
    zone: pass.zone,
  };
}

/** Arrived against expected, now: guests (parties) checked in, and those who accepted with their headcount. */
export async function checkinCounts(tx: Tx, eventId: string) {
  const [row] = await tx.$queryRaw<
    { arrived: number; arrived_people: number; expected: number; expected_people: number }[]
  >`
    SELECT count(*) FILTER (WHERE i.checked_in_at IS NOT NULL)::int AS arrived,
           coalesce(sum(g.party_size) FILTER (WHERE i.checked_in_at IS NOT NULL), 0)::int AS arrived_people,
           count(*) FILTER (WHERE g.rsvp_status = 'accepted')::int AS expected,
           coalesce(sum(g.party_size) FILTER (WHERE g.rsvp_status = 'accepted'), 0)::int AS expected_people
    FROM invitations i LEFT JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id
    WHERE i.event_id = ${eventId}::uuid AND i.sent_at IS NOT NULL`;
  return row!;
}

/** An event the person runs the door of (its organizer or an usher), by its code. */
export async function doorEvent(tx: Tx, options: { userId: string; typed: string }) {
  const code = normaliseCode(options.typed);
  const event = code
    ? await tx.event.findFirst({
        where: {
          code: { equals: code, mode: "insensitive" },
          OR: [{ organizerId: options.userId }, { ushers: { some: { userId: options.userId } } }],
        },
        select: { id: true, name: true, code: true },
      })
    : null;
  if (!event) throw new AppError("event.not_found", { code: options.typed.slice(0, 40) });
  return event;
}
