// npm run bench:cloud [-- --guests 1000 --inbound 2000]
//
// The WhatsApp Cloud API channel against the fake Meta, which (like Meta) refuses more than 80 messages a second from
// a number with 130429:
// 1. An invitation round to --guests numbers that never wrote: each goes as the invitation template, paced by the
//    real outbound worker and adapter. Prints the send rate against Meta's 80/s, the busiest second, the 130429s met
//    and the time from /invite to the last template sent.
// 2. --inbound people writing at once through signed webhook calls (20 at a time, as Meta's delivery fans out):
//    prints the rate the webhook takes them (signature, parse, inbound log: the 200 Meta waits for) and its p50/p99.
// Runs in a database of its own, dropped afterwards.
import { parseArgs } from "node:util";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { Redis } from "ioredis";
import { createWhatsAppCloudAdapter } from "../src/channels/whatsapp-cloud/index.js";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createEngine } from "../src/engine/engine.js";
import { lastWroteOn } from "../src/domain/users.js";
import { heldReleaser, releasingSink } from "../src/jobs/held.js";
import { createOutboundDispatcher, createOutboundWorker } from "../src/jobs/outbound.js";
import { createLogger } from "../src/logger.js";
import {
  API_VERSION,
  APP_SECRET,
  inboundWebhook,
  PHONE_NUMBER_ID,
  startFakeMeta,
  text,
  VERIFY_TOKEN,
} from "../test/fakes/whatsapp-cloud.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({
  options: { guests: { type: "string", default: "1000" }, inbound: { type: "string", default: "2000" } },
});
const limitPerSecond = 80;

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "cloud");
  const db = createPrisma(scratch.url, 12);
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const logger = createLogger("warn");
  const meta = await startFakeMeta({ throughputPerSecond: limitPerSecond });
  const guests = Number(args.guests);
  const adapter = createWhatsAppCloudAdapter({
    token: meta.token,
    phoneNumberId: PHONE_NUMBER_ID,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    apiRoot: meta.apiRoot,
    apiVersion: API_VERSION,
    logger,
    lastInboundAt: lastWroteOn(db, "whatsapp_cloud"),
    messagesPerSecond: limitPerSecond,
    dailyNewConversations: guests + 10,
  });
  const dispatcher = createOutboundDispatcher({
    connection,
    prefix: scratch.prefix,
    channels: ["whatsapp_cloud", "simulator"],
  });
  const handled = new Map<string, () => void>();
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    defaultCountry: "TZ",
    defaultLocale: "en",
    conversationTtlMs: 3_600_000,
    channels: {
      running: ["whatsapp_cloud", "simulator"],
      firstContact: ["whatsapp_cloud", "simulator"],
      firstContactBudget: adapter.rateLimits.firstContact,
    },
    onHandled: (_c, chatId) => handled.get(chatId)?.(),
  });
  const held = heldReleaser({
    db,
    channel: "whatsapp_cloud",
    logger,
    dispatch: (ids) =>
      dispatcher.dispatch(
        "whatsapp_cloud",
        ids.map((id) => ({ id })),
      ),
  });
  const app = express();
  app.use("/whatsapp-cloud/webhook", adapter.webhook());
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  meta.webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp-cloud/webhook`;
  await adapter.start(releasingSink(engine.sink, held, logger));
  const worker = createOutboundWorker({ db, adapter, connection, redis, prefix: scratch.prefix, logger });

  let seq = 0;
  const say = (chat: string, body: string) =>
    new Promise<void>((resolve) => {
      handled.set(chat, resolve);
      void engine.sink({
        channel: "simulator",
        externalId: `c${++seq}`,
        chatId: chat,
        sender: { externalId: chat, phone: chat, name: "Neema" },
        content: { kind: "text", text: body },
        sentAt: new Date(),
      });
    });

  // 1. The invitation round.
  const organizer = "+447999999997";
  await say(organizer, "/newevent Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall");
  const event = await db.event.findFirstOrThrow({ where: { organizer: { phone: organizer } } });
  const numbers = Array.from({ length: guests }, (_, i) => `+25568${String(i).padStart(7, "0")}`);
  const t0 = performance.now();
  for (let i = 0; i < numbers.length; i += 200)
    await say(organizer, `/invite ${event.code} ${numbers.slice(i, i + 200).join(", ")}`);
  const committedMs = performance.now() - t0;
  const templates = () => meta.sent.filter((m) => m.type === "template");
  while (templates().length < guests) {
    if (performance.now() - t0 > 600_000) throw new Error(`stalled at ${templates().length} of ${guests}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const times = templates()
    .map((m) => m.at)
    .sort((a, b) => a - b);
  const spanS = (times.at(-1)! - times[0]!) / 1000;
  let busiest = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    busiest = Math.max(busiest, i - j + 1);
  }
  console.log(`Invitation round to ${guests} numbers that never wrote (WhatsApp Cloud, templates):`);
  console.log(
    `   ${committedMs.toFixed(0)} ms to commit the /invite turns; all sent ${((performance.now() - t0) / 1000).toFixed(1)} s after the first /invite`,
  );
  console.log(
    `   ${(guests / spanS).toFixed(1)} msg/s = ${((guests / spanS / limitPerSecond) * 100).toFixed(0)}% of Meta's ${limitPerSecond}/s; busiest second ${busiest}; 130429s met: ${meta.throughputRefusals}`,
  );

  // 2. People writing at once.
  const inbound = Number(args.inbound);
  const latencies: number[] = [];
  let next = 0;
  const tIn = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = next++; i < inbound; i = next++) {
        const body = inboundWebhook({ waId: `25567${String(i).padStart(7, "0")}`, name: `Mgeni ${i}` }, text("habari"));
        const t = performance.now();
        const [status] = await meta.callWebhook(body, { attempts: 1 });
        if (status !== 200) throw new Error(`webhook answered ${status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const inS = (performance.now() - tIn) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  console.log(
    `Webhook: ${inbound} people writing, 20 calls at a time: ${(inbound / inS).toFixed(0)} msg/s taken (logged, 200); p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`,
  );

  await engine.processor.idle();
  await worker.close();
  await dispatcher.close();
  await adapter.stop();
  await new Promise((r) => server.close(r));
  await meta.close();
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
