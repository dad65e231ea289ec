// Commands, in English and Swahili, with or without the leading "/" (WhatsApp has no command menu). A command works
// at any step of a conversation.
import { isLocale } from "../i18n/index.js";
import type { MessageKey, Params } from "../i18n/index.js";
import { formatDateTime } from "../i18n/dates.js";
import { listGuestInvitations, listOrganizerEvents, listProviderBookings, rolesOf } from "../domain/overview.js";
import { claimFoundInvitation, findInvitationByCode } from "../domain/invitations.js";
import type { Turn } from "./turn.js";

export interface CommandTools {
  startFlow(turn: Turn, name: string, args?: Record<string, string>): Promise<void>;
}

export type CommandHandler = (turn: Turn, args: string, tools: CommandTools) => Promise<void>;

export interface ParsedCommand {
  name: string;
  args: string;
}

/** "/help", "help", "/Lugha sw", "/start@NuruBot CODE" -> { name, args }; undefined when not a command we know. */
export function parseCommand(text: string, known: ReadonlySet<string>): ParsedCommand | undefined {
  const match = /^\s*(\/)?([A-Za-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  const name = match[2]!.toLowerCase();
  if (!known.has(name)) return undefined;
  const args = (match[3] ?? "").trim();
  // Without the slash only a bare word (or "language sw") counts, so ordinary sentences are not taken as commands.
  if (!match[1] && args.split(/\s+/).length > 1) return undefined;
  return { name, args };
}

const whenText = (turn: Turn, date: Date | null, timeZone: string) =>
  date ? formatDateTime(date, timeZone, turn.locale) : turn.render({ key: "when.unknown" });

const help: CommandHandler = async (turn) => {
  const roles = await rolesOf(await turn.db(), turn.user.id);
  const parts: MessageKey[] = ["help.general"];
  if (roles.guest || (!roles.organizer && !roles.provider)) parts.push("help.guest");
  if (roles.organizer) parts.push("help.organizer");
  if (roles.provider) parts.push("help.provider");
  if (turn.event.channel === "whatsapp") parts.push("help.whatsapp_no_slash");
  const body = [turn.render({ key: "help.header", params: { name: turn.user.name } }), ...parts.map((k) => turn.render({ key: k }))];
  turn.send({ text: { text: body.join("\n\n") } });
};

const language: CommandHandler = async (turn, args, tools) => {
  if (!args) return tools.startFlow(turn, "language");
  const wanted = args.toLowerCase();
  if (!isLocale(wanted)) return turn.say("language.invalid");
  turn.writes.setLocale(turn.user.id, wanted);
  turn.locale = wanted;
  turn.say("language.set");
};

const cancel: CommandHandler = async (turn) => {
  if (!turn.conversation) return turn.say("cancel.nothing");
  turn.setConversation(undefined);
  turn.say("cancel.done");
};

const start: CommandHandler = async (turn, args, tools) => {
  if (turn.conversation) turn.setConversation(undefined);
  if (!args) return turn.say("welcome.back", { name: turn.user.name });
  const tx = await turn.db();
  const invitation = await findInvitationByCode(tx, args);
  // Without a number of their own yet (Telegram), the person first proves which number they have.
  if (invitation.recipientPhone && !turn.user.phone) return tools.startFlow(turn, "claim", { code: args });
  const { event } = await claimFoundInvitation(tx, { userId: turn.user.id, invitation });
  turn.say("link.invitation", { event });
};

/** A list reply: the "none" message when there are no rows, else a header and one line per row. */
function sendList<T>(turn: Turn, rows: T[], keys: { none: MessageKey; header: MessageKey; item: MessageKey }, params: (row: T) => Params): void {
  if (!rows.length) return turn.say(keys.none);
  const lines = rows.map((row) => turn.render({ key: keys.item, params: params(row) }));
  turn.send({ text: { text: [turn.render({ key: keys.header }), ...lines].join("\n") } });
}

const invitations: CommandHandler = async (turn) => {
  const rows = await listGuestInvitations(await turn.db(), turn.user.id);
  // Invitations go to phone numbers; a chat account without one (Telegram) is offered the share button first.
  if (!rows.length && !turn.user.phone) {
    return turn.send({ text: { key: "link.ask_phone" }, requestPhone: { key: "link.ask_phone_button" } });
  }
  sendList(turn, rows, { none: "invitations.none", header: "invitations.header", item: "invitations.item" }, (g) => ({
    event: g.event!.name,
    when: whenText(turn, g.event!.startTime, g.event!.timeZone),
    where: g.event!.location ?? turn.render({ key: "where.unknown" }),
    status: turn.render({ key: `rsvp.status.${g.rsvpStatus ?? "pending"}` }),
  }));
};

const events: CommandHandler = async (turn) => {
  sendList(turn, await listOrganizerEvents(await turn.db(), turn.user.id), { none: "events.none", header: "events.header", item: "events.item" }, (e) => ({
    event: e.name,
    code: e.code ?? "-",
    when: whenText(turn, e.startTime, e.timeZone),
    guests: e._count.guests,
  }));
};

const bookings: CommandHandler = async (turn) => {
  sendList(turn, await listProviderBookings(await turn.db(), turn.user.id), { none: "bookings.none", header: "bookings.header", item: "bookings.item" }, (b) => ({
    service: b.service?.name ?? "-",
    event: b.event?.name ?? "-",
    when: b.event ? whenText(turn, b.event.startTime, b.event.timeZone) : turn.render({ key: "when.unknown" }),
    status: turn.render({ key: `booking.status.${b.bookingStatus}` }),
  }));
};

/** Every command by each of its names (English first, then Swahili). */
export const builtInCommands: Record<string, CommandHandler> = {
  help: help, msaada: help, menu: help,
  language: language, lugha: language,
  cancel: cancel, sitisha: cancel, acha: cancel, stop: cancel,
  start: start,
  invitations: invitations, mialiko: invitations,
  events: events, matukio: events,
  bookings: bookings, oda: bookings,
};
