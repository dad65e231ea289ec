// npm run bench:statements
// What one statement costs through each layer, measured in one run: wall time and this process's CPU time per call,
// serially, for the pg driver alone, Prisma's raw SQL, and Prisma's query builder. This is why the two statements
// every inbound message runs are hand-written SQL (src/engine/turn-store.ts).
import os from "node:os";
import pg from "pg";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";

const calls = 2000;

async function measure(name: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const wall = (performance.now() - t0) / calls;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1000 / calls;
  console.log(`${name.padEnd(44)} ${wall.toFixed(3).padStart(7)} ms wall ${cpu.toFixed(3).padStart(7)} ms CPU`);
  return cpu;
}

async function main() {
  const { DATABASE_URL } = loadConfig();
  const db = createPrisma(DATABASE_URL);
  const pool = new pg.Pool({ connectionString: DATABASE_URL });
  const id = "00000000-0000-0000-0000-000000000000";
  console.log(`${calls} serial calls each; ${os.cpus().length} cores, Node ${process.version}\n`);
  const pgOne = await measure("pg: SELECT by primary key", () =>
    pool.query("SELECT id FROM users WHERE id = $1", [id]),
  );
  const raw = await measure(
    "Prisma $queryRaw: SELECT by primary key",
    () => db.$queryRaw`SELECT id FROM users WHERE id = ${id}::uuid`,
  );
  const built = await measure("Prisma findUnique by primary key", () => db.user.findUnique({ where: { id } }));
  const pgTx = await measure("pg: BEGIN, 2 statements, COMMIT", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT 1");
      await client.query("SELECT 2");
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });
  const prismaTx = await measure("Prisma $transaction, 2 raw statements", () =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await tx.$queryRaw`SELECT 2`;
    }),
  );
  console.log(
    `\nCPU ratios: $queryRaw / pg = ${(raw / pgOne).toFixed(1)}, findUnique / pg = ${(built / pgOne).toFixed(1)}, Prisma tx / pg tx = ${(prismaTx / pgTx).toFixed(1)}`,
  );
  await db.$disconnect();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
