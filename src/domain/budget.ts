// An event's budget: the organizer's expenses (planned cost and what is paid) and its confirmed bookings, against the
// event's budget. Money stays decimal.
import type { Tx } from "../db/prisma.js";
import type { Nullable, Row } from "../db/rows.js";
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { checkAmount } from "./money.js";

export async function addExpense(tx: Tx, options: { eventId: string; title: string; cost: number; paid: number }) {
  checkAmount(options.cost);
  checkAmount(options.paid);
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

/** Paid on a booking: all once completed, the deposit once recorded, nothing after a refund (the same rule in SQL below). */
const bookingPaidSql = Prisma.sql`CASE WHEN es.payment_status = 'completed' THEN coalesce(es.price, 0)
  WHEN es.payment_status IS DISTINCT FROM 'refunded' AND es.deposit_paid_at IS NOT NULL THEN coalesce(es.deposit, 0) ELSE 0 END`;

/**
 * Expenses and confirmed bookings (the first 100 of each, to show), with the totals over every row: the sums are
 * PostgreSQL's, so an event with more rows than are shown is still added up in full. Three statements.
 */
export async function budgetOf(tx: Tx, eventId: string) {
  const items = await tx.eventBudgetItem.findMany({
    where: { eventId },
    select: { title: true, cost: true, paid: true },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const bookings = await tx.$queryRaw<
    (Nullable<Row<"services", "name">> & Row<"event_services", "price"> & { paid: Prisma.Decimal })[]
  >`
    SELECT s.name, es.price, ${bookingPaidSql} AS paid
    FROM event_services es LEFT JOIN services s ON s.id = es.service_id
    WHERE es.event_id = ${eventId}::uuid AND es.booking_status = 'confirmed'
    ORDER BY es.created_at LIMIT 100`;
  const [totals] = await tx.$queryRaw<{ planned: Prisma.Decimal; paid: Prisma.Decimal }[]>`
    SELECT coalesce(sum(cost), 0) AS planned, coalesce(sum(paid), 0) AS paid FROM (
      SELECT b.cost, b.paid FROM event_budget_items b WHERE b.event_id = ${eventId}::uuid
      UNION ALL
      SELECT es.price, ${bookingPaidSql} FROM event_services es WHERE es.event_id = ${eventId}::uuid AND es.booking_status = 'confirmed'
    ) rows`;
  const zero = new Prisma.Decimal(0);
  return {
    items,
    bookings: bookings.map((b) => ({
      name: b.name ?? "-",
      price: new Prisma.Decimal(b.price ?? zero),
      paid: new Prisma.Decimal(b.paid),
    })),
    planned: new Prisma.Decimal(totals?.planned ?? zero),
    paid: new Prisma.Decimal(totals?.paid ?? zero),
  };
}
