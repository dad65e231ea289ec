// An event's life as its organizer runs it from the phone: edits (a new time or place is told to the guests who are
// coming at once), confirming, cancelling (asked first; guests coming and booked providers are told), completing.
import { cancelEventFlow } from "../../../flows/cancel-event.flow.js";
import { parseAmount, parseEventDate, parseEventType } from "../../../flows/event-input.js";
import { bookedProviders, editEvent, moveEvent, type EditField, type EventStatusName } from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { confirmedBookings } from "../../domain/services.js";
import { withTemplate } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent, splitCode, whenText } from "../list.js";

/** An IANA zone name as the runtime knows it ("africa/nairobi" -> "Africa/Nairobi"), or undefined. */
function knownZone(text: string): string | undefined {
  if (!/^[A-Za-z_]+(\/[A-Za-z_+-]+){1,2}$/.test(text)) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const statusName = (turn: Turn, status: string | null) => turn.render({ key: `event.status.${(status ?? "draft") as EventStatusName}` });

/** Moves the event, or refuses in the organizer's words with its status and where it could go. */
async function move(turn: Turn, event: OrganizerEvent, to: EventStatusName): Promise<void> {
  if (!(await moveEvent(await turn.db(), event, to))) {
    throw new AppError("lifecycle.not_allowed", { event: event.name, from: statusName(turn, event.status), to: statusName(turn, to) });
  }
}

const fields: Record<string, EditField> = {
  name: "name", jina: "name",
  type: "type", aina: "type",
  when: "when", date: "when", time: "when", lini: "when", tarehe: "when",
  place: "place", where: "place", location: "place", venue: "place", mahali: "place",
  budget: "budget", bajeti: "budget",
  description: "description", maelezo: "description",
  timezone: "timezone", zone: "timezone", ukanda: "timezone",
};

/** The new value, checked for its field, or a refusal saying what would be accepted. */
function readValue(turn: Turn, event: OrganizerEvent, field: EditField, raw: string): string | Date | number {
  const refuse = (hint: "edit.hint.when" | "edit.hint.budget" | "edit.hint.text" | "edit.hint.zone"): never => {
    throw new AppError("edit.value_invalid", { value: raw.slice(0, 40), field, hint: turn.render({ key: hint }) });
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

const editCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const m = /^(\S+)\s+([\s\S]+)$/.exec(rest);
  if (!m) return turn.say("edit.usage");
  const field = fields[m[1]!.toLowerCase()];
  if (!field) return turn.say("edit.field_invalid", { field: m[1]!.slice(0, 20) });
  const event = await organizerEvent(turn, code);
  if (event.status === "cancelled" || event.status === "completed") throw new AppError("lifecycle.closed", { event: event.name, status: statusName(turn, event.status) });
  const value = readValue(turn, event, field, m[2]!);
  await editEvent(await turn.db(), event, { field, value });
  const shown = value instanceof Date ? whenText(turn, value, event.timeZone) : String(value);
  turn.say("edit.saved", { event: event.name, field: m[1]!.toLowerCase(), value: shown });
  // A new time or place reaches the guests who are coming at once, each in their language.
  if (field === "when" || field === "place") {
    const { sent, waiting } = await turn.tell(
      { guestsOf: event.id, answers: ["accepted"] },
      withTemplate({
        type: "event_changed",
        eventId: event.id,
        message: (locale) => ({
          text: render(locale, {
            key: "edit.changed_notice",
            params: {
              event: event.name,
              what:
                value instanceof Date
                  ? render(locale, { key: "edit.what.when", params: { when: formatDateTime(value, event.timeZone, locale) } })
                  : render(locale, { key: "edit.what.place", params: { where: String(value) } }),
            },
          }),
        }),
      }, "announcement", (_locale, text) => [event.name, text]),
    );
    turn.say("edit.told", { count: sent + waiting });
  }
};

const confirmCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  await move(turn, event, "confirmed");
  turn.say("lifecycle.confirmed", { event: event.name });
};

const completeCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  await move(turn, event, "completed");
  turn.say("lifecycle.completed", { event: event.name });
  // Each booked service is rated from the phone: one question per service, the stars as buttons.
  for (const booking of await confirmedBookings(await turn.db(), event.id)) {
    turn.send({
      text: { key: "review.ask", params: { service: booking.service?.name ?? "", event: event.name } },
      choices: [1, 2, 3, 4, 5].map((n) => ({ label: { text: "★".repeat(n) }, value: `review:${booking.code}:${n}` })),
    });
  }
};

const cancelCommand: CommandHandler = async (turn, args, tools) => {
  const event = await organizerEvent(turn, codeOf(args));
  // Refused at once when it cannot be cancelled, rather than after the question.
  if (event.status === "cancelled" || event.status === "completed") {
    throw new AppError("lifecycle.not_allowed", { event: event.name, from: statusName(turn, event.status), to: statusName(turn, "cancelled") });
  }
  await tools.startFlow(turn, "cancelevent", { code: event.code ?? "", event: event.name });
};

export const lifecycleJourney: Journey = {
  name: "lifecycle",
  commands: [
    { en: ["editevent"], sw: ["haririmatukio"], for: "organizer", help: "help.line.editevent", run: editCommand },
    { en: ["confirm"], sw: ["thibitisha"], for: "organizer", help: "help.line.confirm", run: confirmCommand },
    { en: ["cancelevent"], sw: ["ahirisha"], for: "organizer", help: "help.line.cancelevent", run: cancelCommand },
    { en: ["complete"], sw: ["kamilisha"], for: "organizer", help: "help.line.complete", run: completeCommand },
  ],
  flows: [cancelEventFlow],
  actions: {
    async cancelEvent(turn, { code }) {
      const event = await organizerEvent(turn, code);
      await move(turn, event, "cancelled");
      const tx = await turn.db();
      const providers = await bookedProviders(tx, event.id);
      const tidings = withTemplate({
        type: "event_cancelled",
        eventId: event.id,
        message: (locale: "en" | "sw") => ({
          text: render(locale, {
            key: "lifecycle.cancelled_notice",
            params: { event: event.name, when: event.startTime ? formatDateTime(event.startTime, event.timeZone, locale) : render(locale, { key: "when.unknown" }), host: turn.user.name },
          }),
        }),
      }, "announcement", (_locale, text) => [event.name, text]);
      const guests = await turn.tell({ guestsOf: event.id, answers: ["accepted", "maybe"] }, tidings);
      const booked = await turn.tell({ userIds: providers }, tidings);
      return { event: event.name, count: guests.sent + guests.waiting + booked.sent + booked.waiting };
    },
  },
};
