// Messages in English and Kiswahili. The engine's own messages live in en.ts / sw.ts; each journey brings its own
// (src/journeys/<name>/messages.ts, listed in src/journeys/messages.ts). Keys are unique across all of them (the type
// below would merge two catalogues' values for one key into an impossible type, and a test checks it at run time).
//
// Parameters are typed per message: t("welcome.named", { name }) must be given exactly the placeholders the English
// text has, so a missing one fails the type check instead of reaching a person as "{name}".
import { journeyMessages } from "../journeys/messages.js";
import { en as engineEn } from "./en.js";
import { sw as engineSw } from "./sw.js";
import type * as DomainEnums from "../generated/prisma/enums.js";

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

/**
 * A parameter that is itself a catalogue text, rendered in the reader's language when the message is: a status
 * ({ key: "booking.status.declined" }) or a counted phrase ({ plural: "guests.coming", count: 1 } -> "1 anakuja").
 * A refusal is thrown (AppError) before anyone knows who will read it, so its words are chosen this late.
 */
export type Label = { readonly key: PlainKey } | { readonly plural: CountKey; readonly count: number };
export type ParamValue = string | number | Label;
export type Params = Record<string, ParamValue>;

/** "{a} and {b}" -> "a" | "b". */
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The placeholder names of a message. */
export type PlaceholdersOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;
/** Exactly the parameters a message needs. */
export type ParamsOf<K extends MessageKey> = { [P in PlaceholdersOf<K>]: ParamValue };

/**
 * Every value of a domain enum (a booking's status, a payment's kind…): words for the code, not for people. Such a
 * value is shown through its own catalogue key ("booking.status.requested"), never as a parameter, or an English
 * "cancelled" reaches a Swahili reader. Taken from Prisma's generated enums, so a new enum is covered by itself.
 */
export type EnumValue = {
  [E in keyof typeof DomainEnums]: (typeof DomainEnums)[E][keyof (typeof DomainEnums)[E]];
}[keyof typeof DomainEnums];
/** A parameter's value as given, or `never` when it is typed as a domain enum (plain text and numbers pass). */
type Readable<V> = V extends EnumValue ? never : V;
/** The parameters as given, each value that is typed as a domain enum made impossible, no parameter the message lacks. */
export type Checked<K extends MessageKey, P> = { [N in keyof P]: N extends PlaceholdersOf<K> ? Readable<P[N]> : never };
/**
 * The parameters argument of a message: none for a message without placeholders, required otherwise. Functions that
 * take it are generic in P (inferred from the argument) so that Checked sees the values' own types: a BookingStatus is
 * a string, and only its declared type tells it apart from a name.
 */
export type ParamArgs<K extends MessageKey, P = ParamsOf<K>> = [PlaceholdersOf<K>] extends [never]
  ? [params?: Record<string, never>]
  : [params: P & Checked<K, P>];

/** The messages that take no parameters. */
export type PlainKey = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? K : never }[MessageKey];

/**
 * A counted phrase: "x.one" and "x.other" in the catalogue, each with a {count} ("{count} guest" / "{count} guests";
 * "mtu {count} anakuja" / "watu {count} wanakuja"). Swahili agrees by noun class, not only by number, so each message
 * writes its own forms rather than a suffix rule; which form is picked follows Intl.PluralRules (CLDR), the same rules
 * as ICU's `{count, plural, one {…} other {…}}`.
 */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.one`
    ? `${B}.other` extends MessageKey
      ? "count" extends PlaceholdersOf<K>
        ? B
        : never
      : never
    : never;
}[MessageKey];

/** A message and its parameters, for a reply that is rendered later (in the reader's language). */
export type Message = {
  [K in MessageKey]: [PlaceholdersOf<K>] extends [never]
    ? { key: K; params?: Record<string, never> }
    : { key: K; params: ParamsOf<K> };
}[MessageKey];

/** Builds a Message with its parameters checked. */
export function message<K extends MessageKey, P extends ParamsOf<K>>(key: K, ...[params]: ParamArgs<K, P>): Message {
  return { key, params } as Message;
}

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "sw";
}

/** The message in the person's language with its placeholders filled. */
export function t<K extends MessageKey, P extends ParamsOf<K>>(
  locale: Locale,
  key: K,
  ...[params]: ParamArgs<K, P>
): string {
  return fill(catalogues[locale][key], (params ?? {}) as Params, locale);
}

/** A Message built elsewhere (checked there), rendered. */
export function render(locale: Locale, m: Message): string {
  return fill(catalogues[locale][m.key], (m.params ?? {}) as Params, locale);
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  sw: new Intl.PluralRules("sw"),
};

/** A counted phrase whose only placeholder is {count}: it can be a parameter of another message (see Label). */
export type CountKey = {
  [K in PluralKey]: [Exclude<PlaceholdersOf<`${K}.one` & MessageKey>, "count">] extends [never] ? K : never;
}[PluralKey];

/** The parameters of a counted message besides {count} (the same in both forms: the catalogue test checks it). */
export type PluralParams<K extends PluralKey> = Omit<ParamsOf<`${K}.one` & MessageKey>, "count">;

/**
 * "{count} guest" or "{count} guests" by the language's own rule (both forms exist: PluralKey requires them), with
 * the message's other parameters if it has any.
 */
export function plural<K extends PluralKey>(
  locale: Locale,
  key: K,
  count: number,
  ...[params]: {} extends PluralParams<K> ? [params?: PluralParams<K>] : [params: PluralParams<K>]
): string {
  const form = pluralRules[locale].select(count) === "one" ? "one" : "other";
  return fill(catalogues[locale][`${key}.${form}` as MessageKey], { ...(params as Params | undefined), count }, locale);
}

/** A label parameter: a status, or a counted phrase. */
export function label(key: PlainKey): Label {
  return { key };
}

/** A counted phrase as a parameter, rendered in the reader's language. */
export function counted(key: CountKey, count: number): Label {
  return { plural: key, count };
}

/** A missing parameter stays visible rather than blank (it cannot happen through the typed functions above). */
function fill(text: string, params: Params, locale: Locale): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? shown(params[name]!, locale) : whole));
}

function shown(value: ParamValue, locale: Locale): string {
  if (typeof value !== "object") return String(value);
  return "key" in value ? catalogues[locale][value.key] : plural(locale, value.plural, value.count);
}

/** The placeholders a message uses, for the catalogue consistency test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
