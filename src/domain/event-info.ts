// What a guest may read of an event they are invited to (when, where, the pin, the schedule, their own answer), what
// an organizer adds to it (sessions, the venue's pin), and the guests' comments. A person reaches an event they are
// neither organizer nor guest of only as an unknown code.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { normaliseCode } from "./codes.js";
import { oneUpcomingEvent } from "./upcoming.js";

const infoSelect = {
  id: true,
  name: true,
  code: true,
  startTime: true,
  endTime: true,
  location: true,
  timeZone: true,
  status: true,
  organizerId: true,
  organizer: { select: { name: true } },
  sessions: {
    select: { name: true, startTime: true, endTime: true, location: true },
    orderBy: { startTime: "asc" },
    take: 20,
  },
  venueMaps: { select: { name: true, mapData: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

/**
 * The event a person asks about: by code, if they organize it or are its guest; without a code, their one upcoming
 * event as a guest (or organizer). Several: the refusal lists their codes.
 */
export async function findMyEvent(tx: Tx, options: { userId: string; typed?: string; now: Date }) {
  const mine = { OR: [{ organizerId: options.userId }, { guests: { some: { userId: options.userId } } }] };
  if (options.typed) {
    const code = normaliseCode(options.typed);
    const event = code
      ? await tx.event.findFirst({
          where: { code: { equals: code, mode: "insensitive" }, ...mine },
          select: infoSelect,
        })
      : null;
    if (!event) throw new AppError("info.event_not_found", { code: options.typed.slice(0, 40) });
    return event;
  }
  return oneUpcomingEvent(
    tx,
    { where: mine, select: infoSelect, now: options.now },
    {
      none: () => new AppError("info.none_upcoming"),
      several: (codes) => new AppError("info.several_upcoming", { codes }),
    },
  );
}

export type EventInfo = Awaited<ReturnType<typeof findMyEvent>>;

/** The pin of the event's venue map (its newest first), when it has one with coordinates. */
export function venuePin(event: {
  venueMaps: { name: string | null; mapData: unknown }[];
  location: string | null;
}): { latitude: number; longitude: number; name?: string; address?: string } | undefined {
  const map = event.venueMaps[0];
  const data = map?.mapData as { latitude?: unknown; longitude?: unknown } | null | undefined;
  if (typeof data?.latitude !== "number" || typeof data.longitude !== "number") return undefined;
  return {
    latitude: data.latitude,
    longitude: data.longitude,
    ...(map?.name ? { name: map.name } : {}),
    ...(event.location ? { address: event.location } : {}),
  };
}

export async function setVenuePin(
  tx: Tx,
  options: { eventId: string; name: string; latitude: number; longitude: number },
): Promise<void> {
  await tx.venueMap.deleteMany({ where: { eventId: options.eventId } });
  await tx.venueMap.create({
    data: {
      eventId: options.eventId,
      name: options.name,
      mapData: { latitude: options.latitude, longitude: options.longitude },
    },
  });
}

export async function addSession(
  tx: Tx,
  options: { eventId: string; name: string; startTime: Date; endTime: Date; location?: string },
): Promise<void> {
  if (options.endTime <= options.startTime) throw new AppError("session.ends_before_start");
  await tx.eventSession.create({
    data: {
      eventId: options.eventId,
      name: options.name,
      startTime: options.startTime,
      endTime: options.endTime,
      location: options.location,
    },
  });
}

/** A guest's comment on an event they are invited to (refused, like an unknown code, otherwise). */
export async function addComment(tx: Tx, options: { userId: string; eventId: string; content: string }): Promise<void> {
  await tx.eventComment.create({
    data: { eventId: options.eventId, userId: options.userId, content: options.content },
  });
}

export async function listComments(tx: Tx, eventId: string) {
  return tx.eventComment.findMany({
    where: { eventId },
    select: { content: true, createdAt: true, user: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}
