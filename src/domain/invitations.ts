// Invitations: sent by an organizer to phone numbers, opened by the guest (by their number, or a code in a link), and
// asked for through an event's shared link by people not on the list. Every invitation has its guest row
// (event_guests) once it resolves to a person, and the two keep the same answer (rsvp.ts).
import type { Tx } from "../db/prisma.js";
import type { As, Row } from "../db/rows.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";
import { localeForPhone } from "./users.js";
import { planEvent } from "../reminders/plan.js";

/** The invitation with this code and its event; AppError invitation.not_found when there is none. */
export async function findInvitationByCode(tx: Tx, typed: string) {
  const code = normaliseCode(typed);
  // Codes Nuru makes are upper case (an index lookup); codes that came in otherwise (an import, by hand) still match.
  const include = { event: { select: { id: true, name: true } } } as const;
  const invitation = code
    ? ((await tx.invitation.findUnique({ where: { code }, include })) ??
      (await tx.invitation.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, include })))
    : null;
  if (!invitation?.event) throw new AppError("invitation.not_found", { code: typed.trim().slice(0, 64) });
  return { ...invitation, event: invitation.event };
}

export type FoundInvitation = Awaited<ReturnType<typeof findInvitationByCode>>;

/**
 * Links the person to the invitation with this code. An invitation sent to a phone number opens only for the person
 * holding that number (a code can be forwarded); one sent without a number (by e-mail) opens for whoever has the code.
 */
export async function claimInvitation(
  tx: Tx,
  options: { userId: string; code: string },
): Promise<{ event: string; invitationId: string }> {
  return claimFoundInvitation(tx, { userId: options.userId, invitation: await findInvitationByCode(tx, options.code) });
}

/** claimInvitation for an invitation the caller has already looked up. */
export async function claimFoundInvitation(
  tx: Tx,
  options: { userId: string; invitation: FoundInvitation },
): Promise<{ event: string; invitationId: string }> {
  const { invitation } = options;
  const me = await tx.user.findUniqueOrThrow({ where: { id: options.userId } });
  if (invitation.recipientPhone && invitation.recipientPhone !== me.phone) {
    throw new AppError("invitation.other_number", { phone: me.phone ?? "-" });
  }
  // An invitation without a number (sent by e-mail) opens for whoever brings the code first, and then stays theirs.
  if (invitation.userId && invitation.userId !== me.id) throw new AppError("invitation.already_claimed");
  if (invitation.userId !== me.id)
    await tx.invitation.update({ where: { id: invitation.id }, data: { userId: me.id } });
  await tx.eventGuest.upsert({
    where: { eventId_userId: { eventId: invitation.event.id, userId: me.id } },
    create: { eventId: invitation.event.id, userId: me.id, rsvpStatus: invitation.rsvpStatus ?? "pending" },
    update: {},
  });
  return { event: invitation.event.name, invitationId: invitation.id };
}

export interface GuestToInvite {
  /** E.164 */
  phone: string;
  name?: string;
}

export interface InvitedGuest {
  userId: string;
  phone: string;
  name: string;
  code: string;
}

/**
 * Invites these numbers to the event, in one transaction of a few statements whatever their number: people (created
 * for numbers Nuru has not met, in their number's language), attendee profiles with their rsvp codes, invitations
 * with their codes, and guest rows. A number already invited is returned apart and changes nothing.
 */
export async function inviteGuests(
  tx: Tx,
  options: {
    eventId: string;
    guests: GuestToInvite[];
    defaultLocale: "en" | "sw";
    timeZone: string;
    now: Date;
    requested?: boolean;
  },
): Promise<{ invited: InvitedGuest[]; already: string[] }> {
  const { guests } = options;
  if (!guests.length) return { invited: [], already: [] };
  const phones = guests.map((g) => g.phone);
  const names = guests.map((g) => g.name ?? null);
  const locales = guests.map((g) => localeForPhone(g.phone, options.defaultLocale));
  const codes = guests.map(() => randomCode(8));
  const rsvpCodes = guests.map(() => randomCode(10));
  // Every column is set on an invitation this statement inserts: none is null.
  type Invited = Row<"invitations", "user_id" | "code"> &
    As<"invitations", "recipient_phone", "phone"> &
    As<"invitations", "recipient_name", "name"> & { user_id: string; phone: string; name: string; code: string };
  const rows = await tx.$queryRaw<Invited[]>`
    WITH input AS (
      SELECT * FROM unnest(${phones}::text[], ${names}::text[], ${locales}::text[], ${codes}::text[], ${rsvpCodes}::text[])
        AS i(phone, name, locale, code, rsvp_code)
    ), created AS (
      INSERT INTO users (name, phone, locale, time_zone)
      SELECT coalesce(name, phone), phone, locale, ${options.timeZone} FROM input
      ON CONFLICT (phone) DO NOTHING
      RETURNING id, phone, name
    ), people AS (
      SELECT id, phone, name, NULL::timestamptz AS named_at FROM created
      UNION ALL SELECT u.id, u.phone, u.name, u.named_at FROM users u JOIN input i ON u.phone = i.phone
    ), invited AS (
      -- The name this organizer gave stays on this invitation; without one, the person's own name if they set it,
      -- else their number: never the name another organizer invited them under.
      INSERT INTO invitations (event_id, recipient_phone, recipient_name, code, user_id, sent_at, requested_at)
      SELECT ${options.eventId}::uuid, i.phone, coalesce(i.name, CASE WHEN p.named_at IS NOT NULL THEN p.name ELSE p.phone END), i.code, p.id,
             CASE WHEN ${options.requested ?? false} THEN NULL ELSE ${options.now}::timestamptz END,
             CASE WHEN ${options.requested ?? false} THEN ${options.now}::timestamptz END
      FROM input i JOIN people p ON p.phone = i.phone
      ON CONFLICT (event_id, recipient_phone) DO NOTHING
      RETURNING user_id, recipient_phone, recipient_name, code
    ), profiles AS (
      INSERT INTO attendee_profiles (user_id, rsvp_code)
      SELECT p.id, i.rsvp_code FROM people p JOIN input i ON i.phone = p.phone
      WHERE NOT EXISTS (SELECT 1 FROM attendee_profiles a WHERE a.user_id = p.id)
    ), guests AS (
      INSERT INTO event_guests (event_id, user_id)
      SELECT ${options.eventId}::uuid, user_id FROM invited WHERE NOT ${options.requested ?? false}
      ON CONFLICT (event_id, user_id) DO NOTHING
    )
    SELECT user_id::text, recipient_phone AS phone, recipient_name AS name, code FROM invited`;
  const invited = rows.map((r) => ({ userId: r.user_id, phone: r.phone, name: r.name, code: r.code }));
  // This invitation round's nudges (to those of it who have not answered when they are due).
  if (!options.requested && invited.length) await planEvent(tx, options.eventId);
  const fresh = new Set(invited.map((r) => r.phone));
  return { invited, already: phones.filter((p) => !fresh.has(p)) };
}

/** Someone not on the list asked to join through the event's link: kept as a request the organizer may approve. */
export async function requestInvitation(
  tx: Tx,
  options: { eventId: string; phone: string; name: string; now: Date; defaultLocale: "en" | "sw"; timeZone: string },
) {
  const existing = await tx.invitation.findUnique({
    where: { eventId_recipientPhone: { eventId: options.eventId, recipientPhone: options.phone } },
  });
  if (existing) return { alreadyAsked: true };
  await inviteGuests(tx, { ...options, guests: [{ phone: options.phone, name: options.name }], requested: true });
  return { alreadyAsked: false };
}

/** The organizer lets in someone who asked: their request becomes an invitation like any other. */
export async function approveRequest(
  tx: Tx,
  options: { eventId: string; phone: string; now: Date },
): Promise<InvitedGuest> {
  const request = await tx.invitation.findUnique({
    where: { eventId_recipientPhone: { eventId: options.eventId, recipientPhone: options.phone } },
    include: { user: { select: { id: true, name: true } } },
  });
  if (!request || !request.requestedAt || request.sentAt || !request.user)
    throw new AppError("invitation.request_not_found", { phone: options.phone });
  await tx.invitation.update({ where: { id: request.id }, data: { sentAt: options.now } });
  await tx.eventGuest.upsert({
    where: { eventId_userId: { eventId: options.eventId, userId: request.user.id } },
    create: { eventId: options.eventId, userId: request.user.id },
    update: {},
  });
  await planEvent(tx, options.eventId);
  return {
    userId: request.user.id,
    phone: options.phone,
    name: request.recipientName ?? request.user.name,
    code: request.code ?? "",
  };
}

/** Requests waiting for the organizer's approval. */
export async function listRequests(tx: Tx, eventId: string) {
  return tx.invitation.findMany({
    where: { eventId, requestedAt: { not: null }, sentAt: null },
    select: { recipientName: true, recipientPhone: true },
    orderBy: { requestedAt: "asc" },
  });
}
