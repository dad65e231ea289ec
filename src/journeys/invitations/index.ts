// The guest's side: their invitations, opening one from a link or a code, and answering it (yes / no / maybe, and how
// many people come). Answers are the busiest messages Nuru gets, so they cost no statement of their own: the batch
// preloads the guests' open invitations in one statement and writes all its answers in one (preload, writers).
import { rsvpFlow, readChoice, type Answer, type InvitationCard, type RsvpArgs } from "../../../flows/rsvp.flow.js";
import { sure } from "../../language/reading.js";
import { readRsvp } from "../../language/rsvp.js";
import { listGuestInvitations } from "../../domain/overview.js";
import { countAnswers } from "../../domain/events.js";
import { claimFoundInvitation, findInvitationByCode } from "../../domain/invitations.js";
import {
  checkAnswer,
  findOpenInvitation,
  openInvitationsOf,
  writeRsvps,
  type GuestInvitation,
  type RsvpRow,
} from "../../domain/rsvp.js";
import { normaliseCode } from "../../domain/codes.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { isGreeting } from "../core/index.js";
import type { CommandTools, Journey } from "../journey.js";
import { peopleText, whenText, whereText } from "../format.js";

/** The guest's open invitations: from the batch's preload when there is one, else read now. */
async function openInvitations(turn: Turn): Promise<GuestInvitation[]> {
  return (
    turn.preloaded<GuestInvitation[]>("invitations") ??
    (await openInvitationsOf(await turn.db(), [turn.user.id], turn.now)).get(turn.user.id) ??
    []
  );
}

/** An invitation as the flow shows it, in the reader's language and the event's zone. */
export function cardOf(turn: Turn, invitation: GuestInvitation): InvitationCard {
  return {
    code: invitation.code,
    event: invitation.event.name,
    host: invitation.event.host,
    when: whenText(turn, invitation.event.startTime, invitation.event.timeZone),
    where: whereText(turn, invitation.event.location),
  };
}

/** Shows these invitations and asks the answer (or records the answer already given, or asks only what is missing). */
function answerFlow(
  turn: Turn,
  tools: CommandTools,
  invitations: GuestInvitation[],
  answer?: Answer,
  more: { party?: number; unsure?: boolean } = {},
): Promise<void> {
  const args: RsvpArgs = { cards: invitations.map((i) => cardOf(turn, i)), ...(answer ? { answer } : {}), ...more };
  return tools.startFlow(turn, "rsvp", args);
}

/** Who has answered what, for an organizer who asked to be told of each answer. */
async function tellOrganizer(
  turn: Turn,
  invitation: GuestInvitation,
  answer: Answer,
  partySize: number,
): Promise<void> {
  const { organizerId, id: eventId, name: event } = invitation.event;
  if (!organizerId || organizerId === turn.user.id) return;
  const counts = (await countAnswers(await turn.db(), [eventId])).get(eventId) ?? {
    accepted: 0,
    declined: 0,
    maybe: 0,
    pending: 0,
    headcount: 0,
  };
  await turn.tell(
    { userIds: [organizerId] },
    {
      type: "rsvp",
      eventId,
      message: (locale) => {
        // The answer as the organizer reads it (guests.status.*: "anakuja", not the guest's own "unakuja").
        const r = (key: "guests.status.accepted" | "guests.status.declined" | "guests.status.maybe") =>
          turn.renderIn(locale, { key });
        const party =
          answer === "accepted"
            ? turn.renderIn(locale, { key: "rsvp.told_party", params: { party: peopleText(locale, partySize) } })
            : "";
        return {
          text: turn.renderIn(locale, {
            key: "rsvp.told_organizer",
            params: { guest: turn.user.name, event, answer: r(`guests.status.${answer}`), party, ...counts },
          }),
        };
      },
    },
  );
}

/** Opens an invitation by its code: the person's own number must be the invited one (a link can be forwarded). */
async function openInvitation(turn: Turn, typed: string, tools: CommandTools): Promise<boolean> {
  const code = normaliseCode(typed);
  if (!code) return false;
  const tx = await turn.db();
  const invitation = await findInvitationByCode(tx, code).catch((error: unknown) => {
    if (error instanceof AppError) return undefined; // not an invitation's code: maybe another journey's
    throw error;
  });
  if (!invitation) return openByRsvpCode(turn, code, tools);
  // Without a number of their own yet (Telegram), the person first proves which number they have.
  if (invitation.recipientPhone && !turn.user.phone) {
    await tools.startFlow(turn, "claim", { code });
    return true;
  }
  await claimFoundInvitation(tx, { userId: turn.user.id, invitation });
  // An invitation sent by e-mail was never "sent" here; opening it is its delivery.
  if (!invitation.sentAt) await tx.invitation.update({ where: { id: invitation.id }, data: { sentAt: turn.now } });
  // A copy waiting for them (sent while no channel could reach them) would only repeat what is shown now.
  await tx.notification.updateMany({
    where: { userId: turn.user.id, eventId: invitation.event.id, type: "invitation", deliveredAt: null },
    data: { deliveredAt: turn.now },
  });
  const open = (await openInvitationsOf(tx, [turn.user.id], turn.now)).get(turn.user.id) ?? [];
  await answerFlow(turn, tools, [
    await findOpenInvitation(() => turn.db(), { userId: turn.user.id, typed: code, open, now: turn.now }),
  ]);
  return true;
}

/**
 * A person's own RSVP code (attendee_profiles.rsvp_code, written when they were first invited) opens all their open
 * invitations at once. It belongs to one person: typed by anyone else it is an unknown code (false, like any code no
 * journey knows), so it reveals nothing.
 */
async function openByRsvpCode(turn: Turn, code: string, tools: CommandTools): Promise<boolean> {
  const tx = await turn.db();
  const profile = await tx.attendeeProfile.findUnique({ where: { rsvpCode: code }, select: { userId: true } });
  if (!profile || profile.userId !== turn.user.id) return false;
  const open = (await openInvitationsOf(tx, [turn.user.id], turn.now)).get(turn.user.id) ?? [];
  if (!open.length) turn.say("rsvp.none_open");
  else await answerFlow(turn, tools, open);
  return true;
}

export const invitationsJourney: Journey = {
  name: "invitations",
  commands: [
    {
      en: ["invitations"],
      sw: ["mialiko"],
      for: "guest",
      help: "help.line.invitations",
      async run(turn) {
        const rows = await listGuestInvitations(await turn.db(), turn.user.id);
        // Invitations go to phone numbers; a chat account without one (Telegram) is offered the share button first.
        if (!rows.length && !turn.user.phone)
          return turn.send({ text: { key: "link.ask_phone" }, requestPhone: { key: "link.ask_phone_button" } });
        if (!rows.length) return turn.say("invitations.none");
        const tx = await turn.db();
        const lines = rows.map((g) =>
          turn.render({
            key: "invitations.item",
            params: {
              event: g.event!.name,
              when: whenText(turn, g.event!.startTime, g.event!.timeZone),
              where: whereText(turn, g.event!.location),
              status: turn.render({ key: `rsvp.status.${g.rsvpStatus ?? "pending"}` }),
              code: g.code ?? "",
            },
          }),
        );
        // The person's own code opens all their invitations at once (attendee_profiles.rsvp_code): worth knowing
        // when the invitations themselves are far up the chat.
        const profile = await tx.attendeeProfile.findFirst({
          where: { userId: turn.user.id, rsvpCode: { not: null } },
          select: { rsvpCode: true },
        });
        if (profile?.rsvpCode)
          lines.push("", turn.render({ key: "invitations.own_code", params: { code: profile.rsvpCode } }));
        turn.send({ text: { text: [turn.render({ key: "invitations.header" }), ...lines].join("\n") } });
      },
    },
    {
      en: ["rsvp", "answer"],
      sw: ["jibu"],
      for: "guest",
      help: "help.line.rsvp",
      async run(turn, args, tools) {
        const open = await openInvitations(turn);
        if (args)
          return answerFlow(turn, tools, [
            await findOpenInvitation(() => turn.db(), { userId: turn.user.id, typed: args, open, now: turn.now }),
          ]);
        if (!open.length) return turn.say("rsvp.none_open");
        return answerFlow(turn, tools, open);
      },
    },
  ],
  flows: [rsvpFlow],
  actions: {
    async recordRsvp(turn, { code, answer, partySize }) {
      const open = await openInvitations(turn);
      const invitation = await findOpenInvitation(() => turn.db(), {
        userId: turn.user.id,
        typed: code,
        open,
        now: turn.now,
      });
      checkAnswer(invitation, answer, partySize, turn.now);
      const row: RsvpRow = {
        invitationId: invitation.id,
        eventId: invitation.event.id,
        userId: turn.user.id,
        answer,
        partySize,
        at: turn.now,
      };
      if (invitation.event.notifyAnswers) {
        // The organizer's counts must include this answer, so it is written now rather than with the batch.
        await writeRsvps(await turn.db(), [row]);
        await tellOrganizer(turn, invitation, answer, partySize);
      } else turn.defer("rsvp", row);
      const card = cardOf(turn, invitation);
      return {
        event: card.event,
        when: card.when,
        where: card.where,
        party: peopleText(turn.locale, partySize),
        name: turn.user.name,
        code: invitation.code,
      };
    },
  },
  choices: {
    // An invitation's buttons answer it whenever they are tapped: invitations reach people outside any conversation.
    async rsvp(turn, value, tools) {
      const chosen = readChoice(value);
      if (!chosen) return turn.say("choice.expired");
      const invitation = await findOpenInvitation(() => turn.db(), {
        userId: turn.user.id,
        typed: chosen.code,
        open: await openInvitations(turn),
        now: turn.now,
      });
      await answerFlow(turn, tools, [invitation], chosen.answer, chosen.party ? { party: chosen.party } : {});
    },
  },
  async understand(turn, text, tools) {
    // An answer in words typed outside any conversation ("ndiyo tutakuja watatu", "hapana, samahani nitakuwa
    // safarini", "watatu") answers the invitation waiting for an answer: what it says surely is recorded, what is
    // missing or unsure is asked. The numbers of an invitation's numbered choices (WhatsApp) answer when exactly one
    // waits.
    const number = /^\s*([123])\s*\.?\s*$/.exec(text)?.[1];
    const read = number ? undefined : readRsvp(text);
    const answer =
      read?.value.answer ?? (number ? (["accepted", "declined", "maybe"] as const)[Number(number) - 1] : undefined);
    if (!answer) return false;
    const open = await openInvitations(turn);
    const waiting = open.filter((i) => i.status === "pending");
    if (number && waiting.length !== 1) return false;
    if (!open.length) {
      // Words only leaning to an answer from someone with no invitation were likely about something else.
      if (read && read.confidence < sure) return false;
      turn.say("rsvp.none_open");
      return true;
    }
    const more = {
      ...(read?.value.party ? { party: read.value.party } : {}),
      ...(read && read.confidence < sure ? { unsure: true } : {}),
    };
    await answerFlow(turn, tools, waiting.length === 1 ? waiting : open, answer, more);
    return true;
  },
  async nextSteps(turn) {
    const waiting = (await openInvitations(turn)).filter((i) => i.status === "pending");
    return waiting.map((i) =>
      turn.render({
        key: "rsvp.waiting",
        params: { event: i.event.name, when: whenText(turn, i.event.startTime, i.event.timeZone), code: i.code },
      }),
    );
  },
  opens: openInvitation,
  preload: {
    invitations: {
      // Every message that may answer an invitation (words, a number, a tap, a step of the RSVP flow) or greet (the
      // greeting lists what waits); decided from the message alone, so other messages cost nothing. Runs on every
      // message: the cheap tests first, the reader (one normalise, no database) only for a short text.
      wants: ({ event, conversation }) => {
        if (conversation?.flow === "rsvp") return true;
        const c = event.content;
        if (c.kind === "choice") return c.value.startsWith("rsvp:");
        if (c.kind !== "text" || c.text.length > 160 || c.text.startsWith("/")) return false;
        return /^\s*\d{1,2}\s*\.?\s*$/.test(c.text) || isGreeting(c.text) || readRsvp(c.text) !== undefined;
      },
      load: (tx, userIds, now) => openInvitationsOf(tx, userIds, now),
    },
  },
  writers: { rsvp: (tx, rows: RsvpRow[]) => writeRsvps(tx, rows) },
};
