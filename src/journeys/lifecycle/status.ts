// Where an event may move and the refusals in the organizer's words when it may not: shared by every lifecycle command
// (edit, confirm, postpone, cancel, complete) so each refuses the same way.
import { type EventStatusName, moveEvent } from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";

/** The status in the organizer's words ("imethibitishwa", "confirmed"). */
export const statusName = (turn: Turn, status: string | null) =>
  turn.render({ key: `event.status.${(status ?? "draft") as EventStatusName}` });

/** Moves the event, or refuses in the organizer's words with its status and where it could go. */
export async function move(turn: Turn, event: OrganizerEvent, to: EventStatusName): Promise<void> {
  if (!(await moveEvent(await turn.db(), event, to, turn.now))) {
    throw new AppError("event.move_not_allowed", {
      event: event.name,
      from: statusName(turn, event.status),
      to: statusName(turn, to),
    });
  }
}

/** Refuses at once a move the status does not allow, rather than after a question about it. */
export function refuseUnlessMovable(turn: Turn, event: OrganizerEvent, to: EventStatusName): void {
  const status = (event.status ?? "draft") as EventStatusName;
  const allowed = to === "cancelled" ? status === "draft" || status === "confirmed" : status === "confirmed";
  if (!allowed)
    throw new AppError("event.move_not_allowed", {
      event: event.name,
      from: statusName(turn, event.status),
      to: statusName(turn, to),
    });
}

/** Refuses any change to an event already cancelled or completed, naming its status. */
export function refuseIfClosed(turn: Turn, event: OrganizerEvent): void {
  if (event.status === "cancelled" || event.status === "completed")
    throw new AppError("event.closed", { event: event.name, status: statusName(turn, event.status) });
}
