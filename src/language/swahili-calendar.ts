// What every Swahili chrono parser (swahili-days.ts, swahili-hours.ts) needs: patterns as chrono wants them, and the
// calendar of the zone the caller gave chrono (its reference), never the machine's.
import type { ParsingContext } from "chrono-node";

/** A word-bounded pattern: chrono restarts a failed match one character on, so a word must start after a space. */
export function bounded(inner: string): RegExp {
  return new RegExp(`(?<=^|\\s)(?:${inner})(?=\\s|$)`);
}

/** chrono asks a parser for its pattern on every message: compile it once. */
export const once = (pattern: RegExp) => () => pattern;

/** The wall-clock day in the caller's zone, `days` on from today: [year, month 1-12, day, weekday 0-6]. */
export function dayFrom(context: ParsingContext, days: number): [number, number, number, number] {
  const today = context.reference.getDateWithAdjustedTimezone();
  // Noon, so a daylight-saving change on the machine running this cannot move the day.
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days, 12);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getDay()];
}

/** A chrono result for a whole day ([year, month, day, weekday]), tagged as ours (and `tag`, e.g. vague). */
export function dayResult(
  context: ParsingContext,
  match: RegExpMatchArray,
  [year, month, day, weekday]: number[],
  tag?: string,
) {
  const result = context.createParsingResult(match.index!, match[0], {
    year: year!,
    month: month!,
    day: day!,
    weekday: weekday!,
  });
  result.addTag("parser/swahili");
  if (tag) result.addTag(tag);
  return result;
}

/** The day and month in the caller's calendar: the given year, else this year's unless it has passed (then next year's). */
export function calendarDay(context: ParsingContext, day: number, month: number, year?: number): number[] | undefined {
  const [thisYear, thisMonth, today] = dayFrom(context, 0);
  const passed = month < thisMonth || (month === thisMonth && day < today);
  const y = year === undefined ? thisYear + (passed ? 1 : 0) : year < 100 ? 2000 + year : year;
  const d = new Date(y, month - 1, day, 12);
  // 31 February rolls over into March: not a real date.
  if (month < 1 || month > 12 || d.getMonth() !== month - 1 || d.getDate() !== day) return undefined;
  return [y, month, day, d.getDay()];
}
