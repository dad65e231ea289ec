// /undo: a cancel or a completion taken back within a day; the people told of the cancellation hear it is on again.
import { undoableEvents, undoMove } from "../../domain/event-lifecycle.js";
import { recordUse, undoneToday } from "../../domain/quotas.js";
import type { OrganizerEvent } from "../../domain/events.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render } from "../../i18n/index.js";
import type { CommandHandler } from "../journey.js";
import { codeOf, organizerEvent } from "../event-code.js";
import { tellConcerned, toldText, whenOrUnknown } from "./notices.js";
import { statusName } from "./status.js";

/** The event /undo is about: the code given, or the organizer's one event cancelled or completed within the day. */
async function undoTarget(turn: Turn, args: string): Promise<OrganizerEvent | undefined> {
  const code = codeOf(args);
  if (code) return organizerEvent(turn, code);
  const recent = await undoableEvents(await turn.db(), turn.user.id, turn.now);
  if (recent.length > 1) throw new AppError("undo.ambiguous", { codes: recent.map((e) => e.code ?? "").join(", ") });
  if (!recent.length) {
    turn.say("lifecycle.undo_none");
    return undefined;
  }
  return organizerEvent(turn, recent[0]!.code ?? "");
}

export const undoCommand: CommandHandler = async (turn, args) => {
  const event = await undoTarget(turn, args);
  if (!event) return;
  const tx = await turn.db();
  // Once a day: cancel-and-undo cannot be used to message every guest again and again.
  const closed = event.status === "cancelled" || event.status === "completed";
  if (closed && (await undoneToday(tx, { eventId: event.id, now: turn.now })))
    throw new AppError("undo.limit", { event: event.name });
  const result = await undoMove(tx, event.id, turn.now);
  if (result.kind === "nothing")
    return turn.say("lifecycle.undo_nothing", { event: event.name, status: statusName(turn, result.status) });
  if (result.kind === "expired") {
    throw new AppError("undo.expired", {
      event: event.name,
      since: formatDateTime(result.since, event.timeZone, turn.locale),
    });
  }
  await recordUse(tx, { kind: "undo", userId: turn.user.id, eventId: event.id, now: turn.now });
  if (result.from === "completed")
    return turn.say("lifecycle.undone_complete", { event: event.name, status: statusName(turn, result.to) });
  // The people told of the cancellation (guests coming or maybe, booked providers: a cancel changes neither) hear it is on.
  const host = turn.user.name;
  const count = await tellConcerned(turn, event, "event_changed", (locale) =>
    render(locale, {
      key: "lifecycle.restored_notice",
      params: { event: event.name, when: whenOrUnknown(locale, event), host },
    }),
  );
  turn.say("lifecycle.undone_cancel", {
    event: event.name,
    status: statusName(turn, result.to),
    told: toldText(turn.locale, count),
  });
};
