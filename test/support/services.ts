// Real PostgreSQL and Redis for integration tests: the run's own database (see global-setup.ts) and a Redis key
// prefix of the run's own, so parallel files and repeated runs never see each other's data.
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { inject } from "vitest";
import { createPrisma, type Db } from "../../src/db/prisma.js";
import { createRedis } from "../../src/redis.js";
import type { Redis } from "ioredis";

let db: Db | undefined;
const redisClients: Redis[] = [];

/** Prisma client on the test run's database, closed after the file. */
export function testDb(): Db {
  if (!db) {
    db = createPrisma(inject("databaseUrl"));
    const current = db;
    afterAll(async () => {
      await current.$disconnect();
      db = undefined;
    });
  }
  return db;
}

/** A new Redis connection (closed after the file). */
export async function testRedis(): Promise<Redis> {
  const redis = createRedis(inject("redisUrl"));
  await redis.connect();
  redisClients.push(redis);
  if (redisClients.length === 1) {
    afterAll(async () => {
      await Promise.all(redisClients.splice(0).map((r) => r.quit().catch(() => r.disconnect())));
    });
  }
  return redis;
}

/** The engine settings every whole-service test runs with (Tanzania, English by default, an hour's conversations). */
export const testEngineDefaults = {
  defaultCountry: "TZ",
  defaultLocale: "en",
  defaultTimeZone: "Africa/Dar_es_Salaam",
  conversationTtlMs: 3_600_000,
} as const;

/** A BullMQ prefix no other test uses. */
export function uniquePrefix(): string {
  return `nuru-test-${inject("runId")}-${randomUUID().slice(0, 8)}`;
}

/** A unique-enough valid UK mobile number: a person Nuru speaks English to (not a Swahili-speaking country). */
export function ukPhone(): string {
  return `+447${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
}

/** A unique-enough valid E.164 Tanzanian mobile number (+2557 and eight digits). */
export function uniquePhone(): string {
  return `+2557${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

export { inject };
