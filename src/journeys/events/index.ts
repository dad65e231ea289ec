// The organizer's side: creating an event, inviting guests (by numbers or shared contacts) who are sent their
// invitation at once, following the answers, links to forward, letting in people who asked through the event's
// link, and being told of each answer. Every command about an event takes its code, or none when the organizer has
// exactly one upcoming event; a code of someone else's event is answered like an unknown one.
import { Prisma } from "../../generated/prisma/client.js";
import { inviteFlow } from "../../../flows/invite.flow.js";
import { newEventFlow, type NewEventArgs } from "../../../flows/newevent.flow.js";
import { normaliseCode } from "../../domain/codes.js";
import {
  countAnswers,
  createEvent,
  listEventGuests,
  listOrganizerEventsWithCounts,
  setNotifyAnswers,
  type OrganizerEvent,
} from "../../domain/events.js";
import {
  approveRequest,
  inviteGuests,
  listRequests,
  requestInvitation,
  type InvitedGuest,
} from "../../domain/invitations.js";
import { normalisePhone } from "../../domain/phones.js";
import { isWhatsAppChannel } from "../../channels/channel.js";
import type { Turn } from "../../engine/turn.js";
import type { Tx } from "../../db/prisma.js";
import { AppError } from "../../errors.js";
import { isLocale, label, plural, type Locale, message, render } from "../../i18n/index.js";
import { formatDateTime } from "../../i18n/dates.js";
import type { CommandHandler, CommandTools, Journey } from "../journey.js";
import {
  codeOf,
  openLinks,
  organizerEvent,
  peopleText,
  rsvpChoices,
  sendChart,
  splitCode,
  tidingsOf,
  whenText,
  whereText,
} from "../list.js";
import { answerCounts } from "./counts.js";
import { readGuestList } from "./invite-list.js";
import { splitFields } from "../../language/fields.js";
import { optedOutGuests } from "../../domain/opt-outs.js";
import { quotas, recordUse } from "../../domain/quotas.js";
import { randomCode } from "../../domain/codes.js";
import { privateOnly } from "../privacy/index.js";
import { fitInvitationQuotas } from "./invite-quota.js";

/** The invitation as each guest reads it, in their language, with Yes / No / Maybe. */
function invitationTidings(event: OrganizerEvent, host: string) {
  return {
    type: "invitation",
    eventId: event.id,
    message: (locale: Locale) => {
      const params = {
        host,
        event: event.name,
        when: event.startTime
          ? formatDateTime(event.startTime, event.timeZone, locale)
          : render(locale, { key: "when.unknown" }),
        where: event.location || render(locale, { key: "where.unknown" }),
      };
      return {
        text: render(locale, { key: "invitation.card", params }),
        choices: rsvpChoices(locale, event.code),
        // Someone who never wrote to WhatsApp Cloud's number gets it as the approved template, with the same buttons.
        template: {
          kind: "invitation" as const,
          locale,
          params: [params.host, params.event, params.when, params.where],
        },
      };
    },
  };
}

/** Invites, sends the invitations, and tells the organizer what happened to each number. */
async function invite(
  turn: Turn,
  event: OrganizerEvent,
  guests: { phone: string; name?: string }[],
): Promise<{ invited: InvitedGuest[]; already: string[]; waiting: number; firstContacts: number; refusals: string[] }> {
  if (event.status === "cancelled" || event.status === "completed")
    throw new AppError("invite.event_closed", { event: event.name, status: label(`event.status.${event.status}`) });
  const tx = await turn.db();
  // The organizer's quotas (src/domain/quotas.ts): numbers beyond them are named back in refusals, not dropped.
  const fitted = await fitInvitationQuotas(turn, tx, guests);
  const { invited, already } = await inviteGuests(tx, {
    eventId: event.id,
    guests: fitted.guests,
    defaultLocale: turn.locale,
    timeZone: event.timeZone,
    now: turn.now,
  });
  const { waiting } = await turn.tell(
    { userIds: invited.map((g) => g.userId) },
    invitationTidings(event, turn.user.name),
  );
  const firsts = await firstContacts(
    turn,
    invited.map((g) => g.userId),
  );
  await recordUse(tx, {
    kind: "first_contact",
    userId: turn.user.id,
    eventId: event.id,
    amount: firsts,
    now: turn.now,
  });
  return { invited, already, waiting, firstContacts: firsts, refusals: fitted.refusals };
}

/** How many of these people WhatsApp will be writing to first (they never wrote on a running channel): paced slowly. */
async function firstContacts(turn: Turn, userIds: string[]): Promise<number> {
  if (!isWhatsAppChannel(turn.env.firstContact[0] ?? "") || !turn.env.firstContactBudget || !userIds.length) return 0;
  const [row] = await (await turn.db()).$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM users u WHERE u.id = ANY(${userIds}::uuid[]) AND u.phone IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM channel_identities ci WHERE ci.user_id = u.id AND ci.channel::text = ANY(${turn.env.running}::text[]))`;
  return row?.n ?? 0;
}

/** "about 3 hours" / "about 2 days": how long a first-contact budget takes for this many. */
function budgetDuration(turn: Turn, count: number, budget: { perHour: number; perDay: number }): string {
  if (count > budget.perDay)
    return turn.render({ key: "invite.duration.days", params: { n: Math.ceil(count / budget.perDay) } });
  const hours = Math.ceil(count / budget.perHour);
  return hours <= 1
    ? turn.render({ key: "invite.duration.hour" })
    : turn.render({ key: "invite.duration.hours", params: { n: hours } });
}

const inviteCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  if (!rest) return tools.startFlow(turn, "invite", { code: event.code, event: event.name });
  await inviteList(turn, event, rest);
};

/** A typed list: each bad or repeated entry is reported by itself, the good ones are invited. */
async function inviteList(turn: Turn, event: OrganizerEvent, text: string): Promise<number> {
  const list = readGuestList(text, turn.env.defaultCountry);
  const perMessage = quotas().invitesPerMessage;
  if (list.guests.length > perMessage) {
    turn.say("quota.invite_per_message", { limit: perMessage, count: list.guests.length });
    return 0;
  }
  if (!list.guests.length) {
    turn.say("invite.none_valid", { usage: turn.render({ key: "invite.usage", params: { code: event.code ?? "" } }) });
    return 0;
  }
  const { invited, already, waiting, firstContacts: firsts, refusals } = await invite(turn, event, list.guests);
  const lines = [turn.render({ key: "invite.sent", params: { event: event.name, count: invited.length } })];
  if (waiting) lines.push(plural(turn.locale, "invite.waiting_note", waiting, { code: event.code ?? "" }));
  const budget = turn.env.firstContactBudget;
  if (firsts && budget && turn.env.firstContact[0] === "whatsapp_cloud") {
    // The Cloud API is not slowed for safety, only capped by Meta's daily limit on conversations Nuru starts.
    if (firsts > budget.perDay)
      lines.push(
        plural(turn.locale, "invite.daily_limit_note", firsts, {
          perDay: budget.perDay,
          duration: budgetDuration(turn, firsts, budget),
          code: event.code ?? "",
        }),
      );
  } else if (firsts && budget) {
    lines.push(
      plural(turn.locale, "invite.first_contact_note", firsts, {
        perHour: budget.perHour,
        perDay: budget.perDay,
        duration: budgetDuration(turn, firsts, budget),
        code: event.code ?? "",
      }),
    );
  }
  if (list.invalid.length)
    lines.push(turn.render({ key: "invite.invalid", params: { list: list.invalid.join(", ") } }));
  if (list.duplicates.length)
    lines.push(turn.render({ key: "invite.duplicate", params: { list: list.duplicates.join(", ") } }));
  if (already.length) lines.push(turn.render({ key: "invite.already", params: { list: already.join(", ") } }));
  lines.push(...refusals);
  turn.send({ text: { text: lines.join("\n") } });
  return invited.length;
}

const newEventCommand: CommandHandler = async (turn, args, tools) => {
  // "Name | type | when | place | budget", or each on its own line (easier on a phone than "|").
  const parts = splitFields(args);
  const startArgs: NewEventArgs = parts.length ? { parts } : {};
  await tools.startFlow(turn, "newevent", startArgs);
};

const eventsCommand: CommandHandler = async (turn) => {
  const events = await listOrganizerEventsWithCounts(await turn.db(), turn.user.id);
  if (!events.length) return turn.say("events.none");
  const lines = events.map((e) =>
    turn.render({
      key: "events.item",
      params: {
        event: e.name,
        code: e.code ?? "-",
        when: whenText(turn, e.startTime, e.timeZone),
        ...answerCounts(e.counts),
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "events.header" }), ...lines].join("\n") } });
};

/** A guest's answer as the organizer reads it ("anakuja": they are coming, not "unakuja"). */
const statusText = (turn: Turn, status: string) =>
  turn.render({
    key: `guests.status.${(["accepted", "declined", "maybe"].includes(status) ? status : "pending") as "accepted" | "declined" | "maybe" | "pending"}`,
  });

const guestsCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "wageni" : "guests");
  const event = await organizerEvent(turn, codeOf(args));
  const tx = await turn.db();
  const [guests, counts, requests] = [
    await listEventGuests(tx, event.id),
    (await countAnswers(tx, [event.id])).get(event.id),
    await listRequests(tx, event.id),
  ];
  const stopped = await optedOutGuests(tx, event.id);
  const code = event.code ?? "";
  if (!guests.length && !requests.length) return turn.say("guests.none", { event: event.name, code });
  const c = counts ?? { accepted: 0, declined: 0, maybe: 0, pending: 0, headcount: 0 };
  const lines = [
    turn.render({
      key: "guests.header",
      params: { event: event.name, code, when: whenText(turn, event.startTime, event.timeZone), ...answerCounts(c) },
    }),
  ];
  for (const g of guests) {
    const status =
      g.status === "accepted" && g.party_size > 1
        ? turn.render({
            key: "guests.party",
            params: { status: statusText(turn, g.status), party: peopleText(turn.locale, g.party_size) },
          })
        : statusText(turn, g.status);
    // Who said STOP: the organizer knows why they hear nothing back, and that Nuru will not write to them.
    const shown = g.phone && stopped.has(g.phone) ? `${status} · ${turn.render({ key: "guests.opted_out" })}` : status;
    lines.push(turn.render({ key: "guests.item", params: { name: g.name, phone: g.phone ?? "", status: shown } }));
  }
  if (requests.length) {
    lines.push("", turn.render({ key: "guests.requests", params: { code } }));
    for (const r of requests) lines.push(`• ${r.recipientName ?? ""} ${r.recipientPhone ?? ""}`.replace(/\s+/g, " "));
  }
  turn.send({ text: { text: lines.join("\n") } });
  sendChart(turn, {
    title: turn.render({ key: "chart.guests", params: { event: event.name } }),
    subtitle: turn.render({ key: "chart.guests.sub", params: { people: c.headcount } }),
    bars: (["accepted", "declined", "maybe", "pending"] as const).map((status) => ({
      label: statusText(turn, status),
      value: c[status],
    })),
  });
};

/** The ways to open a code: a Telegram deep link, a WhatsApp click-to-chat link, or the words to send. */
function linksFor(turn: Turn, code: string): string {
  const { telegram, whatsapp } = openLinks(turn, code);
  const parts: string[] = [];
  if (telegram) parts.push(turn.render({ key: "link.telegram", params: { url: telegram } }));
  if (whatsapp) parts.push(turn.render({ key: "link.whatsapp", params: { url: whatsapp } }));
  if (!parts.length) parts.push(turn.render({ key: "link.simulator", params: { code } }));
  return parts.join(" · ");
}

/**
 * The secret of the event-wide link, made the first time it is asked for: 13 characters of a 31-letter alphabet
 * (64 bits), so nobody finds a way in by trying codes; the short event code opens nothing for a stranger.
 */
async function shareTokenOf(tx: Tx, eventId: string): Promise<string> {
  const found = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { shareToken: true } });
  if (found.shareToken) return found.shareToken;
  const token = randomCode(13);
  await tx.event.update({ where: { id: eventId }, data: { shareToken: token } });
  return token;
}

const linkCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "kiungo" : "link");
  const event = await organizerEvent(turn, codeOf(args));
  const tx = await turn.db();
  const invitations = await tx.invitation.findMany({
    where: { eventId: event.id, sentAt: { not: null }, code: { not: null } },
    select: { code: true, recipientName: true, recipientPhone: true },
    orderBy: { recipientName: "asc" },
  });
  const code = event.code ?? "";
  const lines = [turn.render({ key: "link.header", params: { event: event.name, code } })];
  for (const i of invitations)
    lines.push(
      turn.render({
        key: "link.guest",
        params: { name: i.recipientName ?? i.recipientPhone ?? "", links: linksFor(turn, i.code!) },
      }),
    );
  lines.push(
    "",
    turn.render({ key: "link.event", params: { links: linksFor(turn, await shareTokenOf(tx, event.id)) } }),
  );
  // Recorded per platform the links were made for, so the organizer's sharing can be counted.
  const platforms = [
    ...(turn.env.links?.telegramBot ? ["telegram"] : []),
    ...(turn.env.links?.whatsappNumber ? ["whatsapp"] : []),
    turn.event.channel,
  ];
  await tx.eventShare.createMany({
    data: [...new Set(platforms)].map((platform) => ({ eventId: event.id, sharedBy: turn.user.id, platform })),
  });
  turn.send({ text: { text: lines.join("\n") } });
};

const approveCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  const phone = rest ? normalisePhone(rest, turn.env.defaultCountry) : undefined;
  if (!phone) return turn.say("approve.invalid", { code: event.code ?? "" });
  const guest = await approveRequest(await turn.db(), { eventId: event.id, phone, now: turn.now });
  await turn.tell({ userIds: [guest.userId] }, invitationTidings(event, turn.user.name));
  turn.say("approve.done", { name: guest.name, phone });
};

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

/**
 * An event's shared link (its secret token): whoever opens it with a number on the guest list gets their invitation;
 * anyone else is a request the organizer may approve, told nothing of the event (not even its name) until then. The
 * short event code works only for its organizer and people already invited: for anyone else it is unknown, so
 * guessing codes finds nothing. A chat account without a number (Telegram) first shares it.
 */
async function openEventLink(turn: Turn, typed: string, tools: CommandTools): Promise<boolean> {
  const code = normaliseCode(typed);
  if (!code) return false;
  const tx = await turn.db();
  const select = { id: true, name: true, code: true, organizerId: true, status: true } as const;
  const shared = await tx.event.findUnique({ where: { shareToken: code }, select });
  const event =
    shared ??
    (await tx.event.findUnique({ where: { code }, select })) ??
    (await tx.event.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select }));
  if (!event) return false;
  if (event.organizerId === turn.user.id) {
    turn.say("event.own_link", { event: event.name, code: event.code ?? code });
    return true;
  }
  // Without a number nobody can be told apart from a stranger: only the secret link goes on to ask for one.
  if (!turn.user.phone) {
    if (!shared) return false;
    await tools.startFlow(turn, "claim", { code });
    return true;
  }
  const invitation = await tx.invitation.findUnique({
    where: { eventId_recipientPhone: { eventId: event.id, recipientPhone: turn.user.phone } },
    select: { code: true, sentAt: true },
  });
  if (invitation?.sentAt && invitation.code) return tools.open(turn, invitation.code);
  if (!shared) return false;
  if (invitation) {
    turn.say("share.already_asked");
    return true;
  }
  if (event.status === "cancelled" || event.status === "completed") return false;
  await requestInvitation(tx, {
    eventId: event.id,
    phone: turn.user.phone,
    name: turn.user.name,
    now: turn.now,
    defaultLocale: isLocale(turn.user.locale) ? turn.user.locale : turn.locale,
    timeZone: turn.timeZone,
  });
  if (event.organizerId) {
    // The organizer's commands take the event's code, not the link's secret.
    const params = { name: turn.user.name, phone: turn.user.phone, event: event.name, code: event.code ?? "" };
    await turn.tell(
      { userIds: [event.organizerId] },
      tidingsOf("join_request", event.id, message("open.request_to_organizer", params)),
    );
  }
  turn.say("share.requested", { name: turn.user.name });
  return true;
}

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
