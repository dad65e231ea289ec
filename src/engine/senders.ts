// Who sent a message, without a query, in the cases nearly every message is: a network id we have not seen, with
// no other ids beside it. The batch looked up, in one statement for all its messages, who holds each such sender's
// phone (lookUpUnseenPhones below); the person is then linked or created through TurnWrites, with the batch's commit.
// Everything else (an id of a person we know who now brings a phone, WhatsApp's @lid beside @c.us) goes through
// resolveSender in src/domain/users.ts, which these cases must agree with.
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import type { As, Row } from "../db/rows.js";
import { normalisePhone } from "../domain/phones.js";
import { localeForPhone } from "../domain/users.js";
import type { Locale } from "../i18n/index.js";
import type { Person } from "./turn.js";
import type { TurnWrites } from "./turn-writes.js";

export interface SenderOptions {
  defaultLocale: Locale;
  defaultTimeZone?: string;
}

export interface ResolvedPerson {
  user: Person;
  /** first message of this person to Nuru */
  isNew: boolean;
  /** the network told us no name, so the person should be asked */
  nameUnknown: boolean;
}

/** A sender resolveUnseenSender handles: no linked person yet, and no other ids to fold together. */
export const isUnseenSender = (event: InboundEvent, person: Person | undefined) =>
  !person && !event.sender.aliases?.length;

/** What a batch learned, in one lookup, about the phones of its unseen senders. */
export interface UnseenPhones {
  /** each phone as the network gave it, in E.164 (undefined when it is not a phone number) */
  e164: Map<string, string | undefined>;
  /** the people holding those numbers, by E.164 number */
  holders: Map<string, Person>;
}

/** Normalises the phones of the unseen senders among these messages, once each, and finds who holds them. */
export async function lookUpUnseenPhones(
  tx: Tx,
  items: { event: InboundEvent; person?: Person }[],
  defaultCountry: string,
): Promise<UnseenPhones> {
  const e164 = new Map<string, string | undefined>();
  for (const { event, person } of items) {
    const raw = event.sender.phone;
    if (isUnseenSender(event, person) && raw && !e164.has(raw)) e164.set(raw, normalisePhone(raw, defaultCountry));
  }
  const phones = [...new Set([...e164.values()].filter((p): p is string => p !== undefined))];
  if (!phones.length) return { e164, holders: new Map() };
  const rows = await tx.$queryRaw<
    PersonRow[]
  >`SELECT id::text AS id, name, phone, locale, time_zone AS "timeZone" FROM users WHERE phone = ANY(${phones}::text[])`;
  return { e164, holders: new Map(rows.map((r) => [r.phone!, r])) };
}

/** A person as lookUpUnseenPhones reads them (a Person). */
type PersonRow = Row<"users", "id" | "name" | "phone" | "locale"> & As<"users", "time_zone", "timeZone">;

/** Links or creates the person behind an unseen sender; `phones` must come from lookUpUnseenPhones over this message. */
export function resolveUnseenSender(
  event: InboundEvent,
  phones: UnseenPhones,
  writes: TurnWrites,
  options: SenderOptions,
): ResolvedPerson {
  const { channel, sender } = event;
  const earlier = writes.resolvedFor(channel, sender.externalId);
  if (earlier) return { user: earlier, isNew: false, nameUnknown: false };
  const phone = sender.phone ? phones.e164.get(sender.phone) : undefined;
  const holder = phone ? (phones.holders.get(phone) ?? writes.createdWithPhone(phone)) : undefined;
  if (holder) {
    writes.linkIdentity(holder, channel, sender.externalId);
    return { user: holder, isNew: false, nameUnknown: false };
  }
  const name = sender.name?.trim();
  const user = writes.createPerson(
    {
      name: name || phone || "Guest",
      phone: phone ?? null,
      locale: localeForPhone(phone, options.defaultLocale),
      timeZone: options.defaultTimeZone ?? null,
    },
    channel,
    sender.externalId,
  );
  return { user, isNew: true, nameUnknown: !name };
}
