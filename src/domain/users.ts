// People and their chat accounts. Every person is one `users` row; each network id (Telegram user id, WhatsApp @c.us
// and @lid, simulator phone) is a channel_identities row pointing at it; the E.164 phone ties them together.
import type { Sender } from "../channels/channel.js";
import type { Db, Tx } from "../db/prisma.js";
import type { Channel, User } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import type { Locale } from "../i18n/index.js";
import { normalisePhone, phoneCountry } from "./phones.js";

/** Countries whose people we greet in Swahili until they choose. */
const swahiliCountries = new Set(["TZ", "KE"]);

export function localeForPhone(phone: string | undefined | null, fallback: Locale): Locale {
  const country = phone ? phoneCountry(phone) : undefined;
  return country && swahiliCountries.has(country) ? "sw" : fallback;
}

/**
 * The person with this phone, made if Nuru has not met them (someone given a task, an usher): named as the organizer
 * typed (else their number), in their number's language and the event's zone, until they write themselves.
 */
export async function personByPhone(
  tx: Tx,
  options: { phone: string; name?: string; defaultLocale: Locale; timeZone: string },
): Promise<{ id: string; name: string }> {
  const { phone, name } = options;
  return tx.user.upsert({
    where: { phone },
    create: {
      phone,
      name: name ?? phone,
      locale: localeForPhone(phone, options.defaultLocale),
      timeZone: options.timeZone,
    },
    update: {},
    select: { id: true, name: true },
  });
}

/**
 * Makes the person with this phone a Nuru admin (npm run admin:add). Someone Nuru has not met yet is made like any
 * other person: in their number's language (a +255 or +254 admin reads Kiswahili) and the default zone; someone
 * who already chose a language keeps it.
 */
export async function makeAdmin(
  db: Db | Tx,
  options: { phone: string; name: string; defaultLocale: Locale; timeZone: string },
): Promise<{ id: string; locale: Locale }> {
  const { phone, name } = options;
  const user = await db.user.upsert({
    where: { phone },
    create: { phone, name, locale: localeForPhone(phone, options.defaultLocale), timeZone: options.timeZone },
    update: {},
    select: { id: true, locale: true },
  });
  await db.admin.upsert({ where: { userId: user.id }, create: { userId: user.id, name }, update: { name } });
  return { id: user.id, locale: user.locale === "sw" ? "sw" : "en" };
}

export interface ResolvedSender {
  user: User;
  /** created by this message: the person has never talked to Nuru before */
  isNew: boolean;
  /** the network told us no name, so the person should be asked */
  nameUnknown: boolean;
}

/** Finds or creates the person behind a network sender, linking every id the network gave and their phone. */
export async function resolveSender(
  tx: Tx,
  options: {
    channel: Channel;
    sender: Sender;
    defaultCountry: string;
    defaultLocale: Locale;
    defaultTimeZone?: string;
  },
): Promise<ResolvedSender> {
  const { channel, sender } = options;
  const ids = [sender.externalId, ...(sender.aliases ?? [])];
  const known = await tx.channelIdentity.findMany({
    where: { channel, externalId: { in: ids } },
    include: { user: true },
  });
  const phone = sender.phone ? normalisePhone(sender.phone, options.defaultCountry) : undefined;

  // Ids of one person may point at two accounts (a WhatsApp @lid met before its @c.us): the one with a phone is the
  // person; the others are folded into it below when the phone comes along.
  let user = known.map((k) => k.user).sort((a, b) => Number(Boolean(b.phone)) - Number(Boolean(a.phone)))[0];
  let isNew = false;
  const holder = user;
  if (holder?.phone) {
    const strays = new Set(known.filter((k) => k.user.id !== holder.id && !k.user.phone).map((k) => k.user.id));
    for (const stray of strays) await attachPhone(tx, { userId: stray, phone: holder.phone });
  }
  if (!user && phone) user = (await tx.user.findUnique({ where: { phone } })) ?? undefined;
  if (!user) {
    user = await tx.user.create({
      data: {
        name: sender.name?.trim() || phone || "Guest",
        phone,
        locale: localeForPhone(phone, options.defaultLocale),
        timeZone: options.defaultTimeZone,
      },
    });
    isNew = true;
  } else if (phone && !user.phone) {
    // The number may already be someone else's (an organizer invited it, or another channel brought it first): then
    // this bare account is folded into theirs instead of failing on the unique phone for every message from now on.
    user = await attachPhone(tx, { userId: user.id, phone });
  }
  const missing = ids.filter((id) => !known.some((k) => k.externalId === id));
  if (missing.length) {
    await tx.channelIdentity.createMany({
      data: missing.map((externalId) => ({ userId: user.id, channel, externalId, chatId: externalId })),
      skipDuplicates: true,
    });
  }
  return { user, isNew, nameUnknown: isNew && !sender.name?.trim() };
}

export async function setUserName(tx: Tx, options: { userId: string; name: string }): Promise<{ name: string }> {
  await tx.user.update({ where: { id: options.userId }, data: { name: options.name } });
  return { name: options.name };
}

/**
 * Gives a person a phone number. When another account already holds it and this one is a bare chat account (no phone
 * of its own), the chat account is folded into the holder: this is how a Telegram user reaches the invitations an
 * organizer sent to their number. Returns the user that now owns the phone.
 */
export async function attachPhone(tx: Tx, options: { userId: string; phone: string }): Promise<User> {
  const me = await tx.user.findUniqueOrThrow({ where: { id: options.userId } });
  if (me.phone === options.phone) return me;
  const holder = await tx.user.findUnique({ where: { phone: options.phone } });
  if (!holder) return tx.user.update({ where: { id: me.id }, data: { phone: options.phone } });
  if (me.phone) throw new AppError("phone.linked_elsewhere");
  await tx.channelIdentity.updateMany({ where: { userId: me.id }, data: { userId: holder.id } });
  // One guest row per person per event: where both were invited, the holder's row stays.
  await tx.$executeRaw`DELETE FROM event_guests g WHERE g.user_id = ${me.id}::uuid
    AND EXISTS (SELECT 1 FROM event_guests h WHERE h.event_id = g.event_id AND h.user_id = ${holder.id}::uuid)`;
  await tx.eventGuest.updateMany({ where: { userId: me.id }, data: { userId: holder.id } });
  await tx.invitation.updateMany({ where: { userId: me.id }, data: { userId: holder.id } });
  // The bare account goes, unless it organizes events or offers services (deleting it would cascade to them) or
  // something else still points at it; the savepoint keeps a refused delete from aborting the whole turn.
  // One after the other: a transaction's connection runs one query at a time.
  const events = await tx.event.count({ where: { organizerId: me.id } });
  const services = await tx.service.count({ where: { userId: me.id } });
  if (events === 0 && services === 0) {
    await tx.$executeRaw`SAVEPOINT fold_account`;
    try {
      await tx.$executeRaw`DELETE FROM users WHERE id = ${me.id}::uuid`;
      await tx.$executeRaw`RELEASE SAVEPOINT fold_account`;
    } catch {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT fold_account`;
    }
  }
  return holder;
}

/**
 * When a chat's person last wrote on a channel (their identity there is the chat), or undefined when nobody ever
 * wrote from it: first contacts and WhatsApp Cloud's 24 hours.
 */
export function lastWroteOn(db: Db, channel: Channel): (chatId: string) => Promise<Date | undefined> {
  return async (chatId) => {
    const identity = await db.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId: chatId } },
      select: { lastSeenAt: true },
    });
    return identity?.lastSeenAt ?? undefined;
  };
}
