// When a provider says a service is free: windows of time, marked booked when a booking inside one is accepted.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";

export async function addAvailability(tx: Tx, options: { serviceId: string; start: Date; end: Date }) {
  if (options.end <= options.start) throw new AppError("availability.ends_before_start");
  await tx.serviceAvailability.create({
    data: { serviceId: options.serviceId, startTime: options.start, endTime: options.end },
  });
}

/** The service's free window holding this instant, if the provider set one, is booked (an accept at that time). */
export async function bookWindowAt(tx: Tx, options: { serviceId: string; at: Date }) {
  await tx.serviceAvailability.updateMany({
    where: {
      serviceId: options.serviceId,
      status: "available",
      startTime: { lte: options.at },
      endTime: { gte: options.at },
    },
    data: { status: "booked" },
  });
}
