// The demo seed: idempotent (a second run creates and changes nothing) and the world it promises is there.
// It runs in a database of its own because whole-table counts and digests would see the rows other test files
// write concurrently into the shared run database.
import { randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDays, format } from "date-fns";
import { isValidPhoneNumber } from "libphonenumber-js";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TIME_ZONE, seedDemo, type SeedSummary } from "../../prisma/seed.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { createPrisma, type Db } from "../../src/db/prisma.js";
import { inject } from "../support/services.js";

// A fixed "now" so that both runs compute the same calendar (the seed's dates follow the current day).
const now = new Date("2026-11-26T07:30:00Z");

type Snapshot = Record<string, { rows: number; digest: string }>;

/** Row count and a digest of every row's full text, per table: equal snapshots mean nothing was added or changed. */
async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY table_name`;
  const result: Snapshot = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    result[name] = row!;
  }
  return result;
}

function totalRows(s: Snapshot): number {
  return Object.values(s).reduce((sum, t) => sum + t.rows, 0);
}

const databaseName = `nuru_test_${inject("runId")}_seed_${randomBytes(3).toString("hex")}`;
let db: Db;
let summary: SeedSummary;
let afterFirst: Snapshot;
let afterSecond: Snapshot;

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE ${databaseName}`));
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${databaseName}`;
  await applyMigrations(url.toString());
  db = createPrisma(url.toString(), 2);

  summary = await seedDemo(db, { now });
  afterFirst = await snapshot(db);
  await seedDemo(db, { now });
  afterSecond = await snapshot(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

describe("seedDemo is idempotent", () => {
  it("writes exactly the rows its summary counts into an empty database", () => {
    expect(totalRows(afterFirst)).toBe(Object.values(summary.rows).reduce((a, b) => a + b, 0));
  });

  it("creates nothing and changes nothing on a second run", () => {
    expect(afterSecond).toEqual(afterFirst);
  });
});

describe("the demo world", () => {
  const wedding = () =>
    db.event.findUniqueOrThrow({
      where: { code: "HARUSI-NB" },
      include: {
        organizer: true,
        guests: { include: { user: true } },
        invitations: true,
        sessions: { orderBy: { startTime: "asc" } },
        venueMaps: true,
        budgetItems: true,
        services: { include: { service: true } },
        polls: { include: { options: { include: { votes: true } } } },
        tasks: { include: { assignee: true, service: true } },
        contributions: true,
      },
    });

  it("has Neema organizing her wedding in Dar es Salaam about two months out, budget 25,000,000 TZS", async () => {
    const event = await wedding();
    expect(event.name).toBe("Harusi ya Neema na Baraka");
    expect(event.organizer?.name).toBe("Neema Mushi");
    expect(event.organizer?.locale).toBe("sw");
    expect(isValidPhoneNumber(event.organizer?.phone ?? "")).toBe(true);
    expect(event.timeZone).toBe("Africa/Dar_es_Salaam");
    expect(event.currency).toBe("TZS");
    expect(event.budget?.toFixed(2)).toBe("25000000.00");
    expect(event.location).toMatch(/Dar es Salaam/);

    const localStart = new TZDate(event.startTime!.getTime(), DEMO_TIME_ZONE);
    const daysAhead = differenceInCalendarDays(localStart, new TZDate(now.getTime(), DEMO_TIME_ZONE));
    expect(daysAhead).toBeGreaterThanOrEqual(55);
    expect(daysAhead).toBeLessThanOrEqual(70);
    // Stored as a UTC instant: 10:00 in Dar es Salaam is 07:00 UTC.
    expect(format(localStart, "HH:mm")).toBe("10:00");
    expect(event.startTime!.getUTCHours()).toBe(7);
  });

  it("invites 6-8 guests with E.164 phones, a mix of answers and party sizes, each with an invitation code", async () => {
    const event = await wedding();
    expect(event.guests.length).toBeGreaterThanOrEqual(6);
    expect(event.guests.length).toBeLessThanOrEqual(8);
    for (const guest of event.guests) {
      expect(guest.user?.phone).toMatch(/^\+255\d{9}$/);
      expect(isValidPhoneNumber(guest.user!.phone!)).toBe(true);
    }
    expect(new Set(event.guests.map((g) => g.rsvpStatus))).toEqual(new Set(["accepted", "declined", "pending"]));
    expect(event.guests.some((g) => g.partySize > 1)).toBe(true);

    const codes = event.invitations.map((i) => i.code);
    expect(codes.every((c) => typeof c === "string" && c.length > 0)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const invitedPhones = new Set(event.invitations.map((i) => i.recipientPhone));
    expect(event.guests.every((g) => invitedPhones.has(g.user!.phone))).toBe(true);
  });

  it("has a ceremony and a reception, a venue map with pins and zones, and a budget partly paid", async () => {
    const event = await wedding();
    expect(event.sessions).toHaveLength(2);
    expect(event.sessions.map((s) => s.description)).toEqual(["Ceremony", "Reception"]);

    const mapData = event.venueMaps[0]?.mapData as { pins?: unknown[]; zones?: unknown[] } | undefined;
    expect(mapData?.pins?.length).toBeGreaterThan(0);
    expect(mapData?.zones?.length).toBeGreaterThan(0);

    const paid = event.budgetItems.filter((b) => b.status === "paid");
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((b) => b.paid?.equals(b.cost!))).toBe(true);
    expect(event.budgetItems.some((b) => b.status === "pending")).toBe(true);
    const planned = event.budgetItems.reduce((sum, b) => sum.plus(b.cost ?? 0), new Prisma.Decimal(0));
    expect(planned.lessThanOrEqualTo(event.budget!)).toBe(true);
  });

  it("has MC, catering, photography and decor providers, each a user with availability, plus a review and two packages", async () => {
    const services = await db.service.findMany({
      where: { category: { in: ["MC", "Catering", "Photography", "Decor"] } },
      include: { user: true, availability: true, reviews: true, packages: true },
    });
    expect(new Set(services.map((s) => s.category))).toEqual(new Set(["MC", "Catering", "Photography", "Decor"]));
    expect(services.every((s) => s.user && isValidPhoneNumber(s.user.phone ?? ""))).toBe(true);
    expect(services.every((s) => s.availability.length > 0)).toBe(true);
    const reviews = services.flatMap((s) => s.reviews);
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.every((r) => r.rating !== null && r.rating >= 1 && r.rating <= 5)).toBe(true);

    const packages = await db.package.findMany({ include: { services: true } });
    expect(packages).toHaveLength(2);
    expect(packages.every((p) => p.services.length > 0 && p.price !== null)).toBe(true);
  });

  it("books one provider (confirmed) and asks another (requested); tasks are assigned to providers with due times", async () => {
    const event = await wedding();
    expect(event.services.map((b) => b.bookingStatus).sort()).toEqual(["confirmed", "requested"]);

    const providerTasks = event.tasks.filter((t) => t.service);
    expect(providerTasks.length).toBeGreaterThan(0);
    expect(providerTasks.every((t) => t.assignee?.id === t.service?.userId && t.dueTime instanceof Date)).toBe(true);
  });

  it("has a poll with options and votes, and one guest contribution of each kind", async () => {
    const event = await wedding();
    const poll = event.polls[0]!;
    expect(poll.options.length).toBeGreaterThanOrEqual(2);
    expect(poll.options.flatMap((o) => o.votes).length).toBeGreaterThan(0);

    const byKind = Object.fromEntries(event.contributions.map((c) => [c.kind, c]));
    expect(Object.keys(byKind).sort()).toEqual(["message", "photo", "pledge"]);
    expect(byKind.pledge?.amount?.toFixed(2)).toBe("200000.00");
    expect(byKind.pledge?.currency).toBe("TZS");
    expect(byKind.photo?.mediaUrl).toMatch(/^https:\/\//);
  });

  it("keeps the send-off under its own organizer, so each organizer sees only their own event", async () => {
    const sendOff = await db.event.findUniqueOrThrow({
      where: { code: "SENDOFF-AMINA" },
      include: { organizer: true, guests: true },
    });
    const weddingEvent = await wedding();
    expect(sendOff.name).toBe("Send-off ya Amina");
    expect(sendOff.organizerId).not.toBe(weddingEvent.organizerId);
    expect(sendOff.guests.length).toBeGreaterThan(0);

    const neemasEvents = await db.event.findMany({ where: { organizerId: weddingEvent.organizerId } });
    expect(neemasEvents.map((e) => e.code)).toEqual(["HARUSI-NB"]);
    const zuhurasEvents = await db.event.findMany({ where: { organizerId: sendOff.organizerId } });
    expect(zuhurasEvents.map((e) => e.code)).toEqual(["SENDOFF-AMINA"]);

    expect(summary.events.map((e) => e.code).sort()).toEqual(["HARUSI-NB", "SENDOFF-AMINA"]);
    expect(summary.organizers).toHaveLength(2);
  });
});

describe("seeding again on a later day", () => {
  it("moves the dates along but adds no rows", async () => {
    await seedDemo(db, { now: new Date(now.getTime() + 7 * 86_400_000) });
    const later = await snapshot(db);
    expect(Object.fromEntries(Object.entries(later).map(([t, s]) => [t, s.rows]))).toEqual(
      Object.fromEntries(Object.entries(afterFirst).map(([t, s]) => [t, s.rows])),
    );
    expect(later.events?.digest).not.toBe(afterFirst.events?.digest);
  });
});
