// What an operator sees: /metrics moves when messages flow (real engine, PostgreSQL, Redis, outbound worker and a
// reminder), behind the operator password; the queue dashboard lists every queue, behind the same password.
import type { AddressInfo } from "node:net";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/http/app.js";
import { outboundQueueName } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import { createMetrics } from "../../src/metrics.js";
import { reminderQueueName } from "../../src/reminders/scheduler.js";
import { startHarness } from "../support/engine-harness.js";
import { testDb, testRedis, ukPhone } from "../support/services.js";
import { until } from "../support/until.js";

const db = testDb();
const metrics = createMetrics(db);
const h = await startHarness({
  onLogged: (channel, outcome, id) => metrics.inboundLogged(channel, outcome, id),
  onHandled: (channel, _chat, id) => metrics.turnHandled(channel, id),
  onBatch: (chats) => metrics.batch(chats.length),
  workerMetrics: metrics,
});
const token = "operator-token-for-metrics-0123";
const redis = await testRedis();
const queues = [
  new Queue(outboundQueueName("simulator"), { connection: redis, prefix: h.prefix }),
  new Queue(reminderQueueName, { connection: redis, prefix: h.prefix }),
];
const app = createHttpApp({
  db,
  redis,
  logger: createLogger("silent"),
  metrics: metrics.registry,
  queues,
  operatorToken: token,
});
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(queues.map((q) => q.close()));
});
const auth = { Authorization: `Basic ${Buffer.from(`operator:${token}`).toString("base64")}` };

/** The value of one sample line (name with labels as printed), or 0. */
function sample(text: string, line: string): number {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe("GET /metrics", () => {
  it("refuses without the operator password, and with it shows the counters moving as messages flow", async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const before = await (await fetch(`${base}/metrics`, { headers: auth })).text();
    const person = ukPhone();
    await h.say(person, "hello", "Sam");
    await h.replies(person, 1);
    await h.say(person, "/help");
    await h.replies(person, 2);
    await h.deliver(person, { kind: "text", text: "/help" }, "repeat-me");
    await h.deliver(person, { kind: "text", text: "/help" }, "repeat-me"); // the network's repeat
    await h.replies(person, 3);
    await until(
      "the sends counted",
      async () =>
        sample(await metrics.registry.metrics(), 'nuru_outbound_messages_total{channel="simulator",outcome="sent"}') >=
        sample(before, 'nuru_outbound_messages_total{channel="simulator",outcome="sent"}') + 3,
    );

    const response = await fetch(`${base}/metrics`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const after = await response.text();
    const grew = (line: string) => sample(after, line) - sample(before, line);
    expect(grew('nuru_inbound_messages_total{channel="simulator",outcome="logged"}')).toBe(3);
    expect(grew('nuru_inbound_messages_total{channel="simulator",outcome="duplicate"}')).toBe(1);
    expect(grew('nuru_turns_total{channel="simulator"}')).toBeGreaterThanOrEqual(3);
    expect(grew('nuru_turn_seconds_count{channel="simulator"}')).toBe(3);
    expect(grew("nuru_batch_chats_count")).toBeGreaterThanOrEqual(3);
    expect(grew('nuru_send_seconds_count{channel="simulator"}')).toBeGreaterThanOrEqual(3);
    // Read from PostgreSQL when scraped, and the process's own figures.
    expect(after).toMatch(/^nuru_inbound_pending \d+$/m);
    expect(after).toMatch(/^nuru_process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nuru_nodejs_eventloop_lag_seconds /m);
  });

  it("counts reminders and how late they fire", async () => {
    metrics.remindersFired({ sent: 2, cancelled: 1, skipped: 0, held: 0 }, [120, 480]);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'nuru_reminders_total{outcome="sent"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, "nuru_reminder_skew_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'nuru_reminder_skew_seconds_bucket{le="0.5"}')).toBeGreaterThanOrEqual(2);
  });
});

describe("/admin/queues", () => {
  it("refuses without the operator password and lists every queue with it", async () => {
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base}/admin/queues/api/queues`)).status).toBe(401);
    const page = await fetch(`${base}/admin/queues`, { headers: auth });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    const api = await fetch(`${base}/admin/queues/api/queues`, { headers: auth });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(["outbound-simulator", "reminders"]);
  });
});
