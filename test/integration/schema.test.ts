// Checks the migrated database against the seed design (test/fixtures/seed-tables.ts) through the Postgres catalog,
// so that a renamed column, a changed type or ON DELETE rule, or a lost constraint fails here rather than in a flow.
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { productUniqueKeys, seedTables, type SeedTable, type SeedType } from "../fixtures/seed-tables.js";
import { testDb, uniquePhone } from "../support/services.js";

interface ColumnInfo {
  dataType: string;
  udtName: string;
  nullable: boolean;
  default: string | null;
}

interface ForeignKeyInfo {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
  onDelete: string;
}

interface UniqueIndexInfo {
  table: string;
  columns: string[];
  primary: boolean;
}

interface CheckInfo {
  table: string;
  columns: string[];
  definition: string;
}

interface Catalog {
  columns: Map<string, Map<string, ColumnInfo>>;
  enums: Map<string, string[]>;
  foreignKeys: ForeignKeyInfo[];
  uniqueIndexes: UniqueIndexInfo[];
  checks: CheckInfo[];
}

const compatibleTypes: Record<SeedType, readonly string[]> = {
  uuid: ["uuid"],
  text: ["text"],
  // The seed's bare `timestamp` is stored as timestamptz so that every instant is unambiguous UTC.
  timestamp: ["timestamp with time zone"],
  numeric: ["numeric"],
  jsonb: ["jsonb"],
  boolean: ["boolean"],
  int: ["integer"],
};

const onDeleteRules: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function readCatalog(): Promise<Catalog> {
  const db = testDb();
  const columnRows = await db.$queryRaw<
    {
      table: string;
      column: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
    }[]
  >`SELECT table_name::text AS table, column_name::text AS column, data_type::text, udt_name::text,
           is_nullable::text, column_default::text
      FROM information_schema.columns WHERE table_schema = 'public'`;
  const columns = new Map<string, Map<string, ColumnInfo>>();
  for (const row of columnRows) {
    const table = columns.get(row.table) ?? new Map<string, ColumnInfo>();
    table.set(row.column, {
      dataType: row.data_type,
      udtName: row.udt_name,
      nullable: row.is_nullable === "YES",
      default: row.column_default,
    });
    columns.set(row.table, table);
  }

  const enumRows = await db.$queryRaw<{ name: string; labels: string[] }[]>`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' GROUP BY t.typname`;

  const foreignKeys = await db.$queryRaw<ForeignKeyInfo[]>`
    SELECT src.relname::text AS "table", a.attname::text AS "column", ref.relname::text AS "refTable",
           ra.attname::text AS "refColumn", c.confdeltype::text AS "onDelete"
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_class ref ON ref.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND n.nspname = 'public' AND cardinality(c.conkey) = 1`;

  // Partial and expression indexes are left out: neither makes a column unique for every row.
  const uniqueIndexes = await db.$queryRaw<UniqueIndexInfo[]>`
    SELECT t.relname::text AS "table", array_agg(a.attname::text ORDER BY k.ord) AS columns, i.indisprimary AS primary
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indisunique AND n.nspname = 'public' AND i.indpred IS NULL AND i.indexprs IS NULL
     GROUP BY i.indexrelid, t.relname, i.indisprimary`;

  const checks = await db.$queryRaw<CheckInfo[]>`
    SELECT t.relname::text AS "table",
           ARRAY(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) ORDER BY a.attnum) AS columns,
           pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'c' AND n.nspname = 'public'`;

  return {
    columns,
    enums: new Map(enumRows.map((r) => [r.name, r.labels])),
    foreignKeys: foreignKeys.map((fk) => ({ ...fk, onDelete: onDeleteRules[fk.onDelete] ?? fk.onDelete })),
    uniqueIndexes,
    checks,
  };
}

/** Postgres spells defaults with casts ('draft'::event_status, CURRENT_TIMESTAMP); compare the bare value. */
function normalizeDefault(value: string | null): string | null {
  if (value === null) return null;
  const bare = value.replace(/::[\w" ]+$/, "").replace(/^'(.*)'$/, "$1");
  return bare === "CURRENT_TIMESTAMP" ? "now()" : bare;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(",") === [...b].sort().join(",");
}

function hasUniqueIndex(catalog: Catalog, table: string, columns: readonly string[]): boolean {
  return catalog.uniqueIndexes.some((u) => u.table === table && sameSet(u.columns, columns));
}

/** Every way `table` differs from the seed, as readable lines (empty when it matches). */
function tableProblems(table: SeedTable, catalog: Catalog): string[] {
  const actual = catalog.columns.get(table.name);
  if (!actual) return [`table ${table.name} is missing`];
  const problems: string[] = [];
  for (const col of table.columns) {
    const where = `${table.name}.${col.name}`;
    const info = actual.get(col.name);
    if (!info) {
      problems.push(`column ${where} is missing`);
      continue;
    }
    const isEnum = info.dataType === "USER-DEFINED";
    if (isEnum && col.values) {
      const labels = catalog.enums.get(info.udtName) ?? [];
      const expected = [...col.values, ...(col.botValues ?? [])];
      if (!sameSet(labels, expected)) {
        problems.push(
          `${where} enum ${info.udtName} holds [${labels.join(", ")}], seed says [${col.values.join(", ")}]${col.botValues ? ` plus the bot's [${col.botValues.join(", ")}]` : ""}`,
        );
      }
    } else if (!compatibleTypes[col.type].includes(info.dataType)) {
      problems.push(`${where} is ${isEnum ? `enum ${info.udtName}` : info.dataType}, seed says ${col.type}`);
    }
    if (col.notNull && info.nullable) problems.push(`${where} is nullable, seed says NOT NULL`);
    if (col.default !== undefined && normalizeDefault(info.default) !== col.default) {
      problems.push(`${where} defaults to ${info.default ?? "nothing"}, seed says ${col.default}`);
    }
    if (
      col.primaryKey &&
      !catalog.uniqueIndexes.some((u) => u.table === table.name && u.primary && sameSet(u.columns, [col.name]))
    ) {
      problems.push(`${where} is not the primary key`);
    }
    if (col.unique && !hasUniqueIndex(catalog, table.name, [col.name])) problems.push(`${where} is not unique`);
    if (col.references) {
      const ref = col.references;
      const fk = catalog.foreignKeys.find((f) => f.table === table.name && f.column === col.name);
      if (!fk) problems.push(`${where} has no foreign key to ${ref.table}(${ref.column})`);
      else if (fk.refTable !== ref.table || fk.refColumn !== ref.column) {
        problems.push(`${where} references ${fk.refTable}(${fk.refColumn}), seed says ${ref.table}(${ref.column})`);
      } else if (fk.onDelete !== ref.onDelete) {
        problems.push(`${where} is ON DELETE ${fk.onDelete}, seed says ${ref.onDelete}`);
      }
    }
  }
  for (const check of table.checks ?? []) {
    const found = catalog.checks.some(
      (c) =>
        c.table === table.name &&
        sameSet(c.columns, [check.column]) &&
        c.definition.includes(`${check.column} >= ${check.min}`) &&
        c.definition.includes(`${check.column} <= ${check.max}`),
    );
    if (!found) problems.push(`${table.name} has no CHECK (${check.column} BETWEEN ${check.min} AND ${check.max})`);
  }
  return problems;
}

let catalog: Catalog;

beforeAll(async () => {
  catalog = await readCatalog();
});

describe("the database keeps the seed design", () => {
  it("transcribes all 25 seed tables", () => {
    expect(seedTables).toHaveLength(25);
  });

  it.each(seedTables.map((t) => [t.name, t] as const))("%s matches the seed", (_name, table) => {
    expect(tableProblems(table, catalog)).toEqual([]);
  });

  it("keeps status enums to the seed's values (no extra states slipped in) and the bot's documented additions", () => {
    expect(catalog.enums.get("event_status")).toEqual(["draft", "confirmed", "completed", "cancelled"]);
    expect(catalog.enums.get("rsvp_status")).toEqual(["pending", "accepted", "declined", "maybe"]);
  });

  // Guards the guard: the comparison must notice the kinds of drift it exists to catch.
  describe("the comparison itself", () => {
    const users = seedTables.find((t) => t.name === "users")!;
    const guests = seedTables.find((t) => t.name === "event_guests")!;

    it("reports a renamed column", () => {
      const renamed = new Map(catalog.columns);
      const columns = new Map(renamed.get("users"));
      columns.set("phone_number", columns.get("phone")!);
      columns.delete("phone");
      renamed.set("users", columns);
      expect(tableProblems(users, { ...catalog, columns: renamed })).toEqual(["column users.phone is missing"]);
    });

    it("reports a changed ON DELETE rule", () => {
      const foreignKeys = catalog.foreignKeys.map((fk) =>
        fk.table === "event_guests" && fk.column === "event_id" ? { ...fk, onDelete: "NO ACTION" } : fk,
      );
      expect(tableProblems(guests, { ...catalog, foreignKeys })).toEqual([
        "event_guests.event_id is ON DELETE NO ACTION, seed says CASCADE",
      ]);
    });

    it("reports a lost unique constraint and a changed type", () => {
      const uniqueIndexes = catalog.uniqueIndexes.filter(
        (u) => !(u.table === "users" && sameSet(u.columns, ["email"])),
      );
      const columns = new Map(catalog.columns);
      const userColumns = new Map(columns.get("users"));
      userColumns.set("created_at", { ...userColumns.get("created_at")!, dataType: "timestamp without time zone" });
      columns.set("users", userColumns);
      expect(tableProblems(users, { ...catalog, uniqueIndexes, columns })).toEqual([
        "users.email is not unique",
        "users.created_at is timestamp without time zone, seed says timestamp",
      ]);
    });
  });
});

describe("service_reviews rating CHECK", () => {
  async function insertReview(rating: number): Promise<void> {
    await testDb().$executeRaw`INSERT INTO service_reviews (id, rating) VALUES (${randomUUID()}::uuid, ${rating})`;
  }

  it("accepts 1 and 5", async () => {
    await expect(insertReview(1)).resolves.toBeUndefined();
    await expect(insertReview(5)).resolves.toBeUndefined();
  });

  it("rejects 0 and 6", async () => {
    await expect(insertReview(6)).rejects.toThrow(/service_reviews_rating_check|check constraint/i);
    await expect(insertReview(0)).rejects.toThrow(/service_reviews_rating_check|check constraint/i);
  });
});

describe("product uniqueness rules", () => {
  it.each(productUniqueKeys.map((k) => [`${k.table} (${k.columns.join(", ")})`, k] as const))(
    "%s is unique",
    (_label, key) => {
      expect(hasUniqueIndex(catalog, key.table, key.columns)).toBe(true);
    },
  );

  it("refuses a second user with the same phone", async () => {
    const phone = uniquePhone();
    const db = testDb();
    await db.$executeRaw`INSERT INTO users (id, name, phone) VALUES (${randomUUID()}::uuid, 'Asha', ${phone})`;
    await expect(
      db.$executeRaw`INSERT INTO users (id, name, phone) VALUES (${randomUUID()}::uuid, 'Asha tena', ${phone})`,
    ).rejects.toThrow(/users_phone_key|unique/i);
  });

  it("refuses a second RSVP row and a second vote by the same person", async () => {
    const db = testDb();
    const [userId, eventId, pollId, optionId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await db.$executeRaw`INSERT INTO users (id, name, phone) VALUES (${userId}::uuid, 'Juma', ${uniquePhone()})`;
    await db.$executeRaw`INSERT INTO events (id, organizer_id, name) VALUES (${eventId}::uuid, ${userId}::uuid, 'Kikao')`;
    await db.$executeRaw`INSERT INTO event_polls (id, event_id, question) VALUES (${pollId}::uuid, ${eventId}::uuid, 'Chakula?')`;
    await db.$executeRaw`INSERT INTO poll_options (id, poll_id, option_text) VALUES (${optionId}::uuid, ${pollId}::uuid, 'Pilau')`;

    const rsvp = () =>
      db.$executeRaw`INSERT INTO event_guests (id, event_id, user_id) VALUES (${randomUUID()}::uuid, ${eventId}::uuid, ${userId}::uuid)`;
    const vote = () =>
      db.$executeRaw`INSERT INTO poll_votes (id, poll_id, option_id, user_id)
                     VALUES (${randomUUID()}::uuid, ${pollId}::uuid, ${optionId}::uuid, ${userId}::uuid)`;
    await rsvp();
    await expect(rsvp()).rejects.toThrow(/event_guests_event_id_user_id_key|unique/i);
    await vote();
    await expect(vote()).rejects.toThrow(/poll_votes_poll_id_user_id_key|unique/i);
  });
});

describe("migration history", () => {
  it("records every committed migration as applied in _prisma_migrations", async () => {
    const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
    const committed = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const applied = await testDb().$queryRaw<{ migration_name: string; finished: boolean; rolled_back: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
        FROM _prisma_migrations ORDER BY migration_name`;

    expect(committed.length).toBeGreaterThan(0);
    expect(applied.map((m) => m.migration_name)).toEqual(committed);
    expect(applied.every((m) => m.finished && !m.rolled_back)).toBe(true);
  });
});
