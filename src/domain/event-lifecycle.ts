// An event's life: draft -> confirmed -> completed, or cancelled from draft or confirmed. Any other move is refused
// with the reason. Edits are checked field by field; the caller tells guests of a change of time or place.
import type { Tx } from "../db/prisma.js";
import { Prisma } from "../generated/prisma/client.js";
import type { OrganizerEvent } from "./events.js";
import { planEvent } from "../reminders/plan.js";

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

/** Moves the event to `to`; false when it is not allowed or another chat moved it meanwhile. */
export async function moveEvent(tx: Tx, event: OrganizerEvent, to: EventStatusName): Promise<boolean> {
  const from = (event.status ?? "draft") as EventStatusName;
  if (!canMove(event, to)) return false;
  const moved = await tx.event.updateMany({ where: { id: event.id, status: from }, data: { status: to } });
  // A cancelled or completed event reminds nobody of anything.
  if (moved.count) await planEvent(tx, event.id);
  return moved.count > 0;
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

export async function editEvent(tx: Tx, event: OrganizerEvent, change: { field: EditField; value: string | Date | number }): Promise<void> {
  const data: Prisma.EventUpdateInput = {};
  if (change.field === "name") data.name = String(change.value);
  if (change.field === "type") data.type = String(change.value);
  if (change.field === "when") data.startTime = change.value as Date;
  if (change.field === "place") data.location = String(change.value);
  if (change.field === "budget") data.budget = new Prisma.Decimal(change.value as number);
  if (change.field === "description") data.description = String(change.value);
  if (change.field === "timezone") data.timeZone = String(change.value);
  await tx.event.update({ where: { id: event.id }, data });
  // Every reminder moves with the event's time or zone.
  if (change.field === "when" || change.field === "timezone") await planEvent(tx, event.id);
}
