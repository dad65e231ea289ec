// Retention against the real PostgreSQL: old finished messages go, files before rows, in batches; anything still to
// do stays however old. The database is shared with every other file of the run, whose rows are all created now: the
// rows here are dated months back, so only they are old enough to go.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { pruneOnce, retentionQueueName, startRetention } from "../../src/jobs/retention.js";
import { createLogger } from "../../src/logger.js";
import { testDb, testRedis, uniquePrefix } from "../support/services.js";
import { until } from "../support/until.js";

const db = testDb();
const day = 86_400_000;
const tag = randomUUID().slice(0, 8);
const now = Date.now();
const ago = (days: number) => new Date(now - days * day);
const file = {
  document: { filename: "guests.csv", mimeType: "text/csv", base64: Buffer.from("name\nNeema\n").toString("base64") },
};

async function outbound(status: "queued" | "sending" | "sent" | "failed" | "held", createdAt: Date, withFile = false) {
  const row = await db.outboundMessage.create({
    data: {
      dedupeKey: `ret:${tag}:${randomUUID()}`,
      channel: "simulator",
      chatId: `+2557${tag}`,
      body: "x",
      status,
      createdAt,
      ...(withFile ? { options: { ...file, choices: [] } } : {}),
    },
  });
  return row.id;
}
async function inbound(status: "pending" | "done" | "failed", receivedAt: Date) {
  const row = await db.inboundMessage.create({
    data: {
      channel: "simulator",
      externalId: `ret:${tag}:${randomUUID()}`,
      chatId: `+2557${tag}`,
      payload: {},
      status,
      receivedAt,
    },
  });
  return row.id;
}
const exists = async (kind: "in" | "out", id: bigint) =>
  kind === "in"
    ? (await db.inboundMessage.count({ where: { id } })) === 1
    : (await db.outboundMessage.count({ where: { id } })) === 1;

describe("retention", () => {
  it("drops files after FILE_RETENTION_DAYS, then finished rows after MESSAGE_RETENTION_DAYS, never work still to do", async () => {
    const oldSent = await outbound("sent", ago(120));
    const oldFailed = await outbound("failed", ago(100));
    const oldFileKept = await outbound("sent", ago(40), true); // past the file time, within the message time
    const youngFile = await outbound("sent", ago(10), true);
    const young = await outbound("sent", ago(10));
    const stillToDo = await Promise.all(
      (["queued", "sending", "held"] as const).map((s) => outbound(s, ago(400), true)),
    );
    const oldDone = await inbound("done", ago(91));
    const oldFailedIn = await inbound("failed", ago(200));
    const pending = await inbound("pending", ago(400));
    const youngIn = await inbound("done", ago(89));

    // A batch of 2: several statements, each touching only a few rows.
    const result = await pruneOnce(db, { messageDays: 90, fileDays: 30, batchSize: 2 }, now);
    expect(result.outbound).toBeGreaterThanOrEqual(2);
    expect(result.inbound).toBeGreaterThanOrEqual(2);
    expect(result.files).toBeGreaterThanOrEqual(1);

    for (const id of [oldSent, oldFailed]) expect(await exists("out", id)).toBe(false);
    for (const id of [oldDone, oldFailedIn]) expect(await exists("in", id)).toBe(false);
    for (const id of [young, youngFile, oldFileKept, ...stillToDo]) expect(await exists("out", id)).toBe(true);
    for (const id of [pending, youngIn]) expect(await exists("in", id)).toBe(true);

    const options = async (id: bigint) =>
      (await db.outboundMessage.findUniqueOrThrow({ where: { id } })).options as Record<string, unknown>;
    // The file went, the rest of the row's options stayed.
    expect(await options(oldFileKept)).toEqual({ choices: [] });
    expect(await options(youngFile)).toMatchObject(file);
    // A message still to send keeps its file: it has not been delivered yet.
    for (const id of stillToDo) expect(await options(id)).toMatchObject(file);
  });

  it("keeps everything when set to 0", async () => {
    const old = await outbound("sent", ago(5000), true);
    const oldIn = await inbound("done", ago(5000));
    expect(await pruneOnce(db, { messageDays: 0, fileDays: 0 }, now)).toEqual({ files: 0, outbound: 0, inbound: 0 });
    expect(await exists("out", old)).toBe(true);
    expect(await exists("in", oldIn)).toBe(true);
    await db.outboundMessage.delete({ where: { id: old } });
    await db.inboundMessage.delete({ where: { id: oldIn } });
  });

  it("runs as a BullMQ job scheduler, soon after start", async () => {
    const prefix = uniquePrefix();
    const [connection, workerConnection] = [await testRedis(), await testRedis()];
    // A row three years old, and a retention of two.
    const old = await db.outboundMessage.create({
      data: {
        dedupeKey: `ret:${tag}:${randomUUID()}`,
        channel: "simulator",
        chatId: `+2557${tag}`,
        body: "x",
        status: "sent",
        createdAt: new Date(Date.now() - 3 * 365 * day),
      },
    });
    const retention = startRetention({
      db,
      connection,
      workerConnection,
      prefix,
      logger: createLogger("silent"),
      settings: { messageDays: 2 * 365, fileDays: 2 * 365 },
    });
    afterAll(async () => {
      await retention.stop();
      const queue = new Queue(retentionQueueName, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    });
    await until("the old row pruned", async () => (await db.outboundMessage.count({ where: { id: old.id } })) === 0);
    expect(await retention.queue.getJobSchedulersCount()).toBe(1);
  });
});
