// What each role may see of its own: a guest their invitations, an organizer their events, a provider the bookings
// of their services. Every query is scoped by the asking user's id; nothing here takes an event id from the user.
import type { Tx } from "../db/prisma.js";

/** The events the person is a guest of, with their answer and the code of their invitation (for /rsvp). */
export async function listGuestInvitations(tx: Tx, userId: string) {
  const rows = await tx.eventGuest.findMany({
    where: { userId, event: { status: { not: "cancelled" } } },
    select: {
      rsvpStatus: true,
      event: {
        select: {
          name: true,
          code: true,
          startTime: true,
          location: true,
          timeZone: true,
          invitations: { where: { userId }, select: { code: true }, take: 1 },
        },
      },
    },
    orderBy: { event: { startTime: "asc" } },
    take: 30,
  });
  return rows.map((g) => ({
    rsvpStatus: g.rsvpStatus,
    code: g.event?.invitations[0]?.code ?? g.event?.code ?? null,
    event: g.event,
  }));
}

export async function listProviderBookings(tx: Tx, userId: string) {
  return tx.eventService.findMany({
    where: { service: { userId } },
    include: {
      service: { select: { name: true } },
      event: { select: { name: true, startTime: true, timeZone: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

/** Which roles a person has, for /help. */
export async function rolesOf(
  tx: Tx,
  userId: string,
): Promise<{ organizer: boolean; provider: boolean; guest: boolean }> {
  // One statement: a transaction's connection runs one query at a time (pg deprecates queueing them on it).
  const [roles] = await tx.$queryRaw<{ organizer: boolean; provider: boolean; guest: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM events WHERE organizer_id = ${userId}::uuid) AS organizer,
      EXISTS (SELECT 1 FROM services WHERE user_id = ${userId}::uuid) AS provider,
      EXISTS (SELECT 1 FROM event_guests WHERE user_id = ${userId}::uuid) AS guest`;
  return roles!;
}
