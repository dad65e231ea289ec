// What an organizer has paid a provider for a booking, as they record it (or as a mobile-money collection settles
// it): the deposit, then the balance, or a refund.
import type { Tx } from "../db/prisma.js";
import type { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { label } from "../i18n/index.js";
import { normaliseCode } from "./codes.js";
import { planEvent } from "../reminders/plan.js";

export type PaymentStep = "deposit" | "balance" | "refund";

const paymentSelect = {
  id: true,
  code: true,
  bookingStatus: true,
  paymentStatus: true,
  price: true,
  deposit: true,
  depositPaidAt: true,
  balancePaidAt: true,
  service: { select: { name: true, userId: true } },
  event: { select: { id: true, name: true, currency: true } },
} as const;
type PaidBooking = Prisma.EventServiceGetPayload<{ select: typeof paymentSelect }>;

/** Where the payments stand, in words: the step already recorded last (a raw "pending" says nothing of a deposit). */
function stageOf(booking: PaidBooking) {
  if (booking.paymentStatus === "refunded") return "payment.step.refund" as const;
  if (booking.paymentStatus === "completed") return "payment.step.balance" as const;
  return booking.depositPaidAt ? ("payment.step.deposit" as const) : ("payment.stage.none" as const);
}

/** The change recording this step, or undefined when it is out of order (already recorded, or nothing to refund). */
function stepChange(booking: PaidBooking, step: PaymentStep, now: Date): Prisma.EventServiceUpdateInput | undefined {
  if (booking.paymentStatus === "refunded") return undefined;
  if (step === "deposit")
    return booking.depositPaidAt || booking.paymentStatus === "completed" ? undefined : { depositPaidAt: now };
  if (step === "balance")
    return booking.paymentStatus === "completed"
      ? undefined
      : { balancePaidAt: now, paymentStatus: "completed", ...(booking.depositPaidAt ? {} : { depositPaidAt: now }) };
  return booking.depositPaidAt ? { paymentStatus: "refunded" } : undefined;
}

/**
 * The organizer records a booking's payment: the deposit, then the balance (payment completed), or a refund. Each step
 * once, in that order; a refund only of something paid. Anyone else's booking: unknown.
 */
export async function recordBookingPayment(
  tx: Tx,
  options: { userId: string; typed: string; step: PaymentStep; now: Date },
) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: { code: { equals: code, mode: "insensitive" }, event: { organizerId: options.userId } },
        select: paymentSelect,
      })
    : null;
  if (!booking) throw new AppError("booking_payment.booking_not_found", { code: options.typed.trim().slice(0, 40) });
  if (booking.bookingStatus !== "confirmed")
    throw new AppError("booking_payment.booking_not_confirmed", { code: booking.code ?? "" });
  const data = stepChange(booking, options.step, options.now);
  if (!data)
    throw new AppError("booking_payment.step_out_of_order", {
      code: booking.code ?? "",
      step: label(`payment.step.${options.step}`),
      status: label(stageOf(booking)),
    });
  await tx.eventService.update({ where: { id: booking.id }, data });
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
}
