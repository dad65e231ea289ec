// Contributions to an event: a guest's well-wish, a photo, or a pledge of money (michango), and the payments an
// organizer records against pledges. Money is numeric, never float: amounts go to the database as decimal strings.
import type { Tx } from "../db/prisma.js";
import type { As, Row } from "../db/rows.js";
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";
import { checkAmount } from "./money.js";

export type ContributionKind = "message" | "photo" | "pledge";

export async function addContribution(
  tx: Tx,
  options: {
    eventId: string;
    userId: string;
    kind: ContributionKind;
    content?: string;
    amount?: number;
    currency?: string;
    mediaUrl?: string;
  },
) {
  if (options.kind === "pledge" && !(options.amount !== undefined && options.amount > 0)) {
    throw new AppError("contribution.amount_invalid", { text: String(options.amount ?? "") });
  }
  checkAmount(options.amount);
  return tx.guestContribution.create({
    data: {
      eventId: options.eventId,
      userId: options.userId,
      kind: options.kind,
      content: options.content,
      amount: options.amount === undefined ? undefined : new Prisma.Decimal(options.amount),
      currency: options.kind === "pledge" ? options.currency : undefined,
      mediaUrl: options.mediaUrl,
      code: `M-${randomCode(5)}`,
    },
  });
}

export interface ContributionTotals {
  pledged: Prisma.Decimal;
  paid: Prisma.Decimal;
  outstanding: Prisma.Decimal;
  wishes: number;
  photos: number;
}

/** The event's contributions (the organizer's view): totals in one statement, the newest rows in another. */
export async function listContributions(tx: Tx, eventId: string) {
  const [totals] = await tx.$queryRaw<
    { pledged: Prisma.Decimal; paid: Prisma.Decimal; wishes: number; photos: number }[]
  >`
    SELECT coalesce(sum(amount) FILTER (WHERE kind = 'pledge'), 0) AS pledged, coalesce(sum(paid_amount) FILTER (WHERE kind = 'pledge'), 0) AS paid,
           count(*) FILTER (WHERE kind = 'message')::int AS wishes, count(*) FILTER (WHERE kind = 'photo')::int AS photos
    FROM guest_contributions WHERE event_id = ${eventId}::uuid`;
  const rows = await tx.guestContribution.findMany({
    where: { eventId },
    select: {
      code: true,
      kind: true,
      content: true,
      amount: true,
      paidAmount: true,
      currency: true,
      mediaUrl: true,
      user: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const pledged = new Prisma.Decimal(totals?.pledged ?? 0);
  const paid = new Prisma.Decimal(totals?.paid ?? 0);
  return {
    totals: {
      pledged,
      paid,
      outstanding: pledged.minus(paid),
      wishes: totals?.wishes ?? 0,
      photos: totals?.photos ?? 0,
    } satisfies ContributionTotals,
    rows,
  };
}

/**
 * A payment against a pledge of the organizer's event; payments add up. More than is still owed is refused unless
 * confirmed. The pledge's row is locked (FOR UPDATE) before what is owed is read, so of two payments at once the
 * second waits and checks against the first one's total: both cannot pass the check on the same stale total. Returns
 * the pledge as it stands and who pledged it.
 */
export async function recordPayment(
  tx: Tx,
  options: { organizerId: string; typed: string; amount: number; confirmed: boolean },
) {
  const code = normaliseCode(options.typed);
  const pledge = code
    ? await tx.guestContribution.findFirst({
        where: {
          code: { equals: code, mode: "insensitive" },
          kind: "pledge",
          event: { organizerId: options.organizerId },
        },
        select: {
          id: true,
          code: true,
          amount: true,
          paidAmount: true,
          currency: true,
          userId: true,
          event: { select: { name: true } },
          user: { select: { name: true } },
        },
      })
    : null;
  if (!pledge) throw new AppError("pledge.not_found", { code: options.typed.slice(0, 40) });
  if (!(options.amount > 0)) throw new AppError("contribution.amount_invalid", { text: String(options.amount) });
  checkAmount(options.amount);
  const amount = new Prisma.Decimal(options.amount);
  const [locked] = await tx.$queryRaw<
    (Row<"guest_contributions", "amount"> & As<"guest_contributions", "paid_amount", "paid">)[]
  >`
    SELECT amount, paid_amount AS paid FROM guest_contributions WHERE id = ${pledge.id}::uuid FOR UPDATE`;
  const paidBefore = new Prisma.Decimal(locked!.paid);
  const owed = new Prisma.Decimal(locked!.amount ?? 0).minus(paidBefore);
  if (amount.greaterThan(owed) && !options.confirmed) {
    throw new AppError("pledge.overpaid", { code: pledge.code ?? "", amount: options.amount, owed: owed.toString() });
  }
  // A confirmed over-payment still has to fit the column.
  checkAmount(paidBefore.plus(amount));
  const updated = await tx.guestContribution.update({
    where: { id: pledge.id },
    data: { paidAmount: { increment: amount } },
    select: { paidAmount: true },
  });
  return { ...pledge, paidAmount: updated.paidAmount, paidNow: amount };
}

/** What a person contributed, per event. */
export async function myContributions(tx: Tx, userId: string) {
  return tx.guestContribution.findMany({
    where: { userId },
    select: {
      kind: true,
      amount: true,
      paidAmount: true,
      currency: true,
      content: true,
      event: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 30,
  });
}
