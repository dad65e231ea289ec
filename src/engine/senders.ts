// Who sent a message, without a query, in the cases nearly every message is: a network id we have not seen, with
// no other ids beside it. The batch looked up, in one statement for all its messages, who holds each such sender's
// phone (phoneHolders below); the person is then linked or created through TurnWrites, with the batch's commit.
// Everything else (an id of a person we know who now brings a phone, WhatsApp's @lid beside @c.us) goes through
// resolveSender in src/domain/users.ts, which these cases must agree with.
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import { normalisePhone } from "../domain/phones.js";
import { localeForPhone } from "../domain/users.js";
import type { Locale } from "../i18n/index.js";
import type { Person } from "./turn.js";
import type { TurnWrites } from "./turn-writes.js";

export interface SenderOptions {
  defaultCountry: string;
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
export const isUnseenSender = (event: InboundEvent, person: Person | undefined) => !person && !event.sender.aliases?.length;

/** The people holding these phones, by phone (E.164). */
export async function phoneHolders(tx: Tx, phones: string[]): Promise<Map<string, Person>> {
  if (!phones.length) return new Map();
  const rows = await tx.$queryRaw<Person[]>`SELECT id::text AS id, name, phone, locale FROM users WHERE phone = ANY(${phones}::text[])`;
  return new Map(rows.map((r) => [r.phone!, r]));
}

/** The phones of unseen senders, normalised, for phoneHolders. */
export function unseenPhones(items: { event: InboundEvent; person?: Person }[], defaultCountry: string): string[] {
  const phones = new Set<string>();
  for (const { event, person } of items) {
    if (!isUnseenSender(event, person) || !event.sender.phone) continue;
    const phone = normalisePhone(event.sender.phone, defaultCountry);
    if (phone) phones.add(phone);
  }
  return [...phones];
}

/** Links or creates the person behind an unseen sender; `holders` must cover unseenPhones of this message. */
export function resolveUnseenSender(event: InboundEvent, holders: Map<string, Person>, writes: TurnWrites, options: SenderOptions): ResolvedPerson {
  const { channel, sender } = event;
  const earlier = writes.resolvedFor(channel, sender.externalId);
  if (earlier) return { user: earlier, isNew: false, nameUnknown: false };
  const phone = sender.phone ? normalisePhone(sender.phone, options.defaultCountry) : undefined;
  const holder = phone ? (holders.get(phone) ?? writes.createdWithPhone(phone)) : undefined;
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
