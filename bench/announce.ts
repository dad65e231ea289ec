// npm run bench:announce [-- --guests 2000]
//
// An announcement to --guests guests on Telegram, paced by the real outbound worker and Telegram adapter against the
// Bot API fake, which (like Telegram) answers 429 beyond 30 messages a second. Prints the send rate against the
// limit and the 429s met (the fake, like Telegram, refuses every send while a 429's retry_after runs); then, half-way, the worker is killed (closed without waiting for the sends in flight) and
// a new one takes over with the reconciler, and the run counts how many guests received the announcement 0, 1 or 2
// times (only sends in flight at the kill may repeat). Meanwhile, people in conversation write to the bot on Telegram
// twice a second: the time until their reply reaches Telegram is printed (replies go ahead of the announcement).
// Runs in a database of its own, dropped afterwards.
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { createTelegramAdapter } from "../src/channels/telegram/index.js";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createEngine } from "../src/engine/engine.js";
import { createOutboundDispatcher, createOutboundWorker } from "../src/jobs/outbound.js";
import { reconcileOnce } from "../src/jobs/reconcile.js";
import { createLogger } from "../src/logger.js";
import { startFakeTelegram } from "../test/fakes/telegram-bot-api.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({ options: { guests: { type: "string", default: "2000" } } });
const limitPerSecond = 30;

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "announce");
  const db = createPrisma(scratch.url, 10);
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const logger = createLogger("warn");
  const fake = await startFakeTelegram({ sendLimitPerSecond: limitPerSecond });
  const adapter = createTelegramAdapter({ token: fake.token, apiRoot: fake.apiRoot, logger });
  const dispatcher = createOutboundDispatcher({
    connection,
    prefix: scratch.prefix,
    channels: ["telegram", "simulator"],
  });
  const handled = new Map<string, () => void>();
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    defaultCountry: "TZ",
    defaultLocale: "en",
    conversationTtlMs: 3_600_000,
    channels: { running: ["telegram", "simulator"], firstContact: ["simulator"] },
    onHandled: (_c, chatId) => handled.get(chatId)?.(),
  });
  let seq = 0;
  const say = (chat: string, text: string) =>
    new Promise<void>((resolve) => {
      handled.set(chat, resolve);
      void engine.sink({
        channel: "simulator",
        externalId: `a${++seq}`,
        chatId: chat,
        sender: { externalId: chat, phone: chat, name: "Neema" },
        content: { kind: "text", text },
        sentAt: new Date(),
      });
    });

  const guests = Number(args.guests);
  const organizer = "+447999999998";
  await say(organizer, "/newevent Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall");
  const event = await db.event.findFirstOrThrow({ where: { organizer: { phone: organizer } } });
  // Guests who accepted and wrote from Telegram before (their private chat ids are their user ids).
  await db.$executeRawUnsafe(
    `INSERT INTO users (name, phone, locale) SELECT 'Mgeni ' || g, '+25569' || lpad(g::text, 7, '0'), 'sw' FROM generate_series(1, ${guests}) g`,
  );
  await db.$executeRawUnsafe(`INSERT INTO channel_identities (user_id, channel, external_id, chat_id)
    SELECT id, 'telegram', (800000000 + substr(phone, 7)::int)::text, (800000000 + substr(phone, 7)::int)::text FROM users WHERE phone LIKE '+25569%'`);
  await db.$executeRawUnsafe(
    `INSERT INTO event_guests (event_id, user_id, rsvp_status) SELECT '${event.id}', id, 'accepted' FROM users WHERE phone LIKE '+25569%'`,
  );
  await db.$executeRawUnsafe("ANALYZE");

  const startWorker = () => createOutboundWorker({ db, adapter, connection, redis, prefix: scratch.prefix, logger });
  let worker = startWorker();
  const t0 = performance.now();
  await say(organizer, `/announce ${event.code} Karibuni wote! Sherehe inaanza saa nane mchana.`);
  const committedMs = performance.now() - t0;
  const sent = async () =>
    db.outboundMessage.count({ where: { channel: "telegram", status: "sent", dedupeKey: { startsWith: "tell:" } } });
  const waitSent = async (n: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while ((await sent()) < n) {
      if (Date.now() > deadline) throw new Error(`stalled: ${await sent()} of ${n} sent`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  console.log(`/announce to ${guests} guests on Telegram: ${committedMs.toFixed(0)} ms to commit`);

  // People in conversation while the announcement is paced out: a reply's time from hand-over to Telegram.
  const replyTimes: number[] = [];
  let talking = true;
  const conversations = (async () => {
    for (let i = 0; talking; i++) {
      const chat = String(700000000 + i);
      const t = performance.now();
      await engine.sink({
        channel: "telegram",
        externalId: `talk-${i}`,
        chatId: chat,
        sender: { externalId: chat, name: "Juma" },
        content: { kind: "text", text: "/help" },
        sentAt: new Date(),
      });
      void (async () => {
        while (fake.botMessagesIn(chat).length === 0 && talking) await new Promise((r) => setTimeout(r, 10));
        if (fake.botMessagesIn(chat).length) replyTimes.push(performance.now() - t);
      })();
      await new Promise((r) => setTimeout(r, 500));
    }
  })();

  // First half at full pace, measured after the first second (the limiter's window starts then).
  await waitSent(limitPerSecond, 60_000);
  const tRate = performance.now();
  const atRate = await sent();
  await waitSent(Math.floor(guests / 2), 600_000);
  const rate = ((await sent()) - atRate) / ((performance.now() - tRate) / 1000);
  talking = false;
  await conversations;
  const sortedReplies = [...replyTimes].sort((a, b) => a - b);
  const pct = (p: number) =>
    sortedReplies[Math.min(sortedReplies.length - 1, Math.floor((p / 100) * sortedReplies.length))] ?? NaN;
  console.log(
    `   replies to ${sortedReplies.length} people writing meanwhile reached Telegram in p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms (target p99 under 1 s)`,
  );
  const all = rate + sortedReplies.length / ((performance.now() - tRate) / 1000);
  console.log(
    `   announcement sent ${await sent()} at ${rate.toFixed(1)} msg/s; with the replies the channel carried ${all.toFixed(1)} msg/s = ${((all / limitPerSecond) * 100).toFixed(0)}% of Telegram's ${limitPerSecond}/s; 429s met: ${fake.tooManyRequests}`,
  );

  // The process dies: the worker stops without waiting for the sends in flight.
  await worker.close(true);
  console.log(`   killed at ${await sent()} sent; a new worker and the reconciler take over`);
  worker = startWorker();
  const reconcile = setInterval(() => {
    void reconcileOnce({
      db,
      processor: engine.processor,
      dispatcher,
      channels: ["telegram"],
      logger,
      graceMs: 1000,
      sendTimeoutMs: 5000,
    }).catch(() => undefined);
  }, 2000);
  await waitSent(guests, 600_000);
  clearInterval(reconcile);
  const totalS = (performance.now() - t0) / 1000;

  const perChat = new Map<string, number>();
  for (const id of await db.channelIdentity.findMany({
    where: { channel: "telegram", user: { phone: { startsWith: "+25569" } } },
    select: { chatId: true },
  })) {
    perChat.set(id.chatId, fake.botMessagesIn(id.chatId).length);
  }
  const counts = [0, 1, 2, 3].map((n) => [...perChat.values()].filter((c) => c === n).length);
  console.log(
    `   all ${guests} sent in ${totalS.toFixed(1)} s; 429s met in all: ${fake.tooManyRequests}; sends into a retry_after: ${fake.sentDuringRetryAfter}`,
  );
  console.log(
    `   guests who received it 0 times: ${counts[0]}, once: ${counts[1]}, twice: ${counts[2]} (only sends in flight at the kill may repeat), 3 times: ${counts[3]}`,
  );

  await worker.close();
  await engine.processor.idle();
  await dispatcher.close();
  await adapter.stop();
  await fake.close();
  await connection.quit();
  await redis.quit();
  await db.$disconnect();
  await scratch.remove();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
