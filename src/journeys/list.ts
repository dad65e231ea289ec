// What the journeys share: reading a command's event code, finding the organizer's event, and showing times, places,
// money and lists the same way everywhere.
import { choiceValue } from "../../flows/rsvp.flow.js";
import { findOrganizerEvent, type OrganizerEvent } from "../domain/events.js";
import type { Turn } from "../engine/turn.js";
import { barChartPng, type BarChart } from "../charts/bar-chart.js";
import type { Prisma } from "../generated/prisma/client.js";
import { formatDateTime } from "../i18n/dates.js";
import type { Tidings } from "../engine/tell.js";
import type { RenderedReply } from "../engine/turn.js";
import { render, t, type Locale, type Message, type PlainKey } from "../i18n/index.js";

/** An event code at the start of a command's arguments ("HARUSI-7K2 ..."): codes always have a hyphen, names and phones rarely. */
export function splitCode(args: string): { code?: string; rest: string } {
  const m = /^([A-Za-z0-9_]+-[A-Za-z0-9_-]+)(?:\s+([\s\S]*))?$/.exec(args.trim());
  return m ? { code: m[1]!, rest: (m[2] ?? "").trim() } : { rest: args.trim() };
}

/** The event code a command that takes nothing else was given: the code, or whatever was typed (refused as unknown). */
export const codeOf = (args: string): string | undefined => splitCode(args).code ?? (args.trim() || undefined);

/** The organizer's event by this code, or their one upcoming event; anyone else's code is refused as unknown. */
export async function organizerEvent(turn: Turn, code: string | undefined): Promise<OrganizerEvent> {
  return findOrganizerEvent(await turn.db(), { organizerId: turn.user.id, code: code || undefined, now: turn.now });
}

/** Tidings of one catalogue message whose parameters are the same for every reader: only the language differs. */
export function tidingsOf(
  type: string,
  eventId: string | null | undefined,
  message: Message,
  extra: Omit<RenderedReply, "text"> = {},
): Tidings {
  return { type, ...(eventId ? { eventId } : {}), message: (locale) => ({ text: render(locale, message), ...extra }) };
}

/** Links that open the bot with "start <code>": a Telegram deep link and a WhatsApp click-to-chat link, where known. */
export function openLinks(turn: Turn, code: string): { telegram?: string; whatsapp?: string } {
  const { telegramBot, whatsappNumber } = turn.env.links ?? {};
  return {
    ...(telegramBot ? { telegram: `https://t.me/${telegramBot}?start=${code}` } : {}),
    ...(whatsappNumber
      ? { whatsapp: `https://wa.me/${whatsappNumber}?text=${encodeURIComponent(`start ${code}`)}` }
      : {}),
  };
}

/**
 * Yes / No / Maybe for an event's invitation, in a language: the event's code in the value, so one message serves
 * every guest (each has one invitation to it) and a tap works whenever it comes (an invitation, a nudge).
 */
export function rsvpChoices(locale: Locale, eventCode: string | null): { label: string; value: string }[] {
  return (["yes", "no", "maybe"] as const).map((answer) => ({
    label: render(locale, { key: `rsvp.choice.${answer}` }),
    value: choiceValue(eventCode ?? "", answer),
  }));
}

/** "1 person" / "3 people" ("mtu 1" / "watu 3"): a party size in a language. */
export const peopleText = (locale: Locale, count: number) =>
  count === 1
    ? render(locale, { key: "rsvp.people.one" })
    : render(locale, { key: "rsvp.people.many", params: { count } });

/** "TZS 50,000": whole amounts without decimals, others with two. */
export function formatMoney(
  amount: Prisma.Decimal | number | null | undefined,
  currency: string | null | undefined,
): string {
  const n = Number(amount ?? 0);
  const text = n.toLocaleString("en-GB", {
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return `${currency ?? "TZS"} ${text}`;
}

/** An event time in its zone and the reader's language, or "date to be announced". */
export const whenText = (turn: Turn, date: Date | null | undefined, timeZone: string) =>
  date ? formatDateTime(date, timeZone, turn.locale) : turn.render({ key: "when.unknown" });

export const whereText = (turn: Turn, place: string | null | undefined) =>
  place || turn.render({ key: "where.unknown" });

/** "Harusi ya Neema & Baraka" -> "Harusi-ya-Neema-Baraka": a name for a file, safe in any file system (accents dropped). */
export function fileStem(name: string, fallback: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return stem || fallback;
}

/** A chart as a picture after a list: its title is the caption; the file is named after it. */
export function sendChart(turn: Turn, chart: BarChart): void {
  turn.send({
    text: { text: `📊 ${chart.title}` },
    document: {
      filename: `${fileStem(chart.title, "chart")}.png`,
      mimeType: "image/png",
      base64: barChartPng(chart).toString("base64"),
    },
  });
}

/** A list reply: the "none" message when there are no rows, else a header and one line per row. */
export function sendList<T>(
  turn: Turn,
  rows: T[],
  keys: { none: PlainKey; header: PlainKey },
  line: (row: T) => string,
): void {
  if (!rows.length) return turn.say(keys.none);
  turn.send({ text: { text: [t(turn.locale, keys.header), ...rows.map(line)].join("\n") } });
}
