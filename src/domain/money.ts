// The one limit on an amount of money: every money column is numeric(14,2), so anything past 999,999,999,999.99 would
// overflow in PostgreSQL and reach the person as a generic apology after three retries. Checked before any write.
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";

/** The largest amount a numeric(14,2) column holds. */
export const maxAmount = new Prisma.Decimal("999999999999.99");

/** Refuses (amount.too_large, in the person's language) an amount the database could not hold. */
export function checkAmount(amount: Prisma.Decimal | number | string | null | undefined): void {
  if (amount === null || amount === undefined) return;
  if (new Prisma.Decimal(amount).abs().greaterThan(maxAmount)) throw new AppError("amount.too_large");
}
