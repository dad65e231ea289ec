// An event's life as its organizer runs it from the phone: edits (a new time or place is told to the guests who are
// coming at once), confirming, postponing (a new date, told to the people concerned), cancelling (asked first; guests
// coming and booked providers are told), completing (asked first while the event has not ended), and undoing a
// cancel or a completion within a day.
//
// Each part has its file: status.ts (where an event may move, the refusals), notices.ts (telling the people
// concerned), edit.ts (/editevent), undo.ts (/undo); this file holds the other commands and the flows' actions.
import { cancelEventFlow } from "../../../flows/cancel-event.flow.js";
import { completeEventFlow } from "../../../flows/complete-event.flow.js";
import { postponeEventFlow } from "../../../flows/postpone-event.flow.js";
import { hasEnded, postponeEvent } from "../../domain/event-lifecycle.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { confirmedBookings } from "../../domain/bookings.js";
import type { Turn } from "../../engine/turn.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent } from "../event-code.js";
import { whenText } from "../format.js";
import { editCommand } from "./edit.js";
import { tellConcerned, toldText, undoHint, whenOrUnknown } from "./notices.js";
import { move, refuseIfClosed, refuseUnlessMovable } from "./status.js";
import { undoCommand } from "./undo.js";

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
  refuseIfClosed(turn, event);
  await tools.startFlow(turn, "postponeevent", {
    code: event.code ?? "",
    event: event.name,
    zone: event.timeZone,
    from: whenText(turn, event.startTime, event.timeZone),
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
      refuseIfClosed(turn, event);
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
