// What an operator watches, in Prometheus' format (GET /metrics): inbound messages and how long a turn takes from the
// log to its reply queued, batch sizes, what waits (inbound pending, outbound queued, read from PostgreSQL when
// scraped), sends by outcome and their latency, reminders and how late they fire, and the process's own figures.
// One registry per process (tests make their own).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "./db/prisma.js";
import type { Row } from "./db/rows.js";

export function createMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nuru_" });
  const inbound = new Counter({
    name: "nuru_inbound_messages_total",
    help: "Inbound messages handed over by a channel: logged, duplicate (a network's repeat), quarantined (unstorable), refused (the log could not take it; the network offers it again)",
    labelNames: ["channel", "outcome"] as const,
    registers: [registry],
  });
  const turns = new Counter({
    name: "nuru_turns_total",
    help: "Inbound messages handled (answered, refused or given up on)",
    labelNames: ["channel"] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: "nuru_turn_seconds",
    help: "From an inbound message logged to its replies queued for sending, in this process",
    labelNames: ["channel"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const batchChats = new Histogram({
    name: "nuru_batch_chats",
    help: "Chats handled by one transaction",
    buckets: [1, 2, 4, 8, 16, 32, 48, 60],
    registers: [registry],
  });
  backlogGauges(db, registry);
  const outbound = new Counter({
    name: "nuru_outbound_messages_total",
    help: "Send attempts by outcome: sent, failed (for good), held (until the person writes: WhatsApp Cloud), retry (will be tried again), rate_limited (the network said slow down: 429)",
    labelNames: ["channel", "outcome"] as const,
    registers: [registry],
  });
  const sendSeconds = new Histogram({
    name: "nuru_send_seconds",
    help: "How long a channel took to take one message",
    labelNames: ["channel"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const reminders = new Counter({
    name: "nuru_reminders_total",
    help: "Reminders due, by what became of them: sent, cancelled (reason gone), skipped (too late), held (quiet hours)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const reminderSkew = new Histogram({
    name: "nuru_reminder_skew_seconds",
    help: "From a reminder's due time to its messages queued",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
    registers: [registry],
  });

  return recorder(registry, {
    inbound,
    turns,
    turnSeconds,
    batchChats,
    outbound,
    sendSeconds,
    reminders,
    reminderSkew,
  });
}

/** What waits, read from PostgreSQL when Prometheus scrapes (all processes): inbound pending, outbound queued. */
function backlogGauges(db: Db, registry: Registry): void {
  new Gauge({
    name: "nuru_inbound_pending",
    help: "Inbound messages logged and not yet handled (all processes)",
    registers: [registry],
    async collect() {
      const [row] = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM inbound_messages WHERE status = 'pending'`;
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: "nuru_outbound_queued",
    help: "Outbound messages waiting to be sent (all processes), by channel",
    labelNames: ["channel"] as const,
    registers: [registry],
    async collect() {
      const rows = await db.$queryRaw<(Row<"outbound_messages", "channel"> & { n: number })[]>`
        SELECT channel::text, count(*)::int AS n FROM outbound_messages WHERE status IN ('queued', 'sending') GROUP BY channel`;
      this.reset();
      for (const r of rows) this.set({ channel: r.channel }, r.n);
    },
  });
}

/** What the rest of Nuru calls: each figure named for what happened, so no caller handles a label or a unit. */
function recorder(
  registry: Registry,
  m: {
    inbound: Counter<"channel" | "outcome">;
    turns: Counter<"channel">;
    turnSeconds: Histogram<"channel">;
    batchChats: Histogram;
    outbound: Counter<"channel" | "outcome">;
    sendSeconds: Histogram<"channel">;
    reminders: Counter<"outcome">;
    reminderSkew: Histogram;
  },
) {
  const { inbound, turns, turnSeconds, batchChats, outbound, sendSeconds, reminders, reminderSkew } = m;
  // When each message this process logged was logged, until its turn is handled (bounded: another process may take it).
  const loggedAt = new Map<bigint, number>();
  return {
    registry,
    inboundLogged(channel: string, outcome: "logged" | "duplicate" | "quarantined" | "refused", id?: bigint) {
      inbound.inc({ channel, outcome });
      if (outcome === "logged" && id !== undefined) {
        if (loggedAt.size >= 100_000) loggedAt.delete(loggedAt.keys().next().value!);
        loggedAt.set(id, performance.now());
      }
    },
    turnHandled(channel: string, id: bigint) {
      turns.inc({ channel });
      const at = loggedAt.get(id);
      if (at === undefined) return;
      loggedAt.delete(id);
      turnSeconds.observe({ channel }, (performance.now() - at) / 1000);
    },
    batch(chats: number) {
      batchChats.observe(chats);
    },
    send(channel: string, outcome: "sent" | "failed" | "held" | "retry" | "rate_limited", seconds?: number) {
      outbound.inc({ channel, outcome });
      if (seconds !== undefined) sendSeconds.observe({ channel }, seconds);
    },
    remindersFired(result: { sent: number; cancelled: number; skipped: number; held: number }, skewsMs: number[]) {
      for (const outcome of ["sent", "cancelled", "skipped", "held"] as const)
        if (result[outcome]) reminders.inc({ outcome }, result[outcome]);
      for (const ms of skewsMs) reminderSkew.observe(Math.max(0, ms) / 1000);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
