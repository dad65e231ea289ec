// Quotas: how much one person may send through the business's number, so nobody can use Nuru as an open relay to
// strangers (WhatsApp bans numbers that people block or report, and the Cloud API bills every conversation it
// starts). Every limit is counted over the last 24 hours from rows Nuru keeps anyway (invitations) or from
// quota_uses; a refusal always says the limit and what is left, in the person's language (never a silent drop).
import type { Config } from "../config.js";
import type { Tx } from "../db/prisma.js";

export interface Quotas {
  /** numbers one /invite message may hold */
  invitesPerMessage: number;
  /** invitations one organizer may send a day, all their events together */
  invitesPerDay: number;
  /** a new organizer's invitations in all, until newOrganizerAnswers of their guests have answered */
  newOrganizerInvites: number;
  newOrganizerAnswers: number;
  /** announcements one event may send a day */
  announcementsPerEventPerDay: number;
  /** characters an announcement may hold */
  announcementMaxLength: number;
  /** percent of the channel's daily first-contact budget one organizer may use */
  firstContactSharePercent: number;
  /** codes one person may try a day that open nothing (guessing links) */
  unknownCodesPerDay: number;
}

export const defaultQuotas: Quotas = {
  invitesPerMessage: 100,
  invitesPerDay: 500,
  newOrganizerInvites: 50,
  newOrganizerAnswers: 5,
  announcementsPerEventPerDay: 3,
  announcementMaxLength: 1_000,
  firstContactSharePercent: 25,
  unknownCodesPerDay: 10,
};

export function quotasFromConfig(config: Config): Quotas {
  return {
    invitesPerMessage: config.INVITES_PER_MESSAGE,
    invitesPerDay: config.INVITES_PER_DAY,
    newOrganizerInvites: config.NEW_ORGANIZER_INVITES,
    newOrganizerAnswers: config.NEW_ORGANIZER_ANSWERS,
    announcementsPerEventPerDay: config.ANNOUNCEMENTS_PER_EVENT_PER_DAY,
    announcementMaxLength: config.ANNOUNCEMENT_MAX_LENGTH,
    firstContactSharePercent: config.FIRST_CONTACT_SHARE_PERCENT,
    unknownCodesPerDay: config.UNKNOWN_CODES_PER_DAY,
  };
}

// One setting per process, set by main.ts from the configuration: journeys read it where they check, instead of
// every turn carrying it (the engine's turn environment is about channels, and tests set it here directly).
let current: Quotas = defaultQuotas;

export function configureQuotas(quotas: Partial<Quotas>): void {
  current = { ...defaultQuotas, ...quotas };
}

export function quotas(): Quotas {
  return current;
}

const day = 24 * 60 * 60 * 1000;

export interface Allowance {
  /** how many more are allowed now */
  left: number;
  /** the limit that binds */
  limit: number;
  /** which limit it is: the daily one, or the first one of an organizer whose guests have not answered yet */
  reason: "daily" | "new_organizer";
}

/**
 * How many invitations this organizer may still send: the daily limit, and, until enough of their guests have
 * answered (people who answer are people who know them), the smaller limit of a new organizer. One statement.
 */
export async function invitationAllowance(
  tx: Tx,
  options: { organizerId: string; now: Date; quotas?: Quotas },
): Promise<Allowance> {
  const q = options.quotas ?? current;
  const since = new Date(options.now.getTime() - day);
  const [row] = await tx.$queryRaw<{ today: number; ever: number; answered: number }[]>`
    SELECT
      (SELECT count(*) FROM invitations i JOIN events e ON e.id = i.event_id
        WHERE e.organizer_id = ${options.organizerId}::uuid AND i.sent_at > ${since})::int AS today,
      (SELECT count(*) FROM invitations i JOIN events e ON e.id = i.event_id
        WHERE e.organizer_id = ${options.organizerId}::uuid AND i.sent_at IS NOT NULL)::int AS ever,
      (SELECT count(*) FROM event_guests g JOIN events e ON e.id = g.event_id
        WHERE e.organizer_id = ${options.organizerId}::uuid AND g.user_id <> ${options.organizerId}::uuid
          AND g.rsvp_status IS NOT NULL AND g.rsvp_status <> 'pending')::int AS answered`;
  return allowanceFrom(row ?? { today: 0, ever: 0, answered: 0 }, q);
}

/** The allowance from the counts (pure, for the tests of its rule). */
export function allowanceFrom(counts: { today: number; ever: number; answered: number }, q: Quotas): Allowance {
  const daily: Allowance = {
    left: Math.max(0, q.invitesPerDay - counts.today),
    limit: q.invitesPerDay,
    reason: "daily",
  };
  if (counts.answered >= q.newOrganizerAnswers) return daily;
  const trial: Allowance = {
    left: Math.max(0, q.newOrganizerInvites - counts.ever),
    limit: q.newOrganizerInvites,
    reason: "new_organizer",
  };
  return trial.left <= daily.left ? trial : daily;
}

type UseKind = "announcement" | "first_contact" | "unknown_code" | "undo";

/** What this person (or event) spent of a kind over the last day. */
async function usedToday(
  tx: Tx,
  options: { kind: UseKind; userId?: string; eventId?: string; now: Date },
): Promise<number> {
  const since = new Date(options.now.getTime() - day);
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum(amount), 0)::int AS n FROM quota_uses
    WHERE kind = ${options.kind} AND created_at > ${since}
      AND (${options.userId ?? null}::uuid IS NULL OR user_id = ${options.userId ?? null}::uuid)
      AND (${options.eventId ?? null}::uuid IS NULL OR event_id = ${options.eventId ?? null}::uuid)`;
  return row?.n ?? 0;
}

/** Writes what was spent, with the turn's time (so tests and replays count it where it happened). */
export async function recordUse(
  tx: Tx,
  options: { kind: UseKind; userId: string; eventId?: string; amount?: number; now: Date },
): Promise<void> {
  if ((options.amount ?? 1) <= 0) return;
  await tx.quotaUse.create({
    data: {
      kind: options.kind,
      userId: options.userId,
      eventId: options.eventId ?? null,
      amount: options.amount ?? 1,
      createdAt: options.now,
    },
  });
}

/** Announcements this event may still send today. */
export async function announcementsLeft(
  tx: Tx,
  options: { eventId: string; now: Date; quotas?: Quotas },
): Promise<number> {
  const q = options.quotas ?? current;
  return Math.max(
    0,
    q.announcementsPerEventPerDay -
      (await usedToday(tx, { kind: "announcement", eventId: options.eventId, now: options.now })),
  );
}

/** This organizer's share of the channel's daily first-contact budget: at least one, at most the whole budget. */
export function firstContactShare(perDay: number, q: Quotas = current): number {
  return Math.max(1, Math.min(perDay, Math.floor((perDay * q.firstContactSharePercent) / 100)));
}

/** First contacts this organizer may still start today. */
export async function firstContactsLeft(
  tx: Tx,
  options: { organizerId: string; perDay: number; now: Date; quotas?: Quotas },
): Promise<{ left: number; limit: number }> {
  const limit = firstContactShare(options.perDay, options.quotas ?? current);
  return {
    left: Math.max(
      0,
      limit - (await usedToday(tx, { kind: "first_contact", userId: options.organizerId, now: options.now })),
    ),
    limit,
  };
}

/** Whether this person has tried too many codes that opened nothing today (guessing links). */
export async function tooManyUnknownCodes(
  tx: Tx,
  options: { userId: string; now: Date; quotas?: Quotas },
): Promise<boolean> {
  const q = options.quotas ?? current;
  return (
    (await usedToday(tx, { kind: "unknown_code", userId: options.userId, now: options.now })) >= q.unknownCodesPerDay
  );
}

/**
 * Whether this event was already brought back by /undo today: once a day, so cancel-and-undo cannot be used to
 * message every guest again and again.
 */
export async function undoneToday(tx: Tx, options: { eventId: string; now: Date }): Promise<boolean> {
  return (await usedToday(tx, { kind: "undo", eventId: options.eventId, now: options.now })) >= 1;
}
