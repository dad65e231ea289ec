// Organizers' ratings of the services booked for their events, once the event is completed.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { normaliseCode } from "./codes.js";

/**
 * The organizer's rating (1 to 5, with an optional comment) of a service booked for their completed event; rating
 * again replaces it. Anyone else's booking: the same answer as an unknown one.
 */
export async function rateBooking(
  tx: Tx,
  options: { userId: string; typed: string; rating: number; comment?: string },
) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: {
          code: { equals: code, mode: "insensitive" },
          bookingStatus: "confirmed",
          event: { organizerId: options.userId },
        },
        select: {
          serviceId: true,
          eventId: true,
          service: { select: { name: true } },
          event: { select: { status: true, name: true } },
        },
      })
    : null;
  if (!booking?.serviceId || !booking.eventId)
    throw new AppError("review.booking_not_found", { code: options.typed.trim().slice(0, 40) });
  if (booking.event?.status !== "completed")
    throw new AppError("review.event_not_over", { event: booking.event?.name ?? "" });
  if (!Number.isInteger(options.rating) || options.rating < 1 || options.rating > 5)
    throw new AppError("review.rating_out_of_range");
  const existing = await tx.serviceReview.findFirst({
    where: { serviceId: booking.serviceId, eventId: booking.eventId, reviewerId: options.userId },
    select: { id: true },
  });
  const data = { rating: options.rating, ...(options.comment ? { comment: options.comment } : {}) };
  if (existing) await tx.serviceReview.update({ where: { id: existing.id }, data });
  else
    await tx.serviceReview.create({
      data: { serviceId: booking.serviceId, eventId: booking.eventId, reviewerId: options.userId, ...data },
    });
  return { service: booking.service?.name ?? "" };
}
