// What guests read of their event (/info: when and where, the venue's pin, the schedule, their own answer) and say
// to it (/comment), and what organizers add to it: sessions of the schedule, the venue's pin, announcements to the
// guests, and the comments to read.
import { announcementsLeft, quotas, recordUse } from "../../domain/quotas.js";
import { parseEventDate } from "../../../flows/event-input.js";
import { formFlow, forms } from "../../../flows/form.flow.js";
import { isSeparated, readHead, readTwoDateTimes, splitFields, splitWhere } from "../../language/fields.js";
import { mapLink } from "../../channels/channel.js";
import { addComment, addSession, findMyEvent, listComments, setVenuePin, venuePin } from "../../domain/event-info.js";
import { parseLatLng, venueFlow } from "../../../flows/venue.flow.js";
import { withTemplate } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { message } from "../../i18n/index.js";
import { readQuestion } from "../../language/question.js";
import { isSure } from "../../language/reading.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent, splitCode } from "../event-code.js";
import { peopleText, whenText, whereText } from "../format.js";
import { tidingsOf } from "../replies.js";

const infoCommand: CommandHandler = async (turn, args) => {
  const tx = await turn.db();
  const event = await findMyEvent(tx, { userId: turn.user.id, typed: args.trim() || undefined, now: turn.now });
  const lines = [
    turn.render({
      key: "info.card",
      params: {
        event: event.name,
        when: whenText(turn, event.startTime, event.timeZone),
        where: whereText(turn, event.location),
      },
    }),
  ];
  if (event.sessions.length) {
    lines.push("", turn.render({ key: "info.schedule" }));
    for (const s of event.sessions) {
      const place = s.location ? turn.render({ key: "info.session_place", params: { place: s.location } }) : "";
      lines.push(
        turn.render({
          key: "info.session",
          params: { when: whenText(turn, s.startTime, event.timeZone), name: s.name ?? "", place },
        }),
      );
    }
  }
  if (event.organizerId !== turn.user.id) {
    const invitation = await tx.invitation.findFirst({
      where: { eventId: event.id, userId: turn.user.id },
      select: { code: true, rsvpStatus: true },
    });
    const guest = await tx.eventGuest.findFirst({
      where: { eventId: event.id, userId: turn.user.id },
      select: { partySize: true, rsvpStatus: true },
    });
    const status = guest?.rsvpStatus ?? invitation?.rsvpStatus ?? "pending";
    const answer =
      turn.render({ key: `rsvp.status.${status}` }) +
      (status === "accepted" && (guest?.partySize ?? 1) > 1 ? `, ${peopleText(turn.locale, guest!.partySize)}` : "");
    lines.push(
      "",
      turn.render({ key: "info.your_answer", params: { answer, code: invitation?.code ?? event.code ?? "" } }),
    );
  }
  const pin = venuePin(event);
  turn.send({ text: { text: lines.join("\n") }, ...(pin ? { location: pin } : {}) });
};

const announceCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const everyone = /^(all|wote)\s+/i.exec(rest);
  const text = (everyone ? rest.slice(everyone[0].length) : rest).trim();
  if (!text) return turn.say("announce.usage");
  // Quotas (src/domain/quotas.ts): a short message, a few a day per event, so /announce is no relay for spam.
  const q = quotas();
  if (text.length > q.announcementMaxLength)
    return turn.say("quota.announce_too_long", { limit: q.announcementMaxLength, length: text.length });
  const event = await organizerEvent(turn, code);
  const tx = await turn.db();
  if ((await announcementsLeft(tx, { eventId: event.id, now: turn.now })) <= 0)
    return turn.say("quota.announce_daily", { event: event.name, limit: q.announcementsPerEventPerDay });
  await recordUse(tx, { kind: "announcement", userId: turn.user.id, eventId: event.id, now: turn.now });
  const { sent, waiting } = await turn.tell(
    { guestsOf: event.id, answers: everyone ? ["pending", "accepted", "declined", "maybe"] : ["accepted"] },
    withTemplate(
      tidingsOf(
        "announcement",
        event.id,
        message("announce.message", { event: event.name, text, host: turn.user.name }),
      ),
      "announcement",
      () => [event.name, `${text} — ${turn.user.name}`],
    ),
  );
  turn.say("announce.sent", { count: sent + waiting });
};

/** "Name | start | end | place", one per line, or "Ibada 2027-02-13 14:00 2027-02-13 16:00" -> the fields typed. */
function sessionFields(rest: string, read: (text: string) => Date | undefined): (string | undefined)[] {
  if (isSeparated(rest)) return splitFields(rest);
  const cut = splitWhere(
    rest,
    (name) => name,
    (times) => readTwoDateTimes(times, read),
  );
  return cut ? [cut.head, cut.tailValue.from, cut.tailValue.to] : [rest || undefined];
}

const sessionCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const [name, start, end, place] = sessionFields(rest, (text) => parseEventDate(text, turn.timeZone, turn.now));
  if (!name || !start || !end) {
    const event = await organizerEvent(turn, code);
    return tools.startFlow(turn, forms.session.name, {
      about: { code: event.code ?? "", event: event.name },
      values: [name, start, end, place],
    });
  }
  await addSessionOf(turn, code, name, start, end, place);
};

async function addSessionOf(
  turn: Turn,
  code: string | undefined,
  name: string,
  start: string,
  end: string,
  place: string | undefined,
): Promise<void> {
  const event = await organizerEvent(turn, code);
  const at = (text: string) => {
    const date = parseEventDate(text, event.timeZone, turn.now);
    if (!date) throw new AppError("session.when_unreadable", { text: text.slice(0, 40) });
    return date;
  };
  const startTime = at(start);
  await addSession(await turn.db(), {
    eventId: event.id,
    name: name.slice(0, 120),
    startTime,
    endTime: at(end),
    ...(place ? { location: place.slice(0, 120) } : {}),
  });
  turn.say("session.added", { event: event.name, name, when: whenText(turn, startTime, event.timeZone) });
}

const venueCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  // No coordinates: the organizer shares the location next (or types it).
  if (!rest) return tools.startFlow(turn, "venue", { code: event.code ?? "", event: event.name });
  // "lat, lng | name", the name on the next line, or after the coordinates: "-6.7924, 39.2083 Diamond Jubilee Hall".
  const typed = isSeparated(rest) ? splitFields(rest) : undefined;
  const head = typed ? undefined : readHead(rest, parseLatLng);
  const pin = typed ? (typed[0] ? parseLatLng(typed[0]) : undefined) : head?.value;
  const name = typed ? typed[1] : head?.rest;
  if (!pin) return turn.say("venue.usage");
  turn.say("venue.set", await setVenue(turn, event.code ?? "", { ...pin, ...(name ? { name } : {}) }));
};

async function setVenue(turn: Turn, code: string, pin: { latitude: number; longitude: number; name?: string }) {
  const event = await organizerEvent(turn, code);
  await setVenuePin(await turn.db(), {
    eventId: event.id,
    name: (pin.name || event.location || event.name).slice(0, 120),
    latitude: pin.latitude,
    longitude: pin.longitude,
  });
  return { event: event.name, link: mapLink(pin) };
}

const commentCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const text = rest.trim();
  if (!text) return turn.say("comment.usage");
  if (text.length > 1000) return turn.say("comment.too_long");
  const tx = await turn.db();
  const event = await findMyEvent(tx, { userId: turn.user.id, typed: code, now: turn.now });
  await addComment(tx, { userId: turn.user.id, eventId: event.id, content: text });
  turn.say("comment.saved", { event: event.name });
};

const commentsCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  const comments = await listComments(await turn.db(), event.id);
  if (!comments.length) return turn.say("comments.none", { event: event.name });
  const lines = comments.map((c) =>
    turn.render({ key: "comments.item", params: { name: c.user?.name ?? "-", text: c.content ?? "" } }),
  );
  turn.send({
    text: { text: [turn.render({ key: "comments.header", params: { event: event.name } }), ...lines].join("\n") },
  });
};

export const eventInfoJourney: Journey = {
  name: "eventinfo",
  commands: [
    {
      en: ["info", "where", "when"],
      sw: ["taarifa", "wapi", "lini"],
      for: "guest",
      help: "help.line.info",
      run: infoCommand,
    },
    { en: ["comment"], sw: ["toamaoni"], for: "guest", help: "help.line.comment", run: commentCommand },
    { en: ["announce"], sw: ["tangaza"], for: "organizer", help: "help.line.announce", run: announceCommand },
    { en: ["session"], sw: ["kipindi"], for: "organizer", help: "help.line.session", run: sessionCommand },
    { en: ["venue"], sw: ["ukumbi"], for: "organizer", help: "help.line.venue", run: venueCommand },
    { en: ["comments"], sw: ["maoni"], for: "organizer", help: "help.line.comments", run: commentsCommand },
  ],
  flows: [venueFlow, formFlow(forms.session)],
  // "Harusi ni lini na wapi?", "saa ngapi?", "location pls": answered with the event's details, as /info would (the
  // person's one upcoming event; with several, the refusal lists their codes).
  async understand(turn, text, tools) {
    if (!isSure(readQuestion(text))) return false;
    await infoCommand(turn, "", tools);
    return true;
  },
  actions: {
    setVenue: (turn, { code, ...pin }) => setVenue(turn, code, pin),
    sessionForm: (turn, { about, values: [name, start, end, place] }) =>
      addSessionOf(turn, about.code, name!, start!, end!, place || undefined),
  },
};
