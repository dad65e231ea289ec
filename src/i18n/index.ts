import { en, type MessageKey } from "./en.js";
import { sw } from "./sw.js";

export type { MessageKey };
export type Locale = "en" | "sw";
export const locales: readonly Locale[] = ["en", "sw"];
export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, sw };

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "sw";
}

/** The message in the person's language with {placeholders} filled; a missing param stays visible, not blank. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholders a message uses, for the catalogue consistency test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
