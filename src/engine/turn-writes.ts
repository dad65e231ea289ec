// The person-level writes of a batch of turns, held back and written with the batch's one commit statement
// (turn-store.ts commitBatch) instead of one statement each: a new person and their chat id, a chat id linked to a
// person we know by phone, a changed name or language. Through Prisma each statement costs ~0.6-0.7 ms of CPU here
// (BENCHMARKS.md), and these are what nearly every first message and every onboarding answer does.
//
// Anything else a turn does goes straight to the transaction. Before it does, the turn calls materialize (through
// Turn.db()), which writes what is held back for its person at once, so immediate statements never meet a person
// who does not exist yet or a stale name. Other turns of the batch may read a person before a held-back change lands;
// that is the same as their turn having run first, which the per-chat order allows (they are other chats).
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Person } from "./turn.js";

export interface NewPerson extends Person {
  timeZone: string | null;
}

interface Identity {
  userId: string;
  channel: Channel;
  externalId: string;
}

/** The arrays the commit statement unnests; one entry per row. */
export interface HeldWrites {
  users: { id: string[]; name: string[]; phone: (string | null)[]; locale: (string | null)[]; timeZone: (string | null)[] };
  identities: { userId: string[]; channel: string[]; externalId: string[] };
  changes: { id: string[]; name: (string | null)[]; locale: (string | null)[] };
}

export class TurnWrites {
  private readonly created = new Map<string, NewPerson>();
  private readonly identities: Identity[] = [];
  private readonly changes = new Map<string, { name?: string; locale?: string }>();
  /** people by channel and network id, and new people by phone, so one sender (or one phone) in two chats of a batch is one person */
  private readonly bySender = new Map<string, Person>();
  private readonly byPhone = new Map<string, NewPerson>();

  /** A person met for the first time through this network id. */
  createPerson(person: Omit<NewPerson, "id">, channel: Channel, externalId: string): NewPerson {
    const created: NewPerson = { ...person, id: randomUUID() };
    this.created.set(created.id, created);
    this.bySender.set(`${channel}:${externalId}`, created);
    if (created.phone) this.byPhone.set(created.phone, created);
    this.identities.push({ userId: created.id, channel, externalId });
    return created;
  }

  /** The person this batch already created or linked for the sender, if any. */
  resolvedFor(channel: Channel, externalId: string): Person | undefined {
    return this.bySender.get(`${channel}:${externalId}`);
  }

  /** The person this batch already created with this phone, if any. */
  createdWithPhone(phone: string): NewPerson | undefined {
    return this.byPhone.get(phone);
  }

  /** A network id we had not seen, of a person we know (by their phone). */
  linkIdentity(person: Person, channel: Channel, externalId: string): void {
    this.bySender.set(`${channel}:${externalId}`, person);
    this.identities.push({ userId: person.id, channel, externalId });
  }

  setName(userId: string, name: string): void {
    this.change(userId, { name });
  }

  setLocale(userId: string, locale: string): void {
    this.change(userId, { locale });
  }

  private change(userId: string, change: { name?: string; locale?: string }): void {
    const created = this.created.get(userId);
    if (created) Object.assign(created, change);
    else this.changes.set(userId, { ...this.changes.get(userId), ...change });
  }

  /** Writes now what is held back for this person, so statements about them can run in the transaction. */
  async materialize(tx: Tx, userId: string): Promise<void> {
    const created = this.created.get(userId);
    const change = this.changes.get(userId);
    const identities = this.identities.filter((i) => i.userId === userId);
    if (!created && !change && !identities.length) return;
    if (created) {
      await tx.$executeRaw`INSERT INTO users (id, name, phone, locale, time_zone)
        VALUES (${created.id}::uuid, ${created.name}, ${created.phone}, ${created.locale}, ${created.timeZone})`;
      this.created.delete(userId);
    }
    if (identities.length) {
      await tx.channelIdentity.createMany({
        data: identities.map((i) => ({ userId, channel: i.channel, externalId: i.externalId, chatId: i.externalId })),
      });
      this.identities.splice(0, this.identities.length, ...this.identities.filter((i) => i.userId !== userId));
    }
    if (change) {
      await tx.user.update({ where: { id: userId }, data: change });
      this.changes.delete(userId);
    }
  }

  /** What is still held back, as the commit statement takes it. */
  held(): HeldWrites {
    const users = [...this.created.values()];
    const changes = [...this.changes.entries()];
    return {
      users: {
        id: users.map((u) => u.id),
        name: users.map((u) => u.name),
        phone: users.map((u) => u.phone),
        locale: users.map((u) => u.locale),
        timeZone: users.map((u) => u.timeZone),
      },
      identities: {
        userId: this.identities.map((i) => i.userId),
        channel: this.identities.map((i) => i.channel),
        externalId: this.identities.map((i) => i.externalId),
      },
      changes: {
        id: changes.map(([id]) => id),
        name: changes.map(([, c]) => c.name ?? null),
        locale: changes.map(([, c]) => c.locale ?? null),
      },
    };
  }
}
