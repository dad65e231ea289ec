// A benchmark's own database and Redis key prefix, made fresh and removed afterwards, so a run never touches a
// developer's data and leaves nothing behind.
import { Redis } from "ioredis";
import pg from "pg";
import type { Config } from "../src/config.js";
import { applyMigrations } from "../src/db/migrations.js";

export interface Scratch {
  /** the migrated database's URL */
  url: string;
  /** Redis key prefix of this run's queues */
  prefix: string;
  /** Drops the database and deletes the run's Redis keys. */
  remove(): Promise<void>;
}

export async function createScratch(config: Config, label: string): Promise<Scratch> {
  const runId = Date.now().toString(36);
  const admin = new URL(config.DATABASE_URL);
  admin.pathname = "/postgres";
  const dbName = `nuru_bench_${label}_${runId}`;
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${dbName}`;
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${dbName}`);
  await applyMigrations(url.toString());
  const prefix = `nuru-bench-${label}-${runId}`;
  return {
    url: url.toString(),
    prefix,
    async remove() {
      await adminClient.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await adminClient.end();
      const cleanup = new Redis(config.REDIS_URL);
      const keys = await cleanup.keys(`${prefix}:*`);
      for (let i = 0; i < keys.length; i += 500) await cleanup.del(...keys.slice(i, i + 500));
      await cleanup.quit();
    },
  };
}
