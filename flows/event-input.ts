// Reading what an organizer types about an event: a date and time in their zone, an amount of money, a kind of event.
// Pure, so every rule is unit-tested; the flows and the one-line commands share them.
import { TZDate } from "@date-fns/tz";

/** Swahili hour words, "saa nane" = the eighth hour of the day (14:00 with "mchana"). */
const swahiliHours: Record<string, number> = {
  moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10, "kumi na moja": 11, "kumi na mbili": 12,
};
const dayWords: Record<string, number> = { today: 0, leo: 0, tomorrow: 1, kesho: 1, keshokutwa: 2, "day after tomorrow": 2 };

/** The calendar day a text names, in the zone: [year, month (1-12), day] or undefined; the rest of the text is the time. */
function readDay(text: string, timeZone: string, now: Date): { ymd: [number, number, number]; time: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ t,]+(.+)$/.exec(text);
  if (iso) return { ymd: [Number(iso[1]), Number(iso[2]), Number(iso[3])], time: iso[4]! };
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})[ ,]+(.+)$/.exec(text);
  if (dmy) return { ymd: [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])], time: dmy[4]! };
  const today = new TZDate(now.getTime(), timeZone);
  // "20.12 2pm": the next 20 December, this year's unless it has passed.
  const dm = /^(\d{1,2})[/.](\d{1,2})[ ,]+(.+)$/.exec(text);
  if (dm) {
    const [day, month] = [Number(dm[1]), Number(dm[2])];
    const passed = month < today.getMonth() + 1 || (month === today.getMonth() + 1 && day < today.getDate());
    return { ymd: [today.getFullYear() + (passed ? 1 : 0), month, day], time: dm[3]! };
  }
  const word = /^(day after tomorrow|today|tomorrow|leo|keshokutwa|kesho)[ ,]+(?:at )?(.+)$/.exec(text);
  if (word) {
    const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + dayWords[word[1]!]!, 12, 0, 0, timeZone);
    return { ymd: [day.getFullYear(), day.getMonth() + 1, day.getDate()], time: word[2]! };
  }
  return undefined;
}

/** The part of the day a Swahili time names, as clock hours it may fall in. */
const swahiliParts: Record<string, (h: number) => boolean> = {
  asubuhi: (h) => h >= 5 && h < 12,
  mchana: (h) => h >= 12 && h < 16,
  jioni: (h) => h >= 16 && h < 19,
  usiku: (h) => h >= 19 || h < 4,
  alfajiri: (h) => h >= 4 && h < 6,
};

/**
 * "saa 8 mchana" / "saa nane mchana" -> 14: Swahili hours count from sunrise (saa moja = 07:00 or 19:00), so the
 * hour is the clock hour six hours on, in the half of the day the part names (by day, without one).
 */
function swahiliClock(hourText: string, part: string | undefined): number | undefined {
  const n = /^\d+$/.test(hourText) ? Number(hourText) : swahiliHours[hourText];
  if (n === undefined || n < 1 || n > 12) return undefined;
  const base = (n + 6) % 12;
  if (!part) return base < 6 ? base + 12 : base;
  const fits = swahiliParts[part];
  return fits ? [base, base + 12].find(fits) : undefined;
}

/** A clock time: "14:00", "14.30", "2pm", "2:30 pm", "saa 8 mchana", "saa nane na nusu" -> [hour, minute]. */
function readTime(raw: string): [number, number] | undefined {
  const time = raw.trim();
  const swahili = /^saa ([a-z]+(?: na (?:moja|mbili))?|\d{1,2})(?:[:.](\d{2})| (na nusu|na robo|kasoro robo))?(?: (asubuhi|mchana|jioni|usiku|alfajiri))?$/.exec(time);
  // "saa 14:00" is the 24-hour clock; "saa 8" and "saa 10:00" are Swahili time, as a Swahili speaker reads them.
  if (swahiliHours[swahili?.[1] ?? ""] !== undefined || (swahili && Number(swahili[1]) <= 12)) {
    const [, hourText, minutes, fraction, part] = swahili!;
    let minute = minutes ? Number(minutes) : fraction === "na nusu" ? 30 : fraction === "na robo" ? 15 : fraction === "kasoro robo" ? 45 : 0;
    let hour = swahiliClock(hourText!, part);
    if (hour === undefined || minute > 59) return undefined;
    // "saa tatu kasoro robo" is a quarter to the third hour: 08:45.
    if (fraction === "kasoro robo") hour = (hour + 23) % 24;
    return [hour, minute];
  }
  const clock = /^(?:saa )?(\d{1,2})(?:[:.h](\d{2}))? ?(am|pm)?$/.exec(time);
  if (!clock) return undefined;
  let hour = Number(clock[1]);
  const minute = Number(clock[2] ?? 0);
  const half = clock[3];
  if (!clock[2] && !half) return undefined; // "2027-02-13 14" is too easy to misread
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  return hour > 23 || minute > 59 ? undefined : [hour, minute];
}

/**
 * A date and time people type, in the given zone -> the instant; undefined when it is not a real date and time (a
 * time is required: an event starts at an hour). Numeric forms: "2027-02-13 14:00", "13/02/2027 14:00",
 * "13.02.2027 2:30pm", "20.12 2pm" (the next 20 December); words: "today/leo", "tomorrow/kesho", "keshokutwa" followed by
 * a time, which may be Swahili time ("kesho saa 8 mchana" is tomorrow at 14:00).
 */
export function parseEventDate(raw: string, timeZone: string, now: Date = new Date()): Date | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const day = readDay(text, timeZone, now);
  const clock = day && readTime(day.time);
  if (!day || !clock) return undefined;
  const [year, month, date] = day.ymd;
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const local = new TZDate(year, month - 1, date, clock[0], clock[1], 0, timeZone);
  // 31 February rolls over into March: not a real date.
  if (local.getDate() !== date || local.getMonth() !== month - 1) return undefined;
  return new Date(local.getTime());
}

const units: [RegExp, number][] = [
  [/^(.+?) ?(k|elfu|thousand)$/, 1_000],
  [/^(?:elfu|thousand) (.+)$/, 1_000],
  [/^(.+?) ?(m|mn|million|milioni)$/, 1_000_000],
  [/^(?:milioni|million) (.+)$/, 1_000_000],
];

/**
 * "5,000,000", "5000000", "5m", "5 milioni", "milioni 5", "500k", "500 elfu", "2.5m", and in words "elfu hamsini",
 * "laki tano", "elfu kumi na tano" -> the amount; undefined otherwise.
 */
export function parseAmount(raw: string): number | undefined {
  const text = raw.trim().toLowerCase().replace(/^(tzs|tsh|ksh|kes|sh)\.? ?/, "").replace(/ ?(tzs|tsh|ksh|kes|\/=)$/, "").trim();
  const spoken = parseSwahiliAmount(text);
  if (spoken !== undefined) return spoken;
  for (const [pattern, factor] of units) {
    const m = pattern.exec(text);
    if (m) {
      const n = plainNumber(m[1]!);
      return n === undefined ? undefined : Math.round(n * factor);
    }
  }
  const n = plainNumber(text);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

const swahiliUnits: Record<string, number> = {
  moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10,
  ishirini: 20, thelathini: 30, arobaini: 40, hamsini: 50, sitini: 60, sabini: 70, themanini: 80, tisini: 90,
};
const swahiliScales: Record<string, number> = { mia: 100, elfu: 1_000, laki: 100_000, milioni: 1_000_000 };

/** "kumi na tano" -> 15; "mia mbili" -> 200 (a number below a thousand, said in words). */
function swahiliSmall(words: string[]): number | undefined {
  let total = 0;
  let i = 0;
  if (words[0] === "mia") {
    const hundreds = words[1] ? swahiliUnits[words[1]] : undefined;
    if (hundreds === undefined || hundreds > 9) return undefined;
    total = hundreds * 100;
    i = 2;
    if (words[i] === "na") i++;
  }
  const rest = words.slice(i).filter((w) => w !== "na");
  for (const w of rest) {
    const n = swahiliUnits[w];
    if (n === undefined) return undefined;
    total += n;
  }
  return total > 0 ? total : undefined;
}

/** "elfu hamsini" -> 50,000; "laki tano" -> 500,000; "milioni mbili" -> 2,000,000; undefined when not such words. */
function parseSwahiliAmount(text: string): number | undefined {
  const words = text.split(/\s+/);
  const scale = swahiliScales[words[0] ?? ""];
  if (!scale || scale === 100 || words.length < 2) return undefined;
  const n = swahiliSmall(words.slice(1));
  return n === undefined ? undefined : n * scale;
}

function plainNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,3}([, ]\d{3})+$/.test(t)) return Number(t.replace(/[, ]/g, ""));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

/** The kinds of event offered as choices; anything else typed is kept as typed. */
export const eventTypes = ["wedding", "sendoff", "burial", "corporate", "other"] as const;
export type EventType = (typeof eventTypes)[number];

const typeWords: Record<string, EventType> = {
  wedding: "wedding", harusi: "wedding", ndoa: "wedding", "wedding ceremony": "wedding",
  sendoff: "sendoff", "send-off": "sendoff", "send off": "sendoff", kitchen: "sendoff", "kitchen party": "sendoff",
  burial: "burial", funeral: "burial", msiba: "burial", mazishi: "burial", maziko: "burial",
  corporate: "corporate", kampuni: "corporate", kikampuni: "corporate", conference: "corporate", mkutano: "corporate",
  other: "other", nyingine: "other", "1": "wedding", "2": "sendoff", "3": "burial", "4": "corporate", "5": "other",
};

/** A kind typed or tapped ("harusi", "type:wedding") -> the kind, or the typed words (2-40 letters); undefined otherwise. */
export function parseEventType(raw: string): string | undefined {
  const text = raw.trim().toLowerCase().replace(/^type:/, "");
  if (typeWords[text]) return typeWords[text];
  return /^[\p{L}][\p{L} '&-]{1,39}$/u.test(raw.trim()) ? raw.trim() : undefined;
}
