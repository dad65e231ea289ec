// Kiswahili for chrono-node, through its own extension points (parsers it runs beside its English ones, so its
// refiners merge "Jumamosi ijayo" with "saa nane mchana" or "2pm" the way they merge English dates and times).
// Days: leo, kesho, keshokutwa / "kesho kutwa", mtondo, jana, juzi; weekdays Jumatatu … Jumapili with "ijayo" (next
// week's), "hii" (this week's); "tarehe 20 Desemba", "20 Des", "tarehe 5 mwezi ujao"; day.month numbers the East
// African way (20/12, 20.12.2027). Hours: Swahili time counts from sunrise ("saa nane mchana" = 14:00, "saa 9
// alasiri" = 15:00, "saa mbili usiku" = 20:00); "saa 14:00" and "14h" are the 24-hour clock.
// Every parser reads the normalised text (text.ts: lower case, no accents) and works on the calendar of the zone the
// caller gave chrono (its reference), never the machine's.
//
// The parsers live by what they read: swahili-days.ts (days and dates), swahili-hours.ts (times of day), on the
// helpers of swahili-calendar.ts; this file gathers them for dates.ts, with the test that spares chrono most messages.
import type { Parser } from "chrono-node";
import {
  dayMonthNumbers,
  monthPattern,
  swahiliDayOfMonth,
  swahiliMonthDate,
  swahiliRelativeDay,
  swahiliWeekday,
  weekdayPattern,
} from "./swahili-days.js";
import { hoursClock, partPattern, swahiliTime } from "./swahili-hours.js";

/**
 * Words without which no parser here or in chrono's English can find a date or time: a message with none of them
 * (most messages) is not given to chrono at all.
 */
export const mayHoldDate = new RegExp(
  `\\d|(?<![a-z])(?:${weekdayPattern}|${monthPattern}|leo|kesho|mtondo|jana|juzi|saa|tarehe|tar|trh|mwezi|wiki|${partPattern}` +
    "|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|tmrw|tmr|tom|yesterday|noon|midday|midnight|morning|afternoon|evening|night" +
    "|week|month|year|weekend|now|hour|minute|day|fortnight|christmas|xmas|eve|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|an)",
);

/** Every Swahili parser, in the order chrono should prefer them when two read the same words. */
export const swahiliParsers: Parser[] = [
  swahiliTime,
  hoursClock,
  swahiliWeekday,
  swahiliMonthDate,
  swahiliDayOfMonth,
  dayMonthNumbers,
  swahiliRelativeDay,
];
