// Prisma's schema engine as WebAssembly, driven over the pg driver adapter.
// Why: Prisma 7's CLI needs a native schema-engine binary for `migrate`, which cannot be downloaded on machines with
// registry-only network access. The same engine ships as WebAssembly in an npm package; Node 20 cannot import its
// `.wasm` entry as an ES module, so it is instantiated by hand (see shared ENVIRONMENT.md for what was verified).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type Engine = {
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
};

let loaded: Promise<void> | undefined;

async function loadWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
}

/** Opens a schema engine bound to the database at `connectionString`, with `schemaText` as its datamodel. */
export async function openSchemaEngine(
  connectionString: string,
  schemaPath: string,
  schemaText: string,
): Promise<Engine> {
  loaded ??= loadWasm();
  await loaded;
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  return (await bindings.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, adapter)) as Engine;
}
