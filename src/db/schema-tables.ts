/**
 * Reads prisma/schema.prisma as text and writes the database's tables and columns as TypeScript types
 * (src/generated/tables.ts), so a raw statement can name its result columns by table and a renamed column fails `tsc`
 * (src/db/rows.ts). Pure: src/db/generate-tables.ts does the reading and writing.
 *
 * The column types are what `$queryRaw` returns through @prisma/adapter-pg (checked against PostgreSQL 2026-12):
 * numeric -> Prisma.Decimal, bigint (and count(*)) -> bigint, timestamptz -> Date, uuid -> string, enums -> the value
 * as a string, jsonb -> the parsed value, int[] / text[] -> arrays. Not what the pg driver alone returns (strings
 * for numeric and bigint): the adapter converts them.
 */

export interface SchemaColumn {
  /** the column's name in the database (@map, else the field's name) */
  name: string;
  /** its TypeScript type as $queryRaw returns it, `| null` included when the field is optional */
  type: string;
}

export interface SchemaTable {
  /** the table's name in the database (@@map, else the model's name) */
  name: string;
  columns: SchemaColumn[];
}

export interface ParsedSchema {
  tables: SchemaTable[];
  /** enum name in the schema -> its values as stored (@map of a value, else the value) */
  enums: Map<string, string[]>;
}

interface Block {
  keyword: string;
  name: string;
  lines: string[];
}

interface RawField {
  name: string;
  baseType: string;
  modifier: "" | "?" | "[]";
  attributes: string;
}

const scalarTypes: Record<string, string> = {
  String: "string",
  Int: "number",
  BigInt: "bigint",
  Float: "number",
  Decimal: "Prisma.Decimal",
  DateTime: "Date",
  Boolean: "boolean",
  Json: "unknown",
  Bytes: "Uint8Array",
};

/** Drops a `//` or `///` comment, but not `//` inside a quoted string (a default such as "http://..."). */
export function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/** The schema's top-level blocks (`model X { ... }`), each with its inner lines, comments removed. */
function blocks(schema: string): Block[] {
  const found: Block[] = [];
  let current: Block | undefined;
  for (const raw of schema.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    if (!current) {
      const start = /^(\w+)\s+(\w+)\s*\{$/.exec(line);
      if (start) current = { keyword: start[1]!, name: start[2]!, lines: [] };
    } else if (line === "}") {
      found.push(current);
      current = undefined;
    } else if (line) {
      current.lines.push(line);
    }
  }
  return found;
}

/** The name given by `@map("x")` / `@@map("x")` in an attribute list, if any. */
function mappedName(attributes: string, attribute: "@map" | "@@map"): string | undefined {
  const pattern = attribute === "@map" ? /(?<!@)@map\(\s*(?:name:\s*)?"([^"]+)"/ : /@@map\(\s*(?:name:\s*)?"([^"]+)"/;
  return pattern.exec(attributes)?.[1];
}

function enumValues(block: Block): string[] {
  return block.lines
    .filter((line) => !line.startsWith("@@"))
    .map((line) => {
      const value = /^(\w+)/.exec(line)?.[1] ?? line;
      return mappedName(line, "@map") ?? value;
    });
}

function field(line: string): RawField | undefined {
  if (line.startsWith("@@")) return undefined;
  // Unsupported("...") is a type with parentheses; its column comes back as whatever the driver makes of it.
  const match = /^(\w+)\s+(Unsupported\("[^"]*"\)|\w+)(\?|\[\])?\s*(.*)$/.exec(line);
  if (!match) return undefined;
  return {
    name: match[1]!,
    baseType: match[2]!,
    modifier: (match[3] ?? "") as RawField["modifier"],
    attributes: match[4] ?? "",
  };
}

function enumUnion(values: string[]): string {
  return values.length ? values.map((v) => JSON.stringify(v)).join(" | ") : "never";
}

/** The TypeScript type of one field's column; undefined for a relation field (no column of its own). */
export function columnType(f: RawField, enums: Map<string, string[]>, models: Set<string>): string | undefined {
  if (models.has(f.baseType)) return undefined;
  const enumeration = enums.get(f.baseType);
  const base = enumeration ? enumUnion(enumeration) : (scalarTypes[f.baseType] ?? "unknown");
  if (f.modifier === "[]") return `Array<${base}>`;
  // unknown (Json) already admits null: a JSON null and an SQL NULL both come back as null.
  return f.modifier === "?" && base !== "unknown" ? `${base} | null` : base;
}

function table(block: Block, enums: Map<string, string[]>, models: Set<string>): SchemaTable | undefined {
  if (block.lines.some((line) => line.startsWith("@@ignore"))) return undefined;
  const tableMap = block.lines.map((line) => mappedName(line, "@@map")).find((name) => name !== undefined);
  const columns: SchemaColumn[] = [];
  for (const line of block.lines) {
    const f = field(line);
    if (!f || /(^|\s)@ignore\b/.test(f.attributes)) continue;
    const type = columnType(f, enums, models);
    if (type !== undefined) columns.push({ name: mappedName(f.attributes, "@map") ?? f.name, type });
  }
  return { name: tableMap ?? block.name, columns };
}

/** The tables (models and views) of a schema and their columns, in the schema's order. */
export function parseSchema(schema: string): ParsedSchema {
  const all = blocks(schema);
  const enums = new Map(all.filter((b) => b.keyword === "enum").map((b) => [b.name, enumValues(b)] as const));
  // Composite types (`type X {}`, MongoDB only) are relation-like here: no column of their own in PostgreSQL.
  const models = new Set(all.filter((b) => ["model", "view", "type"].includes(b.keyword)).map((b) => b.name));
  const tables = all
    .filter((b) => b.keyword === "model" || b.keyword === "view")
    .map((b) => table(b, enums, models))
    .filter((t): t is SchemaTable => t !== undefined);
  return { tables, enums };
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** The text of src/generated/tables.ts for a parsed schema. */
export function renderTables(schema: ParsedSchema, source = "prisma/schema.prisma"): string {
  const usesDecimal = schema.tables.some((t) => t.columns.some((c) => c.type.includes("Prisma.Decimal")));
  const out = [
    `// Generated from ${source} by src/db/generate-tables.ts (\`npm run generate\`): do not edit.`,
    ...(usesDecimal ? ['import type { Prisma } from "./prisma/client.js";', ""] : [""]),
    "/** Every table's columns as `$queryRaw` returns them (database names); type rows with Row<> from src/db/rows.ts. */",
    "export interface Tables {",
  ];
  for (const t of schema.tables) {
    out.push(`  ${key(t.name)}: {`);
    for (const c of t.columns) out.push(`    ${key(c.name)}: ${c.type};`);
    out.push("  };");
  }
  out.push("}", "");
  return out.join("\n");
}
