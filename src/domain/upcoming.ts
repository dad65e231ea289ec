// "The person's one upcoming event": what a command means when it names no event, for an organizer (their events)
// and for anyone asking about an event (theirs or one they are invited to). One definition of upcoming for both, so
// the two cannot drift apart again.
import type { Tx } from "../db/prisma.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { AppError } from "../errors.js";

/**
 * Not over yet: neither cancelled nor completed, and starting now or later (an event starting this very minute is still
 * the one meant), or with its time still unknown.
 */
export const upcomingWhere = (now: Date): Prisma.EventWhereInput => ({
  status: { notIn: ["cancelled", "completed"] },
  OR: [{ startTime: null }, { startTime: { gte: now } }],
});

/** How a caller refuses when there is no upcoming event, or several (given their codes, to pick one). */
export interface UpcomingRefusals {
  none: () => AppError;
  several: (codes: string) => AppError;
}

/** The one upcoming event among those `where` selects, soonest first; none or several is refused. */
export async function oneUpcomingEvent<S extends Prisma.EventSelect & { code: true }>(
  tx: Tx,
  options: { where: Prisma.EventWhereInput; select: S; now: Date },
  refuse: UpcomingRefusals,
): Promise<Prisma.EventGetPayload<{ select: S }>> {
  const upcoming: Prisma.EventGetPayload<{ select: S }>[] = await tx.event.findMany({
    where: { AND: [options.where, upcomingWhere(options.now)] },
    select: options.select,
    orderBy: { startTime: "asc" },
    take: 10,
  });
  if (upcoming.length === 1) return upcoming[0]!;
  if (!upcoming.length) throw refuse.none();
  // S holds `code: true`, which the compiler cannot carry through Prisma's mapped payload type.
  throw refuse.several((upcoming as { code: string | null }[]).map((e) => e.code).join(", "));
}
