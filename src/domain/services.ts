// Service providers' offers and the bookings organizers ask for. A provider answers only bookings of their own
// services; an accept is serialized per service (an advisory lock in its transaction) and refused when the service is
// already confirmed for another event that calendar day (in the event's zone), so two organizers can never hold the
// same provider at once.
import type { Tx } from "../db/prisma.js";
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { label } from "../i18n/index.js";
import { normaliseCode, randomCode } from "./codes.js";
import { planEvent } from "../reminders/plan.js";
import { checkAmount } from "./money.js";

export async function addService(
  tx: Tx,
  options: { userId: string; name: string; category: string; priceRange: string; description?: string },
) {
  return tx.service.create({
    data: {
      userId: options.userId,
      name: options.name,
      category: options.category,
      priceRange: options.priceRange,
      description: options.description,
      code: `S-${randomCode(5)}`,
    },
  });
}

/** The provider's own service by its code (anyone else's: the same answer as an unknown code). */
export async function findMyService(tx: Tx, options: { userId: string; typed: string }) {
  const code = normaliseCode(options.typed);
  const service = code
    ? await tx.service.findFirst({ where: { code: { equals: code, mode: "insensitive" }, userId: options.userId } })
    : null;
  if (!service) throw new AppError("service.unknown", { code: options.typed.trim().slice(0, 40) });
  return service;
}

export async function listMyServices(tx: Tx, userId: string, now: Date) {
  const services = await tx.service.findMany({
    where: { userId },
    select: {
      id: true,
      code: true,
      name: true,
      category: true,
      priceRange: true,
      isActive: true,
      reviews: { select: { rating: true } },
      eventServices: {
        where: { bookingStatus: { in: ["requested", "confirmed"] }, event: { startTime: { gte: now } } },
        select: { id: true },
      },
    },
    orderBy: { createdAt: "asc" },
  });
  return services.map((s) => {
    const ratings = s.reviews.map((r) => r.rating ?? 0).filter((r) => r > 0);
    return {
      ...s,
      rating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : undefined,
      upcoming: s.eventServices.length,
    };
  });
}

/** Active services, by category words if given, free on the day if given (no confirmed booking that day). */
export async function findServices(tx: Tx, options: { category?: string; day?: { start: Date; end: Date } }) {
  const services = await tx.service.findMany({
    where: {
      isActive: true,
      ...(options.category
        ? {
            OR: [
              { category: { contains: options.category, mode: "insensitive" } },
              { name: { contains: options.category, mode: "insensitive" } },
            ],
          }
        : {}),
      ...(options.day
        ? {
            eventServices: {
              none: {
                bookingStatus: "confirmed",
                event: { startTime: { gte: options.day.start, lt: options.day.end } },
              },
            },
          }
        : {}),
    },
    select: { code: true, name: true, category: true, priceRange: true, reviews: { select: { rating: true } } },
    take: 20,
  });
  return services
    .map((s) => {
      const ratings = s.reviews.map((r) => r.rating ?? 0).filter((r) => r > 0);
      return { ...s, rating: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : undefined };
    })
    .sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0));
}

export async function requestBooking(tx: Tx, options: { eventId: string; typed: string; note?: string }) {
  const code = normaliseCode(options.typed);
  const service = code ? await tx.service.findFirst({ where: { code: { equals: code, mode: "insensitive" } } }) : null;
  if (!service) throw new AppError("book.unknown_service", { code: options.typed.trim().slice(0, 40) });
  if (!service.isActive) throw new AppError("book.paused", { service: service.name });
  const open = await tx.eventService.findFirst({
    where: { eventId: options.eventId, serviceId: service.id, bookingStatus: { in: ["requested", "confirmed"] } },
  });
  if (open) throw new AppError("book.already", { service: service.name, code: open.code ?? "" });
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
  if (!booking) throw new AppError("booking.unknown", { code: options.typed.trim().slice(0, 40) });
  return booking;
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
  if (booking.bookingStatus !== "requested")
    throw new AppError("booking.not_open", {
      code: booking.code ?? "",
      status: label(`booking.status.${booking.bookingStatus}`),
    });
  const event = booking.event;
  if (event?.status === "cancelled") throw new AppError("booking.event_cancelled", { event: event.name });
  if (event && (event.status === "completed" || (event.startTime && event.startTime <= options.now)))
    throw new AppError("booking.event_past", { event: event.name });
  checkAmount(options.price);
  checkAmount(options.deposit);
  if (options.deposit > options.price) throw new AppError("booking.deposit_over_price");
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`service:${booking.serviceId}`}, 0))`;
  const start = event?.startTime;
  if (start) {
    const zone = event.timeZone;
    const [clash] = await tx.$queryRaw<{ name: string }[]>`
      SELECT e.name FROM event_services es JOIN events e ON e.id = es.event_id
      WHERE es.service_id = ${booking.serviceId}::uuid AND es.booking_status = 'confirmed' AND es.id <> ${booking.id}::uuid
        AND (e.start_time AT TIME ZONE ${zone})::date = (${start}::timestamptz AT TIME ZONE ${zone})::date
      LIMIT 1`;
    if (clash) throw new AppError("booking.clash", { service: booking.service?.name ?? "", event: clash.name });
  }
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
  // The availability window holding the event's time, if the provider set one, is booked.
  if (start) {
    await tx.serviceAvailability.updateMany({
      where: { serviceId: booking.serviceId, status: "available", startTime: { lte: start }, endTime: { gte: start } },
      data: { status: "booked" },
    });
  }
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
}

export async function declineBooking(tx: Tx, options: { userId: string; typed: string; now: Date }) {
  const booking = await findProviderBooking(tx, options);
  if (booking.bookingStatus !== "requested")
    throw new AppError("booking.not_open", {
      code: booking.code ?? "",
      status: label(`booking.status.${booking.bookingStatus}`),
    });
  await tx.eventService.update({
    where: { id: booking.id },
    data: { bookingStatus: "declined", respondedAt: options.now },
  });
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
}

export async function addAvailability(tx: Tx, options: { serviceId: string; start: Date; end: Date }) {
  if (options.end <= options.start) throw new AppError("available.ends_first");
  await tx.serviceAvailability.create({
    data: { serviceId: options.serviceId, startTime: options.start, endTime: options.end },
  });
}

export async function setServiceActive(tx: Tx, options: { serviceId: string; active: boolean }) {
  await tx.service.update({ where: { id: options.serviceId }, data: { isActive: options.active } });
}

/** The event's confirmed bookings, to ask its organizer to rate them once it is completed. */
export async function confirmedBookings(tx: Tx, eventId: string) {
  return tx.eventService.findMany({
    where: { eventId, bookingStatus: "confirmed" },
    select: { code: true, service: { select: { name: true } } },
  });
}

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
    throw new AppError("review.unknown", { code: options.typed.trim().slice(0, 40) });
  if (booking.event?.status !== "completed") throw new AppError("review.not_yet", { event: booking.event?.name ?? "" });
  if (!Number.isInteger(options.rating) || options.rating < 1 || options.rating > 5)
    throw new AppError("review.rating_invalid");
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

/**
 * A message between the organizer and the provider of a booking, kept in `chats` (marked read when the outbound
 * worker delivers it). The sender must be one of the two; the other is the recipient.
 */
export async function relayMessage(tx: Tx, options: { userId: string; typed: string; text: string }) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: {
          code: { equals: code, mode: "insensitive" },
          OR: [{ event: { organizerId: options.userId } }, { service: { userId: options.userId } }],
        },
        select: {
          code: true,
          eventId: true,
          event: { select: { name: true, organizerId: true } },
          service: { select: { name: true, userId: true } },
        },
      })
    : null;
  const organizerId = booking?.event?.organizerId;
  const providerId = booking?.service?.userId;
  if (!booking?.eventId || !organizerId || !providerId)
    throw new AppError("msg.unknown", { code: options.typed.trim().slice(0, 40) });
  const recipientId = options.userId === organizerId ? providerId : organizerId;
  const chat = await tx.chatMessage.create({
    data: { eventId: booking.eventId, senderId: options.userId, recipientId, message: options.text },
    select: { id: true },
  });
  return {
    chatMessageId: chat.id,
    recipientId,
    code: booking.code ?? "",
    event: booking.event?.name ?? "",
    service: booking.service?.name ?? "",
  };
}

export type PaymentStep = "deposit" | "balance" | "refund";

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
        select: {
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
        },
      })
    : null;
  if (!booking) throw new AppError("payment.unknown", { code: options.typed.trim().slice(0, 40) });
  if (booking.bookingStatus !== "confirmed") throw new AppError("payment.not_confirmed", { code: booking.code ?? "" });
  const refuse = (): never => {
    // Where the payments stand, in words: the step already recorded last (a raw "pending" says nothing of a deposit).
    const stage =
      booking.paymentStatus === "refunded"
        ? "payment.step.refund"
        : booking.paymentStatus === "completed"
          ? "payment.step.balance"
          : booking.depositPaidAt
            ? "payment.step.deposit"
            : "payment.stage.none";
    throw new AppError("payment.out_of_order", {
      code: booking.code ?? "",
      step: label(`payment.step.${options.step}`),
      status: label(stage),
    });
  };
  if (booking.paymentStatus === "refunded") refuse();
  const data: Prisma.EventServiceUpdateInput =
    options.step === "deposit"
      ? booking.depositPaidAt || booking.paymentStatus === "completed"
        ? refuse()
        : { depositPaidAt: options.now }
      : options.step === "balance"
        ? booking.paymentStatus === "completed"
          ? refuse()
          : {
              balancePaidAt: options.now,
              paymentStatus: "completed",
              ...(booking.depositPaidAt ? {} : { depositPaidAt: options.now }),
            }
        : booking.depositPaidAt
          ? { paymentStatus: "refunded" }
          : refuse();
  await tx.eventService.update({ where: { id: booking.id }, data });
  if (booking.event) await planEvent(tx, booking.event.id);
  return booking;
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

/** A provider bundles services of their own into a package with one price; refused when a service is not theirs. */
export async function addPackage(
  tx: Tx,
  options: { userId: string; name: string; price: number; serviceCodes: string[]; description?: string },
) {
  checkAmount(options.price);
  const codes = options.serviceCodes.map((c) => normaliseCode(c)).filter((c): c is string => Boolean(c));
  const services = await tx.service.findMany({
    where: { userId: options.userId, code: { in: codes } },
    select: { id: true, code: true },
  });
  const missing = codes.filter((c) => !services.some((s) => s.code === c));
  if (missing.length || codes.length < 2)
    throw new AppError("package.services_invalid", { codes: missing.join(", ") || "-" });
  return tx.package.create({
    data: {
      name: options.name,
      description: options.description,
      price: new Prisma.Decimal(options.price),
      services: { create: services.map((s) => ({ serviceId: s.id })) },
    },
    select: { id: true, name: true },
  });
}

/** Packages whose services are all active, with their services' codes (a package is booked by its first service's code + "+"). */
export async function listPackages(tx: Tx) {
  const packages = await tx.package.findMany({
    select: {
      id: true,
      name: true,
      price: true,
      services: { select: { service: { select: { code: true, name: true, isActive: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return packages.filter((p) => p.services.length && p.services.every((s) => s.service?.isActive !== false));
}

/** Books every service of a package for the event as one request per service (each answered by its provider). */
export async function requestPackage(tx: Tx, options: { eventId: string; packageName: string; note?: string }) {
  const pkg = await tx.package.findFirst({
    where: { name: { equals: options.packageName.trim(), mode: "insensitive" } },
    select: { name: true, services: { select: { service: { select: { code: true } } } } },
  });
  if (!pkg || !pkg.services.length) throw new AppError("package.unknown", { name: options.packageName.slice(0, 60) });
  const booked = [];
  for (const s of pkg.services)
    booked.push(
      await requestBooking(tx, {
        eventId: options.eventId,
        typed: s.service?.code ?? "",
        ...(options.note ? { note: options.note } : {}),
      }),
    );
  return { name: pkg.name, booked };
}
