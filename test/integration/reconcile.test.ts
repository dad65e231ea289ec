// The reconciler through real BullMQ, PostgreSQL and the real engine; only the chat network is fake. Work is left
// behind the way a crash or a Redis restart leaves it, then reconcileOnce must finish it, sending every message once.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/channel.js";
import { createEngine } from "../../src/engine/engine.js";
import { logInbound } from "../../src/engine/inbound-log.js";
import type { Channel } from "../../src/generated/prisma/client.js";
import {
  createOutboundDispatcher,
  createOutboundWorker,
  outboundJobId,
  outboundQueueName,
} from "../../src/jobs/outbound.js";
import { reconcileOnce, type ReconcileOptions } from "../../src/jobs/reconcile.js";
import { createLogger } from "../../src/logger.js";
import { FakeChannel } from "../support/fake-channel.js";
import { testDb, testRedis, uniquePhone, uniquePrefix } from "../support/services.js";
import { until } from "../support/until.js";

// The test database is shared by every file of the run; these tests use whatsapp (outbound.test.ts uses telegram).
const channel: Channel = "whatsapp";
const db = testDb();
const connection = await testRedis();
const redis = await testRedis();
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");

// Left-over work is dated an hour back and the reconciler told to leave anything younger than ten minutes alone, so
// it only ever touches what these tests left behind, never rows other tests are still working on.
const abandonedAt = () => new Date(Date.now() - 3_600_000);
const graceMs = 600_000;

// ---------------------------------------------------------------------------------------------------------------
// Rig: one "process" is an engine, a dispatcher and a worker; several may share a BullMQ prefix, as Nuru processes
// sharing one Redis do.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Newest first: workers and dispatchers close before their queue is obliterated.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startProcess(prefix: string, fake: FakeChannel) {
  const dispatcher = createOutboundDispatcher({ connection, prefix, channels: [channel] });
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    defaultCountry: "TZ",
    defaultLocale: "en",
    conversationTtlMs: 3_600_000,
  });
  const worker = createOutboundWorker({ db, adapter: fake, connection, redis, prefix, logger, concurrency: 8 });
  cleanups.push(async () => {
    await engine.processor.idle();
    await worker.close();
    await dispatcher.close();
  });
  const reconcile: ReconcileOptions = {
    db,
    processor: engine.processor,
    dispatcher,
    channels: [channel],
    logger,
    graceMs,
    sendTimeoutMs: graceMs,
  };
  return { dispatcher, reconcile };
}

function startRig() {
  const prefix = uniquePrefix();
  const fake = new FakeChannel(channel);
  const queue = new Queue(outboundQueueName(channel), { connection, prefix });
  cleanups.push(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });
  return { prefix, fake, queue, ...startProcess(prefix, fake) };
}

const uniqueChat = () => `2557${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}@c.us`;

/** An outbox row as a crashed process leaves it: written long ago, no BullMQ job. */
async function abandonedRow(
  chatId: string,
  data: { status?: "queued" | "sending"; attempts?: number; notBefore?: Date; createdAt?: Date; claimedAt?: Date } = {},
) {
  const claimedAt = data.status === "sending" ? abandonedAt() : undefined;
  return db.outboundMessage.create({
    data: {
      dedupeKey: `test:${randomUUID()}`,
      channel,
      chatId,
      body: `left behind ${randomUUID().slice(0, 8)}`,
      createdAt: abandonedAt(),
      claimedAt,
      ...data,
    },
  });
}

/** An inbound message logged (so acknowledged to the network) by a process that died before handling it. */
async function abandonedInbound(chatId: string, text: string): Promise<bigint> {
  const phone = uniquePhone();
  const event: InboundEvent = {
    channel,
    externalId: `wamid-${randomUUID()}`,
    chatId,
    sender: { externalId: chatId, phone, name: "Asha" },
    content: { kind: "text", text },
    sentAt: new Date(),
  };
  const logged = await logInbound(db, event);
  await db.inboundMessage.update({ where: { id: logged.id }, data: { receivedAt: abandonedAt() } });
  return logged.id;
}

/** True once BullMQ holds no job that could still send anything. */
async function drained(queue: Queue): Promise<boolean> {
  const counts = await queue.getJobCounts("active", "wait", "delayed", "prioritized");
  return Object.values(counts).every((n) => n === 0);
}

const status = async (id: bigint) => (await db.outboundMessage.findUniqueOrThrow({ where: { id } })).status;
const chatRows = (chatId: string) =>
  db.outboundMessage.findMany({ where: { channel, chatId }, orderBy: { id: "asc" } });

// ---------------------------------------------------------------------------------------------------------------

describe("reconcileOnce", () => {
  it("handles an inbound message left pending by a crash and sends its reply through the worker", async () => {
    const { fake, queue, reconcile } = startRig();
    const chatId = uniqueChat();
    const inboundId = await abandonedInbound(chatId, "Habari");

    const result = await reconcileOnce(reconcile);

    expect(result.chats).toBeGreaterThanOrEqual(1);
    expect(await db.inboundMessage.findUniqueOrThrow({ where: { id: inboundId } })).toMatchObject({ status: "done" });
    const replies = await chatRows(chatId);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    await until("the replies to be sent", async () => (await chatRows(chatId)).every((r) => r.status === "sent"));
    await until("the queue to drain", () => drained(queue));
    expect(fake.sent(chatId).map((c) => c.text)).toEqual(replies.map((r) => r.body));
  });

  it("dispatches and sends a queued row whose BullMQ job was lost", async () => {
    const { fake, queue, reconcile } = startRig();
    const chatId = uniqueChat();
    const row = await abandonedRow(chatId);

    const result = await reconcileOnce(reconcile);

    expect(result.outbound).toBeGreaterThanOrEqual(1);
    await until("the row to be sent", async () => (await status(row.id)) === "sent");
    await until("the queue to drain", () => drained(queue));
    expect(fake.sent(chatId).map((c) => c.text)).toEqual([row.body]);
  });

  it("puts a send claimed by a process that died back in the queue after sendTimeoutMs and sends it", async () => {
    const { fake, queue, reconcile, dispatcher } = startRig();
    const deadChat = uniqueChat();
    const liveChat = uniqueChat();
    // Claimed an hour ago by a process that then died mid-send...
    const dead = await abandonedRow(deadChat, { status: "sending", attempts: 1 });
    // ...and one claimed just now, still within sendTimeoutMs: its sender may yet finish, so it must be left alone.
    const live = await abandonedRow(liveChat, { status: "sending", attempts: 1, claimedAt: new Date() });
    // BullMQ re-runs the dead process's stalled job on a live worker, which finds the row claimed and finishes the
    // job without sending (finished jobs are removed). The reconciler's re-dispatch must still get it sent.
    await dispatcher.dispatch(channel, [{ id: dead.id }]);
    await until(
      "the re-run job to finish",
      async () => (await queue.getJobState(outboundJobId(dead.id))) === "unknown",
    );
    expect(fake.sent(deadChat)).toHaveLength(0);

    const result = await reconcileOnce(reconcile);

    expect(result.revived).toBeGreaterThanOrEqual(1);
    await until("the revived row to be sent", async () => (await status(dead.id)) === "sent", 10_000);
    await until("the queue to drain", () => drained(queue));
    expect(fake.sent(deadChat).map((c) => c.text)).toEqual([dead.body]);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ attempts: 2 });
    expect(await status(live.id)).toBe("sending");
    expect(fake.sent(liveChat)).toHaveLength(0);
    await db.outboundMessage.update({ where: { id: live.id }, data: { status: "failed" } }); // leave nothing behind
  });

  it("sends everything once when two processes reconcile at the same moment", async () => {
    const { prefix, fake, queue, reconcile } = startRig();
    const second = startProcess(prefix, fake);
    const chatId = uniqueChat();
    const inboundId = await abandonedInbound(chatId, "Habari");
    const row = await abandonedRow(uniqueChat());

    await Promise.all([reconcileOnce(reconcile), reconcileOnce(second.reconcile)]);

    expect(await db.inboundMessage.findUniqueOrThrow({ where: { id: inboundId } })).toMatchObject({ status: "done" });
    await until(
      "every row to be sent",
      async () => (await status(row.id)) === "sent" && (await chatRows(chatId)).every((r) => r.status === "sent"),
    );
    await until("the queue to drain", () => drained(queue));
    const replies = await chatRows(chatId);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(fake.sent(chatId).map((c) => c.text)).toEqual(replies.map((r) => r.body));
    expect(fake.sent(row.chatId).map((c) => c.text)).toEqual([row.body]);
  });

  it("sends once when a dispatch races the reconciler for the same row", async () => {
    const { fake, queue, reconcile, dispatcher } = startRig();
    const row = await abandonedRow(uniqueChat());

    await Promise.all([
      dispatcher.dispatch(channel, [{ id: row.id }]),
      reconcileOnce(reconcile),
      reconcileOnce(reconcile),
    ]);

    await until("the row to be sent", async () => (await status(row.id)) === "sent");
    await until("the queue to drain", () => drained(queue));
    expect(fake.sent(row.chatId).map((c) => c.text)).toEqual([row.body]);
  });
});

describe("a Redis restart", () => {
  it("loses the queued job; reconcileOnce brings the message back, on time, and it is sent once", async () => {
    const { fake, queue, reconcile, dispatcher } = startRig();
    const notBefore = new Date(Date.now() + 1_500);
    const row = await abandonedRow(uniqueChat(), { notBefore });
    await dispatcher.dispatch(channel, [{ id: row.id }]);
    // The worker has seen it and parked it until notBefore: it lives only in Redis now.
    await until("the job to wait in Redis", async () => (await queue.getJobState(outboundJobId(row.id))) === "delayed");

    // Redis comes back empty (it keeps nothing on disk here).
    await queue.obliterate({ force: true });
    expect(await queue.getJobState(outboundJobId(row.id))).toBe("unknown");
    expect(await status(row.id)).toBe("queued");

    const result = await reconcileOnce(reconcile);

    expect(result.outbound).toBeGreaterThanOrEqual(1);
    await until("the row to be sent", async () => (await status(row.id)) === "sent");
    await until("the queue to drain", () => drained(queue));
    const sent = fake.sent(row.chatId);
    expect(sent.map((c) => c.text)).toEqual([row.body]);
    expect(sent[0]!.at).toBeGreaterThanOrEqual(notBefore.getTime());
  });
});
