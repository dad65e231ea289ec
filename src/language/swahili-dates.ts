// Kiswahili for chrono-node, through its own extension points (parsers it runs beside its English ones, so its
// refiners merge "Jumamosi ijayo" with "saa nane mchana" or "2pm" the way they merge English dates and times).
// Days: leo, kesho, keshokutwa / "kesho kutwa", mtondo, jana, juzi; weekdays Jumatatu … Jumapili with "ijayo" (next
// week's), "hii" (this week's); "tarehe 20 Desemba", "20 Des", "tarehe 5 mwezi ujao"; day.month numbers the East
// African way (20/12, 20.12.2027). Hours: Swahili time counts from sunrise ("saa nane mchana" = 14:00, "saa 9
// alasiri" = 15:00, "saa mbili usiku" = 20:00); "saa 14:00" and "14h" are the 24-hour clock.
// Every parser reads the normalised text (text.ts: lower case, no accents) and works on the calendar of the zone the
// caller gave chrono (its reference), never the machine's.
import type { Parser, ParsingContext } from "chrono-node";

/** A word-bounded pattern: chrono restarts a failed match one character on, so a word must start after a space. */
function bounded(inner: string): RegExp {
  return new RegExp(`(?<=^|\\s)(?:${inner})(?=\\s|$)`);
}

/** chrono asks a parser for its pattern on every message: compile it once. */
const once = (pattern: RegExp) => () => pattern;

/** The wall-clock day in the caller's zone, `days` on from today: [year, month 1-12, day, weekday 0-6]. */
function dayFrom(context: ParsingContext, days: number): [number, number, number, number] {
  const today = context.reference.getDateWithAdjustedTimezone();
  // Noon, so a daylight-saving change on the machine running this cannot move the day.
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days, 12);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getDay()];
}

function dayResult(
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
const weekdayPattern =
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
const monthPattern = monthWords.map(([w]) => w).join("|");
const monthRes = monthWords.map(([w, n]) => [new RegExp(`^(${w})$`), n] as const);
const monthOf = (word: string) => monthRes.find(([re]) => re.test(word))?.[1];

/** The day and month in the caller's calendar: the given year, else this year's unless it has passed (then next year's). */
function calendarDay(context: ParsingContext, day: number, month: number, year?: number): number[] | undefined {
  const [thisYear, thisMonth, today] = dayFrom(context, 0);
  const passed = month < thisMonth || (month === thisMonth && day < today);
  const y = year === undefined ? thisYear + (passed ? 1 : 0) : year < 100 ? 2000 + year : year;
  const d = new Date(y, month - 1, day, 12);
  // 31 February rolls over into March: not a real date.
  if (month < 1 || month > 12 || d.getMonth() !== month - 1 || d.getDate() !== day) return undefined;
  return [y, month, day, d.getDay()];
}

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

/** Swahili hour words: "saa nane" is the eighth hour after sunrise. */
const hourWords: Record<string, number> = {
  moja: 1,
  mbili: 2,
  tatu: 3,
  nne: 4,
  tano: 5,
  sita: 6,
  saba: 7,
  nane: 8,
  tisa: 9,
  kumi: 10,
  "kumi na moja": 11,
  "kumi na mbili": 12,
};
const minuteWords: Record<string, number> = { "na nusu": 30, "na robo": 15, "kasoro robo": -15, kasorobo: -15 };

/** The clock hours each part of the day covers ("saa moja jioni" is 19:00, as people say it). */
const partsOfDay: Record<string, (h: number) => boolean> = {
  alfajiri: (h) => h >= 4 && h <= 6,
  asubuhi: (h) => h >= 5 && h < 12,
  mchana: (h) => h >= 12 && h < 16,
  alasiri: (h) => h >= 14 && h < 18,
  jioni: (h) => h >= 16 && h <= 19,
  usiku: (h) => h >= 19 || h < 4,
};
const partPattern = "alfajiri|asubuhi|asbh|asubui|mchana|alasiri|jioni|jion|usiku";
/** A part of the day as typed ("asbh" is how many write asubuhi) -> its name in partsOfDay. */
const partSpellings: Record<string, string> = { asbh: "asubuhi", asubui: "asubuhi", jion: "jioni" };
const partOf = (typed: string | undefined) => (typed ? (partSpellings[typed] ?? typed) : undefined);

/**
 * Swahili hour n (1-12) -> the clock hour: six hours on, in the half of the day the part names, or by day without a
 * part (saa 1-5 morning, saa 6-11 afternoon: 12:00-17:00).
 */
export function swahiliClock(n: number, part: string | undefined): number | undefined {
  if (n < 1 || n > 12) return undefined;
  const base = (n + 6) % 12;
  if (!part) return base < 6 ? base + 12 : base;
  return [base, base + 12].find(partsOfDay[part]!);
}

/**
 * "saa nane mchana", "saa 8:30 mchana", "saa tatu na nusu asubuhi", "saa nne kasoro robo", "saa 9 alasiri", "saa 10"
 * (Swahili time, by day), "saa 14:00" (24-hour clock), "nane mchana" / "8 usiku" (the part says it is Swahili time).
 */
export const swahiliTime: Parser = {
  pattern: once(
    bounded(
      `(?:(${partPattern}) )?(?:(saa) )?(kumi na moja|kumi na mbili|kumi|moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|\\d{1,2})(?:[:.](\\d{2})|h(\\d{2})?)?` +
        `(?: (na nusu|na robo|kasoro robo|kasorobo|na dakika (\\d{1,2})))?(?: kamili)?(?: (?:za |ya )?(${partPattern}))?`,
    ),
  ),
  extract(context, match) {
    const [, partBefore, saa, hourText, minutes, hMinutes, fraction, dakika, partAfter] = match;
    // "jioni saa moja" says the part first; a part on each side must agree.
    if (partBefore && partAfter && partOf(partBefore) !== partOf(partAfter)) return null;
    const part = partOf(partAfter ?? partBefore);
    const h24 = match[0].includes("h") && /\dh/.test(match[0]);
    // Without "saa" or a part of the day, a bare number or word is not a time ("watu tano", "20").
    if (!saa && !part) return null;
    const digits = /^\d+$/.test(hourText!);
    const n = digits ? Number(hourText) : hourWords[hourText!]!;
    const minuteText = minutes ?? hMinutes;
    let minute = minuteText ? Number(minuteText) : 0;
    if (fraction) minute = dakika ? Number(dakika) : minuteWords[fraction]!;
    if (minute > 59) return null;
    let hour: number | undefined;
    if (digits && (n > 12 || n === 0 || h24)) {
      // The 24-hour clock: written with minutes ("saa 14:00", "saa 14h") and, with a part, only where it fits.
      if (n > 23 || (!minuteText && !h24) || (part && !partsOfDay[part]!(n))) return null;
      hour = n;
    } else {
      hour = swahiliClock(n, part);
    }
    if (hour === undefined) return null;
    // "saa tatu kasoro robo" is a quarter to the third hour: 08:45.
    if (minute < 0) {
      hour = (hour + 23) % 24;
      minute += 60;
    }
    const result = context.createParsingResult(match.index!, match[0], { hour, minute });
    result.addTag("parser/swahili");
    return result;
  },
};

/** "14h", "14h30", "1400hrs", "14:30 hrs": the 24-hour clock as written on notices (chrono reads "14h" as 14 hours). */
export const hoursClock: Parser = {
  pattern: once(bounded("(\\d{1,2})h(\\d{2})?|(\\d{1,2}):?(\\d{2}) ?(?:hrs|hr|hours)")),
  extract(context, match) {
    const hour = Number(match[1] ?? match[3]);
    const minute = Number(match[2] ?? match[4] ?? 0);
    if (hour > 23 || minute > 59) return null;
    const result = context.createParsingResult(match.index!, match[0], { hour, minute });
    result.addTag("parser/swahili");
    return result;
  },
};

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
