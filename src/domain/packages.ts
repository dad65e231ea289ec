// Packages: a provider bundles services of their own under one price; an organizer books a package as one request
// per service, each answered by its provider.
import type { Tx } from "../db/prisma.js";
import { Prisma } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { normaliseCode } from "./codes.js";
import { checkAmount } from "./money.js";
import { requestBooking } from "./bookings.js";

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
    throw new AppError("package.services_not_found", { codes: missing.join(", ") || "-" });
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

/** Packages whose services are all active, with their services' codes and names. */
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
  if (!pkg?.services.length) throw new AppError("package.not_found", { name: options.packageName.slice(0, 60) });
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
