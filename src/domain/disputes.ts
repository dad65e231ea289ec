// Disputes about a booking: either side raises one; admins (people linked to an `admins` row) list, take and resolve
// them; both sides are told of every change. Someone who is neither side, nor an admin, learns nothing.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { asEitherSide } from "./bookings.js";
import { normaliseCode, randomCode } from "./codes.js";

/** The admin row of a person, if they are one. */
export async function adminOf(tx: Tx, userId: string) {
  return tx.admin.findUnique({ where: { userId }, select: { id: true, name: true } });
}

/** The ids of every admin's person, to tell them of a new dispute. */
export async function adminPeople(tx: Tx): Promise<string[]> {
  return (await tx.admin.findMany({ where: { userId: { not: null } }, select: { userId: true } })).map(
    (a) => a.userId!,
  );
}

export async function raiseDispute(tx: Tx, options: { userId: string; typed: string; description: string }) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: asEitherSide(code, options.userId),
        select: {
          id: true,
          code: true,
          eventId: true,
          serviceId: true,
          event: { select: { name: true, organizerId: true } },
          service: { select: { name: true, userId: true } },
        },
      })
    : null;
  if (!booking) throw new AppError("dispute.booking_not_found", { code: options.typed.trim().slice(0, 40) });
  const dispute = await tx.dispute.create({
    data: {
      eventId: booking.eventId,
      serviceId: booking.serviceId,
      bookingId: booking.id,
      raisedBy: options.userId,
      description: options.description,
      code: `D-${randomCode(5)}`,
    },
  });
  const other = options.userId === booking.event?.organizerId ? booking.service?.userId : booking.event?.organizerId;
  return { dispute, booking, other };
}

const disputeSelect = {
  id: true,
  code: true,
  status: true,
  description: true,
  assignedAdmin: true,
  event: { select: { name: true, organizerId: true } },
  service: { select: { name: true, userId: true } },
  raiser: { select: { name: true } },
} as const;

export async function openDisputes(tx: Tx) {
  return tx.dispute.findMany({
    where: { status: "open" },
    select: disputeSelect,
    orderBy: { createdAt: "asc" },
    take: 30,
  });
}

/** An admin takes or resolves a dispute; anyone else is told it does not exist. */
export async function handleDispute(tx: Tx, options: { userId: string; typed: string; resolve?: string; now: Date }) {
  const admin = await adminOf(tx, options.userId);
  const code = normaliseCode(options.typed);
  const dispute =
    admin && code
      ? await tx.dispute.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select: disputeSelect })
      : null;
  if (!admin || !dispute) throw new AppError("dispute.not_found", { code: options.typed.trim().slice(0, 40) });
  if (dispute.status !== "open") throw new AppError("dispute.closed", { code: dispute.code ?? "" });
  await tx.dispute.update({
    where: { id: dispute.id },
    data:
      options.resolve !== undefined
        ? { assignedAdmin: admin.id, status: "resolved", resolution: options.resolve, resolvedAt: options.now }
        : { assignedAdmin: admin.id },
  });
  const parties = [dispute.event?.organizerId, dispute.service?.userId].filter((id): id is string => Boolean(id));
  return { dispute, admin, parties };
}
