// Telling people what happened to an event: the guests and booked providers a change concerns, how many were told,
// and the hint that a cancel or a completion can be undone. Shared by the commands and the flows' actions.
import { bookedProviders, undoUntil } from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { withTemplate } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render, type Locale } from "../../i18n/index.js";

/** "Nobody needed to be told" / "1 person was told" / "3 people were told", agreeing with the number in both languages. */
export function toldText(locale: Locale, count: number, kind: "lifecycle" | "edit" = "lifecycle"): string {
  if (count === 0) return render(locale, { key: `${kind}.told.none` });
  return count === 1
    ? render(locale, { key: `${kind}.told.one`, params: { count } })
    : render(locale, { key: `${kind}.told.other`, params: { count } });
}

/** "Changed your mind? Send /undo CODE before <time>" in the organizer's words, the time in the event's zone. */
export const undoHint = (turn: Turn, event: OrganizerEvent) =>
  turn.render({
    key: "lifecycle.undo_hint",
    params: { code: event.code ?? "", until: formatDateTime(undoUntil(turn.now), event.timeZone, turn.locale) },
  });

/** When the event is, in the reader's language and the event's zone, or "not set yet". */
export const whenOrUnknown = (locale: Locale, event: { startTime: Date | null; timeZone: string }) =>
  event.startTime ? formatDateTime(event.startTime, event.timeZone, locale) : render(locale, { key: "when.unknown" });

/**
 * One message to the people an event's change concerns: the guests who are coming or may come and the booked
 * providers, each in their language (a template for WhatsApp readers silent for a day). Returns how many.
 */
export async function tellConcerned(
  turn: Turn,
  event: OrganizerEvent,
  type: string,
  text: (locale: Locale) => string,
): Promise<number> {
  const providers = await bookedProviders(await turn.db(), event.id);
  const tidings = withTemplate(
    { type, eventId: event.id, message: (locale: Locale) => ({ text: text(locale) }) },
    "announcement",
    (_locale, said) => [event.name, said],
  );
  const guests = await turn.tell({ guestsOf: event.id, answers: ["accepted", "maybe"] }, tidings);
  const booked = await turn.tell({ userIds: providers }, tidings);
  return guests.sent + guests.waiting + booked.sent + booked.waiting;
}
