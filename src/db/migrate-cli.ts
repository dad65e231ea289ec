// npm run db:migrate            apply pending migrations
// npm run db:migration -- NAME  write prisma/migrations/<timestamp>_NAME from the changes to schema.prisma
// npm run db:check              exit 1 when schema.prisma has changes no migration holds
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, diffSinceLastMigration, migrationsDir, schemaPath, snapshotPath } from "./migrations.js";
import { loadConfig } from "../config.js";

async function main(): Promise<void> {
  const [command = "deploy", name] = process.argv.slice(2);
  const { DATABASE_URL } = loadConfig();
  if (command === "deploy") {
    const applied = await applyMigrations(DATABASE_URL);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
    );
    return;
  }
  const sql = await diffSinceLastMigration(DATABASE_URL);
  if (command === "check") {
    if (sql) {
      console.error("schema.prisma has changes that no migration holds; run: npm run db:migration -- <name>\n" + sql);
      process.exit(1);
    }
    console.log("No drift: schema.prisma matches the migrations.");
    return;
  }
  if (command === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Give the migration a snake_case name: npm run db:migration -- add_things");
    if (!sql) {
      console.log("Nothing to migrate: schema.prisma matches the last migration.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql + "\n");
    await copyFile(schemaPath, snapshotPath);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql; review it, then npm run db:migrate`);
    return;
  }
  throw new Error(`Unknown command "${command}": use deploy, create NAME or check`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
