// npm run bench:inbound [-- --messages 20000 --rates 50,100,300,1000 --seconds 10 --concurrency 2 --population 50000
//                          --refusals 0 --mode greet|rsvp|vote --guests 10000]
//
// Drives inbound messages through the whole pipeline against the real PostgreSQL and Redis: inbound log with
// de-duplication, per-chat lock and ordering, conversation state, one domain write (a new person is created, then
// their name saved), reply written to the outbox and queued in BullMQ. Prints
//   0. (setup) a populated database: --population people with past messages, then ANALYZE;
//   1. latency at fixed arrival rates (open loop), p50/p99 from hand-over to reply queued;
//   2. throughput: as many messages as the pipeline takes, many chats at once;
//   3. the database's own limit for a comparable transaction, measured with pgbench in the same run, and the ratio.
// --mode rsvp: the messages are guests answering invitations instead ("ndiyo" then a party size, or "hapana" then
// "labda"), each answer a domain write, on events with --guests invited guests each (the throughput phase's event has
// exactly that many; each latency phase has one of its own).
// --mode vote: guests who accepted vote in an open poll of their event with a tap, then change their vote; every vote
// is a domain write (one vote per person per poll).
// Runs in a database of its own, dropped afterwards.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import type { InboundEvent } from "../src/channels/channel.js";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createEngine } from "../src/engine/engine.js";
import { createOutboundDispatcher } from "../src/jobs/outbound.js";
import { createLogger } from "../src/logger.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "6000" },
    rates: { type: "string", default: "100,300" },
    seconds: { type: "string", default: "10" },
    /** batches at once; default: the engine's */
    concurrency: { type: "string" },
    pool: { type: "string", default: "20" },
    /** people (and twice as many past messages) in the database before measuring, as in a service that has run a while */
    population: { type: "string", default: "50000" },
    /** percent of the throughput phase's answers that are refused (an unknown invitation code) */
    refusals: { type: "string", default: "0" },
    /** greet: new people greeting and giving their name; rsvp: invited guests answering */
    mode: { type: "string", default: "greet" },
    /** rsvp mode: invited guests per event */
    guests: { type: "string", default: "10000" },
  },
});
const totalMessages = Number(args.messages);
const rates = args.rates.split(",").map(Number);
const seconds = Number(args.seconds);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "inbound");
  const url = scratch.url;
  const db = createPrisma(url, Number(args.pool));
  // A service that has run a while, not an empty database: on tables that grow a hundredfold within a minute the
  // planner's plans (chosen while they were nearly empty) turn into scans of the whole table, which measures the
  // statistics, not the pipeline. Phones +2556... never meet the benchmark's +2557... people.
  const population = Number(args.population);
  if (population > 0) {
    console.log(`0. ${population} people and ${2 * population} past messages each way, then ANALYZE`);
    await db.$executeRawUnsafe(`INSERT INTO users (name, phone, locale)
      SELECT 'Person ' || g, '+2556' || lpad(g::text, 8, '0'), 'sw' FROM generate_series(1, ${population}) g`);
    await db.$executeRawUnsafe(`INSERT INTO channel_identities (user_id, channel, external_id, chat_id)
      SELECT id, 'simulator', phone, phone FROM users WHERE phone LIKE '+2556%'`);
    await db.$executeRawUnsafe(`INSERT INTO inbound_messages (channel, external_id, chat_id, payload, status, processed_at)
      SELECT 'simulator', 'past-' || g, '+2556' || lpad((g % ${population} + 1)::text, 8, '0'), '{}', 'done', now() FROM generate_series(1, ${2 * population}) g`);
    await db.$executeRawUnsafe(`INSERT INTO outbound_messages (dedupe_key, channel, chat_id, body, status, sent_at)
      SELECT 'past-' || g, 'simulator', '+2556' || lpad((g % ${population} + 1)::text, 8, '0'), 'reply', 'sent', now() FROM generate_series(1, ${2 * population}) g`);
    await db.$executeRawUnsafe("VACUUM ANALYZE");
  }
  const rsvp = args.mode === "rsvp";
  const vote = args.mode === "vote";
  if (rsvp || vote) {
    // One event per phase, each with its guests invited (users, invitations, guest rows), as /invite leaves them.
    const guests = Number(args.guests);
    const phases = [1, ...rates.map((_, round) => 2 + round)];
    console.log(`0. rsvp mode: ${phases.length} events with ${guests} invited guests each, then ANALYZE`);
    await db.$executeRawUnsafe(
      `INSERT INTO users (id, name, phone, locale) VALUES ('00000000-0000-4000-8000-0000000b0000', 'Bench Organizer', '+441000000000', 'en')`,
    );
    for (const phase of phases) {
      const eventId = `00000000-0000-4000-8000-0000000b000${phase}`;
      await db.$executeRawUnsafe(`INSERT INTO events (id, organizer_id, name, start_time, location, status, code)
        VALUES ('${eventId}', '00000000-0000-4000-8000-0000000b0000', 'Bench wedding ${phase}', now() + interval '60 days', 'Hall', 'confirmed', 'BENCH-${phase}')`);
      await db.$executeRawUnsafe(`INSERT INTO users (name, phone, locale)
        SELECT 'Guest ' || g, '+2557${phase}' || lpad(g::text, 7, '0'), 'sw' FROM generate_series(0, ${guests - 1}) g`);
      await db.$executeRawUnsafe(`INSERT INTO invitations (event_id, recipient_phone, recipient_name, code, user_id, sent_at)
        SELECT '${eventId}', u.phone, u.name, 'B${phase}-' || substr(u.phone, 7), u.id, now() FROM users u WHERE u.phone LIKE '+2557${phase}%'`);
      await db.$executeRawUnsafe(
        `INSERT INTO event_guests (event_id, user_id, rsvp_status) SELECT '${eventId}', u.id, '${vote ? "accepted" : "pending"}' FROM users u WHERE u.phone LIKE '+2557${phase}%'`,
      );
      if (vote) {
        // The guests have written before (their chat ids are known), and the event has an open poll of three options.
        await db.$executeRawUnsafe(
          `INSERT INTO channel_identities (user_id, channel, external_id, chat_id) SELECT id, 'simulator', phone, phone FROM users WHERE phone LIKE '+2557${phase}%'`,
        );
        await db.$executeRawUnsafe(
          `INSERT INTO event_polls (id, event_id, question, code) VALUES ('00000000-0000-4000-8000-0000000c000${phase}', '${eventId}', 'Which dish?', 'P-BENCH${phase}')`,
        );
        await db.$executeRawUnsafe(
          `INSERT INTO poll_options (poll_id, option_text, position) SELECT '00000000-0000-4000-8000-0000000c000${phase}', 'Dish ' || n, n FROM generate_series(1, 3) n`,
        );
      }
    }
    await db.$executeRawUnsafe("VACUUM ANALYZE");
  }
  /** What chat i says in its round-th message: a greeting then a name, (rsvp) an answer then a party size, (vote) two taps. */
  const say = (round: number, i: number, phase = 1): string => {
    if (vote) return `\u0000choice:poll:P-BENCH${phase}:${1 + ((i + round) % 3)}`;
    if (!rsvp) return round === 0 ? "hi" : "Baraka Mwakyusa";
    if (i % 4 === 3) return round === 0 ? "hapana" : "labda";
    return round === 0 ? "ndiyo" : String(1 + (i % 5));
  };
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = scratch.prefix;
  const dispatcher = createOutboundDispatcher({ connection: redis, prefix, channels: ["simulator"] });
  const started = new Map<string, number[]>(); // chat -> hand-over times of messages not yet handled, in order
  const latencies: number[] = [];
  let handled = 0;
  let onAllHandled: (() => void) | undefined;
  let target = 0;
  /** chats per batch, for the mean printed with each phase */
  const batchSizes: number[] = [];
  const meanBatch = () => {
    const mean = batchSizes.reduce((a, b) => a + b, 0) / Math.max(1, batchSizes.length);
    batchSizes.length = 0;
    return `${mean.toFixed(1)} chats per batch`;
  };
  const engine = createEngine({
    db,
    logger: createLogger("warn"),
    dispatcher,
    defaultCountry: "TZ",
    defaultLocale: "en",
    conversationTtlMs: 3_600_000,
    concurrency: args.concurrency ? Number(args.concurrency) : undefined,
    onBatch: (chats) => batchSizes.push(chats.length),
    onHandled: (_channel, chatId) => {
      const t0 = started.get(chatId)?.shift();
      if (t0 !== undefined) latencies.push(performance.now() - t0);
      handled++;
      if (handled >= target) onAllHandled?.();
    },
  });

  let seq = 0;
  const message = (chat: string, text: string): InboundEvent => ({
    channel: "simulator",
    externalId: `b${++seq}`,
    chatId: chat,
    sender: { externalId: chat, phone: chat },
    // "\u0000choice:" marks a tap (a NUL cannot come from a person: the border removes it).
    content: text.startsWith("\u0000choice:")
      ? { kind: "choice", value: text.slice("\u0000choice:".length) }
      : { kind: "text", text },
    sentAt: new Date(),
  });
  const send = async (chat: string, text: string) => {
    const list = started.get(chat) ?? [];
    list.push(performance.now());
    started.set(chat, list);
    await engine.sink(message(chat, text));
  };
  const phone = (phase: number, i: number) => `+2557${phase}${String(i).padStart(7, "0")}`;
  // A pipeline that stalls must fail the benchmark, not hang it.
  const waitHandled = (n: number) =>
    new Promise<void>((resolve, reject) => {
      target = n;
      if (handled >= n) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`stalled: ${handled} of ${n} messages handled after 120 s`)),
        120_000,
      );
      onAllHandled = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  // Warm-up: prepared statements, the WebAssembly query compiler and connection pools.
  for (let i = 0; i < 200; i++) await send(phone(9, i), "hi");
  await waitHandled(200);

  // 1. Latency at fixed arrival rates, first: after the throughput burst PostgreSQL spends a while on autovacuum of
  // what it wrote, which would be measured as latency here.
  const latencyByRate = new Map<number, { p50: number; p99: number }>();
  for (const [round, rate] of rates.entries()) {
    // The previous phase grew the tables from nearly empty: refresh the planner's statistics (autovacuum would, some
    // seconds in, with plans for tiny tables until then) and flush its writes, so neither lands in this phase.
    await db.$executeRawUnsafe("ANALYZE");
    await db.$executeRawUnsafe("CHECKPOINT").catch(() => undefined);
    console.log(`\n1. latency at ${rate} messages/s for ${seconds} s (open loop)`);
    latencies.length = 0;
    batchSizes.length = 0;
    const count = rate * seconds;
    const base2 = handled;
    const start2 = performance.now();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start2 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      // Each chat talks twice: a greeting then its name (or an answer then a party size), like people do.
      const chat = phone(2 + round, Math.floor(i / 2));
      sends.push(send(chat, say(i % 2, Math.floor(i / 2), 2 + round)));
    }
    await Promise.all(sends);
    await waitHandled(base2 + count);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    latencyByRate.set(rate, { p50, p99 });
    console.log(
      `   p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (${sorted.length} samples), ${meanBatch()}`,
    );
  }

  // 2. Throughput: half the messages greet (new person, onboarding state), half answer with a name.
  console.log(
    `\n2. sustained throughput: ${totalMessages} messages over ${totalMessages / 2} chats${rsvp ? " (guests answering invitations)" : ""}${Number(args.refusals) ? `, ${args.refusals}% of the answers refused` : ""}`,
  );
  latencies.length = 0;
  batchSizes.length = 0;
  const base = handled;
  const chats = totalMessages / 2;
  const t0 = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < chats; i++) {
      const refused = round === 1 && (i * Number(args.refusals)) % 100 < Number(args.refusals);
      const p = send(phone(1, i), refused ? "/start NOPE1" : say(round, i)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 500) await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  await waitHandled(base + totalMessages);
  const elapsed = (performance.now() - t0) / 1000;
  const throughput = totalMessages / elapsed;
  console.log(`   ${throughput.toFixed(0)} messages/s (${elapsed.toFixed(2)} s), ${meanBatch()}`);
  if (vote) {
    await engine.processor.idle();
    const [row] = await db.$queryRawUnsafe<{ votes: number }[]>(
      `SELECT count(*)::int AS votes FROM poll_votes WHERE poll_id = '00000000-0000-4000-8000-0000000c0001'`,
    );
    console.log(`   votes stored for the throughput poll: ${row!.votes} (one per guest, the second tap changed it)`);
  }
  if (rsvp) {
    // The answers must really be in the database: the benchmark measures domain writes, not replies alone.
    await engine.processor.idle();
    const [row] = await db.$queryRawUnsafe<{ accepted: number; declined: number; maybe: number; agree: number }[]>(`
      SELECT count(*) FILTER (WHERE g.rsvp_status = 'accepted')::int AS accepted, count(*) FILTER (WHERE g.rsvp_status = 'declined')::int AS declined,
             count(*) FILTER (WHERE g.rsvp_status = 'maybe')::int AS maybe, count(*) FILTER (WHERE g.rsvp_status = i.rsvp_status)::int AS agree
      FROM event_guests g JOIN invitations i ON i.event_id = g.event_id AND i.user_id = g.user_id
      WHERE g.event_id = '00000000-0000-4000-8000-0000000b0001'`);
    console.log(
      `   answers stored for the throughput event: ${row!.accepted} coming, ${row!.declined} not coming, ${row!.maybe} maybe; invitation and guest row agree for ${row!.agree}`,
    );
  }

  // 3. The database's own limit for a comparable transaction, same machine, same run.
  console.log("\n3. PostgreSQL limit for a comparable transaction (pgbench, 8 clients, 10 s)");
  const script = path.join(mkdtempSync(path.join(os.tmpdir(), "nuru-bench-")), "turn.sql");
  writeFileSync(
    script,
    [
      "\\set n random(1, 1000000000)",
      "BEGIN;",
      "INSERT INTO inbound_messages (channel, external_id, chat_id, payload) VALUES ('simulator', 'pg' || :n || '-' || :client_id || '-' || random(), 'c' || :n, '{}') ON CONFLICT DO NOTHING;",
      "SELECT pg_advisory_xact_lock(hashtextextended('c' || :n, 0));",
      "INSERT INTO users (name, phone) VALUES ('Bench', '+1' || :n || '-' || random()) ON CONFLICT DO NOTHING;",
      "INSERT INTO outbound_messages (dedupe_key, channel, chat_id, body) VALUES ('pg' || :n || '-' || random(), 'simulator', 'c' || :n, 'reply');",
      "UPDATE inbound_messages SET status = 'done' WHERE channel = 'simulator' AND external_id = 'pg' || :n;",
      "COMMIT;",
    ].join("\n"),
  );
  let pgTps = NaN;
  try {
    const out = execFileSync("pgbench", ["-n", "-f", script, "-c", "8", "-j", "2", "-T", "10", url.toString()], {
      encoding: "utf8",
    });
    pgTps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    console.log(`   ${pgTps.toFixed(0)} transactions/s`);
  } catch (err) {
    console.log(`   pgbench unavailable: ${(err as Error).message.split("\n")[0]}`);
  }

  console.log("\nsummary");
  console.log(
    `   machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  console.log(`   pipeline ${throughput.toFixed(0)} msg/s sustained`);
  for (const [rate, l] of latencyByRate)
    console.log(`   at ${rate} msg/s: p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms`);
  if (Number.isFinite(pgTps))
    console.log(`   pipeline / raw database transaction rate = ${(throughput / pgTps).toFixed(2)}`);
  const at300 = latencyByRate.get(300);
  const at1000 = latencyByRate.get(1000);
  console.log(
    `   targets: >= 3000 msg/s ${throughput >= 3000 ? "met" : "NOT met"}; p99 < 100 ms at 300 msg/s ${at300 ? (at300.p99 < 100 ? "met" : "NOT met") : "not measured"}; at 1000 msg/s ${at1000 ? (at1000.p99 < 100 ? "met" : "NOT met") : "not measured"}`,
  );

  await engine.processor.idle();
  await dispatcher.close();
  await redis.quit();
  await db.$disconnect();
  await scratch.remove();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
