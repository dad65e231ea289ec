// Try again under a payment that did not go through: only a failed collection, and only what is still owed now (a
// pledge paid meanwhile, a booking's step recorded meanwhile: refused, in the person's language).
import type { Turn } from "../../engine/turn.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { CommandTools } from "../journey.js";
import { payBookingCommand } from "./booking.js";
import { begin } from "./pledges.js";

/** The same pledge or booking step and phone as the failed collection, for what is owed today. */
export async function retry(turn: Turn, code: string, tools: CommandTools): Promise<void> {
  const tx = await turn.db();
  const c = await tx.paymentCollection.findFirst({
    where: { code: { equals: code, mode: "insensitive" }, userId: turn.user.id },
    include: {
      contribution: { select: { code: true, amount: true, paidAmount: true } },
      booking: { select: { code: true } },
    },
  });
  if (!c) return turn.say("pay.finished");
  if (c.status !== "failed") return turn.say("pay.retry_not_failed");
  if (c.purpose !== "pledge") {
    if (!c.booking?.code) return turn.say("pay.finished");
    // The booking's step is read again: paid meanwhile, cancelled, or no longer this organizer's is refused there.
    return payBookingCommand(turn, `${c.booking.code} ${c.purpose} ${c.phone}`, tools);
  }
  const pledge = c.contribution;
  if (!pledge?.code || !c.contributionId) return turn.say("pay.finished");
  const owed = new Prisma.Decimal(pledge.amount ?? 0).minus(pledge.paidAmount);
  if (!owed.greaterThan(0)) return turn.say("pay.settled", { ref: pledge.code });
  // A part payment is asked again as it was; never more than is still owed.
  const amount = Prisma.Decimal.min(c.amount, owed);
  const target = { purpose: "pledge" as const, eventId: c.eventId, currency: c.currency, amount };
  await begin(turn, { ...target, contributionId: c.contributionId }, c.phone, pledge.code, tools);
}
