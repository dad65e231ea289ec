// Links to forward: /link gives each invited guest's link and the event-wide one; opening the event-wide link (its
// secret token) lets a guest in or asks the organizer, and the short code opens nothing for a stranger.
import { normaliseCode, randomCode } from "../../domain/codes.js";
import { requestInvitation } from "../../domain/invitations.js";
import type { Turn } from "../../engine/turn.js";
import type { Tx } from "../../db/prisma.js";
import { isLocale, message } from "../../i18n/index.js";
import type { CommandHandler, CommandTools } from "../journey.js";
import { codeOf, organizerEvent } from "../event-code.js";
import { openLinks, tidingsOf } from "../replies.js";
import { privateOnly } from "../privacy/index.js";

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

export const linkCommand: CommandHandler = async (turn, args) => {
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

/**
 * An event's shared link (its secret token): whoever opens it with a number on the guest list gets their invitation;
 * anyone else is a request the organizer may approve, told nothing of the event (not even its name) until then. The
 * short event code works only for its organizer and people already invited: for anyone else it is unknown, so
 * guessing codes finds nothing. A chat account without a number (Telegram) first shares it.
 */
export async function openEventLink(turn: Turn, typed: string, tools: CommandTools): Promise<boolean> {
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
