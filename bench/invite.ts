// npm run bench:invite [-- --guests 250 --runs 5 --announce 10000]  (then /export of those 10,000 guests as CSV)
//
// One organizer's "/invite CODE <250 numbers>" through the whole pipeline, against the real PostgreSQL and Redis:
// the numbers read, 250 people, attendee profiles, invitations and guest rows written, and 250 invitations written
// to the outbox in the guests' languages, all in the message's one transaction. Prints the time from hand-over to
// commit (the reply queued), per run and the median. Then one "/announce" to --announce guests who accepted: time to
// commit, and the outbox checked. Runs in a database of its own, dropped afterwards.
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createEngine } from "../src/engine/engine.js";
import { createOutboundDispatcher } from "../src/jobs/outbound.js";
import { createLogger } from "../src/logger.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({
  options: {
    guests: { type: "string", default: "250" },
    runs: { type: "string", default: "5" },
    announce: { type: "string", default: "10000" },
  },
});

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "invite");
  const db = createPrisma(scratch.url, 10);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = scratch.prefix;
  const dispatcher = createOutboundDispatcher({ connection: redis, prefix, channels: ["simulator"] });
  const waiting = new Map<string, () => void>();
  const engine = createEngine({
    db,
    logger: createLogger("warn"),
    dispatcher,
    defaultCountry: "TZ",
    defaultLocale: "en",
    conversationTtlMs: 3_600_000,
    onHandled: (_channel, chatId) => waiting.get(chatId)?.(),
  });
  let seq = 0;
  const say = (chat: string, text: string) =>
    new Promise<number>((resolve) => {
      const t0 = performance.now();
      waiting.set(chat, () => resolve(performance.now() - t0));
      void engine.sink({
        channel: "simulator",
        externalId: `i${++seq}`,
        chatId: chat,
        sender: { externalId: chat, phone: chat, name: "Organizer" },
        content: { kind: "text", text },
        sentAt: new Date(),
      });
    });

  const guests = Number(args.guests);
  const times: number[] = [];
  console.log(`/invite with ${guests} numbers, ${args.runs} runs (each a new organizer and event)`);
  for (let run = 0; run < Number(args.runs); run++) {
    const organizer = `+4479${String(run).padStart(8, "0")}`;
    await say(organizer, `/newevent Harusi ${run} | wedding | 2031-02-15 14:00 | Hall`);
    const event = await db.event.findFirstOrThrow({ where: { organizer: { phone: organizer } } });
    const list = Array.from({ length: guests }, (_, i) => `07${run}${String(i).padStart(7, "0")} Guest ${i}`).join(
      ", ",
    );
    const ms = await say(organizer, `/invite ${event.code} ${list}`);
    const invited = await db.invitation.count({ where: { eventId: event.id } });
    const queued = await db.outboundMessage.count({
      where: { dedupeKey: { startsWith: "tell:" }, user: { invitations: { some: { eventId: event.id } } } },
    });
    times.push(ms);
    console.log(
      `   run ${run + 1}: ${ms.toFixed(0)} ms from hand-over to commit; ${invited} invitations, ${queued} invitations in the outbox`,
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `   median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms (target: under 1,000 ms)`,
  );

  // An announcement to every guest who accepted: one statement for the fan-out, whatever their number.
  const many = Number(args.announce);
  if (many > 0) {
    const organizer = "+447999999999";
    await say(organizer, "/newevent Harusi kubwa | wedding | 2031-02-15 14:00 | Uwanja");
    const event = await db.event.findFirstOrThrow({ where: { organizer: { phone: organizer } } });
    await db.$executeRawUnsafe(
      `INSERT INTO users (name, phone, locale) SELECT 'Mgeni ' || g, '+25568' || lpad(g::text, 7, '0'), 'sw' FROM generate_series(1, ${many}) g`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO channel_identities (user_id, channel, external_id, chat_id) SELECT id, 'simulator', phone, phone FROM users WHERE phone LIKE '+25568%'`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO event_guests (event_id, user_id, rsvp_status) SELECT '${event.id}', id, 'accepted' FROM users WHERE phone LIKE '+25568%'`,
    );
    await db.$executeRawUnsafe("ANALYZE");
    const ms = await say(organizer, `/announce ${event.code} Karibuni wote, sherehe inaanza saa nane mchana.`);
    const queued = await db.outboundMessage.count({ where: { user: { phone: { startsWith: "+25568" } } } });
    console.log(
      `\n/announce to ${many} guests who accepted: ${ms.toFixed(0)} ms from hand-over to commit; ${queued} messages in the outbox (target: under 1,000 ms)`,
    );

    // The same guests as invited ones, exported to a CSV file in the organizer's chat.
    await db.$executeRawUnsafe(`INSERT INTO invitations (event_id, recipient_phone, recipient_name, code, user_id, sent_at, rsvp_status, responded_at)
      SELECT '${event.id}', phone, name, 'XB' || substr(phone, 7), id, now(), 'accepted', now() FROM users WHERE phone LIKE '+25568%'`);
    await db.$executeRawUnsafe("ANALYZE");
    const exportMs = await say(organizer, `/export ${event.code} guests`);
    const file = await db.outboundMessage.findFirstOrThrow({ where: { chatId: organizer }, orderBy: { id: "desc" } });
    const bytes = Buffer.from((file.options as { document: { base64: string } }).document.base64, "base64").length;
    console.log(
      `/export of ${many} guests: ${exportMs.toFixed(0)} ms from hand-over to the file queued; ${(bytes / 1024).toFixed(0)} KB of CSV (target: under 2,000 ms)`,
    );
  }

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
