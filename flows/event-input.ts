// Reading what an organizer types about an event: a date and time in their zone, an amount of money, a kind of event.
// Pure, so every rule is unit-tested; the flows and the one-line commands share them. Dates and money are read by
// the understanding layer (src/language/), so every command and flow that reads them understands the same words.
import { instantIn, readDateTime, todayIn, type DateTimeValue } from "../src/language/dates.js";
import { readMoney } from "../src/language/money.js";
import { isSure } from "../src/language/reading.js";

/**
 * What a flow needs to know of a date typed for an event: the instant (upcoming or past), a day without its time (ask
 * "saa ngapi?"), a time without its day (ask which day, or combine with the day already known), or not understood —
 * which is never called "past".
 */
export type EventWhen =
  | { kind: "upcoming"; at: Date }
  | { kind: "past"; at: Date }
  | { kind: "day"; date: string; past: boolean }
  | { kind: "time"; hour: number; minute: number }
  | { kind: "unknown" };

/**
 * Reads an event's date and time in its zone (src/language/dates.ts). A time alone is combined with `day`
 * ("YYYY-MM-DD") when the flow already knows it; a day alone with `time` when the flow already has one.
 */
export function readEventWhen(
  raw: string,
  timeZone: string,
  now: Date,
  known: { day?: string; time?: { hour: number; minute: number } } = {},
): EventWhen {
  const r = readDateTime(raw, { timeZone, now });
  if (!isSure(r)) return { kind: "unknown" };
  const value: DateTimeValue = r.value;
  const at = (date: string, hour: number, minute: number) => instantIn(timeZone, { date }, hour, minute);
  const instant = (when: Date): EventWhen => (when > now ? { kind: "upcoming", at: when } : { kind: "past", at: when });
  switch (value.kind) {
    case "instant":
      return instant(value.at);
    case "time":
      return known.day
        ? instant(at(known.day, value.hour, value.minute))
        : { kind: "time", hour: value.hour, minute: value.minute };
    case "date":
      if (known.time) return instant(at(value.date, known.time.hour, known.time.minute));
      return { kind: "day", date: value.date, past: value.date < todayIn(timeZone, now) };
  }
}

/**
 * A date and time people type, in the given zone -> the instant (which may have passed: the caller says so);
 * undefined when it is not a whole, sure date and time. English through chrono-node, Kiswahili through our parsers
 * ("kesho saa 8 mchana", "Jumamosi ijayo saa nane mchana", "tarehe 20 Desemba saa 4 asubuhi"), numbers day first
 * ("13/02/2027 14:00", "20.12 2pm", "2027-02-13 14:00").
 */
export function parseEventDate(raw: string, timeZone: string, now: Date = new Date()): Date | undefined {
  const r = readDateTime(raw, { timeZone, now });
  return isSure(r) && r.value.kind === "instant" ? r.value.at : undefined;
}

/**
 * "5,000,000", "5m", "milioni 5", "500k", "laki tano", "elfu hamsini", "100,000/=", "TSh 50,000" -> the amount;
 * undefined otherwise, and for a number that is not surely money ("miaka 50 ya ndoa" is a wish, not a pledge).
 */
export function parseAmount(raw: string): number | undefined {
  const r = readMoney(raw);
  return isSure(r) ? r.value : undefined;
}

/** The kinds of event offered as choices; anything else typed is kept as typed. */
export const eventTypes = ["wedding", "sendoff", "burial", "corporate", "other"] as const;
export type EventType = (typeof eventTypes)[number];

const typeWords: Record<string, EventType> = {
  wedding: "wedding",
  harusi: "wedding",
  ndoa: "wedding",
  "wedding ceremony": "wedding",
  sendoff: "sendoff",
  "send-off": "sendoff",
  "send off": "sendoff",
  kitchen: "sendoff",
  "kitchen party": "sendoff",
  burial: "burial",
  funeral: "burial",
  msiba: "burial",
  mazishi: "burial",
  maziko: "burial",
  corporate: "corporate",
  kampuni: "corporate",
  kikampuni: "corporate",
  conference: "corporate",
  mkutano: "corporate",
  other: "other",
  nyingine: "other",
  "1": "wedding",
  "2": "sendoff",
  "3": "burial",
  "4": "corporate",
  "5": "other",
};

/** A kind typed or tapped ("harusi", "type:wedding") -> the kind, or the typed words (2-40 letters); undefined otherwise. */
export function parseEventType(raw: string): string | undefined {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/^type:/, "");
  if (typeWords[text]) return typeWords[text];
  return /^[\p{L}][\p{L} '&-]{1,39}$/u.test(raw.trim()) ? raw.trim() : undefined;
}
