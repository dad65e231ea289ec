// An event's budget: the organizer's expenses (planned cost and what is paid) and its confirmed bookings, against the
// event's budget. Money stays decimal.
import type { Tx } from "../db/prisma.js";
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";

export async function addExpense(tx: Tx, options: { eventId: string; title: string; cost: number; paid: number }) {
  if (options.paid > options.cost) throw new AppError("expense.paid_over_cost");
  return tx.eventBudgetItem.create({
    data: {
      eventId: options.eventId,
      title: options.title,
      cost: new Prisma.Decimal(options.cost),
      paid: new Prisma.Decimal(options.paid),
      status: options.paid >= options.cost ? "paid" : "pending",
    },
  });
}

/** Expenses and confirmed bookings, with the totals: two statements. */
export async function budgetOf(tx: Tx, eventId: string) {
  const items = await tx.eventBudgetItem.findMany({ where: { eventId }, select: { title: true, cost: true, paid: true }, orderBy: { createdAt: "asc" }, take: 100 });
  const bookings = await tx.eventService.findMany({
    where: { eventId, bookingStatus: "confirmed" },
    select: { price: true, deposit: true, paymentStatus: true, depositPaidAt: true, service: { select: { name: true } } },
    take: 100,
  });
  const zero = new Prisma.Decimal(0);
  // Paid: all once completed, the deposit once recorded, nothing after a refund.
  const bookingPaid = (b: (typeof bookings)[number]) =>
    b.paymentStatus === "completed" ? (b.price ?? zero) : b.paymentStatus !== "refunded" && b.depositPaidAt ? (b.deposit ?? zero) : zero;
  const planned = [...items.map((i) => i.cost ?? zero), ...bookings.map((b) => b.price ?? zero)].reduce((a, b) => a.plus(b), zero);
  const paid = [...items.map((i) => i.paid ?? zero), ...bookings.map(bookingPaid)].reduce((a, b) => a.plus(b), zero);
  return { items, bookings: bookings.map((b) => ({ name: b.service?.name ?? "-", price: b.price ?? zero, paid: bookingPaid(b) })), planned, paid };
}
