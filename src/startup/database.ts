// PostgreSQL at start-up: the database created when missing, then migrated. Two steps, because main.ts checks Redis
// between them: a missing Redis must stop start-up before the schema changes.
import { ensureDatabase } from "../db/ensure-database.js";
import { applyMigrations } from "../db/migrations.js";
import type { Logger } from "../logger.js";
import { describeStartupFailure } from "../startup-errors.js";

/** Creates the database when it does not exist; an unreachable server stops start-up with one line. */
export async function ensureDatabaseExists(databaseUrl: string, logger: Logger): Promise<void> {
  const created = await ensureDatabase(databaseUrl).catch((err: unknown) =>
    describeStartupFailure("PostgreSQL", databaseUrl, err),
  );
  if (created) logger.info("created the database");
}

export async function migrateDatabase(databaseUrl: string, logger: Logger): Promise<void> {
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) logger.info({ applied }, "applied migrations");
}
