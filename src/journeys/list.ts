// Helpers every journey's replies share.
import type { Turn } from "../engine/turn.js";
import { formatDateTime } from "../i18n/dates.js";
import { t, type PlainKey } from "../i18n/index.js";

/** An event time in its zone and the reader's language, or "date to be announced". */
export const whenText = (turn: Turn, date: Date | null | undefined, timeZone: string) =>
  date ? formatDateTime(date, timeZone, turn.locale) : turn.render({ key: "when.unknown" });

export const whereText = (turn: Turn, place: string | null | undefined) => place || turn.render({ key: "where.unknown" });

/** A list reply: the "none" message when there are no rows, else a header and one line per row. */
export function sendList<T>(turn: Turn, rows: T[], keys: { none: PlainKey; header: PlainKey }, line: (row: T) => string): void {
  if (!rows.length) return turn.say(keys.none);
  turn.send({ text: { text: [t(turn.locale, keys.header), ...rows.map(line)].join("\n") } });
}
