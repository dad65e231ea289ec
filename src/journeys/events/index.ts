// The organizer's side: creating an event, inviting guests (by numbers or shared contacts) who are sent their
// invitation at once, following the answers, links to forward, letting in people who asked through the event's
// link, and being told of each answer. Every command about an event takes its code, or none when the organizer has
// exactly one upcoming event; a code of someone else's event is answered like an unknown one.
//
// Each part has its file: invite.ts (/invite and the invitation itself), guests.ts (/events, /guests), links.ts
// (/link and opening a shared link); this file holds /newevent, /approve, /notify and the flows' actions.
import { Prisma } from "../../generated/prisma/client.js";
import { inviteFlow } from "../../../flows/invite.flow.js";
import { newEventFlow, type NewEventArgs } from "../../../flows/newevent.flow.js";
import { createEvent, listOrganizerEventsWithCounts, setNotifyAnswers } from "../../domain/events.js";
import { approveRequest } from "../../domain/invitations.js";
import { normalisePhone } from "../../domain/phones.js";
import { splitFields } from "../../language/fields.js";
import type { CommandHandler, Journey } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { whenText, whereText } from "../format.js";
import { answerCounts } from "./counts.js";
import { eventsCommand, guestsCommand } from "./guests.js";
import { invitationTidings, invite, inviteCommand, inviteList } from "./invite.js";
import { linkCommand, openEventLink } from "./links.js";

const newEventCommand: CommandHandler = async (turn, args, tools) => {
  // "Name | type | when | place | budget", or each on its own line (easier on a phone than "|").
  const parts = splitFields(args);
  const startArgs: NewEventArgs = parts.length ? { parts } : {};
  await tools.startFlow(turn, "newevent", startArgs);
};

/** /approve CODE PHONE: someone who asked through the event's link is let in and sent the invitation. */
const approveCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  const phone = rest ? normalisePhone(rest, turn.env.defaultCountry) : undefined;
  if (!phone) return turn.say("approve.invalid", { code: event.code ?? "" });
  const guest = await approveRequest(await turn.db(), { eventId: event.id, phone, now: turn.now });
  await turn.tell({ userIds: [guest.userId] }, invitationTidings(event, turn.user.name));
  turn.say("approve.done", { name: guest.name, phone });
};

/** /notify CODE on|off: whether the organizer is told of each answer as it comes. */
const notifyCommand: CommandHandler = async (turn, args) => {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const switchWord = words.at(-1)?.toLowerCase();
  const on =
    switchWord && ["on", "yes", "ndiyo", "washa"].includes(switchWord)
      ? true
      : switchWord && ["off", "no", "hapana", "zima"].includes(switchWord)
        ? false
        : undefined;
  const event = await organizerEvent(turn, on === undefined ? words[0] : words.length > 1 ? words[0] : undefined);
  const code = event.code ?? "";
  if (on === undefined) return turn.say("notify.usage", { code });
  await setNotifyAnswers(await turn.db(), { eventId: event.id, on });
  turn.say(on ? "notify.on" : "notify.off", { event: event.name, code });
};

export const eventsJourney: Journey = {
  name: "events",
  commands: [
    {
      en: ["newevent", "createevent"],
      sw: ["tukiompya", "undatukio"],
      for: "everyone",
      help: "help.line.newevent",
      run: newEventCommand,
    },
    { en: ["events"], sw: ["matukio"], for: "organizer", help: "help.line.events", run: eventsCommand },
    { en: ["invite"], sw: ["alika"], for: "organizer", help: "help.line.invite", run: inviteCommand },
    { en: ["guests"], sw: ["wageni"], for: "organizer", help: "help.line.guests", run: guestsCommand },
    { en: ["link", "links"], sw: ["kiungo", "viungo"], for: "organizer", help: "help.line.link", run: linkCommand },
    { en: ["approve"], sw: ["ruhusu"], for: "organizer", help: "help.line.approve", run: approveCommand },
    { en: ["notify"], sw: ["arifu"], for: "organizer", help: "help.line.notify", run: notifyCommand },
  ],
  flows: [newEventFlow, inviteFlow],
  actions: {
    async createEvent(turn, input) {
      const event = await createEvent(await turn.db(), {
        organizerId: turn.user.id,
        name: input.name,
        type: input.type,
        startTime: new Date(input.startTime),
        location: input.location,
        budget: input.budget === null ? undefined : new Prisma.Decimal(input.budget),
        timeZone: turn.timeZone,
      });
      return {
        code: event.code ?? "",
        name: event.name,
        when: whenText(turn, event.startTime, event.timeZone),
        where: whereText(turn, event.location),
      };
    },
    async inviteGuests(turn, input) {
      const event = await organizerEvent(turn, input.code);
      if (input.list !== undefined) return { invited: await inviteList(turn, event, input.list) };
      const phone = input.contact ? normalisePhone(input.contact.phone, turn.env.defaultCountry) : undefined;
      if (!phone) {
        turn.say("invite.invalid", { list: input.contact?.phone.slice(0, 32) ?? "" });
        return { invited: 0 };
      }
      const { invited, already, refusals } = await invite(turn, event, [
        { phone, ...(input.contact?.name ? { name: input.contact.name } : {}) },
      ]);
      if (refusals.length) turn.send({ text: { text: refusals.join("\n") } });
      else if (already.length) turn.say("invite.already", { list: phone });
      else turn.say("invite.contact_added", { name: invited[0]?.name ?? phone, phone, event: event.name });
      return { invited: invited.length };
    },
  },
  opens: openEventLink,
  async nextSteps(turn) {
    const events = (await listOrganizerEventsWithCounts(await turn.db(), turn.user.id)).filter(
      (e) => e.status !== "cancelled" && e.status !== "completed" && (!e.startTime || e.startTime > turn.now),
    );
    return events
      .filter((e) => e.counts.pending + e.counts.accepted > 0)
      .map((e) =>
        turn.render({
          key: "events.waiting",
          params: {
            event: e.name,
            code: e.code ?? "",
            pending: answerCounts(e.counts).pending,
            accepted: answerCounts(e.counts).accepted,
          },
        }),
      );
  },
};
