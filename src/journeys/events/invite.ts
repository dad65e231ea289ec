// /invite: guests added by typed numbers or a shared contact, each sent the invitation at once in their language, and
// the organizer told what happened to every number (invited, already there, invalid, over a quota, paced as a first
// contact on WhatsApp).
import { isWhatsAppChannel } from "../../channels/channel.js";
import type { OrganizerEvent } from "../../domain/events.js";
import { type InvitedGuest, inviteGuests } from "../../domain/invitations.js";
import { quotas, recordUse } from "../../domain/quotas.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { label, type Locale, plural, render } from "../../i18n/index.js";
import type { CommandHandler } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { rsvpChoices } from "../replies.js";
import { readGuestList } from "./invite-list.js";
import { fitInvitationQuotas } from "./invite-quota.js";

/** The invitation as each guest reads it, in their language, with Yes / No / Maybe. */
export function invitationTidings(event: OrganizerEvent, host: string) {
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
export async function invite(
  turn: Turn,
  event: OrganizerEvent,
  guests: { phone: string; name?: string }[],
): Promise<{ invited: InvitedGuest[]; already: string[]; waiting: number; firstContacts: number; refusals: string[] }> {
  if (event.status === "cancelled" || event.status === "completed")
    throw new AppError("invitation.event_closed", { event: event.name, status: label(`event.status.${event.status}`) });
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

export const inviteCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const event = await organizerEvent(turn, code);
  if (!rest) return tools.startFlow(turn, "invite", { code: event.code, event: event.name });
  await inviteList(turn, event, rest);
};

/** A typed list: each bad or repeated entry is reported by itself, the good ones are invited. */
export async function inviteList(turn: Turn, event: OrganizerEvent, text: string): Promise<number> {
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
