// 10,000 generated messages through the simulator's HTTP API from 200 people (half with Tanzanian numbers, spoken to
// in Kiswahili, half with British ones, in English): random Unicode, emoji, right-to-left text, control characters,
// 10 KB texts, empty texts, SQL- and HTML-looking strings, every command with random and missing arguments, numbers
// out of range, taps on values never offered, contacts, locations, start payloads. Then: no 5xx, every message taken
// is handled (none given up on) and answered exactly once, fixed messages are in the reader's language, and the
// database's invariants hold. Seeded: FUZZ_SEED=<the printed seed> replays a run.
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/http/app.js";
import { catalogues, type MessageKey } from "../../src/i18n/index.js";
import { journeys } from "../../src/journeys/index.js";
import { createLogger } from "../../src/logger.js";
import { startHarness } from "../support/engine-harness.js";
import { testRedis } from "../support/services.js";
import { until } from "../support/until.js";

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run test/e2e/fuzz.simulator.test.ts)`);

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(a: number) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(seed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

const h = await startHarness({ workerConcurrency: 32 });
const app = createHttpApp({
  db: h.db,
  redis: await testRedis(),
  logger: createLogger("silent"),
  simulator: h.simulator.router(),
});
const server = app.listen(0);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simulator/api/messages`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

const run = seed.toString(36).slice(0, 4).padStart(4, "0");
const people = Array.from({ length: 200 }, (_, i) =>
  i % 2
    ? `+2557${String(seed % 1000).padStart(3, "0")}${String(i).padStart(5, "0")}`
    : `+44740${String(seed % 1000).padStart(3, "0")}${String(i).padStart(4, "0")}`,
);
// Changing one's language is a legitimate answer in the other language: left out, so every reply's language is known.
const commands = journeys
  .flatMap((j) => j.commands ?? [])
  .flatMap((c) => [...c.en, ...c.sw])
  .filter((name) => !["language", "lugha"].includes(name));

const unicodeRanges: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x590, 0x5ff],
  [0x600, 0x6ff],
  [0x900, 0x97f],
  [0x4e00, 0x4fff],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0xfe00, 0xfe0f],
];
function unicode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    const [lo, hi] = pick(unicodeRanges);
    out += String.fromCodePoint(lo + int(hi - lo + 1));
  }
  return out;
}
const nasty = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${7*7}",
  "{{7*7}}",
  "%s%s%s%n",
  "../../etc/passwd",
  "NaN",
  "-0",
  "1e309",
  "9".repeat(40),
  "-99999999",
  "0x7fffffff",
  "null",
  "undefined",
  "مرحبا بك في الحفل",
  "שלום לכולם",
  "\u202eevil\u202c",
  "a\u0000b",
  "\u0007\u0008\u001b[31mred",
  "\ud800",
  "👨‍👩‍👧‍👦🎉🇹🇿",
];
const argOf = () =>
  pick([
    () => "",
    () => unicode(1 + int(20)),
    () => pick(nasty),
    () => String(int(1e6) - 5e5),
    () => `HARUSI-${unicode(3)}`,
    () => `P-${int(99999)}`,
    () => `B-XXXXX ${int(1e9)} ${-int(100)}`,
    () => "2099-13-45 25:61",
    () => "kesho saa 13 mchana",
    () => `${int(100)}d ${int(1000)}h`,
    () => `| ${pick(nasty)} | ${unicode(5)}`,
    () => "off",
    () => "zima",
  ])();

type Body = Record<string, unknown>;
function message(from: string, n: number): Body {
  const id = `f${run}-${n}`;
  const kind = random();
  if (kind < 0.35) return { from, id, text: `/${pick(commands)} ${argOf()} ${random() < 0.3 ? argOf() : ""}`.trim() };
  if (kind < 0.45) return { from, id, text: pick(commands) }; // without the slash
  if (kind < 0.6) return { from, id, text: unicode(1 + int(60)) };
  if (kind < 0.67) return { from, id, text: pick(nasty) };
  if (kind < 0.7) return { from, id, text: unicode(2000 + int(3000)) }; // ~10 KB of UTF-8
  if (kind < 0.72) return { from, id, text: pick(["", "   ", "\n\t"]) }; // refused by the API (400), never a 5xx
  if (kind < 0.8)
    return {
      from,
      id,
      text: pick([
        "1",
        "2",
        "3",
        "0",
        "21",
        "-1",
        "999999",
        "ndiyo",
        "hapana",
        "labda",
        "yes",
        "no",
        "maybe",
        "hi",
        "habari",
      ]),
    };
  if (kind < 0.9)
    return {
      from,
      id,
      choice: pick([
        `rsvp:${unicode(4)}:yes`,
        `poll:P-${int(9999)}:${int(99)}`,
        `cancel:yes`,
        `review:B-${int(99)}:9`,
        unicode(10),
        "x".repeat(64),
      ]),
    };
  if (kind < 0.94) return { from, id, contact: { phone: pick(people) } };
  if (kind < 0.97) return { from, id, location: { latitude: random() * 180 - 90, longitude: random() * 360 - 180 } };
  return { from, id, startPayload: pick([`X${int(1e6)}`, "HARUSI-ABC", "a".repeat(64)]) };
}

describe("fuzz", () => {
  it("takes 10,000 hostile messages from 200 people without a crash, a 5xx, a lost or doubled answer, or broken data", {
    timeout: 240_000,
  }, async () => {
    // A world to poke at: events with invitations and a poll, so codes and taps sometimes mean something.
    const organizers = people.slice(0, 6);
    for (const [i, organizer] of organizers.entries()) {
      await h.say(organizer, `/newevent Fuzz ${i} | wedding | 2031-0${1 + i}-10 14:00 | Hall`, `Org ${i}`);
      const code = /(FUZZ-[A-Z0-9]+)/.exec((await h.reply(organizer, 1)).text)![1]!;
      await h.say(organizer, `/invite ${code} ${people.slice(10 + i * 20, 30 + i * 20).join(", ")}`);
      await h.say(organizer, `/poll ${code} Which? | A | B`);
      await h.replies(organizer, 3);
    }
    await h.settle();

    const statuses = new Map<number, number>();
    const taken: string[] = [];
    const total = 10_000;
    let next = 0;
    const worker = async () => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        const body = message(pick(people), n);
        const response = await fetch(base, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 202) taken.push(`${body.from}:${body.id}`);
        await response.arrayBuffer();
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, worker));
    const sent = Date.now() - started;
    console.log(`fuzz: ${total} messages posted in ${sent} ms; ${JSON.stringify(Object.fromEntries(statuses))}`);

    // No 5xx; only 202 (taken) and 400 (refused with the reason: empty texts, 64+ byte taps, unpaired surrogates ...).
    expect(
      [...statuses.keys()].every((s) => s === 202 || s === 400),
      JSON.stringify([...statuses]),
    ).toBe(true);
    expect(statuses.get(202)).toBeGreaterThan(total * 0.9);

    // Every message taken is handled, none given up on.
    await until(
      "every message handled",
      async () => {
        const [row] = await h.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM inbound_messages WHERE channel = 'simulator' AND status = 'pending' AND external_id = ANY(${taken})`;
        return row!.n === 0;
      },
      180_000,
    );
    const inbound = await h.db.$queryRaw<
      { id: bigint; status: string; locale: string | null; user_id: string | null }[]
    >`
      SELECT i.id, i.status::text, u.locale, u.id::text AS user_id FROM inbound_messages i
      LEFT JOIN channel_identities ci ON ci.channel = 'simulator' AND ci.external_id = i.chat_id LEFT JOIN users u ON u.id = ci.user_id
      WHERE i.channel = 'simulator' AND i.external_id = ANY(${taken})`;
    expect(inbound).toHaveLength(taken.length);
    expect(inbound.filter((m) => m.status !== "done").map((m) => m.status)).toEqual([]);

    // Answered exactly once: each has its first reply (keyed by the message, so never twice).
    const answered = await h.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM outbound_messages WHERE dedupe_key = ANY(${inbound.map((m) => `in:${m.id}:0`)})`;
    expect(answered[0]!.n).toBe(taken.length);

    // Fixed messages reach each person in their own language.
    const englishOnly = new Set<string>();
    const swahiliOnly = new Set<string>();
    for (const key of Object.keys(catalogues.en) as MessageKey[]) {
      const [en, sw] = [catalogues.en[key], catalogues.sw[key]];
      if (en === sw || en.includes("{")) continue;
      englishOnly.add(en);
      swahiliOnly.add(sw);
    }
    const replies = await h.db.$queryRaw<{ body: string; locale: string | null }[]>`
      SELECT o.body, u.locale FROM outbound_messages o JOIN users u ON u.id = o.user_id
      WHERE o.channel = 'simulator' AND o.chat_id = ANY(${people}) AND o.dedupe_key LIKE 'in:%'`;
    const wrong = replies.filter(
      (r) => (r.locale === "sw" && englishOnly.has(r.body)) || (r.locale === "en" && swahiliOnly.has(r.body)),
    );
    expect(wrong.slice(0, 5)).toEqual([]);
    // Nothing half-rendered: no placeholder left unfilled, no object printed (texts may echo what was sent, "NaN" too).
    const placeholders = new Set(
      Object.values(catalogues.en).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[0])),
    );
    expect(
      replies
        .filter((r) => [...placeholders].some((p) => r.body.includes(p)) || r.body.includes("[object Object]"))
        .slice(0, 5),
    ).toEqual([]);

    // The data still holds together (this run's people: other test files share the database, and one of them
    // changes a guest row behind the application's back on purpose).
    const disagree = await h.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM invitations i JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id
      JOIN users u ON u.id = i.user_id
      WHERE u.phone = ANY(${people}) AND i.responded_at IS NOT NULL AND i.rsvp_status IS DISTINCT FROM g.rsvp_status`;
    expect(disagree[0]!.n).toBe(0);
    const doubleVotes = await h.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT v.poll_id, v.user_id FROM poll_votes v JOIN users u ON u.id = v.user_id
        WHERE u.phone = ANY(${people}) GROUP BY v.poll_id, v.user_id HAVING count(*) > 1) x`;
    expect(doubleVotes[0]!.n).toBe(0);
    const orphans = await h.db.$queryRaw<{ votes: number; guests: number; outbox: number }[]>`
      SELECT (SELECT count(*)::int FROM poll_votes v JOIN poll_options o ON o.id = v.option_id WHERE o.poll_id IS DISTINCT FROM v.poll_id) AS votes,
             (SELECT count(*)::int FROM event_guests g WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = g.event_id)) AS guests,
             (SELECT count(*)::int FROM outbound_messages o WHERE o.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = o.user_id)) AS outbox`;
    expect(orphans[0]).toEqual({ votes: 0, guests: 0, outbox: 0 });

    // Still alive and answering.
    const fresh = `+44741${String(seed % 1e6).padStart(6, "0")}`;
    await h.say(fresh, "/help", "After");
    expect((await h.reply(fresh, 1)).text.length).toBeGreaterThan(20);
    console.log(`fuzz: all handled and checked ${Date.now() - started} ms after the first message`);
  });
});
