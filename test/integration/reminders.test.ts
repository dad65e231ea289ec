// Reminders against the real PostgreSQL and Redis, with the engine, the simulator (and Telegram's Bot API fake) and
// the outbound worker: planned from what people do in chat, fired by BullMQ jobs, re-checked when due, held through
// quiet hours, rebuilt after Redis loses everything, and sent once however many workers race. Short delays: rows are
// moved to "due in a moment" in the database, the only shortcut taken.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { startHarness } from "../support/engine-harness.js";
import { startReminders, stopReminders } from "../support/reminders.js";
import { inject, ukPhone, uniquePhone } from "../support/services.js";
import { startTelegramService, type TelegramUser } from "../support/telegram-service.js";
import { until } from "../support/until.js";
import { fireDue } from "../../src/reminders/fire.js";
import { createLogger } from "../../src/logger.js";
import { TZDate } from "@date-fns/tz";

const h = await startHarness();
// In this file too (not one of its own): a scheduler claims whatever is due, so two files' schedulers running at
// once would send each other's reminders through queues the other's test does not watch.
const service = await startTelegramService();
afterAll(() => service.close());
const tgText = async (user: TelegramUser, n: number) => (await user.waitForMessages(n))[n - 1]!.text;
const texts = (phone: string) => h.sent.to(phone).map((m) => m.text);
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;
const day = 86_400_000;
// Each test's schedulers stop with it: one left running (without quiet hours) would fire the next test's rows.
afterEach(() => stopReminders());

/** A date `ms` from now as the organizer types it, in Dar es Salaam's zone, to the minute. */
function typed(ms: number): string {
  const d = new TZDate(Date.now() + ms, "Africa/Dar_es_Salaam");
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

async function newEvent(organizer: string, inMs: number, name = "Harusi ya Neema"): Promise<string> {
  const before = h.sent.to(organizer).length;
  await h.say(organizer, `/newevent ${name} | wedding | ${typed(inMs)} | Serena Hotel`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, before + 1))![1]!;
}

/** Invites the guests and has each answer (yes with party size 1, or no). */
async function inviteAndAnswer(
  organizer: string,
  code: string,
  guests: { phone: string; name: string; answer: "yes" | "no" | "none" }[],
) {
  const before = h.sent.to(organizer).length;
  await h.say(organizer, `/invite ${code} ${guests.map((g) => `${g.phone} ${g.name}`).join(", ")}`);
  await h.replies(organizer, before + 1);
  for (const g of guests) {
    await h.replies(g.phone, 1);
    if (g.answer === "none") continue;
    await h.deliver(g.phone, {
      kind: "choice",
      value: h.sent.to(g.phone)[0]!.choices![g.answer === "yes" ? 0 : 1]!.value,
    });
    await h.replies(g.phone, 2);
    if (g.answer === "yes") {
      await h.say(g.phone, "1");
      await h.replies(g.phone, 3);
    }
  }
}

const rowsOf = (code: string) =>
  h.db.reminder.findMany({ where: { event: { code } }, orderBy: [{ kind: "asc" }, { runAt: "asc" }] });
/** Makes these reminders due in `ms` (their planned moment too, as if planned so), for the job or the sweep. */
async function dueIn(where: { keys: string[] }, ms = 0) {
  await h.db.$executeRaw`UPDATE reminders SET run_at = now() + ${ms} * interval '1 millisecond', queued_for = NULL,
    payload = coalesce(payload, '{}') || jsonb_build_object('due', now() + ${ms} * interval '1 millisecond') WHERE key = ANY(${where.keys})`;
}

describe("planning reminders from what people do", () => {
  it("plans an event's reminders from its time and invitation rounds, and moves them with the event", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const [amina, juma, sam] = [uniquePhone(), uniquePhone(), ukPhone()];
    await inviteAndAnswer(organizer, code, [
      { phone: amina, name: "Amina", answer: "yes" },
      { phone: juma, name: "Juma", answer: "no" },
      { phone: sam, name: "Sam", answer: "none" },
    ]);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const rows = await rowsOf(code);
    const live = (kind: string) => rows.filter((r) => r.kind === kind && r.status === "scheduled");

    // To the guests who accept (whoever they are when it is due): 7 days, 1 day and 3 hours before. Answers change
    // no row; the readers are chosen when it is sent.
    expect(live("event").map((r) => (event.startTime!.getTime() - r.runAt.getTime()) / 60_000)).toEqual([
      10080, 1440, 180,
    ]);
    expect(
      live("event").every((r) => r.userId === null && r.usefulUntil?.getTime() === event.startTime!.getTime()),
    ).toBe(true);
    // The invitation round is nudged 2 and 5 days after it was sent (both before the day before the event).
    const invited = (await h.db.invitation.findFirstOrThrow({ where: { eventId: event.id, recipientPhone: sam } }))
      .sentAt!;
    expect(live("nudge").map((r) => Math.round((r.runAt.getTime() - invited.getTime()) / day))).toEqual([2, 5]);
    // The organizer's evening digests: 18:00 in the event's zone on each of the last 7 days.
    const digests = live("digest");
    expect(digests).toHaveLength(7);
    for (const d of digests) expect(new TZDate(d.runAt, "Africa/Dar_es_Salaam").getHours()).toBe(18);

    // The event moves two days later: every reminder moves with it, and the guests coming are told.
    await h.say(organizer, `/editevent ${code} when ${typed(12 * day)}`);
    await h.replies(organizer, 4); // saved, and how many guests were told
    const moved = await h.db.event.findUniqueOrThrow({ where: { code } });
    const now = await rowsOf(code);
    expect(
      now
        .filter((r) => r.kind === "event" && r.status === "scheduled")
        .map((r) => (moved.startTime!.getTime() - r.runAt.getTime()) / 60_000),
    ).toEqual([10080, 1440, 180]);
    const movedDigests = now.filter((r) => r.kind === "digest" && r.status === "scheduled");
    expect(movedDigests.map((r) => r.runAt.getTime() - digests[0]!.runAt.getTime()).sort((a, b) => a - b)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((n) => n * day),
    );
    expect(await last(amina, 4)).toContain("Harusi ya Neema");
    expect(texts(juma)).toHaveLength(2);

    // Cancelled: nothing is left to send.
    await h.say(organizer, `/cancelevent ${code}`);
    await h.replies(organizer, 5);
    await h.say(organizer, "yes");
    await h.replies(organizer, 6);
    expect((await rowsOf(code)).filter((r) => r.status === "scheduled")).toEqual([]);
  });

  it("shows and changes an event's reminders with /reminders, in both languages, refusing bad input", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const guest = uniquePhone();
    await inviteAndAnswer(organizer, code, [{ phone: guest, name: "Amina", answer: "yes" }]);
    await h.say(organizer, `/reminders ${code}`);
    const shown = await last(organizer, 3);
    expect(shown).toContain("⏰ Reminders of Harusi ya Neema:\n• Guests who are coming: 7 d, 1 d, 3 h before – on");
    expect(shown).toMatch(/Waiting to go: 12\. Next: /); // 3 to guests coming, 2 nudges, 7 digests
    await h.say(organizer, `/reminders ${code} 2d 90m`);
    expect(await last(organizer, 4)).toBe("Saved. 11 reminders now wait to go for Harusi ya Neema.");
    expect(await last(organizer, 5)).toContain("• Guests who are coming: 2 d, 90 min before – on");
    await h.say(organizer, `/reminders ${code} digest off`);
    expect(await last(organizer, 6)).toBe("Saved. 4 reminders now wait to go for Harusi ya Neema.");
    await h.say(organizer, `/reminders ${code} 7x`);
    expect(await last(organizer, 8)).toContain('"7x" is not a time before the event.');
    await h.say(organizer, `/reminders ${code} off`);
    expect(await last(organizer, 9)).toBe("Saved. 0 reminders now wait to go for Harusi ya Neema.");
    await h.say(organizer, "/lugha");
    await h.say(organizer, "2");
    await h.say(organizer, `/vikumbusho ${code} washa`);
    const sw = await h.replies(organizer, 14);
    expect(sw.map((m) => m.text).join("\n")).toContain(
      "Imehifadhiwa. Vikumbusho 11 sasa vinasubiri kutumwa kwa Harusi ya Neema.",
    );
    // Someone else's event: refused like an unknown one.
    const stranger = ukPhone();
    await h.say(stranger, `/reminders ${code} off`, "Stranger");
    expect(await last(stranger, 1)).toContain(`I could not find an event "${code}" of yours.`);
  });
});

describe("sending reminders", () => {
  it("reaches each kind's people in their language and the event's zone, with the pin, and never a guest who declined", async () => {
    await startReminders(h);
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    await h.say(organizer, `/editevent ${code} timezone Africa/Nairobi`);
    await h.replies(organizer, 2);
    await h.say(organizer, `/venue ${code} -6.8123, 39.2876 | Serena`);
    await h.replies(organizer, 3);
    const [amina, sam, juma, pending] = [uniquePhone(), ukPhone(), uniquePhone(), ukPhone()];
    await inviteAndAnswer(organizer, code, [
      { phone: amina, name: "Amina", answer: "yes" },
      { phone: sam, name: "Sam", answer: "yes" },
      { phone: juma, name: "Juma", answer: "yes" },
      { phone: pending, name: "Pat", answer: "none" },
    ]);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const ids = Object.fromEntries(
      (await h.db.user.findMany({ where: { phone: { in: [amina, sam, juma, pending] } } })).map((u) => [
        u.phone!,
        u.id,
      ]),
    );
    // Juma declines behind the planner's back (as if its update were lost): the reminder, re-checked when due, is cancelled.
    await h.db.eventGuest.updateMany({
      where: { eventId: event.id, userId: ids[juma] },
      data: { rsvpStatus: "declined" },
    });
    const nudge = (
      await h.db.reminder.findMany({ where: { eventId: event.id, kind: "nudge" }, orderBy: { runAt: "asc" } })
    )[0]!.key;
    await dueIn({ keys: [`event:${event.id}:10080`, nudge] }, 500);

    await h.replies(amina, 4);
    await h.replies(sam, 4);
    await h.replies(pending, 2);
    const when = new TZDate(event.startTime!, "Africa/Nairobi");
    expect(texts(amina)[3]).toMatch(
      /^⏰ Kumbusho: Harusi ya Neema ni baada ya siku 10\.\n🗓 \w+ \d+ \w+ \d{4}, saa .+\n📍 Serena Hotel\nTuma \/taarifa HARUSI-/,
    );
    expect(texts(sam)[3]).toContain(`⏰ Reminder: Harusi ya Neema is in 10 days.\n🗓 `);
    expect(texts(sam)[3]).toContain(
      `${String(when.getHours()).padStart(2, "0")}:${String(when.getMinutes()).padStart(2, "0")}`,
    );
    expect(h.sent.to(sam)[3]!.location).toMatchObject({ latitude: -6.8123, longitude: 39.2876 });
    expect(texts(pending)[1]).toMatch(/^👋 Neema is still waiting for your answer to Harusi ya Neema/);
    expect(h.sent.to(pending)[1]!.choices?.map((c) => c.label)).toEqual([
      "Yes, I will come",
      "No, I cannot come",
      "Maybe",
    ]);
    await h.settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(texts(juma)).toHaveLength(3);
    expect(texts(amina)).toHaveLength(4);
    expect(texts(pending)).toHaveLength(2);
    const sent = await h.db.reminder.findUniqueOrThrow({ where: { key: `event:${event.id}:10080` } });
    expect(sent.status).toBe("sent");
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(sent.runAt.getTime() - 1000);
  });

  it("reminds assignees, providers and organizers of tasks, bookings, payments, polls and the digest", async () => {
    await startReminders(h);
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const [helper, provider, guest, voter] = [uniquePhone(), ukPhone(), ukPhone(), ukPhone()];
    await inviteAndAnswer(organizer, code, [
      { phone: guest, name: "Gus", answer: "yes" },
      { phone: voter, name: "Vic", answer: "yes" },
    ]);
    let o = h.sent.to(organizer).length;
    const next = async () => last(organizer, ++o);

    await h.say(organizer, `/task ${code} Collect the cake | 0${helper.slice(4)} Juma | ${typed(3 * day)}`);
    const task = /Task (T-[A-Z0-9]+) added/.exec(await next())![1]!;
    await h.say(provider, "/addservice Picha Bora | photography | 500k-1m", "Pia");
    const service = /\b(S-[A-Z0-9]+)\b/.exec(await last(provider, 1))![1]!;
    await h.say(organizer, `/book ${code} ${service}`);
    const booking = /\b(B-[A-Z0-9]+)\b/.exec(await next())![1]!;
    await h.replies(provider, 2);
    await h.say(organizer, `/poll ${code} Which dish? | Pilau | Biryani`);
    const poll = /Poll (P-[A-Z0-9]+) is open/.exec(await next())![1]!;
    await h.replies(voter, 4);
    await h.deliver(voter, { kind: "choice", value: h.sent.to(voter)[3]!.choices![1]!.value });
    await h.replies(voter, 5);
    await h.say(organizer, `/closepoll ${poll} ${typed(day)}`);
    expect(await next()).toMatch(
      new RegExp(`^Poll ${poll} closes .+ Guests who have not voted are reminded 3 hours before`),
    );

    // The task is late (its overdue notice is re-checked against its due time when sent).
    await h.db.eventTask.update({ where: { code: task }, data: { dueTime: new Date(Date.now() - 60_000) } });
    const ids = await h.db.reminder.findMany({
      where: {
        eventId: event.id,
        kind: { in: ["task-due", "task-late", "booking-nudge", "booking-late", "poll-soon", "digest"] },
      },
    });
    const keyOf = (kind: string) => ids.find((r) => r.kind === kind)!.key;
    await dueIn(
      { keys: ["task-due", "task-late", "booking-nudge", "booking-late", "poll-soon", "digest"].map(keyOf) },
      300,
    );
    await h.replies(helper, 2);
    expect(texts(helper)[1]).toMatch(
      new RegExp(
        `^📝 Kazi yako ya Harusi ya Neema inatakiwa .+: Collect the cake\\. Ikikamilika tuma /imekwisha ${task}\\.$`,
      ),
    );
    await h.replies(provider, 3);
    expect(texts(provider)[2]).toContain(
      `📅 A booking request is waiting for your answer: Picha Bora for Harusi ya Neema`,
    );
    expect(texts(provider)[2]).toContain(`Accept: /accept ${booking} PRICE DEPOSIT`);
    // Only the guest who has not voted hears of the poll closing, with its buttons.
    await h.replies(guest, 5);
    expect(texts(guest)[4]).toMatch(
      /^🗳 The poll "Which dish\?" of Harusi ya Neema closes .+ and you have not voted yet/,
    );
    expect(h.sent.to(guest)[4]!.choices?.map((c) => c.label)).toEqual(["Pilau", "Biryani"]);
    const mine = await h.replies(organizer, o + 3);
    const told = mine.slice(o).map((m) => m.text);
    expect(told.find((t) => t.startsWith("⚠️"))).toContain(
      'The task "Collect the cake" of Harusi ya Neema (given to Juma) was due',
    );
    expect(told.find((t) => t.startsWith("⌛"))).toBe(
      `⌛ Picha Bora has not answered your booking request ${booking} for Harusi ya Neema in a day. You may wait, or find another with /services.`,
    );
    expect(told.find((t) => t.startsWith("📊"))).toMatch(
      /^📊 Harusi ya Neema: 10 days to go \(.+\)\.\nLast 24 hours: 2 new answers \(2 coming\), 0 contributions\.\nIn all: 2 people coming, 0 have not answered; tasks done 0 of 1\.$/,
    );
    o += 3;
    expect(texts(voter)).toHaveLength(5);

    // The provider accepts with a deposit; the deposit reminder goes to the organizer, and stops once it is paid.
    await h.say(provider, `/accept ${booking} 800000 200000`);
    await h.replies(provider, 4);
    await h.replies(organizer, ++o);
    await dueIn(
      { keys: [`deposit:${(await h.db.eventService.findFirstOrThrow({ where: { code: booking } })).id}`] },
      300,
    );
    expect(await next()).toBe(
      `💳 The deposit of TZS 200,000 for Picha Bora (Harusi ya Neema, booking ${booking}) is not recorded as paid. Once paid, send /payment ${booking} deposit.`,
    );

    // The poll closes on time: its voter and the organizer are told the result.
    await dueIn({ keys: [`poll-close:${(await h.db.eventPoll.findFirstOrThrow({ where: { code: poll } })).id}`] }, 300);
    await h.replies(voter, 6);
    expect(texts(voter)[5]).toBe(
      'The poll "Which dish?" of Harusi ya Neema is closed. Result:\n1. Pilau: 0\n2. Biryani: 1',
    );
    expect(await next()).toContain('The poll "Which dish?" of Harusi ya Neema is closed.');
    expect((await h.db.eventPoll.findFirstOrThrow({ where: { code: poll } })).closedAt).not.toBeNull();
  });

  it("holds a reminder that can wait through the reader's quiet hours and releases it in the morning; an urgent one goes at once", async () => {
    // Quiet "now" for 3 more seconds in Dar es Salaam.
    const local = new TZDate(Date.now(), "Africa/Dar_es_Salaam");
    const second = local.getHours() * 3600 + local.getMinutes() * 60 + local.getSeconds();
    const quiet = { start: (second - 60 + 86_400) % 86_400, end: (second + 4) % 86_400 };
    const scheduler = await startReminders(h, { quiet, start: false });
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const [calm, soon] = [uniquePhone(), uniquePhone()];
    await inviteAndAnswer(organizer, code, [{ phone: calm, name: "Calm", answer: "yes" }]);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    await dueIn({ keys: [`event:${event.id}:10080`] });
    const observed: number[] = [];
    const fired = await fireDue({
      db: h.db,
      env: h.engine.environment,
      quiet,
      logger: createLogger("silent"),
      dispatch: async () => {},
      onFired: (r) => observed.push(r.held),
    });
    expect(fired.held).toBeGreaterThanOrEqual(1);
    expect(observed).toEqual([fired.held]); // the metrics hook sees what the batch did
    const held = await h.db.reminder.findUniqueOrThrow({ where: { key: `event:${event.id}:10080` } });
    expect(held).toMatchObject({ status: "scheduled", note: "held for quiet hours" });
    expect(Math.abs(held.runAt.getTime() - (Date.now() + 4000))).toBeLessThan(5000);
    await scheduler.start();
    await h.replies(calm, 4, 20_000);
    expect(texts(calm)[3]).toContain("Kumbusho: Harusi ya Neema");
    expect(
      (await h.db.reminder.findUniqueOrThrow({ where: { key: held.key } })).sentAt!.getTime(),
    ).toBeGreaterThanOrEqual(held.runAt.getTime() - 1000);

    // Three hours before an event is not held: waiting for the morning would make it useless.
    const soonCode = await newEvent(organizer, 3 * 3_600_000 + 5 * 60_000, "Send-off ya Bibi");
    await inviteAndAnswer(organizer, soonCode, [{ phone: soon, name: "Soon", answer: "yes" }]);
    const soonEvent = await h.db.event.findUniqueOrThrow({ where: { code: soonCode } });
    const urgentQuiet = { start: 0, end: 86_399 };
    await dueIn({ keys: [`event:${soonEvent.id}:180`] });
    const urgent = await fireDue({
      db: h.db,
      env: h.engine.environment,
      quiet: urgentQuiet,
      logger: createLogger("silent"),
      dispatch: (channel, ids) =>
        h.dispatcher.dispatch(
          channel,
          ids.map((id) => ({ id })),
        ),
    });
    expect(urgent.sent).toBeGreaterThanOrEqual(1);
    expect((await h.db.reminder.findUniqueOrThrow({ where: { key: `event:${soonEvent.id}:180` } })).status).toBe(
      "sent",
    );
    await h.replies(soon, 4);
    expect(texts(soon)[3]).toMatch(/^⏰ Kumbusho: Send-off ya Bibi ni baada ya saa 3\./);
  });
});

describe("exactly once, through restarts and a Redis that forgets", () => {
  it("sends each reminder once when two workers and the sweep race for them", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const guests = Array.from({ length: 20 }, (_, i) => ({ phone: ukPhone(), name: `G${i}`, answer: "yes" as const }));
    await inviteAndAnswer(organizer, code, guests);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const keys = (
      await h.db.reminder.findMany({ where: { eventId: event.id, kind: { in: ["event", "digest"] } } })
    ).map((r) => r.key);
    expect(keys).toHaveLength(10);
    const [a, b] = [await startReminders(h), await startReminders(h)];
    await dueIn({ keys }, 800);
    // The sweep fires from both schedulers as well, while the jobs run.
    await Promise.all([a.sweep(), b.sweep(), a.promote(), b.promote()]);
    await until(
      "all 10 sent",
      async () => (await h.db.reminder.count({ where: { key: { in: keys }, status: "sent" } })) === 10,
      20_000,
    );
    for (const g of guests) await h.replies(g.phone, 6);
    await h.settle();
    await new Promise((r) => setTimeout(r, 500));
    for (const g of guests) expect(texts(g.phone).filter((t) => t.startsWith("⏰ Reminder"))).toHaveLength(3);
    const outbox = await h.db.outboundMessage.count({
      where: {
        dedupeKey: { startsWith: "rem:event:" },
        userId: {
          in: (await h.db.user.findMany({ where: { phone: { in: guests.map((g) => g.phone) } } })).map((u) => u.id),
        },
      },
    });
    expect(outbox).toBe(60);
    const digests = await h.replies(organizer, 2 + 7);
    expect(digests.filter((m) => m.text.startsWith("📊"))).toHaveLength(7);
  });

  it("rebuilds every pending reminder after FLUSHDB and a restart, sends each once, and skips what came too late", async () => {
    // A Redis database of its own, so flushing it touches no other test.
    const url = inject("redisUrl");
    const redis = () => new Redis(url, { db: 7, maxRetriesPerRequest: null });
    const [c1, w1] = [redis(), redis()];
    const first = await startReminders(h, {
      connection: c1,
      workerConnection: w1,
      prefix: `${h.prefix}-flush`,
      intervalMs: 60_000,
    });
    const organizer = ukPhone();
    const code = await newEvent(organizer, 10 * day);
    const guests = Array.from({ length: 5 }, (_, i) => ({
      phone: uniquePhone(),
      name: `G${i}`,
      answer: "yes" as const,
    }));
    await inviteAndAnswer(organizer, code, guests);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const rows = await h.db.reminder.findMany({
      where: { eventId: event.id, kind: "event", runAt: { lt: new Date(event.startTime!.getTime() - 12 * 3_600_000) } },
      orderBy: { runAt: "asc" },
    });
    expect(rows).toHaveLength(2); // 7 days and 1 day before
    await dueIn({ keys: rows.map((r) => r.key) }, 2500);
    expect(await first.promote()).toBeGreaterThanOrEqual(2);
    expect(
      await h.db.reminder.count({ where: { key: { in: rows.map((r) => r.key) }, queuedFor: { not: null } } }),
    ).toBe(2);

    // Redis forgets everything, and Nuru restarts.
    await first.stop();
    const admin = redis();
    await admin.flushdb();
    await admin.quit();
    // One reminder came due while Nuru was down and is no longer of use: skipped with the reason.
    await h.db.reminder.update({
      where: { key: rows[0]!.key },
      data: { runAt: new Date(Date.now() - 3_600_000), usefulUntil: new Date(Date.now() - 60_000) },
    });
    const [c2, w2] = [redis(), redis()];
    await startReminders(h, { connection: c2, workerConnection: w2, prefix: `${h.prefix}-flush`, intervalMs: 60_000 });
    await until(
      "both sent or skipped",
      async () =>
        (await h.db.reminder.count({
          where: { key: { in: rows.map((r) => r.key) }, status: { in: ["sent", "skipped"] } },
        })) === 2,
      20_000,
    );
    const skipped = await h.db.reminder.findUniqueOrThrow({ where: { key: rows[0]!.key } });
    expect(skipped).toMatchObject({
      status: "skipped",
      note: "too late: its moment passed while it could not be sent",
    });
    expect((await h.db.reminder.findUniqueOrThrow({ where: { key: rows[1]!.key } })).status).toBe("sent");
    for (const g of guests) await h.replies(g.phone, 4);
    await new Promise((r) => setTimeout(r, 500));
    // Every guest once: the job lost with Redis was queued again, and nothing twice.
    expect(guests.map((g) => texts(g.phone).filter((t) => t.startsWith("⏰")).length)).toEqual([1, 1, 1, 1, 1]);
    await Promise.all([c2, w2].map((c) => c.quit().catch(() => undefined)));
  });
});

/** The guest opens her invitation link, proves her number and answers (yes with 1 person, or no). */
async function answerOnTelegram(guest: TelegramUser, code: string, phone: string, yes: boolean) {
  await guest.start(code);
  await guest.waitForMessages(1);
  await guest.shareContact(phone);
  await guest.waitForMessages(3);
  await guest.press(yes ? "Ndiyo, nitakuja" : "Hapana, sitaweza");
  await guest.waitForMessages(4);
  if (yes) {
    await guest.send("1");
    await guest.waitForMessages(5);
  }
}

describe("reminders on Telegram (the Bot API fake)", () => {
  it("reminds a guest who is coming at the reminder's time, and not one who declined", async () => {
    await startReminders(service);
    const organizer = service.user({ firstName: "Neema" });
    await organizer.send("/newevent Harusi ya Neema | wedding | 2031-09-12 14:00 | Diamond Jubilee Hall");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await tgText(organizer, 1))![1]!;
    const [aminaPhone, jumaPhone] = [uniquePhone(), uniquePhone()];
    await organizer.send(`/invite ${code} ${aminaPhone} Amina, ${jumaPhone} Juma`);
    await organizer.waitForMessages(2);
    const codeOf = async (phone: string) =>
      (await service.db.invitation.findFirstOrThrow({ where: { event: { code }, recipientPhone: phone } })).code!;
    const amina = service.user({ firstName: "Amina" });
    const juma = service.user({ firstName: "Juma" });
    await answerOnTelegram(amina, await codeOf(aminaPhone), aminaPhone, true);
    await answerOnTelegram(juma, await codeOf(jumaPhone), jumaPhone, false);

    // The day-before reminder, brought forward to 2 seconds from now (its planned moment with it).
    const event = await service.db.event.findUniqueOrThrow({ where: { code } });
    const key = `event:${event.id}:1440`;
    const [moved] = await service.db.$queryRaw<{ due: Date }[]>`
      UPDATE reminders SET run_at = now() + interval '2 seconds', queued_for = NULL,
        payload = payload || jsonb_build_object('due', now() + interval '2 seconds')
      WHERE key = ${key} RETURNING run_at AS due`;
    const due = moved!.due;
    const reminder = await tgText(amina, 6);
    const arrived = Date.now();
    expect(reminder).toBe(
      `⏰ Kumbusho: Harusi ya Neema ni baada ya siku ${Math.round((event.startTime!.getTime() - due.getTime()) / 86_400_000)}.\n🗓 Ijumaa 12 Septemba 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\nTuma /taarifa ${code} kuona ratiba.\nPasi yako ya kuingia mlangoni: /pasi ${code}`,
    );
    // On time: not before its moment, and within a few seconds of it.
    expect(arrived).toBeGreaterThanOrEqual(due.getTime());
    expect(arrived - due.getTime()).toBeLessThan(5_000);
    const row = await service.db.reminder.findUniqueOrThrow({ where: { key } });
    expect(row.status).toBe("sent");
    // Juma declined: nothing more reached him.
    await new Promise((r) => setTimeout(r, 500));
    expect(juma.messages()).toHaveLength(4);
  });
});
