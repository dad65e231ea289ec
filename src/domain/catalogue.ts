// Service providers' offers: a provider adds services (each with a short code), lists their own, pauses and resumes
// them; organizers search the active ones, by words of the category or name and free on a given day.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";

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
  if (!service) throw new AppError("service.not_found", { code: options.typed.trim().slice(0, 40) });
  return service;
}

/** The mean of a service's ratings, unrated reviews left out; undefined when it has none. */
export function averageRating(reviews: { rating: number | null }[]): number | undefined {
  const ratings = reviews.map((r) => r.rating ?? 0).filter((r) => r > 0);
  return ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : undefined;
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
  return services.map((s) => ({ ...s, rating: averageRating(s.reviews), upcoming: s.eventServices.length }));
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
    .map((s) => ({ ...s, rating: averageRating(s.reviews) }))
    .sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0));
}

export async function setServiceActive(tx: Tx, options: { serviceId: string; active: boolean }) {
  await tx.service.update({ where: { id: options.serviceId }, data: { isActive: options.active } });
}
