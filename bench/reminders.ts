// npm run bench:reminders [-- --reminders 100000 --burst 1000]
//
// Reminders against the real PostgreSQL and Redis, in a database and key prefix of their own:
//   1. scheduling: --reminders / 10 events, each with 10 reminders (3 to its guests who accepted, 7 evening digests
//      for its organizer), planned by the planner (500 events per statement) and queued as BullMQ delayed jobs by the
//      promoter (horizon widened to hold all of them). Prints both rates and the Redis memory the jobs take;
//   2. firing skew: --burst reminders due in the same second (as many events starting in 3 hours and a few seconds,
//      one guest each), with the scheduler's workers running; each reminder's skew is from its due time to its
//      message being queued for sending (outbox row committed and handed to BullMQ). Prints p50/p99/max.
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createOutboundDispatcher } from "../src/jobs/outbound.js";
import { createLogger } from "../src/logger.js";
import { planEvents } from "../src/reminders/plan.js";
import { createReminderScheduler } from "../src/reminders/scheduler.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({
  options: { reminders: { type: "string", default: "100000" }, burst: { type: "string", default: "1000" } },
});
const total = Number(args.reminders);
const burst = Number(args.burst);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
}

/** `count` events of one organizer starting at `start` (SQL), each with one guest who accepted (and wrote before). */
async function events(
  db: ReturnType<typeof createPrisma>,
  batch: number,
  count: number,
  start: string,
  offsets: number[],
  off: string[],
): Promise<string[]> {
  await db.$executeRawUnsafe(
    `INSERT INTO users (name, phone, locale) SELECT 'Guest ' || g, '+2556${batch}' || lpad(g::text, 7, '0'), 'sw' FROM generate_series(0, ${count - 1}) g`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO channel_identities (user_id, channel, external_id, chat_id) SELECT id, 'simulator', phone, phone FROM users WHERE phone LIKE '+2556${batch}%'`,
  );
  const ids = await db.$queryRawUnsafe<
    { id: string }[]
  >(`INSERT INTO events (organizer_id, name, start_time, location, status, code, reminder_offsets, reminders_off)
    SELECT '00000000-0000-4000-8000-0000000e0000', 'Bench wedding ' || g, ${start}, 'Hall', 'confirmed', 'R${batch}-' || g, '{${offsets.join(",")}}', '{${off.join(",")}}'
    FROM generate_series(0, ${count - 1}) g RETURNING id::text`);
  await db.$executeRawUnsafe(`INSERT INTO event_guests (event_id, user_id, rsvp_status)
    SELECT e.id, u.id, 'accepted' FROM events e JOIN users u ON u.phone = '+2556${batch}' || lpad(substr(e.code, ${String(batch).length + 3})::text, 7, '0')
    WHERE e.code LIKE 'R${batch}-%'`);
  return ids.map((r) => r.id);
}

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "reminders");
  const db = createPrisma(scratch.url, 20);
  const logger = createLogger("warn");
  const [redis, workerRedis, queueRedis] = [0, 1, 2].map(
    () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
  );
  const dispatcher = createOutboundDispatcher({
    connection: queueRedis!,
    prefix: scratch.prefix,
    channels: ["simulator"],
  });
  const queuedAt = new Map<bigint, number>();
  const scheduler = createReminderScheduler({
    db,
    logger,
    connection: redis!,
    workerConnection: workerRedis!,
    prefix: scratch.prefix,
    quiet: null,
    env: {
      running: ["simulator"],
      firstContact: ["simulator"],
      defaultCountry: "TZ",
      defaultTimeZone: "Africa/Dar_es_Salaam",
    },
    dispatch: async (channel, ids) => {
      await dispatcher.dispatch(
        channel,
        ids.map((id) => ({ id, bulk: true })),
      );
      const now = Date.now();
      for (const id of ids) queuedAt.set(id, now);
    },
    intervalMs: 60_000,
    // Every planned reminder gets its job now, to measure what a job costs in Redis.
    horizonMs: 10 * 86_400_000,
    concurrency: 4,
  });
  try {
    console.log(
      `machine: ${(await import("node:os")).cpus()[0]?.model}, ${(await import("node:os")).cpus().length} cores, Node ${process.version}`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO users (id, name, phone, locale) VALUES ('00000000-0000-4000-8000-0000000e0000', 'Bench Organizer', '+441000000001', 'en')`,
    );
    const eventCount = Math.ceil(total / 10);
    const planned = await events(db, 1, eventCount, "now() + interval '8 days 12 hours'", [10080, 1440, 180], []);
    await db.$executeRawUnsafe("VACUUM ANALYZE");

    console.log(
      `\n1. scheduling ${eventCount * 10} reminders (${eventCount} events x 10: 3 to guests, 7 digests), jobs for all`,
    );
    const memoryBefore = await usedMemory(redis!);
    let t = performance.now();
    for (let i = 0; i < planned.length; i += 500)
      await db.$transaction((tx) => planEvents(tx, planned.slice(i, i + 500)), { timeout: 60_000 });
    const planMs = performance.now() - t;
    t = performance.now();
    const queued = await scheduler.promote();
    const promoteMs = performance.now() - t;
    const memoryAfter = await usedMemory(redis!);
    const rows = await db.reminder.count({ where: { status: "scheduled" } });
    console.log(
      `   rows planned: ${rows} in ${(planMs / 1000).toFixed(2)} s = ${Math.round(rows / (planMs / 1000)).toLocaleString("en")} rows/s (500 events per statement)`,
    );
    console.log(
      `   jobs queued: ${queued} in ${(promoteMs / 1000).toFixed(2)} s = ${Math.round(queued / (promoteMs / 1000)).toLocaleString("en")} jobs/s`,
    );
    console.log(
      `   end to end: ${Math.round(rows / ((planMs + promoteMs) / 1000)).toLocaleString("en")} reminders/s (target >= 5,000)`,
    );
    console.log(
      `   Redis memory for the delayed jobs: ${((memoryAfter - memoryBefore) / 1048576).toFixed(1)} MiB, ${Math.round((memoryAfter - memoryBefore) / queued)} bytes per reminder`,
    );

    console.log(
      `\n2. firing skew: ${burst} reminders due in the same second (workers running, ${queued} other jobs waiting)`,
    );
    // Events starting in 3 hours and 8 seconds with a 3-hour reminder: all due 8 s from now, in the same second.
    const burstEvents = await events(
      db,
      2,
      burst,
      "date_trunc('second', now()) + interval '3 hours 8 seconds'",
      [180],
      ["digest", "nudges"],
    );
    await db.$transaction((tx) => planEvents(tx, burstEvents), { timeout: 60_000 });
    await scheduler.start();
    const due = (await db.reminder.findFirstOrThrow({ where: { eventId: burstEvents[0] } })).runAt.getTime();
    for (;;) {
      const sent = await db.reminder.count({ where: { eventId: { in: burstEvents }, status: "sent" } });
      if (sent >= burst && queuedAt.size >= burst) break;
      if (Date.now() > due + 60_000) throw new Error(`only ${sent} of ${burst} sent a minute after their time`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const skews = [...queuedAt.values()].map((at) => at - due).sort((a, b) => a - b);
    console.log(
      `   messages queued: ${skews.length}; skew from due time: p50 ${percentile(skews, 50)} ms, p99 ${percentile(skews, 99)} ms, max ${skews.at(-1)} ms (target p99 < 1,000 ms)`,
    );
    const outbox = await db.outboundMessage.count({ where: { dedupeKey: { startsWith: "rem:event:" } } });
    console.log(`   outbox rows: ${outbox} (each reminder once)`);
  } finally {
    await scheduler.stop().catch(() => undefined);
    await dispatcher.close();
    await db.$disconnect();
    await Promise.all([redis, workerRedis, queueRedis].map((r) => r!.quit()));
    await scratch.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
