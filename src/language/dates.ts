// Dates and times as people type them, in English (chrono-node) and Kiswahili (our parsers, in chrono: swahili-dates.ts),
// read in the event's IANA zone. What comes back says what was understood: a whole instant, a day without a time (the
// flow asks "saa ngapi?"), a time without a day (the flow asks which day, or combines with the day it knows), or
// nothing. Chrono's own instants are never used: with a zone, some of its relative phrases came back in UTC
// (ENVIRONMENT.md), so the instant is built here from the calendar components it read, with TZDate in the zone.
import { TZDate } from "@date-fns/tz";
import { en, type ParsedResult } from "chrono-node";
import { reading, type Reading } from "./reading.js";
import { mayHoldDate, swahiliParsers } from "./swahili-dates.js";
import { words } from "./text.js";

export type DateTimeValue =
  /** a day and a time: the instant */
  | { kind: "instant"; at: Date }
  /** a day without a time: "kesho", "Jumamosi ijayo", "20 Desemba" */
  | { kind: "date"; date: string }
  /** a time without a day: "saa 9 alasiri", "2pm" */
  | { kind: "time"; hour: number; minute: number };

export interface DateContext {
  /** the IANA zone the words are meant in (the event's, else the person's) */
  timeZone: string;
  now: Date;
}

// Casual English (month first in "Dec 24"), with our parsers first so that, where two read the same words, ours win
// (chrono keeps the first of two equally long readings): "20/12" is the 20th of December here.
const reader = en.casual.clone();
reader.parsers.unshift(...swahiliParsers);

/** Joining words dropped before chrono reads, so its refiners see a date and a time side by side. */
const joiners = /(?<=^|\s)(siku ya|majira ya|kuanzia|ifikapo|mnamo|kufikia|muda wa|wakati wa)(?=\s|$)/g;

/** Words that may sit around a date without changing it ("ni kesho", "it starts on Saturday", "kesho jioni"). */
const filler = new Set([
  "ni",
  "itakuwa",
  "itaanza",
  "inaanza",
  "itafanyika",
  "tunaanza",
  "tutaanza",
  "ianze",
  "kwenye",
  "katika",
  "na",
  "ya",
  "wa",
  "la",
  "za",
  "saa",
  "kamili",
  "tafadhali",
  "sawa",
  "ok",
  "asubuhi",
  "asbh",
  "mchana",
  "alasiri",
  "jioni",
  "jion",
  "usiku",
  "alfajiri",
  "at",
  "on",
  "the",
  "from",
  "starting",
  "starts",
  "start",
  "it",
  "is",
  "will",
  "be",
  "its",
  "it's",
  "by",
  "in",
  "please",
  "morning",
  "afternoon",
  "evening",
  "night",
  "this",
  "of",
  // the event named around its date in a when step ("harusi itakuwa Jumamosi ijayo")
  "harusi",
  "sherehe",
  "tukio",
  "event",
  "wedding",
  "party",
  "kikao",
  "mkutano",
  "msiba",
  "mazishi",
  "inakuwa",
  "itakua",
  "tutakuwa",
]);

/**
 * Longer than any date typed on its own: chrono's parsers restart after each failed match, so a long message of
 * numbers ("1 1 1 …") costs time that grows with its square; a date in a long message is not one to act on anyway.
 */
const maxLength = 80;

/** How sure a reading is when words were left over, or when it named no day ("mwezi ujao"). */
const leftoverConfidence = 0.5;
const vagueConfidence = 0.6;

/**
 * What the text says about a date and time, in the zone, or undefined when it names none. Sure (>= 0.8) when the
 * message is the date and time (with joining words); less when other words were left over, when it was vague ("mwezi
 * ujao"), or when two dates were named ("kesho au keshokutwa").
 */
export function readDateTime(raw: string, { timeZone, now }: DateContext): Reading<DateTimeValue> | undefined {
  const text = words(raw).text.replace(joiners, " ").replace(/\s+/g, " ").trim();
  if (!text || text.length > maxLength || !mayHoldDate.test(text) || impossibleDay(text)) return undefined;
  const offset = offsetAt(timeZone, now.getTime());
  const results = reader.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
  const first = results[0];
  if (!first) return undefined;
  const value = valueOf(first, timeZone);
  if (!value) return undefined;
  let confidence = 1;
  const left = leftover(text, results).filter((t) => !filler.has(t));
  if (left.length || results.length > 1 || wrongWeekday(first)) confidence = leftoverConfidence;
  else if (first.tags().has("swahili/vague")) confidence = vagueConfidence;
  if (value.kind !== "date" && bareHour(first))
    return reading(value.kind === "instant" ? dateOf(first) : value, Math.min(confidence, vagueConfidence));
  return reading(value, confidence);
}

/** "2027-13-01": a numeric date with no such month (chrono would swap it into 13 January). */
function impossibleDay(text: string): boolean {
  const iso = /(?:^|\s)\d{4}[-/.](\d{1,2})[-/.](\d{1,2})(?=\s|$)/.exec(text);
  return iso !== null && (Number(iso[1]) > 12 || Number(iso[1]) < 1 || Number(iso[2]) > 31 || Number(iso[2]) < 1);
}

/** "Jumamosi 13 Desemba" when the 13th is a Sunday: one of the two is a slip, so ask. */
function wrongWeekday(result: ParsedResult): boolean {
  const s = result.start;
  if (!s.isCertain("weekday") || !s.isCertain("day")) return false;
  return new Date(Date.UTC(s.get("year")!, s.get("month")! - 1, s.get("day")!)).getUTCDay() !== s.get("weekday");
}

/** The words no reading covered. */
function leftover(text: string, results: ParsedResult[]): string[] {
  let rest = text;
  for (const r of [...results].reverse()) rest = rest.slice(0, r.index) + " " + rest.slice(r.index + r.text.length);
  return rest.split(/\s+/).filter(Boolean);
}

/** Words after which a lone number is a day or a Swahili hour, not an hour on the English clock. */
const numberOwners =
  /^(saa|tarehe|st|nd|rd|th|tar|trh|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba|des)$/;

/** Words after a number that make it a time: "4 pm", "10 jioni", "14 hrs". */
const hourMarks = /^(am|pm|a\.m|p\.m|hrs|hours|oclock|o'clock|alfajiri|asubuhi|asbh|mchana|alasiri|jioni|jion|usiku)$/;

/**
 * "2027-02-13 14" or "Sunday at 3": an hour without minutes, am/pm or a Swahili part of the day is too easy to
 * misread (3 in the morning?), so the time is still to ask. A lone number after "saa", "tarehe" or a month is not one.
 */
function bareHour(result: ParsedResult): boolean {
  const tokens = result.text.split(" ");
  return tokens.some(
    (t, i) =>
      /^\d{1,2}$/.test(t) &&
      !numberOwners.test(tokens[i - 1] ?? "") &&
      !numberOwners.test(tokens[i + 1] ?? "") &&
      !hourMarks.test(tokens[i + 1] ?? ""),
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

function dateOf(result: ParsedResult): DateTimeValue {
  const s = result.start;
  return { kind: "date", date: `${s.get("year")}-${pad(s.get("month")!)}-${pad(s.get("day")!)}` };
}

/** The reading's value, the instant built in the zone from the calendar components chrono read. */
function valueOf(result: ParsedResult, timeZone: string): DateTimeValue | undefined {
  const s = result.start;
  const hasTime = s.isCertain("hour");
  const hasDay =
    s.isCertain("day") || s.isCertain("weekday") || s.isCertain("month") || result.tags().has("result/relativeDate");
  if (hasTime && !hasDay) return { kind: "time", hour: s.get("hour")!, minute: s.get("minute") ?? 0 };
  if (!hasTime) return dateOf(result);
  return {
    kind: "instant",
    at: instantIn(timeZone, dateOf(result) as { date: string }, s.get("hour")!, s.get("minute") ?? 0),
  };
}

/** The instant of a day ("2027-02-13") at a wall-clock time in the zone. */
export function instantIn(timeZone: string, day: { date: string }, hour: number, minute: number): Date {
  const [year, month, date] = day.date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // The offset at the guess, then at the instant it gives: they differ only across a daylight-saving change.
  const first = wall - offsetAt(timeZone, wall) * 60_000;
  return new Date(wall - offsetAt(timeZone, first) * 60_000);
}

/** Offsets by zone and quarter hour: asking Intl (TZDate) is the slowest step of reading a date, and they rarely change. */
const offsets = new Map<string, number>();

/** Minutes east of UTC in the zone at that instant (180 in East Africa, all year). */
function offsetAt(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = -new TZDate(ms, timeZone).getTimezoneOffset();
    if (offsets.size >= 5000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Today's calendar day in the zone, "YYYY-MM-DD" (to tell a past day from an upcoming one). */
export function todayIn(timeZone: string, now: Date): string {
  const t = new TZDate(now.getTime(), timeZone);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
