// The bookings organizers ask for and providers answer. A provider answers only bookings of their own services; an
// accept is serialized per service (an advisory lock in its transaction) and refused when the service is already
// confirmed for another event that calendar day (in the event's zone), so two organizers can never hold the same
// provider at once.
import type { Tx } from "../db/prisma.js";
import type { Row } from "../db/rows.js";
import { Prisma } from "../generated/prisma/client.js";
import type { BookingStatus } from "../generated/prisma/enums.js";
import { AppError } from "../errors.js";
import { label } from "../i18n/index.js";
import { normaliseCode, randomCode } from "./codes.js";
import { planEvent } from "../reminders/plan.js";
import { checkAmount } from "./money.js";
import { bookWindowAt } from "./availability.js";

/**
 * A booking by its typed code as one of its two sides sees it (the event's organizer or the service's provider):
 * the `where` of every lookup that either side may make, so nobody else's booking is ever found.
 */
export function asEitherSide(code: string, userId: string): Prisma.EventServiceWhereInput {
  return {
    code: { equals: code, mode: "insensitive" },
    OR: [{ event: { organizerId: userId } }, { service: { userId } }],
  };
}

export async function requestBooking(tx: Tx, options: { eventId: string; typed: string; note?: string }) {
  const code = normaliseCode(options.typed);
  const service = code ? await tx.service.findFirst({ where: { code: { equals: code, mode: "insensitive" } } }) : null;
  if (!service) throw new AppError("booking.service_not_found", { code: options.typed.trim().slice(0, 40) });
  if (!service.isActive) throw new AppError("booking.service_paused", { service: service.name });
  const open = await tx.eventService.findFirst({
    where: { eventId: options.eventId, serviceId: service.id, bookingStatus: { in: ["requested", "confirmed"] } },
  });
  if (open) throw new AppError("booking.already_open", { service: service.name, code: open.code ?? "" });
  const booking = await tx.eventService.create({
    data: { eventId: options.eventId, serviceId: service.id, note: options.note, code: `B-${randomCode(5)}` },
  });
  await planEvent(tx, options.eventId);
  return { booking, service };
}

const bookingSelect = {
  id: true,
  code: true,
  bookingStatus: true,
  serviceId: true,
  service: { select: { name: true, userId: true } },
  event: {
    select: {
      id: true,
      name: true,
      code: true,
      startTime: true,
      timeZone: true,
      location: true,
      organizerId: true,
      currency: true,
      status: true,
    },
  },
} as const;

/** A booking of one of the provider's services (anyone else's: unknown). */
export async function findProviderBooking(tx: Tx, options: { userId: string; typed: string }) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: { code: { equals: code, mode: "insensitive" }, service: { userId: options.userId } },
        select: bookingSelect,
      })
    : null;
  if (!booking) throw new AppError("booking.not_found", { code: options.typed.trim().slice(0, 40) });
  return booking;
}

/** Only a request still waiting is answered: one already accepted or declined is refused with where it stands. */
export function checkOpen(booking: { code: string | null; bookingStatus: BookingStatus }): void {
  if (booking.bookingStatus !== "requested")
    throw new AppError("booking.not_open", {
      code: booking.code ?? "",
      status: label(`booking.status.${booking.bookingStatus}`),
    });
}

/** Another event the service is confirmed for on the same calendar day as `start`, in `zone`. */
async function clashOn(tx: Tx, booking: { id: string; serviceId: string | null }, start: Date, zone: string) {
  const [clash] = await tx.$queryRaw<Row<"events", "name">[]>`
    SELECT e.name FROM event_services es JOIN events e ON e.id = es.event_id
    WHERE es.service_id = ${booking.serviceId}::uuid AND es.booking_status = 'confirmed' AND es.id <> ${booking.id}::uuid
      AND (e.start_time AT TIME ZONE ${zone})::date = (${start}::timestamptz AT TIME ZONE ${zone})::date
    LIMIT 1`;
  return clash;
}

/**
 * The provider accepts: one accept at a time per service (advisory lock, held to the end of the transaction), refused
 * for an event that was cancelled or has already taken place, and when the service is already confirmed for another
 * event on the same calendar day in this event's zone (not within some hours: 23:00 and 08:00 the next morning are two
 * days, 00:30 and 23:30 one). The price and deposit are recorded.
 */
export async function acceptBooking(
  tx: Tx,
  options: { userId: string; typed: string; price: number; deposit: number; now: Date },
) {
  const booking = await findProviderBooking(tx, options);
  checkOpen(booking);
  const event = booking.event;
  if (event?.status === "cancelled") throw new AppError("booking.event_cancelled", { event: event.name });
  if (event && (event.status === "completed" || (event.startTime && event.startTime <= options.now)))
    throw new AppError("booking.event_over", { event: event.name });
  checkAmount(options.price);
  checkAmount(options.deposit);
  if (options.deposit > options.price) throw new AppError("booking.deposit_over_price");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`service:${booking.serviceId}`}, 0))`;
  const start = event?.startTime;
  const clash = start ? await clashOn(tx, booking, start, event.timeZone) : undefined;
  if (clash) throw new AppError("booking.service_taken", { service: booking.service?.name ?? "", event: clash.name });
  const updated = await tx.eventService.updateMany({
    where: { id: booking.id, bookingStatus: "requested" },
    data: {
      bookingStatus: "confirmed",
      price: new Prisma.Decimal(options.price),
      deposit: new Prisma.Decimal(options.deposit),
      respondedAt: options.now,
    },
  });
  if (updated.count === 0)
    throw new AppError("booking.not_open", { code: booking.code ?? "", status: label("booking.status.confirmed") });
  if (start && booking.serviceId) await bookWindowAt(tx, { serviceId: booking.serviceId, at: start });
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
}

export async function declineBooking(tx: Tx, options: { userId: string; typed: string; now: Date }) {
  const booking = await findProviderBooking(tx, options);
  checkOpen(booking);
  await tx.eventService.update({
    where: { id: booking.id },
    data: { bookingStatus: "declined", respondedAt: options.now },
  });
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
}

/** The event's confirmed bookings, to ask its organizer to rate them once it is completed. */
export async function confirmedBookings(tx: Tx, eventId: string) {
  return tx.eventService.findMany({
    where: { eventId, bookingStatus: "confirmed" },
    select: { code: true, service: { select: { name: true } } },
  });
}

/** An organizer's bookings across their events (the other side of /bookings). */
export async function listOrganizerBookings(tx: Tx, userId: string) {
  return tx.eventService.findMany({
    where: { event: { organizerId: userId } },
    select: {
      code: true,
      bookingStatus: true,
      paymentStatus: true,
      price: true,
      service: { select: { name: true } },
      event: { select: { name: true, currency: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 30,
  });
}
