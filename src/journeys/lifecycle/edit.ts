// /editevent CODE FIELD VALUE: one field of an event changed, the value checked for its field (a time in the future,
// a budget, a known zone); a new time or place is told at once to the guests who are coming.
import { parseAmount, parseEventDate, parseEventType } from "../../../flows/event-input.js";
import { type EditField, editEvent } from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { withTemplate } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { type Locale, render } from "../../i18n/index.js";
import type { CommandHandler } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { whenText } from "../format.js";
import { toldText } from "./notices.js";
import { refuseIfClosed } from "./status.js";

/** An IANA zone name as the runtime knows it ("africa/nairobi" -> "Africa/Nairobi"), or undefined. */
function knownZone(text: string): string | undefined {
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+){1,2}$/.test(text)) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The field names people type, in both languages. */
const fields: Record<string, EditField> = {
  name: "name",
  jina: "name",
  type: "type",
  aina: "type",
  when: "when",
  date: "when",
  time: "when",
  lini: "when",
  tarehe: "when",
  place: "place",
  where: "place",
  location: "place",
  venue: "place",
  mahali: "place",
  budget: "budget",
  bajeti: "budget",
  description: "description",
  maelezo: "description",
  timezone: "timezone",
  zone: "timezone",
  ukanda: "timezone",
};

/** The new value, checked for its field, or a refusal saying what would be accepted. */
function readValue(turn: Turn, event: OrganizerEvent, field: EditField, raw: string): string | Date | number {
  const refuse = (hint: "edit.hint.when" | "edit.hint.budget" | "edit.hint.text" | "edit.hint.zone"): never => {
    throw new AppError("event.edit_value_unreadable", {
      value: raw.slice(0, 40),
      field,
      hint: turn.render({ key: hint }),
    });
  };
  if (field === "when") {
    const at = parseEventDate(raw, event.timeZone, turn.now);
    return at && at > turn.now ? at : refuse("edit.hint.when");
  }
  if (field === "budget") {
    const amount = parseAmount(raw);
    return amount !== undefined && amount > 0 && amount <= 1e12 ? amount : refuse("edit.hint.budget");
  }
  if (field === "type") return parseEventType(raw) ?? refuse("edit.hint.text");
  if (field === "timezone") return knownZone(raw.trim()) ?? refuse("edit.hint.zone");
  const text = raw.trim();
  return text.length >= 2 && text.length <= (field === "description" ? 1000 : 120) ? text : refuse("edit.hint.text");
}

export const editCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const m = /^(\S+)\s+([\s\S]+)$/.exec(rest);
  if (!m) return turn.say("edit.usage");
  const field = fields[m[1]!.toLowerCase()];
  if (!field) return turn.say("edit.field_invalid", { field: m[1]!.slice(0, 20) });
  const event = await organizerEvent(turn, code);
  refuseIfClosed(turn, event);
  const value = readValue(turn, event, field, m[2]!);
  await editEvent(await turn.db(), event, { field, value });
  const shown = value instanceof Date ? whenText(turn, value, event.timeZone) : String(value);
  turn.say("edit.saved", { event: event.name, field: m[1]!.toLowerCase(), value: shown });
  // A new time or place reaches the guests who are coming at once, each in their language.
  if (field === "when" || field === "place") await tellChange(turn, event, value);
};

/** Tells the guests who are coming the new time or place (a template for WhatsApp readers silent for a day). */
async function tellChange(turn: Turn, event: OrganizerEvent, value: string | Date | number): Promise<void> {
  const what = (locale: Locale) =>
    value instanceof Date
      ? render(locale, { key: "edit.what.when", params: { when: formatDateTime(value, event.timeZone, locale) } })
      : render(locale, { key: "edit.what.place", params: { where: String(value) } });
  const { sent, waiting } = await turn.tell(
    { guestsOf: event.id, answers: ["accepted"] },
    withTemplate(
      {
        type: "event_changed",
        eventId: event.id,
        message: (locale) => ({
          text: render(locale, { key: "edit.changed_notice", params: { event: event.name, what: what(locale) } }),
        }),
      },
      "announcement",
      (_locale, text) => [event.name, text],
    ),
  );
  turn.send({ text: { text: toldText(turn.locale, sent + waiting, "edit") } });
}
