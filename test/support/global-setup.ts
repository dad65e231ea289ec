// One fresh database per test run, migrated with the project's own migration command, dropped afterwards.
// Tests get its URL through inject("databaseUrl"), so they never touch a developer's data.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/db/migrations.js";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
    redisUrl: string;
    runId: string;
  }
}

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const dbName = `nuru_test_${runId}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await applyMigrations(databaseUrl);
  // Telegram update ids must not repeat across the run's test files (they share this database, which drops a repeated
  // update as a duplicate): test/support/telegram-service.ts takes a range of ids per service from this sequence.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("CREATE SEQUENCE test_telegram_update_ranges MAXVALUE 2000");
  await client.end();
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", serverUrl);
  project.provide("redisUrl", redisUrl);
  project.provide("runId", runId);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await client.end();
    // Every key the run's queues, pacing and reminders wrote (their prefixes start with the run's id), in each
    // Redis database a test used: a run leaves nothing behind.
    for (const db of [0, 7]) {
      const redis = new Redis(redisUrl, { db, lazyConnect: true });
      await redis.connect();
      for await (const keys of redis.scanStream({ match: `nuru-*-${runId}*`, count: 1000 }) as AsyncIterable<
        string[]
      >) {
        if (keys.length) await redis.unlink(...keys);
      }
      await redis.quit();
    }
  };
}
