// The outbound worker through real BullMQ and PostgreSQL; only the chat network is fake. Times are measured on the
// fake's clock and only ever bounded from below: a slow machine may be late, never early.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import {
  HoldUntilTheyWriteError,
  PermanentSendError,
  RateLimitError,
  type RateLimits,
} from "../../src/channels/channel.js";
import { heldReleaser } from "../../src/jobs/held.js";
import type { Channel } from "../../src/generated/prisma/client.js";
import {
  createOutboundDispatcher,
  createOutboundWorker,
  outboundJobId,
  outboundQueueName,
} from "../../src/jobs/outbound.js";
import { takeFirstContactSlot } from "../../src/jobs/pacing.js";
import { createLogger } from "../../src/logger.js";
import { FakeChannel } from "../support/fake-channel.js";
import { testDb, testRedis, uniquePrefix } from "../support/services.js";
import { until } from "../support/until.js";

// The test database is shared by every file of the run. Chat ids here are random, so no other file's rows share a
// chat (order and pacing are per chat), and these rows use telegram while reconcile.test.ts, which re-dispatches old
// rows into queues of its own, works on whatsapp only.
const channel: Channel = "telegram";
const db = testDb();
const connection = await testRedis();
const redis = await testRedis();
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");

// ---------------------------------------------------------------------------------------------------------------
// Rig: a worker and dispatcher on a BullMQ prefix of the test's own.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

function startOutbound(
  options: {
    rateLimits?: Partial<RateLimits>;
    concurrency?: number;
    attempts?: number;
    backoffMs?: number;
    onHeld?: (chatId: string) => Promise<void>;
  } = {},
) {
  const prefix = uniquePrefix();
  // Limits loose enough to stay out of the way unless a test tightens one.
  const fake = new FakeChannel(channel, {
    globalPerSecond: 1000,
    perChatIntervalMs: 0,
    groupPerMinute: 60_000,
    ...options.rateLimits,
  });
  const dispatcher = createOutboundDispatcher({
    connection,
    prefix,
    channels: [channel],
    attempts: options.attempts,
    backoffMs: options.backoffMs,
  });
  const worker = createOutboundWorker({
    db,
    adapter: fake,
    connection,
    redis,
    prefix,
    logger,
    concurrency: options.concurrency ?? 8,
    onHeld: options.onHeld,
  });
  const queue = new Queue(outboundQueueName(channel), { connection, prefix });
  cleanups.push(async () => {
    await worker.close();
    await dispatcher.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });
  const dispatch = (ids: bigint[]) =>
    dispatcher.dispatch(
      channel,
      ids.map((id) => ({ id })),
    );
  return { fake, dispatcher, dispatch, worker, queue, prefix };
}

/** Outbox rows for one chat, inserted one by one so ids follow the order of texts. */
async function insertRows(chatId: string, texts: string[], extra: { notBefore?: Date } = {}): Promise<bigint[]> {
  const ids: bigint[] = [];
  for (const body of texts) {
    const row = await db.outboundMessage.create({
      data: { dedupeKey: `test:${randomUUID()}`, channel, chatId, body, ...extra },
    });
    ids.push(row.id);
  }
  return ids;
}

const rowsStatus = async (ids: bigint[], status: "sent" | "failed") =>
  (await db.outboundMessage.count({ where: { id: { in: ids }, status } })) === ids.length;
const jobState = (queue: Queue, id: bigint) => queue.getJobState(outboundJobId(id));
const uniqueChat = () => String(Math.floor(1e9 + Math.random() * 9e9));
const texts = (tag: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${tag}${i + 1}-${randomUUID().slice(0, 6)}`);

// Between the pacing slot being taken and the network call lies one database write (the claim); a busy machine can
// make that write slow for the earlier message only, so a measured gap may fall this far short of the paced gap.
const claimJitterMs = 80;

// ---------------------------------------------------------------------------------------------------------------

describe("outbound worker: at most once", () => {
  it("sends a row dispatched several times exactly once and records queued -> sent with sentAt and externalId", async () => {
    const { fake, dispatch, queue, prefix } = startOutbound();
    const chatId = uniqueChat();
    const [text] = texts("once", 1);
    const [id] = await insertRows(chatId, [text!]);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "queued",
      sentAt: null,
      externalId: null,
    });

    // Another process's dispatcher on the same queues, dispatching the same row at the same moment.
    const other = createOutboundDispatcher({ connection, prefix, channels: [channel] });
    cleanups.push(() => other.close());
    await Promise.all([dispatch([id!]), dispatch([id!]), other.dispatch(channel, [{ id: id! }])]);
    await until("the row to be sent", () => rowsStatus([id!], "sent"));

    // A late duplicate after the send (what a stalled job re-running looks like) must find the row sent and do nothing.
    await dispatch([id!]);
    await until(
      "the late duplicate job to finish (finished jobs are removed)",
      async () => (await jobState(queue, id!)) === "unknown",
    );

    expect(fake.sent(chatId).map((c) => c.text)).toEqual([text]);
    expect(fake.calls.filter((c) => c.chatId === chatId)).toHaveLength(1);
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "sent", externalId: `net-${text}-1`, attempts: 1, lastError: null });
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
  });
});

describe("outbound worker: order", () => {
  it("sends one chat's messages in id order under concurrency 8, while another chat proceeds independently", async () => {
    const { fake, dispatch } = startOutbound({ concurrency: 8 });
    const chatA = uniqueChat();
    const chatB = uniqueChat();
    const a = texts("a", 6);
    const b = texts("b", 6);
    const idsA = await insertRows(chatA, a);
    const idsB = await insertRows(chatB, b);
    // Hold A's first message in flight until released: B must not wait for it, A's later messages must.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.when(a[0]!, () => gate);

    // All at once and newest first, so a worker without the order rule would send them backwards.
    await dispatch([...idsA, ...idsB].reverse());

    try {
      await until("chat B's six messages", () => fake.sent(chatB).length === 6);
      expect(fake.sent(chatB).map((c) => c.text)).toEqual(b);
      // A's first is still in flight and none of the rest has been tried.
      expect(fake.calls.filter((c) => c.chatId === chatA).map((c) => c.text)).toEqual([a[0]]);
    } finally {
      release(); // else closing the worker would wait for ever on the held send
    }
    await until("chat A's six messages", () => fake.sent(chatA).length === 6);
    expect(fake.sent(chatA).map((c) => c.text)).toEqual(a);
    await until("all rows marked sent", () => rowsStatus([...idsA, ...idsB], "sent"));
  });
});

describe("outbound worker: replies before bulk sends", () => {
  it("sends a reply queued after a fan-out before the fan-out's remaining messages", async () => {
    // Global limit 5/s: the fan-out is paced, as an announcement to thousands is on Telegram.
    const { fake, dispatcher } = startOutbound({ rateLimits: { globalPerSecond: 5 }, concurrency: 1 });
    const tag = randomUUID().slice(0, 8);
    const bulk: bigint[] = [];
    for (let i = 0; i < 15; i++) bulk.push(...(await insertRows(`bulk-${tag}-${i}`, [`announcement ${tag}`])));
    await dispatcher.dispatch(
      channel,
      bulk.map((id) => ({ id, bulk: true })),
    );
    await until("the fan-out to start", () => fake.calls.length >= 2);
    const [reply] = await insertRows(`reply-${tag}`, [`reply ${tag}`]);
    await dispatcher.dispatch(channel, [{ id: reply! }]);
    await until("the reply", () => fake.callsFor(`reply ${tag}`).some((c) => c.ok), 10_000);
    const position = fake.calls.findIndex((c) => c.text === `reply ${tag}`);
    // Behind the few already taken when it arrived, never behind the rest of the fan-out (15 at 5 a second).
    expect(position).toBeLessThan(6);
    await until("the fan-out", () => rowsStatus(bulk, "sent"), 10_000);
  });
});

describe("outbound worker: pacing", () => {
  it("spaces consecutive messages to one private chat by perChatIntervalMs", async () => {
    const { fake, dispatch } = startOutbound({ rateLimits: { perChatIntervalMs: 300 } });
    const chatId = uniqueChat();
    const t = texts("p", 4);
    await dispatch(await insertRows(chatId, t));

    await until("four sends", () => fake.sent(chatId).length === 4);
    const sent = fake.sent(chatId);
    expect(sent.map((c) => c.text)).toEqual(t);
    for (let i = 1; i < sent.length; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(300 - claimJitterMs);
  });

  it("spaces messages to Telegram and WhatsApp group chats by the groupPerMinute gap", async () => {
    // 120 a minute is one every 500 ms, well above the 100 ms private-chat gap.
    const { fake, dispatch } = startOutbound({ rateLimits: { perChatIntervalMs: 100, groupPerMinute: 120 } });
    const telegramGroup = `-100${uniqueChat()}`;
    const whatsappGroup = `${uniqueChat()}@g.us`;
    const tg = texts("tg", 3);
    const wa = texts("wa", 3);
    await dispatch([...(await insertRows(telegramGroup, tg)), ...(await insertRows(whatsappGroup, wa))]);

    await until(
      "three sends to each group",
      () => fake.sent(telegramGroup).length === 3 && fake.sent(whatsappGroup).length === 3,
    );
    for (const group of [telegramGroup, whatsappGroup]) {
      const sent = fake.sent(group);
      for (let i = 1; i < sent.length; i++)
        expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(500 - claimJitterMs);
    }
  });
});

describe("outbound worker: failures", () => {
  it("waits out a 429's retry_after, then sends and records both attempts", async () => {
    // A retry backoff far shorter than retry_after, so only honouring retry_after can explain the wait.
    const { fake, dispatch } = startOutbound({ backoffMs: 10 });
    const chatId = uniqueChat();
    const [text] = texts("429-", 1);
    fake.when(text!, (n) => {
      if (n === 1) throw new RateLimitError(700);
    });
    const ids = await insertRows(chatId, [text!]);
    await dispatch(ids);

    await until("the row to be sent", () => rowsStatus(ids, "sent"));
    const [refused, accepted] = fake.callsFor(text!);
    expect(refused!.ok).toBe(false);
    expect(accepted!.ok).toBe(true);
    // The pause starts after the 429 arrived, so the retry can only be later still (1 ms for clock rounding).
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(700 - 1);
    expect(fake.callsFor(text!)).toHaveLength(2);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });
  });

  it("holds back only the one chat a per-person limit names (WhatsApp Cloud's pair rate), not the channel", async () => {
    const { fake, dispatch } = startOutbound({ backoffMs: 10 });
    const [busy, other] = [uniqueChat(), uniqueChat()];
    const [first] = texts("pair-", 1);
    const [free] = texts("free-", 1);
    fake.when(first!, (n) => {
      if (n === 1) throw new RateLimitError(600, true);
    });
    const busyIds = await insertRows(busy, [first!]);
    await dispatch(busyIds);
    await until("the pair-rate refusal", () => fake.callsFor(first!).length === 1);
    const refusedAt = fake.callsFor(first!)[0]!.at;
    const otherIds = await insertRows(other, [free!]);
    await dispatch(otherIds);
    await until("both sent", async () => (await rowsStatus(busyIds, "sent")) && (await rowsStatus(otherIds, "sent")));
    // The other chat was not paused behind it; the busy chat waited its 600 ms.
    expect(fake.callsFor(free!)[0]!.at - refusedAt).toBeLessThan(500);
    expect(fake.callsFor(first!)[1]!.at - refusedAt).toBeGreaterThanOrEqual(600 - 1);
  });

  it("keeps a message the network takes only after the person writes as held, and sends it once released", async () => {
    const heldFor: string[] = [];
    const { fake, dispatch } = startOutbound({ backoffMs: 10, onHeld: async (chat) => void heldFor.push(chat) });
    const chatId = uniqueChat();
    const [text] = texts("held-", 1);
    fake.when(text!, (n) => {
      if (n === 1) throw new HoldUntilTheyWriteError("more than 24 hours since they wrote");
    });
    const ids = await insertRows(chatId, [text!]);
    await dispatch(ids);
    await until(
      "the row held",
      async () => (await db.outboundMessage.count({ where: { id: ids[0]!, status: "held" } })) === 1,
    );
    expect(fake.callsFor(text!)).toHaveLength(1);
    // Told, so a person who wrote while it was being sent is not left waiting for their next message.
    await until("onHeld called", () => heldFor.length === 1);
    expect(heldFor).toEqual([chatId]);
    // A held row does not hold back the chat's later messages.
    const [later] = texts("later-", 1);
    const laterIds = await insertRows(chatId, [later!]);
    await dispatch(laterIds);
    await until("the later message sent", () => rowsStatus(laterIds, "sent"));

    const releaser = heldReleaser({ db, channel, logger, dispatch });
    expect(await releaser.release(chatId)).toBe(1);
    expect(await releaser.release(chatId)).toBe(0);
    await until("the held row sent", () => rowsStatus(ids, "sent"));
    expect(fake.callsFor(text!)).toHaveLength(2);
  });

  it("marks a permanently refused message failed with the reason and never retries it", async () => {
    const { fake, dispatch, queue } = startOutbound({ backoffMs: 10 });
    const chatId = uniqueChat();
    const [text] = texts("blocked", 1);
    fake.when(text!, () => {
      throw new PermanentSendError("Forbidden: bot was blocked by the user");
    });
    const [id] = await insertRows(chatId, [text!]);
    await dispatch([id!]);

    await until("the row to fail", () => rowsStatus([id!], "failed"));
    // A finished job has no retry left in it: the one call is all there will ever be.
    await until(
      "the job to finish (finished jobs are removed)",
      async () => (await jobState(queue, id!)) === "unknown",
    );
    expect(fake.callsFor(text!)).toHaveLength(1);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "failed",
      lastError: "Forbidden: bot was blocked by the user",
      attempts: 1,
      sentAt: null,
    });
  });

  it("retries transient errors and sends on the third try", async () => {
    const { fake, dispatch } = startOutbound({ backoffMs: 20 });
    const chatId = uniqueChat();
    const [text] = texts("flaky", 1);
    fake.when(text!, (n) => {
      if (n <= 2) throw new Error("ETIMEDOUT");
    });
    const ids = await insertRows(chatId, [text!]);
    await dispatch(ids);

    await until("the row to be sent", () => rowsStatus(ids, "sent"));
    expect(fake.callsFor(text!).map((c) => c.ok)).toEqual([false, false, true]);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: ids[0]! } })).toMatchObject({
      status: "sent",
      attempts: 3,
      lastError: null,
    });
  });

  it("marks a message failed with the last error once every try has failed", async () => {
    const { fake, dispatch, queue } = startOutbound({ attempts: 3, backoffMs: 20 });
    const chatId = uniqueChat();
    const [text] = texts("down", 1);
    fake.when(text!, (n) => {
      throw new Error(`socket hang up (try ${n})`);
    });
    const [id] = await insertRows(chatId, [text!]);
    await dispatch([id!]);

    await until("the row to fail", () => rowsStatus([id!], "failed"));
    await until(
      "the job to fail for good (finished jobs are removed)",
      async () => (await jobState(queue, id!)) === "unknown",
    );
    expect(fake.callsFor(text!)).toHaveLength(3);
    const row = await db.outboundMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "failed", attempts: 3, sentAt: null });
    expect(row.lastError).toContain("socket hang up (try 3)");
  });
});

describe("outbound worker: notBefore", () => {
  it("does not send before notBefore, and sends after it", async () => {
    const { fake, dispatch } = startOutbound();
    const chatId = uniqueChat();
    const [text] = texts("later", 1);
    const notBefore = new Date(Date.now() + 800);
    // Dispatched with no delay of its own, as the engine does: the row's notBefore alone must hold it back.
    const ids = await insertRows(chatId, [text!], { notBefore });
    await dispatch(ids);

    await until("the row to be sent", () => rowsStatus(ids, "sent"));
    const [call] = fake.callsFor(text!);
    expect(call!.at).toBeGreaterThanOrEqual(notBefore.getTime());
    expect(fake.callsFor(text!)).toHaveLength(1);
  });
});

describe("outbound worker: the first-contact budget (WhatsApp's ban risk)", () => {
  it("paces messages to people who never wrote apart, with jitter, caps them per day, and lets those who wrote through", async () => {
    // One an hour's budget scaled down: a gap of 600 ms ± 30%, two a day.
    const { fake, dispatch, prefix } = startOutbound({
      rateLimits: { firstContact: { perHour: 6000, perDay: 2, jitter: 0.3 } },
    });
    const [friend, stranger1, stranger2, stranger3] = [uniqueChat(), uniqueChat(), uniqueChat(), uniqueChat()];
    // The friend wrote to us before: an identity on this channel is that chat.
    const user = await db.user.create({
      data: { name: "Friend", phone: `+2557${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}` },
    });
    await db.channelIdentity.create({ data: { userId: user.id, channel, externalId: friend, chatId: friend } });
    const ids = [
      ...(await insertRows(stranger1, texts("invite-a", 1))),
      ...(await insertRows(stranger2, texts("invite-b", 1))),
      ...(await insertRows(stranger3, texts("invite-c", 1))),
      ...(await insertRows(friend, texts("reply", 1))),
    ];
    await dispatch(ids);
    await until("the friend and two strangers served", () =>
      rowsStatus([ids[3]!], "sent").then(
        async (f) =>
          f && (await db.outboundMessage.count({ where: { id: { in: ids.slice(0, 3) }, status: "sent" } })) === 2,
      ),
    );
    const at = (chat: string) => fake.sent(chat)[0]?.at;
    const strangerTimes = [stranger1, stranger2, stranger3]
      .map(at)
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
    expect(strangerTimes).toHaveLength(2);
    // Spaced by at least the shortest jittered gap (420 ms), less the claim's own jitter.
    expect(strangerTimes[1]! - strangerTimes[0]!).toBeGreaterThanOrEqual(420 - claimJitterMs);
    // The third waits for tomorrow (UTC), and its row says so.
    const waiting = await db.outboundMessage.findFirstOrThrow({
      where: { id: { in: ids.slice(0, 3) }, status: "queued" },
    });
    const tomorrow = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z").getTime() + 86_400_000;
    await until(
      "its notBefore set to tomorrow",
      async () =>
        ((await db.outboundMessage.findUniqueOrThrow({ where: { id: waiting.id } })).notBefore?.getTime() ?? 0) >=
        tomorrow,
    );
    expect(await redis.get(`${prefix}:first-contact:${channel}:${new Date().toISOString().slice(0, 10)}`)).toBe("2");
  });

  it("spaces nothing under an unbounded hourly rate (WhatsApp Cloud's daily limit alone), and still caps the day", async () => {
    const { fake, dispatch, prefix } = startOutbound({
      rateLimits: { firstContact: { perHour: Number.POSITIVE_INFINITY, perDay: 3, jitter: 0 } },
    });
    const strangers = [uniqueChat(), uniqueChat(), uniqueChat(), uniqueChat()];
    const ids = (await Promise.all(strangers.map((chat, i) => insertRows(chat, texts(`cloud-${i}-`, 1))))).flat();
    await dispatch(ids);
    await until(
      "three strangers served",
      async () => (await db.outboundMessage.count({ where: { id: { in: ids }, status: "sent" } })) === 3,
    );
    await until(
      "the fourth deferred to tomorrow",
      async () =>
        (await db.outboundMessage.count({ where: { id: { in: ids }, status: "queued", notBefore: { not: null } } })) ===
        1,
    );
    const times = strangers
      .map((chat) => fake.sent(chat)[0]?.at)
      .filter((t): t is number => t !== undefined)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(3);
    // No first-contact gap: nothing holds the three apart beyond the worker's own pace.
    expect(times[2]! - times[0]!).toBeLessThan(500);
    expect(await redis.get(`${prefix}:first-contact:${channel}:${new Date().toISOString().slice(0, 10)}`)).toBe("3");
  });

  it("never lets workers racing for the day's last places take more than the day allows", async () => {
    const key = `${uniquePrefix()}:first-contact`;
    const waits = await Promise.all(
      Array.from({ length: 10 }, () =>
        takeFirstContactSlot(redis, key, { perHour: Number.POSITIVE_INFINITY, perDay: 3, jitter: 0 }),
      ),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    expect(await redis.get(`${key}:${new Date().toISOString().slice(0, 10)}`)).toBe("3");
    await redis.del(`${key}:${new Date().toISOString().slice(0, 10)}`);
  });
});
