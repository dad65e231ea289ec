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

/** The money arrived: onto the pledge (payments add up; more than owed is kept, it was paid) or the booking's step. */
export async function recordMoney(tx: Tx, c: Settling, receipt: string, now: Date): Promise<Notice[]> {
  const amount = money(c.amount, c.currency);
  if (c.purpose === "pledge") {
    if (!c.contribution?.code || !c.event.organizerId) return [];
    const p = await recordPayment(tx, {
      organizerId: c.event.organizerId,
      typed: c.contribution.code,
      amount: Number(c.amount),
      confirmed: true,
    });
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
    return notices;
  }
  const step = c.purpose as "deposit" | "balance";
  try {
    if (c.booking?.code) await recordBookingPayment(tx, { userId: c.userId, typed: c.booking.code, step, now });
  } catch (err) {
    // Recorded by hand meanwhile (/payment): the money still arrived, and the collection says so with its receipt.
    if (!(err instanceof AppError)) throw err;
  }
  const what = label(`pay.what.${step}`);
  const service = c.booking?.service?.name ?? "-";
  const providerId = c.booking?.service?.userId;
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
        params: { organizer: c.user.name, what, amount, ref: c.booking?.code ?? "", event: c.event.name, receipt },
      },
    });
  }
  return notices;
}
