// Reading what an organizer types about an event: a date and time in their zone, an amount of money, a kind of event.
// Pure, so every rule is unit-tested; the flows and the one-line commands share them.
import { TZDate } from "@date-fns/tz";

/**
 * "2027-02-13 14:00", "13/02/2027 14:00", "13.02.2027 2:30pm", "2027-02-13 2pm" in the given zone -> the instant;
 * undefined when it is not a real date and time (a time is required: an event starts at an hour).
 */
export function parseEventDate(raw: string, timeZone: string): Date | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})[ t,]+(.+)$/.exec(text);
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})[ ,]+(.+)$/.exec(text);
  const [year, month, day, time] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4]!]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), dmy[4]!]
      : [];
  if (year === undefined || time === undefined) return undefined;
  const clock = /^(?:saa )?(\d{1,2})(?:[:.h](\d{2}))? ?(am|pm|asubuhi|mchana|jioni|usiku)?$/.exec(time.trim());
  if (!clock) return undefined;
  let hour = Number(clock[1]);
  const minute = Number(clock[2] ?? 0);
  const half = clock[3];
  if (!clock[2] && !half) return undefined; // "2027-02-13 14" is too easy to misread
  if (half === "am" || half === "pm") {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  } else if (half) return undefined;
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour > 23 || minute > 59) return undefined;
  const local = new TZDate(year, month! - 1, day!, hour, minute, 0, timeZone);
  // 31 February rolls over into March: not a real date.
  if (local.getDate() !== day || local.getMonth() !== month! - 1) return undefined;
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
