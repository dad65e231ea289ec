// Showing times, places, money, party sizes and file names the same way in every journey.
import type { Turn } from "../engine/turn.js";
import type { Prisma } from "../generated/prisma/client.js";
import { formatDateTime } from "../i18n/dates.js";
import { render, type Locale } from "../i18n/index.js";

/** "1 person" / "3 people" ("mtu 1" / "watu 3"): a party size in a language. */
export const peopleText = (locale: Locale, count: number) =>
  count === 1
    ? render(locale, { key: "rsvp.people.one" })
    : render(locale, { key: "rsvp.people.many", params: { count } });

/** "TZS 50,000": whole amounts without decimals, others with two. */
export function formatMoney(
  amount: Prisma.Decimal | number | null | undefined,
  currency: string | null | undefined,
): string {
  const n = Number(amount ?? 0);
  const text = n.toLocaleString("en-GB", {
    minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return `${currency ?? "TZS"} ${text}`;
}

/** An event time in its zone and the reader's language, or "date to be announced". */
export const whenText = (turn: Turn, date: Date | null | undefined, timeZone: string) =>
  date ? formatDateTime(date, timeZone, turn.locale) : turn.render({ key: "when.unknown" });

export const whereText = (turn: Turn, place: string | null | undefined) =>
  place || turn.render({ key: "where.unknown" });

/** "Harusi ya Neema & Baraka" -> "Harusi-ya-Neema-Baraka": a name for a file, safe in any file system (accents dropped). */
export function fileStem(name: string, fallback: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return stem || fallback;
}
