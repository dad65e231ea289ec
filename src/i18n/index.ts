// Messages in English and Kiswahili. The engine's own messages live in en.ts / sw.ts; each journey brings its own
// (src/journeys/<name>/messages.ts, listed in src/journeys/messages.ts). Keys are unique across all of them (the type
// below would merge two catalogues' values for one key into an impossible type, and a test checks it at run time).
//
// Parameters are typed per message: t("welcome.named", { name }) must be given exactly the placeholders the English
// text has, so a missing one fails the type check instead of reaching a person as "{name}".
import { journeyMessages } from "../journeys/messages.js";
import { en as engineEn } from "./en.js";
import { sw as engineSw } from "./sw.js";

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

const en = Object.assign({}, engineEn, ...journeyMessages.map((m) => m.en)) as typeof engineEn &
  UnionToIntersection<(typeof journeyMessages)[number]["en"]>;

export type MessageKey = keyof typeof en;
export type Locale = "en" | "sw";
export const locales: readonly Locale[] = ["en", "sw"];

const sw = Object.assign({}, engineSw, ...journeyMessages.map((m) => m.sw)) as Record<MessageKey, string>;
export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, sw };

/** Every catalogue's keys, in order, so a test can find a key defined twice. */
export const catalogueKeys: string[][] = [Object.keys(engineEn), ...journeyMessages.map((m) => Object.keys(m.en))];

export type Params = Record<string, string | number>;

/** "{a} and {b}" -> "a" | "b". */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The placeholder names of a message. */
export type PlaceholdersOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;
/** Exactly the parameters a message needs. */
export type ParamsOf<K extends MessageKey> = { [P in PlaceholdersOf<K>]: string | number };
/** The parameters argument of a message: none for a message without placeholders, required otherwise. */
export type ParamArgs<K extends MessageKey> = [PlaceholdersOf<K>] extends [never] ? [params?: Record<string, never>] : [params: ParamsOf<K>];

/** The messages that take no parameters. */
export type PlainKey = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? K : never }[MessageKey];

/** A message and its parameters, for a reply that is rendered later (in the reader's language). */
export type Message = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? { key: K; params?: Record<string, never> } : { key: K; params: ParamsOf<K> } }[MessageKey];

/** Builds a Message with its parameters checked. */
export function message<K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): Message {
  return { key, params } as Message;
}

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "sw";
}

/** The message in the person's language with its placeholders filled. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...[params]: ParamArgs<K>): string {
  return fill(catalogues[locale][key], params ?? {});
}

/** A Message built elsewhere (checked there), rendered. */
export function render(locale: Locale, m: Message): string {
  return fill(catalogues[locale][m.key], (m.params ?? {}) as Params);
}

/** A missing parameter stays visible rather than blank (it cannot happen through the typed functions above). */
function fill(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholders a message uses, for the catalogue consistency test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
