// An event's life: draft -> confirmed -> completed, or cancelled from draft or confirmed. Any other move is refused
// with the reason. Cancelling and completing are the two moves that stop everything (reminders, passes, answers), so
// they keep the status they left and when: for a day /undo brings it back. A postponement moves the event with its
// end and sessions, so every reminder follows and passes (tied to invitations, not dates) stay valid. Edits are
// checked field by field; the caller tells guests of a change of time or place.
import type { Tx } from "../db/prisma.js";
import { Prisma } from "../generated/prisma/client.js";
import type { OrganizerEvent } from "./events.js";
import { planEvent } from "../reminders/plan.js";
import { checkAmount } from "./money.js";

export type EventStatusName = "draft" | "confirmed" | "completed" | "cancelled";

const allowed: Record<EventStatusName, EventStatusName[]> = {
  draft: ["confirmed", "cancelled"],
  confirmed: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

/** Refuses a move the event's status does not allow (a pure check; the caller words the statuses). */
export function canMove(event: OrganizerEvent, to: EventStatusName): boolean {
  return allowed[(event.status ?? "draft") as EventStatusName].includes(to);
}

/** How long a cancel or a completion can be undone. */
export const undoWindowMs = 24 * 60 * 60 * 1000;

/** The moves that stop an event and can therefore be undone for a day. */
const undoable = (status: EventStatusName) => status === "cancelled" || status === "completed";

/** Until when a change made at `changedAt` can be undone. */
export const undoUntil = (changedAt: Date) => new Date(changedAt.getTime() + undoWindowMs);

/**
 * Moves the event to `to`; false when it is not allowed or another chat moved it meanwhile. A cancel or a completion
 * remembers the status it left and when, for /undo.
 */
export async function moveEvent(
  tx: Tx,
  event: OrganizerEvent,
  to: EventStatusName,
  now: Date = new Date(),
): Promise<boolean> {
  const from = (event.status ?? "draft") as EventStatusName;
  if (!canMove(event, to)) return false;
  const data = undoable(to) ? { status: to, previousStatus: from, statusChangedAt: now } : { status: to };
  // The draft of the seed may hold a NULL status: it is a draft all the same.
  const moved = await tx.event.updateMany({
    where: { id: event.id, ...(event.status === null ? { status: null } : { status: from }) },
    data,
  });
  // A cancelled or completed event reminds nobody of anything.
  if (moved.count) await planEvent(tx, event.id);
  return moved.count > 0;
}

/** Hours an event without an end time or sessions is taken to last. */
const assumedHours = 6;

/**
 * When the event is over: the latest of its end time, its last session's end (or start) and its start plus a few
 * hours; undefined without a start (it cannot be known to have happened).
 */
export function endsAt(times: {
  startTime: Date | null;
  endTime: Date | null;
  sessionEnds: (Date | null)[];
}): Date | undefined {
  if (!times.startTime) return undefined;
  const candidates = [
    times.startTime.getTime() + assumedHours * 3600_000,
    times.endTime?.getTime() ?? 0,
    ...times.sessionEnds.map((d) => d?.getTime() ?? 0),
  ];
  return new Date(Math.max(...candidates));
}

/** True once the event has ended (completing it then asks nothing). */
export async function hasEnded(tx: Tx, eventId: string, now: Date): Promise<boolean> {
  const row = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { startTime: true, endTime: true, sessions: { select: { startTime: true, endTime: true } } },
  });
  const end = endsAt({
    startTime: row.startTime,
    endTime: row.endTime,
    sessionEnds: row.sessions.map((s) => s.endTime ?? s.startTime),
  });
  return end !== undefined && end <= now;
}

export type UndoResult =
  | { kind: "undone"; from: EventStatusName; to: EventStatusName }
  /** nothing to undo: the event is not cancelled or completed, or it was done before undo existed */
  | { kind: "nothing"; status: EventStatusName }
  /** too late: the day after the change has passed */
  | { kind: "expired"; since: Date };

/**
 * Brings a cancelled or completed event back to the status it had, within a day of the change, and plans its
 * reminders again. The update is conditional on the change read, so two undos (or an undo racing another move) do
 * it once.
 */
export async function undoMove(tx: Tx, eventId: string, now: Date): Promise<UndoResult> {
  const row = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { status: true, previousStatus: true, statusChangedAt: true },
  });
  const status = (row.status ?? "draft") as EventStatusName;
  if (!undoable(status) || !row.previousStatus || !row.statusChangedAt) return { kind: "nothing", status };
  if (undoUntil(row.statusChangedAt) <= now) return { kind: "expired", since: row.statusChangedAt };
  const back = await tx.event.updateMany({
    where: { id: eventId, status, statusChangedAt: row.statusChangedAt },
    data: { status: row.previousStatus, previousStatus: null, statusChangedAt: null },
  });
  if (!back.count) return { kind: "nothing", status };
  await planEvent(tx, eventId);
  return { kind: "undone", from: status, to: row.previousStatus as EventStatusName };
}

/** The organizer's events that can still be undone now (for /undo without a code). */
export async function undoableEvents(tx: Tx, organizerId: string, now: Date) {
  return tx.event.findMany({
    where: {
      organizerId,
      status: { in: ["cancelled", "completed"] },
      previousStatus: { not: null },
      statusChangedAt: { gt: new Date(now.getTime() - undoWindowMs) },
    },
    select: { code: true },
    orderBy: { statusChangedAt: "desc" },
  });
}

/**
 * Moves the event to a new start (null: date to be announced). Its end and sessions move by the same amount, so the
 * programme keeps its shape; with no date they stay as they are until one is set. Reminders are planned again; passes
 * belong to invitations and keep working.
 */
export async function postponeEvent(tx: Tx, eventId: string, at: Date | null): Promise<void> {
  const row = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { startTime: true, endTime: true } });
  const shift = at && row.startTime ? at.getTime() - row.startTime.getTime() : 0;
  await tx.event.update({
    where: { id: eventId },
    data: { startTime: at, ...(row.endTime ? { endTime: at ? new Date(row.endTime.getTime() + shift) : null } : {}) },
  });
  if (shift) {
    await tx.$executeRaw`
      UPDATE event_sessions SET start_time = start_time + make_interval(secs => ${shift / 1000}::float8),
                                end_time = end_time + make_interval(secs => ${shift / 1000}::float8)
      WHERE event_id = ${eventId}::uuid`;
  }
  await planEvent(tx, eventId);
}

/** The people booked for the event (their services confirmed or asked for), to tell them of a cancellation. */
export async function bookedProviders(tx: Tx, eventId: string): Promise<string[]> {
  const rows = await tx.eventService.findMany({
    where: { eventId, bookingStatus: { in: ["requested", "confirmed"] } },
    select: { service: { select: { userId: true } } },
  });
  return [...new Set(rows.flatMap((r) => (r.service?.userId ? [r.service.userId] : [])))];
}

export type EditField = "name" | "type" | "when" | "place" | "budget" | "description" | "timezone";

export async function editEvent(
  tx: Tx,
  event: OrganizerEvent,
  change: { field: EditField; value: string | Date | number },
): Promise<void> {
  const data: Prisma.EventUpdateInput = {};
  if (change.field === "name") data.name = String(change.value);
  if (change.field === "type") data.type = String(change.value);
  if (change.field === "when") data.startTime = change.value as Date;
  if (change.field === "place") data.location = String(change.value);
  if (change.field === "budget") {
    checkAmount(change.value as number);
    data.budget = new Prisma.Decimal(change.value as number);
  }
  if (change.field === "description") data.description = String(change.value);
  if (change.field === "timezone") data.timeZone = String(change.value);
  await tx.event.update({ where: { id: event.id }, data });
  // Every reminder moves with the event's time or zone.
  if (change.field === "when" || change.field === "timezone") await planEvent(tx, event.id);
}
