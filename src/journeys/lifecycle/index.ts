// An event's life as its organizer runs it from the phone: edits (a new time or place is told to the guests who are
// coming at once), confirming, postponing (a new date, told to the people concerned), cancelling (asked first; guests
// coming and booked providers are told), completing (asked first while the event has not ended), and undoing a
// cancel or a completion within a day.
import { cancelEventFlow } from "../../../flows/cancel-event.flow.js";
import { completeEventFlow } from "../../../flows/complete-event.flow.js";
import { parseAmount, parseEventDate, parseEventType } from "../../../flows/event-input.js";
import { postponeEventFlow } from "../../../flows/postpone-event.flow.js";
import {
  bookedProviders,
  editEvent,
  hasEnded,
  moveEvent,
  postponeEvent,
  undoableEvents,
  undoMove,
  undoUntil,
  type EditField,
  type EventStatusName,
} from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { confirmedBookings } from "../../domain/services.js";
import { withTemplate } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render, type Locale } from "../../i18n/index.js";
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

const statusName = (turn: Turn, status: string | null) =>
  turn.render({ key: `event.status.${(status ?? "draft") as EventStatusName}` });

/** Moves the event, or refuses in the organizer's words with its status and where it could go. */
async function move(turn: Turn, event: OrganizerEvent, to: EventStatusName): Promise<void> {
  if (!(await moveEvent(await turn.db(), event, to, turn.now))) {
    throw new AppError("lifecycle.not_allowed", {
      event: event.name,
      from: statusName(turn, event.status),
      to: statusName(turn, to),
    });
  }
}

/** Refuses at once a move the status does not allow, rather than after a question about it. */
function refuseUnlessMovable(turn: Turn, event: OrganizerEvent, to: EventStatusName): void {
  const status = (event.status ?? "draft") as EventStatusName;
  const allowed = to === "cancelled" ? status === "draft" || status === "confirmed" : status === "confirmed";
  if (!allowed)
    throw new AppError("lifecycle.not_allowed", {
      event: event.name,
      from: statusName(turn, event.status),
      to: statusName(turn, to),
    });
}

/** "Nobody needed to be told" / "1 person was told" / "3 people were told", agreeing with the number in both languages. */
function toldText(locale: Locale, count: number, kind: "lifecycle" | "edit" = "lifecycle"): string {
  if (count === 0) return render(locale, { key: `${kind}.told.none` });
  return count === 1
    ? render(locale, { key: `${kind}.told.one`, params: { count } })
    : render(locale, { key: `${kind}.told.other`, params: { count } });
}

/** "Changed your mind? Send /undo CODE before <time>" in the organizer's words, the time in the event's zone. */
const undoHint = (turn: Turn, event: OrganizerEvent) =>
  turn.render({
    key: "lifecycle.undo_hint",
    params: { code: event.code ?? "", until: formatDateTime(undoUntil(turn.now), event.timeZone, turn.locale) },
  });

const whenOrUnknown = (locale: Locale, event: { startTime: Date | null; timeZone: string }) =>
  event.startTime ? formatDateTime(event.startTime, event.timeZone, locale) : render(locale, { key: "when.unknown" });

/**
 * One message to the people an event's change concerns: the guests who are coming or may come and the booked
 * providers, each in their language (a template for WhatsApp readers silent for a day). Returns how many.
 */
async function tellConcerned(
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
  if (event.status === "cancelled" || event.status === "completed")
    throw new AppError("lifecycle.closed", { event: event.name, status: statusName(turn, event.status) });
  const value = readValue(turn, event, field, m[2]!);
  await editEvent(await turn.db(), event, { field, value });
  const shown = value instanceof Date ? whenText(turn, value, event.timeZone) : String(value);
  turn.say("edit.saved", { event: event.name, field: m[1]!.toLowerCase(), value: shown });
  // A new time or place reaches the guests who are coming at once, each in their language.
  if (field === "when" || field === "place") {
    const { sent, waiting } = await turn.tell(
      { guestsOf: event.id, answers: ["accepted"] },
      withTemplate(
        {
          type: "event_changed",
          eventId: event.id,
          message: (locale) => ({
            text: render(locale, {
              key: "edit.changed_notice",
              params: {
                event: event.name,
                what:
                  value instanceof Date
                    ? render(locale, {
                        key: "edit.what.when",
                        params: { when: formatDateTime(value, event.timeZone, locale) },
                      })
                    : render(locale, { key: "edit.what.place", params: { where: String(value) } }),
              },
            }),
          }),
        },
        "announcement",
        (_locale, text) => [event.name, text],
      ),
    );
    turn.send({ text: { text: toldText(turn.locale, sent + waiting, "edit") } });
  }
};

const confirmCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  await move(turn, event, "confirmed");
  turn.say("lifecycle.confirmed", { event: event.name });
};

/** Marks the event completed and says so, with one rating question (stars as buttons) per booked service. */
async function complete(turn: Turn, event: OrganizerEvent): Promise<void> {
  await move(turn, event, "completed");
  turn.say("lifecycle.completed", { event: event.name, undo: undoHint(turn, event) });
  for (const booking of await confirmedBookings(await turn.db(), event.id)) {
    turn.send({
      text: { key: "review.ask", params: { service: booking.service?.name ?? "", event: event.name } },
      choices: [1, 2, 3, 4, 5].map((n) => ({ label: { text: "★".repeat(n) }, value: `review:${booking.code}:${n}` })),
    });
  }
}

const completeCommand: CommandHandler = async (turn, args, tools) => {
  const event = await organizerEvent(turn, codeOf(args));
  refuseUnlessMovable(turn, event, "completed");
  // After the event nothing needs asking; before it, completing stops reminders, passes and answers.
  if (await hasEnded(await turn.db(), event.id, turn.now)) return complete(turn, event);
  await tools.startFlow(turn, "completeevent", {
    code: event.code ?? "",
    event: event.name,
    when: whenText(turn, event.startTime, event.timeZone),
  });
};

const postponeCommand: CommandHandler = async (turn, args, tools) => {
  const event = await organizerEvent(turn, codeOf(args));
  if (event.status === "cancelled" || event.status === "completed")
    throw new AppError("lifecycle.closed", { event: event.name, status: statusName(turn, event.status) });
  await tools.startFlow(turn, "postponeevent", {
    code: event.code ?? "",
    event: event.name,
    zone: event.timeZone,
    from: whenText(turn, event.startTime, event.timeZone),
  });
};

/** The event /undo is about: the code given, or the organizer's one event cancelled or completed within the day. */
async function undoTarget(turn: Turn, args: string): Promise<OrganizerEvent | undefined> {
  const code = codeOf(args);
  if (code) return organizerEvent(turn, code);
  const recent = await undoableEvents(await turn.db(), turn.user.id, turn.now);
  if (recent.length > 1)
    throw new AppError("lifecycle.undo_which", { codes: recent.map((e) => e.code ?? "").join(", ") });
  if (!recent.length) {
    turn.say("lifecycle.undo_none");
    return undefined;
  }
  return organizerEvent(turn, recent[0]!.code ?? "");
}

const undoCommand: CommandHandler = async (turn, args) => {
  const event = await undoTarget(turn, args);
  if (!event) return;
  const result = await undoMove(await turn.db(), event.id, turn.now);
  if (result.kind === "nothing")
    return turn.say("lifecycle.undo_nothing", { event: event.name, status: statusName(turn, result.status) });
  if (result.kind === "expired") {
    throw new AppError("lifecycle.undo_expired", {
      event: event.name,
      since: formatDateTime(result.since, event.timeZone, turn.locale),
    });
  }
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

const cancelCommand: CommandHandler = async (turn, args, tools) => {
  const event = await organizerEvent(turn, codeOf(args));
  refuseUnlessMovable(turn, event, "cancelled");
  await tools.startFlow(turn, "cancelevent", { code: event.code ?? "", event: event.name });
};

export const lifecycleJourney: Journey = {
  name: "lifecycle",
  commands: [
    // "haririmatukio" (edit events) is the name people know; "hariritukio" (edit the event) is the grammatical one.
    {
      en: ["editevent"],
      sw: ["haririmatukio", "hariritukio"],
      for: "organizer",
      help: "help.line.editevent",
      run: editCommand,
    },
    { en: ["confirm"], sw: ["thibitisha"], for: "organizer", help: "help.line.confirm", run: confirmCommand },
    // "ahirisha" is to postpone; cancelling is "ghairi" (or "batilisha", to annul).
    { en: ["postpone"], sw: ["ahirisha"], for: "organizer", help: "help.line.postpone", run: postponeCommand },
    {
      en: ["cancelevent"],
      sw: ["ghairi", "batilisha"],
      for: "organizer",
      help: "help.line.cancelevent",
      run: cancelCommand,
    },
    // "hitimisha" is to bring an event to its close; "kamilisha" (to finish, as preparations) stays as an alias,
    // harmless now that completing before the end asks first.
    {
      en: ["complete"],
      sw: ["hitimisha", "kamilisha"],
      for: "organizer",
      help: "help.line.complete",
      run: completeCommand,
    },
    { en: ["undo"], sw: ["tengua"], for: "organizer", help: "help.line.undo", run: undoCommand },
  ],
  flows: [cancelEventFlow, completeEventFlow, postponeEventFlow],
  actions: {
    async cancelEvent(turn, { code }) {
      const event = await organizerEvent(turn, code);
      await move(turn, event, "cancelled");
      const host = turn.user.name;
      const count = await tellConcerned(turn, event, "event_cancelled", (locale) =>
        render(locale, {
          key: "lifecycle.cancelled_notice",
          params: { event: event.name, when: whenOrUnknown(locale, event), host },
        }),
      );
      return { event: event.name, told: toldText(turn.locale, count), undo: undoHint(turn, event) };
    },
    async completeEvent(turn, { code }) {
      await complete(turn, await organizerEvent(turn, code));
      return {};
    },
    async postponeEvent(turn, { code, at }) {
      const event = await organizerEvent(turn, code);
      if (event.status === "cancelled" || event.status === "completed")
        throw new AppError("lifecycle.closed", { event: event.name, status: statusName(turn, event.status) });
      const when = at ? new Date(at) : null;
      await postponeEvent(await turn.db(), event.id, when);
      const host = turn.user.name;
      const count = await tellConcerned(turn, event, "event_changed", (locale) =>
        when
          ? render(locale, {
              key: "lifecycle.postponed_notice",
              params: { event: event.name, when: formatDateTime(when, event.timeZone, locale), host },
            })
          : render(locale, { key: "lifecycle.postponed_tba_notice", params: { event: event.name, host } }),
      );
      return {
        event: event.name,
        when: whenText(turn, when, event.timeZone),
        told: toldText(turn.locale, count),
        code: event.code ?? "",
      };
    },
  },
};
