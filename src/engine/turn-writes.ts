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
  /** when the person named themselves (users.named_at), when they did in this batch */
  namedAt?: Date;
}

interface Identity {
  userId: string;
  channel: Channel;
  externalId: string;
}

/** The arrays the commit statement unnests; one entry per row. */
export interface HeldWrites {
  users: {
    id: string[];
    name: string[];
    phone: (string | null)[];
    locale: (string | null)[];
    timeZone: (string | null)[];
    namedAt: (Date | null)[];
  };
  identities: { userId: string[]; channel: string[]; externalId: string[] };
  changes: { id: string[]; name: (string | null)[]; locale: (string | null)[]; namedAt: (Date | null)[] };
}

/** A held-back change of a person we know: a name (their own, with when they gave it) or a language. */
interface Change {
  name?: string;
  locale?: string;
  namedAt?: Date;
}

/** Everything held back; copied whole by snapshot, so a failed turn's part can be dropped. */
interface State {
  created: Map<string, NewPerson>;
  identities: Identity[];
  changes: Map<string, Change>;
  /** people by channel and network id, and new people by phone, so one sender (or one phone) in two chats of a batch is one person */
  bySender: Map<string, Person>;
  byPhone: Map<string, NewPerson>;
  /** journeys' rows for their batch writers (src/journeys/journey.ts BatchWriter), by writer */
  deferred: Map<string, unknown[]>;
}

/** What snapshot returns and restore takes back. */
export type WritesMark = State;

export class TurnWrites {
  private s: State = {
    created: new Map(),
    identities: [],
    changes: new Map(),
    bySender: new Map(),
    byPhone: new Map(),
    deferred: new Map(),
  };

  /** A row for a journey's batch writer, written with the batch. */
  defer(writer: string, row: unknown): void {
    this.s.deferred.set(writer, [...(this.s.deferred.get(writer) ?? []), row]);
  }

  /** The rows held for each batch writer. */
  deferredRows(): ReadonlyMap<string, unknown[]> {
    return this.s.deferred;
  }

  /** A person met for the first time through this network id. */
  createPerson(person: Omit<NewPerson, "id">, channel: Channel, externalId: string): NewPerson {
    const created: NewPerson = { ...person, id: randomUUID() };
    this.s.created.set(created.id, created);
    this.s.bySender.set(`${channel}:${externalId}`, created);
    if (created.phone) this.s.byPhone.set(created.phone, created);
    this.s.identities.push({ userId: created.id, channel, externalId });
    return created;
  }

  /** The person this batch already created or linked for the sender, if any. */
  resolvedFor(channel: Channel, externalId: string): Person | undefined {
    return this.s.bySender.get(`${channel}:${externalId}`);
  }

  /** The person this batch already created with this phone, if any. */
  createdWithPhone(phone: string): NewPerson | undefined {
    return this.s.byPhone.get(phone);
  }

  /** A network id we had not seen, of a person we know (by their phone). */
  linkIdentity(person: Person, channel: Channel, externalId: string): void {
    this.s.bySender.set(`${channel}:${externalId}`, person);
    this.s.identities.push({ userId: person.id, channel, externalId });
  }

  /** A new name; `namedAt` when the person gave it themselves (it then outranks names organizers invited them by). */
  setName(userId: string, name: string, namedAt?: Date): void {
    this.change(userId, namedAt ? { name, namedAt } : { name });
  }

  setLocale(userId: string, locale: string): void {
    this.change(userId, { locale });
  }

  private change(userId: string, change: Change): void {
    const created = this.s.created.get(userId);
    if (created) Object.assign(created, change);
    else this.s.changes.set(userId, { ...this.s.changes.get(userId), ...change });
  }

  /** Writes now what is held back for this person, so statements about them can run in the transaction. */
  async materialize(tx: Tx, userId: string): Promise<void> {
    const created = this.s.created.get(userId);
    const change = this.s.changes.get(userId);
    const identities = this.s.identities.filter((i) => i.userId === userId);
    if (!created && !change && !identities.length) return;
    if (created) {
      await tx.$executeRaw`INSERT INTO users (id, name, phone, locale, time_zone, named_at)
        VALUES (${created.id}::uuid, ${created.name}, ${created.phone}, ${created.locale}, ${created.timeZone}, ${created.namedAt ?? null})`;
      this.s.created.delete(userId);
    }
    if (identities.length) {
      await tx.channelIdentity.createMany({
        data: identities.map((i) => ({ userId, channel: i.channel, externalId: i.externalId, chatId: i.externalId })),
      });
      this.s.identities = this.s.identities.filter((i) => i.userId !== userId);
    }
    if (change) {
      await tx.user.update({ where: { id: userId }, data: change });
      this.s.changes.delete(userId);
    }
  }

  /**
   * A copy of what is held now, taken before a turn; restore(mark) drops everything that turn held back (or wrote
   * early through materialize, which its savepoint undoes in the database).
   */
  snapshot(): WritesMark {
    const created = new Map([...this.s.created].map(([id, p]) => [id, { ...p }]));
    const same = <P extends Person>(p: P): P => (created.get(p.id) as P | undefined) ?? p;
    return {
      created,
      identities: [...this.s.identities],
      changes: new Map([...this.s.changes].map(([id, c]) => [id, { ...c }])),
      bySender: new Map([...this.s.bySender].map(([key, p]) => [key, same(p)])),
      byPhone: new Map([...this.s.byPhone].map(([key, p]) => [key, same(p)])),
      deferred: new Map([...this.s.deferred].map(([writer, rows]) => [writer, [...rows]])),
    };
  }

  restore(mark: WritesMark): void {
    this.s = mark;
  }

  /** What is still held back, as the commit statement takes it. */
  held(): HeldWrites {
    const users = [...this.s.created.values()];
    const changes = [...this.s.changes.entries()];
    return {
      users: {
        id: users.map((u) => u.id),
        name: users.map((u) => u.name),
        phone: users.map((u) => u.phone),
        locale: users.map((u) => u.locale),
        timeZone: users.map((u) => u.timeZone),
        namedAt: users.map((u) => u.namedAt ?? null),
      },
      identities: {
        userId: this.s.identities.map((i) => i.userId),
        channel: this.s.identities.map((i) => i.channel),
        externalId: this.s.identities.map((i) => i.externalId),
      },
      changes: {
        id: changes.map(([id]) => id),
        name: changes.map(([, c]) => c.name ?? null),
        locale: changes.map(([, c]) => c.locale ?? null),
        namedAt: changes.map(([, c]) => c.namedAt ?? null),
      },
    };
  }
}
