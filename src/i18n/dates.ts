// Dates as people in East Africa read them, in the event's zone. date-fns ships no Swahili locale, so the few names
// needed are here; Swahili times read the Swahili way with the 24-hour clock beside them (swahili-time.ts).
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Locale } from "./index.js";
import { swahiliTime } from "./swahili-time.js";

const swDays = ["Jumapili", "Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi"];
const swMonths = [
  "Januari",
  "Februari",
  "Machi",
  "Aprili",
  "Mei",
  "Juni",
  "Julai",
  "Agosti",
  "Septemba",
  "Oktoba",
  "Novemba",
  "Desemba",
];

/** Recent results: an event's time is shown to each of its guests, and working out a zone's offset is not free. */
const recent = new Map<string, string>();
const recentLimit = 2000;

/** "Sat 14 Feb 2026, 14:00" / "Jumamosi 14 Februari 2026, saa nane mchana (14:00)" in the given IANA zone. */
export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  const key = `${date.getTime()}|${timeZone}|${locale}`;
  let text = recent.get(key);
  if (text === undefined) {
    text = formatUncached(date, timeZone, locale);
    if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
    recent.set(key, text);
  }
  return text;
}

function formatUncached(date: Date, timeZone: string, locale: Locale): string {
  const local = new TZDate(date, timeZone);
  if (locale === "sw") {
    const day = `${swDays[local.getDay()]} ${local.getDate()} ${swMonths[local.getMonth()]} ${local.getFullYear()}`;
    return `${day}, ${swahiliTime(local.getHours(), local.getMinutes())} (${format(local, "HH:mm")})`;
  }
  return format(local, "EEE d MMM yyyy, HH:mm");
}
