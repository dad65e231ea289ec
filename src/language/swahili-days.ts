// Swahili days for chrono (swahili-dates.ts lists every parser): leo, kesho, keshokutwa, mtondo, jana, juzi;
// weekdays with "ijayo" / "hii" / "iliyopita"; "tarehe 20 Desemba", "Desemba 20"; day-first numbers ("20/12");
// "tarehe 5 mwezi ujao". Days only: the hours of the day are swahili-hours.ts.
import type { Parser } from "chrono-node";
import { bounded, calendarDay, dayFrom, dayResult, once } from "./swahili-calendar.js";

/** Days named from today, in days from today. */
const relativeDays: Record<string, number> = {
  leo: 0,
  kesho: 1,
  keshokutwa: 2,
  "kesho kutwa": 2,
  "kesho kesho": 2,
  mtondo: 3,
  mtondogoo: 4,
  jana: -1,
  juzi: -2,
};

/** leo / kesho / keshokutwa / "kesho kutwa" / mtondo (in three days) / jana / juzi. */
export const swahiliRelativeDay: Parser = {
  pattern: once(bounded("kesho ?kutwa|kesho kesho|kesho|leo|mtondogoo|mtondo|jana|juzi")),
  extract: (context, match) =>
    dayResult(context, match, dayFrom(context, relativeDays[match[0].replace("keshokutwa", "kesho kutwa")]!)),
};

/** Weekday names as typed, full and short ("jmosi", "j'mosi", "jumamos"); Sunday is 0 as in Date.getDay(). */
const weekdayWords: [RegExp, number][] = [
  [/^(jumatatu|jumatat|jtatu|j'tatu|j3)$/, 1],
  [/^(jumanne|jumane|jnne|j'nne|j4)$/, 2],
  [/^(jumatano|jumatan|jtano|j'tano|j5)$/, 3],
  [/^(alhamisi|alhamis|alkhamisi|alamisi)$/, 4],
  [/^(ijumaa|ijuma|ijumaa)$/, 5],
  [/^(jumamosi|jumamos|jumamoc|jmosi|j'mosi|jmos)$/, 6],
  [/^(jumapili|jumapil|jpili|j'pili|jpil)$/, 0],
];
export const weekdayPattern =
  "jumatatu|jumatat|jtatu|j'tatu|j3|jumanne|jumane|jnne|j'nne|j4|jumatano|jumatan|jtano|j'tano|j5|alhamisi|alhamis|alkhamisi|alamisi|ijumaa|ijuma|jumamosi|jumamos|jumamoc|jmosi|j'mosi|jmos|jumapili|jumapil|jpili|j'pili|jpil";
const next = "ijayo|inayokuja|ijao|ya wiki ijayo|wiki ijayo|ya wiki ijao";
const same = "hii|ya wiki hii|wiki hii|hii inayokuja";
const last = "iliyopita|ya wiki iliyopita|wiki iliyopita";
const nextWeek = new RegExp(`^(${next}|wiki ijao)$`);
const lastWeek = new RegExp(`^(${last})$`);

/**
 * "Jumamosi" is the next Saturday after today (as chrono reads "Saturday"); "Jumamosi ijayo" / "wiki ijayo
 * Jumamosi" is next week's (weeks start on Monday, as chrono's "next Saturday"); "Jumamosi hii" this week's, which may
 * have passed; "Jumamosi iliyopita" last week's.
 */
export const swahiliWeekday: Parser = {
  pattern: once(
    bounded(`(?:(wiki ijayo|wiki ijao|wiki hii) (?:siku ya )?)?(${weekdayPattern})(?: (${next}|${same}|${last}))?`),
  ),
  extract(context, match) {
    const weekday = weekdayWords.find(([re]) => re.test(match[2]!))![1];
    const which = match[1] ?? match[3];
    const [, , , today] = dayFrom(context, 0);
    const mondayBased = (d: number) => (d + 6) % 7;
    const thisWeek = mondayBased(weekday) - mondayBased(today);
    let days: number;
    if (!which) days = (weekday - today + 7) % 7 || 7;
    else if (nextWeek.test(which)) days = thisWeek + 7;
    else if (lastWeek.test(which)) return dayResult(context, match, dayFrom(context, thisWeek - 7));
    else days = thisWeek;
    // The day is implied, not certain, so chrono merges "Jumamosi" with a date that follows ("Jumamosi tarehe 12").
    const [year, month, day] = dayFrom(context, days);
    const result = context.createParsingResult(match.index!, match[0], { weekday });
    result.start.imply("year", year).imply("month", month).imply("day", day);
    result.addTag("parser/swahili");
    return result;
  },
};

/** Month names, Swahili and English, full and short, as typed ("desemba", "des", "disemba", "dec"). */
const monthWords: [string, number][] = [
  ["januari|january|jan", 1],
  ["februari|febuari|feburuari|february|feb", 2],
  ["machi|march|mar|mac", 3],
  ["aprili|april|apr", 4],
  ["mei|may", 5],
  ["juni|june|jun", 6],
  ["julai|july|jul", 7],
  ["agosti|august|ago|agos|aug", 8],
  ["septemba|september|sept|sep", 9],
  ["oktoba|october|okt|oct", 10],
  ["novemba|november|nov", 11],
  ["desemba|disemba|december|des|dis|dec", 12],
];
export const monthPattern = monthWords.map(([w]) => w).join("|");
const monthRes = monthWords.map(([w, n]) => [new RegExp(`^(${w})$`), n] as const);
const monthOf = (word: string) => monthRes.find(([re]) => re.test(word))?.[1];

const datePrefix = "(?:(?:tarehe|tar|trh|terehe|tareh) )?";

/** A day of the month in digits or Swahili words ("tarehe ishirini na tano Desemba"). */
const unitWords = ["moja", "mbili", "tatu", "nne", "tano", "sita", "saba", "nane", "tisa"];
const dayNumber = `\\d{1,2}|(?:kumi|ishirini|thelathini)(?: na (?:${unitWords.join("|")}))?|${unitWords.join("|")}`;
function dayValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens, , unit] = text.split(" ");
  const tensValue = { kumi: 10, ishirini: 20, thelathini: 30 }[tens!];
  return tensValue === undefined ? unitWords.indexOf(tens!) + 1 : tensValue + (unit ? unitWords.indexOf(unit) + 1 : 0);
}

/** "tarehe 20 Desemba", "20 des 2027", "20th dec", "tarehe 20 mwezi wa 12", "Desemba 20". */
export const swahiliMonthDate: Parser = {
  pattern: once(
    bounded(
      `${datePrefix}(${dayNumber})(?:st|nd|rd|th)? (?:ya |mwezi wa |mwezi )?(?:(${monthPattern})|(\\d{1,2}))(?: (\\d{4}))?|(${monthPattern}) (?:tarehe )?(\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?`,
    ),
  ),
  extract(context, match) {
    const [, day1, monthWord1, monthNumber, year1, monthWord2, day2, year2] = match;
    // "20 12" without "mwezi wa" is two numbers, not a date.
    if (monthNumber && !/mwezi/.test(match[0])) return null;
    const month = monthNumber ? Number(monthNumber) : monthOf((monthWord1 ?? monthWord2)!);
    // A day in words needs "tarehe" before it: "tano desemba" alone is too easily something else.
    if (day1 && !/^\d/.test(day1) && !/^(tarehe|tar|trh|terehe|tareh) /.test(match[0])) return null;
    const day = dayValue((day1 ?? day2)!);
    const year = year1 ?? year2;
    const ymd = month === undefined ? undefined : calendarDay(context, day, month, year ? Number(year) : undefined);
    return ymd ? dayResult(context, match, ymd) : null;
  },
};

/** "20/12", "20.12", "20-12-2027", "13/02/2027": day first, as East Africa writes it (chrono's own reads month first). */
export const dayMonthNumbers: Parser = {
  pattern: once(bounded(`${datePrefix}(\\d{1,2})([/.-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?`)),
  extract(context, match) {
    const [, day, , month, year] = match;
    const ymd = calendarDay(context, Number(day), Number(month), year ? Number(year) : undefined);
    return ymd ? dayResult(context, match, ymd) : null;
  },
};

/** "tarehe 20" (this month's, or next month's when passed), "tarehe 5 mwezi ujao", "mwezi ujao" (vague: no day). */
export const swahiliDayOfMonth: Parser = {
  // The month may also come first ("mwezi ujao tarehe 5"); it must be tried before the vague "mwezi ujao" alone.
  pattern: once(
    bounded(
      `(?:tarehe|tar|trh) (${dayNumber})(?: (mwezi huu|mwezi ujao|mwezi unaokuja))?|(mwezi huu|mwezi ujao|mwezi unaokuja),? (?:tarehe|tar|trh) (${dayNumber})|(mwezi ujao|mwezi unaokuja|wiki ijayo|wiki ijao)`,
    ),
  ),
  extract(context, match) {
    const [, dayAfter, whichAfter, whichBefore, dayBefore, vague] = match;
    const dayText = dayAfter ?? dayBefore;
    const which = whichAfter ?? whichBefore;
    const [year, month, today] = dayFrom(context, 0);
    if (vague) {
      // A month or a week away, no day named: a date to confirm, not to act on.
      const ymd = vague.startsWith("wiki")
        ? dayFrom(context, 7)
        : (calendarDay(context, 1, (month % 12) + 1, month === 12 ? year + 1 : year) ?? []);
      return dayResult(context, match, ymd, "swahili/vague");
    }
    const day = dayValue(dayText!);
    const ahead = which ? which !== "mwezi huu" : day < today;
    const m = ahead ? (month % 12) + 1 : month;
    const ymd = calendarDay(context, day, m, ahead && month === 12 ? year + 1 : year);
    return ymd ? dayResult(context, match, ymd) : null;
  },
};
