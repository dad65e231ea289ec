// Shapes of reply the journeys share: tidings to other people, a list, a chart after it, links that open the bot,
// and the Yes / No / Maybe buttons of an invitation.
import { choiceValue } from "../../flows/rsvp.flow.js";
import type { Turn } from "../engine/turn.js";
import { barChartPng, type BarChart } from "../charts/bar-chart.js";
import type { Tidings } from "../engine/tell.js";
import type { RenderedReply } from "../engine/turn.js";
import { render, t, type Locale, type Message, type PlainKey } from "../i18n/index.js";
import { fileStem } from "./format.js";

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
