// The money arrived: onto the pledge through recordPayment (what an organizer's /paid uses), or onto the booking's
// step through recordBookingPayment (/payment), with who is to be told what. Called by settleCollection under the
// collection's row lock, in the same transaction.
import type { Tx } from "../db/prisma.js";
import { recordPayment } from "../domain/contributions.js";
import { recordBookingPayment } from "../domain/booking-payments.js";
import { AppError } from "../errors.js";
import { Prisma } from "../generated/prisma/client.js";
import { label } from "../i18n/index.js";
import type { Notice } from "./collections.js";

/** A collection as a settlement reads it (locked), with its payer, event, pledge or booking. */
export interface Settling {
  id: string;
  code: string;
  purpose: string;
  eventId: string;
  userId: string;
  phone: string;
  amount: Prisma.Decimal;
  currency: string;
  providerRef: string | null;
  bookingId: string | null;
  user: { name: string };
  event: { id: string; name: string; organizerId: string | null };
  contribution: { code: string | null } | null;
  booking: { code: string | null; service: { name: string; userId: string | null } | null } | null;
}

/** "TZS 50,000" as the payment messages show it. */
export const money = (amount: Prisma.Decimal | number | string | null | undefined, currency: string) => {
  const n = Number(amount ?? 0);
  return `${currency} ${n.toLocaleString("en-GB", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
};

/** Why money that arrived could not be recorded (pay.unrecorded.*). */
export type Unrecorded = "pledge_gone" | "booking_gone" | "booking_cancelled" | "already_paid" | "not_organizer";

export type Recorded = { ok: true; notices: Notice[] } | { ok: false; why: Unrecorded };

/** Paid, but nothing could take it: the payer hears it was not recorded, the organizer is told to check it. */
export function unrecordedNotices(c: Settling, receipt: string, why: Unrecorded): Notice[] {
  const params = {
    amount: money(c.amount, c.currency),
    ref: c.contribution?.code ?? c.booking?.code ?? c.code,
    name: c.user.name,
    receipt,
    why: label(`pay.unrecorded.${why}`),
  };
  const organizer = c.event.organizerId;
  const payer: Notice = {
    userId: c.userId,
    eventId: c.eventId,
    answering: true,
    message: { key: "pay.unrecorded", params },
  };
  const told = (userId: string): Notice => ({
    userId,
    eventId: c.eventId,
    message: { key: "pay.organizer_unrecorded", params },
  });
  if (organizer === c.userId) return [{ ...told(organizer), answering: true }];
  return organizer ? [payer, told(organizer)] : [payer];
}

/** The money arrived: onto the pledge (payments add up; more than owed is kept, it was paid) or the booking's step. */
export async function recordMoney(tx: Tx, c: Settling, receipt: string, now: Date): Promise<Recorded> {
  return c.purpose === "pledge" ? recordPledge(tx, c, receipt) : recordBooking(tx, c, receipt, now);
}

async function recordPledge(tx: Tx, c: Settling, receipt: string): Promise<Recorded> {
  const amount = money(c.amount, c.currency);
  if (!c.contribution?.code || !c.event.organizerId) return { ok: false, why: "pledge_gone" };
  let p: Awaited<ReturnType<typeof recordPayment>>;
  try {
    p = await recordPayment(tx, {
      organizerId: c.event.organizerId,
      typed: c.contribution.code,
      amount: Number(c.amount),
      confirmed: true,
    });
  } catch (err) {
    if (err instanceof AppError) return { ok: false, why: "pledge_gone" };
    throw err;
  }
  const totals = { paid: money(p.paidAmount, c.currency), pledged: money(p.amount, c.currency) };
  const outstanding = money(Prisma.Decimal.max(new Prisma.Decimal(p.amount ?? 0).minus(p.paidAmount), 0), c.currency);
  const notices: Notice[] = [
    {
      userId: c.userId,
      eventId: c.eventId,
      answering: true,
      message: { key: "pay.thanks", params: { amount, event: c.event.name, receipt, ...totals } },
    },
  ];
  if (c.event.organizerId !== c.userId) {
    notices.push({
      userId: c.event.organizerId,
      eventId: c.eventId,
      message: {
        key: "pay.organizer_told",
        params: { name: c.user.name, amount, ref: c.contribution.code, receipt, outstanding, ...totals },
      },
    });
  }
  return { ok: true, notices };
}

/**
 * Recorded by hand meanwhile (/payment) and not refunded, with no other mobile-money collection paying the same step:
 * this is the money the organizer wrote down, and the collection keeps its receipt.
 */
async function recordedByHand(tx: Tx, c: Settling, bookingId: string, step: "deposit" | "balance"): Promise<boolean> {
  const booking = await tx.eventService.findUnique({ where: { id: bookingId }, select: { paymentStatus: true } });
  if (!booking || booking.paymentStatus === "refunded") return false;
  const other = await tx.paymentCollection.findFirst({
    where: {
      bookingId,
      id: { not: c.id },
      status: "paid",
      purpose: { in: step === "deposit" ? ["deposit", "balance"] : ["balance"] },
    },
    select: { id: true },
  });
  return !other;
}

async function recordBooking(tx: Tx, c: Settling, receipt: string, now: Date): Promise<Recorded> {
  const step = c.purpose as "deposit" | "balance";
  if (!c.booking?.code || !c.bookingId) return { ok: false, why: "booking_gone" };
  if (c.event.organizerId !== c.userId) return { ok: false, why: "not_organizer" };
  try {
    await recordBookingPayment(tx, { userId: c.userId, typed: c.booking.code, step, now });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === "booking_payment.booking_not_confirmed") return { ok: false, why: "booking_cancelled" };
    if (err.code !== "booking_payment.step_out_of_order") return { ok: false, why: "booking_gone" };
    if (!(await recordedByHand(tx, c, c.bookingId, step))) return { ok: false, why: "already_paid" };
  }
  const amount = money(c.amount, c.currency);
  const what = label(`pay.what.${step}`);
  const service = c.booking.service?.name ?? "-";
  const providerId = c.booking.service?.userId;
  const notices: Notice[] = [
    {
      userId: c.userId,
      eventId: c.eventId,
      answering: true,
      message: { key: "pay.booking_thanks", params: { amount, what, service, receipt, provider: service } },
    },
  ];
  if (providerId && providerId !== c.userId) {
    notices.push({
      userId: providerId,
      eventId: c.eventId,
      message: {
        key: "pay.provider_told",
        params: { organizer: c.user.name, what, amount, ref: c.booking.code, event: c.event.name, receipt },
      },
    });
  }
  return { ok: true, notices };
}
