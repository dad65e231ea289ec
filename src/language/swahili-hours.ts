// Swahili hours for chrono (swahili-dates.ts lists every parser): Swahili time counts from sunrise ("saa nane
// mchana" = 14:00, "saa 9 alasiri" = 15:00, "saa mbili usiku" = 20:00); "saa 14:00" and "14h" are the 24-hour clock.
import type { Parser } from "chrono-node";
import { bounded, once } from "./swahili-calendar.js";
import { swahiliUnits } from "./number-words.js";

/** Swahili hour words: "saa nane" is the eighth hour after sunrise. */
const hourWords: Record<string, number> = {
  ...swahiliUnits,
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
export const partPattern = "alfajiri|asubuhi|asbh|asubui|mchana|alasiri|jioni|jion|usiku";
/** A part of the day as typed ("asbh" is how many write asubuhi) -> its name in partsOfDay. */
const partSpellings: Record<string, string> = { asbh: "asubuhi", asubui: "asubuhi", jion: "jioni" };
const partOf = (typed: string | undefined) => (typed ? (partSpellings[typed] ?? typed) : undefined);

/**
 * Swahili hour n (1-12) -> the clock hour: six hours on, in the half of the day the part names, or by day without a
 * part (saa 1-5 morning, saa 6-11 afternoon: 12:00-17:00).
 */
function swahiliClock(n: number, part: string | undefined): number | undefined {
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
