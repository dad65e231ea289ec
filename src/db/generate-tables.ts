/**
 * `npm run generate` (after `prisma generate`): writes src/generated/tables.ts, the database's tables and columns as
 * TypeScript types, from prisma/schema.prisma. Gitignored like the Prisma client it sits beside.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSchema, renderTables } from "./schema-tables.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const schemaPath = resolve(root, "prisma/schema.prisma");
const outPath = resolve(root, "src/generated/tables.ts");

const parsed = parseSchema(readFileSync(schemaPath, "utf8"));
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, renderTables(parsed));
console.log(`tables.ts: ${parsed.tables.length} tables written to ${outPath}`);
