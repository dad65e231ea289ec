// Applies the committed migrations in Prisma's own folder format, so that `prisma migrate deploy` (on machines with
// Prisma's native engine) and this code (everywhere) share one history in `_prisma_migrations`.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openSchemaEngine } from "./schema-engine.js";

export const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");
/** Copy of the schema as of the newest migration; diffing it against schema.prisma finds unmigrated changes. */
export const snapshotPath = path.join(prismaDir, "schema.migrated.prisma");

const noFilters = { externalTables: [], externalEnums: [] };

async function listMigrationDirs(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Applies every pending migration to the database; returns the names applied (none when up to date). */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const schemaText = await readFile(schemaPath, "utf8");
  const engine = await openSchemaEngine(databaseUrl, schemaPath, schemaText);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const migrationDirectories = await Promise.all(
    (await listMigrationDirs()).map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
      },
    })),
  );
  const result = await engine.applyMigrations({
    migrationsList: {
      baseDir: migrationsDir,
      lockfile: { path: lockPath, content: await readFile(lockPath, "utf8") },
      shadowDbInitScript: "",
      migrationDirectories,
    },
    filters: noFilters,
  });
  return result.appliedMigrationNames;
}

/**
 * SQL that turns the schema as of the last migration into the current schema.prisma ("" when nothing changed).
 * The engine needs a reachable database even for a schema-to-schema diff; it does not touch it.
 */
export async function diffSinceLastMigration(databaseUrl: string): Promise<string> {
  const current = await readFile(schemaPath, "utf8");
  let previous: string | undefined;
  try {
    previous = await readFile(snapshotPath, "utf8");
  } catch {
    previous = undefined;
  }
  const engine = await openSchemaEngine(databaseUrl, schemaPath, current);
  const result = await engine.diff({
    from:
      previous === undefined
        ? { tag: "empty" }
        : { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: previous }] },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: current }] },
    script: true,
    exitCode: null,
    filters: noFilters,
  });
  const sql = result.stdout.trim();
  return sql === "-- This is an empty migration." ? "" : sql;
}
