import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parseSchema, renderTables, stripComment } from "../../src/db/schema-tables.js";
import type { As, Column, Count, Nullable, Row } from "../../src/db/rows.js";

const schema = `
// a comment with a { brace
enum Colour {
  red
  dark_blue @map("dark-blue")

  @@map("colour")
}

/// a model comment
model Party {
  id        BigInt    @id @default(autoincrement())
  title     String    @default("http://example.org") // the default has a // inside quotes
  hostId    String?   @map("host_id") @db.Uuid
  host      Person?   @relation(fields: [hostId], references: [id])
  budget    Decimal?  @db.Decimal(14, 2)
  startsAt  DateTime  @map("starts_at") @db.Timestamptz(6)
  colour    Colour?
  offsets   Int[]     @default([1, 2])
  tags      String[]
  extra     Json?
  data      Json
  ratio     Float
  open      Boolean
  count     Int
  legacy    String    @ignore
  geo       Unsupported("geometry")?

  @@index([hostId])
  @@map("parties")
}

model Person {
  id      String  @id
  parties Party[]
}

model Hidden {
  id String @id

  @@ignore
}
`;

describe("the tables generator", () => {
  const parsed = parseSchema(schema);

  it("maps each model to its table and each scalar field to its column, relations left out", () => {
    expect(parsed.tables.map((t) => t.name)).toEqual(["parties", "Person"]);
    const party = Object.fromEntries(parsed.tables[0]!.columns.map((c) => [c.name, c.type]));
    expect(party).toEqual({
      id: "bigint",
      title: "string",
      host_id: "string | null",
      budget: "Prisma.Decimal | null",
      starts_at: "Date",
      colour: '"red" | "dark-blue" | null',
      offsets: "Array<number>",
      tags: "Array<string>",
      extra: "unknown",
      data: "unknown",
      ratio: "number",
      open: "boolean",
      count: "number",
      geo: "unknown",
    });
    expect(parsed.tables[1]!.columns).toEqual([{ name: "id", type: "string" }]);
  });

  it("reads enum values as stored, @map included", () => {
    expect(parsed.enums.get("Colour")).toEqual(["red", "dark-blue"]);
  });

  it("renders an interface keyed by table, importing Prisma only for Decimal", () => {
    const text = renderTables(parsed);
    expect(text).toContain('import type { Prisma } from "./prisma/client.js";');
    expect(text).toContain("export interface Tables {\n  parties: {\n    id: bigint;\n");
    expect(text).toContain('    colour: "red" | "dark-blue" | null;');
    expect(renderTables(parseSchema("model A {\n  id Int @id\n}\n"))).not.toContain("import");
  });

  it("keeps a // inside a string and drops the comment after it", () => {
    expect(stripComment('a String @default("http://x") // note')).toBe('a String @default("http://x") ');
  });

  it("reads the real schema: every model, with the columns raw statements use", () => {
    const real = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));
    const models = readFileSync("prisma/schema.prisma", "utf8").match(/^model /gm)!.length;
    expect(real.tables).toHaveLength(models);
    const events = real.tables.find((t) => t.name === "events")!;
    expect(events.columns).toContainEqual({ name: "time_zone", type: "string" });
    expect(events.columns).toContainEqual({ name: "reminder_offsets", type: "Array<number>" });
  });
});

describe("Row types", () => {
  it("take each column's type from the schema", () => {
    expectTypeOf<Row<"events", "id" | "time_zone">>().toEqualTypeOf<{ id: string; time_zone: string }>();
    expectTypeOf<Column<"inbound_messages", "id">>().toEqualTypeOf<bigint>();
    expectTypeOf<As<"events", "id", "event_id">>().toEqualTypeOf<{ event_id: string }>();
    expectTypeOf<Nullable<Row<"users", "locale">>>().toEqualTypeOf<{ locale: string | null }>();
    expectTypeOf<Row<"events", "id"> & { n: Count }>().toMatchTypeOf<{ id: string; n: bigint }>();
  });

  it("refuse a column the table does not have, so a renamed column fails tsc", () => {
    // @ts-expect-error: events has time_zone, not timezone; this is what tsc says wherever a statement names it.
    type Renamed = Row<"events", "timezone">;
    // @ts-expect-error: no such table
    type Missing = Row<"event", "id">;
    expectTypeOf<Renamed | Missing>().not.toBeNever();
  });
});
