// npm run bench:payments [-- --guests 1000 --seconds 60]
//
// Mobile money against the real PostgreSQL, in a database of its own, through the M-Pesa Daraja fake: --guests guests
// of one KES event, each with a pledge and a collection written; the starter sends every STK push, then each guest
// "enters the PIN" at a random moment within --seconds and Safaricom's callback arrives (one in ten twice). Prints the
// time from a callback's arrival to the guest's thanks committed and queued (p50/p99/max), and checks that every
// payment was recorded exactly once.
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { createPrisma } from "../src/db/prisma.js";
import { createLogger } from "../src/logger.js";
import { createMpesaProvider } from "../src/payments/mpesa.js";
import { createPayments } from "../src/payments/service.js";
import { createDarajaFake, darajaSecrets } from "../test/fakes/mpesa-daraja.js";
import { createScratch } from "./scratch.js";

const { values: args } = parseArgs({
  options: { guests: { type: "string", default: "1000" }, seconds: { type: "string", default: "60" } },
});
const guests = Number(args.guests);
const seconds = Number(args.seconds);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const config = loadConfig();
  const scratch = await createScratch(config, "payments");
  const db = createPrisma(scratch.url, 20);
  const fake = createDarajaFake(darajaSecrets);
  let queued = 0;
  const payments = createPayments({
    db,
    logger: createLogger("warn"),
    env: {
      running: ["simulator"],
      firstContact: ["simulator"],
      defaultCountry: "KE",
      defaultTimeZone: "Africa/Nairobi",
    },
    dispatch: async (_channel, ids) => {
      queued += ids.length;
    },
    providers: [createMpesaProvider({ ...darajaSecrets, apiRoot: "https://daraja.test", fetch: fake.fetch })],
    publicUrl: "https://nuru.example",
  });
  try {
    const [organizer] = await db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO users (name, phone, locale) VALUES ('Organizer', '+255700000000', 'en') RETURNING id::text`,
    );
    const [event] = await db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO events (organizer_id, name, status, code, currency) VALUES ('${organizer!.id}', 'Harambee', 'confirmed', 'PAYBENCH', 'KES') RETURNING id::text`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO users (name, phone, locale) SELECT 'Guest ' || g, '+2547' || lpad(g::text, 8, '0'), 'sw' FROM generate_series(1, ${guests}) g`,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO channel_identities (user_id, channel, external_id, chat_id) SELECT id, 'simulator', phone, phone FROM users WHERE phone LIKE '+2547%'`,
    );
    await db.$executeRawUnsafe(`INSERT INTO guest_contributions (event_id, user_id, kind, amount, currency, code)
      SELECT '${event!.id}', id, 'pledge', 1000, 'KES', 'M-B' || substr(phone, 6) FROM users WHERE phone LIKE '+2547%'`);
    await db.$executeRawUnsafe(`INSERT INTO payment_collections (code, purpose, event_id, user_id, contribution_id, phone, amount, currency, provider, callback_token)
      SELECT 'L-B' || substr(c.code, 4), 'pledge', c.event_id, c.user_id, c.id, u.phone, 1000, 'KES', 'mpesa', 'tok-' || c.id FROM guest_contributions c JOIN users u ON u.id = c.user_id WHERE c.event_id = '${event!.id}'`);

    const startAt = Date.now();
    const started = await payments.startDue();
    console.log(`STK pushes sent: ${started} in ${Date.now() - startAt} ms`);
    const rows = await db.paymentCollection.findMany({
      where: { eventId: event!.id },
      select: { providerRef: true, callbackToken: true },
    });
    const latencies: number[] = [];
    const began = Date.now();
    await Promise.all(
      rows.map(
        (r, n) =>
          new Promise<void>((resolve, reject) => {
            setTimeout(
              () => {
                fake.answer(r.providerRef!, 0);
                const body = fake.callbackBody(r.providerRef!);
                const t0 = performance.now();
                payments
                  .callback("mpesa", r.callbackToken, body)
                  .then(async () => {
                    latencies.push(performance.now() - t0);
                    if (n % 10 === 0) await payments.callback("mpesa", r.callbackToken, body);
                    resolve();
                  })
                  .catch(reject);
              },
              Math.random() * seconds * 1000,
            );
          }),
      ),
    );
    const took = (Date.now() - began) / 1000;
    const [check] = await db.$queryRawUnsafe<{ paid: number; wrong: number; sum: string }[]>(
      `SELECT count(*) FILTER (WHERE status = 'paid')::int AS paid, (SELECT count(*)::int FROM guest_contributions WHERE event_id = '${event!.id}' AND paid_amount <> 1000) AS wrong,
              (SELECT sum(paid_amount)::text FROM guest_contributions WHERE event_id = '${event!.id}') AS sum FROM payment_collections WHERE event_id = '${event!.id}'`,
    );
    latencies.sort((a, b) => a - b);
    console.log(`${guests} payments over ${took.toFixed(1)} s (${Math.round(guests / 10)} callbacks repeated)`);
    console.log(
      `callback -> thanks committed and queued: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `collections paid: ${check!.paid}/${guests}; pledges not paid exactly once: ${check!.wrong}; total recorded KES ${check!.sum}; messages queued: ${queued}`,
    );
    console.log(
      `Daraja calls: ${fake.stats.tokens} token(s), ${fake.stats.pushes} pushes, ${fake.stats.queries} status queries`,
    );
    if (check!.paid !== guests || check!.wrong !== 0 || percentile(latencies, 99) >= 1000) process.exitCode = 1;
  } finally {
    await payments.stop();
    await db.$disconnect();
    await scratch.remove();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
