// The payments journey's own reminder kind, planned by the reminders area's one statement without it naming
// payments, and composed as the sender composes it: a week before the event, each guest whose pledge is not fully paid hears what is outstanding, in their
// language, with Lipa sasa; a guest who paid everything hears nothing; a guest who said STOP hears nothing.
import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { tellMany } from "../../src/engine/tell.js";
import type { Channel } from "../../src/generated/prisma/client.js";
import { pledgeReminder } from "../../src/journeys/payments/extensions.js";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const day = 86_400_000;

function typed(ms: number): string {
  const d = new TZDate(Date.now() + ms, "Africa/Dar_es_Salaam");
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

describe("the unpaid-pledge reminder", () => {
  it("reminds guests who still owe a week before, with Pay now, and nobody else", async () => {
    const organizer = ukPhone();
    await h.say(organizer, `/newevent Harusi ya Neema | wedding | ${typed(10 * day)} | Serena Hotel`, "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await h.reply(organizer, 1)).text)![1]!;
    const [owing, paid, stopped] = [uniquePhone(), uniquePhone(), uniquePhone()];
    await h.say(organizer, `/invite ${code} ${owing} Amina, ${paid} Juma, ${stopped} Rehema`);
    await h.replies(organizer, 2);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const key = `pledge-unpaid:${event.id}`;
    expect(await h.db.reminder.findUnique({ where: { key } })).toBeNull(); // no pledge, no reminder

    await h.replies(owing, 1);
    await h.say(owing, "/changia 50,000");
    await h.replies(owing, 2);
    await h.say(owing, "lipa elfu ishirini");
    const part = await h.reply(owing, 3);
    await h.deliver(owing, { kind: "choice", value: part.choices![0]!.value });
    expect((await h.reply(owing, 4)).text).toMatch(/Umeshalipa TZS 20,000 kati ya TZS 50,000\.$/);
    await h.replies(paid, 1);
    await h.say(paid, "/changia 10,000");
    const thanks = await h.reply(paid, 2);
    await h.deliver(paid, { kind: "choice", value: thanks.choices![0]!.value });
    const prompt = await h.reply(paid, 3);
    await h.deliver(paid, { kind: "choice", value: prompt.choices![0]!.value });
    await h.replies(paid, 4);
    await h.replies(stopped, 1);
    await h.say(stopped, "/changia 5,000");
    await h.replies(stopped, 2);
    await h.say(stopped, "sitaki ujumbe");
    await h.replies(stopped, 3);

    const row = await h.db.reminder.findUniqueOrThrow({ where: { key } });
    expect(row.status).toBe("scheduled");
    expect(Math.abs(row.runAt.getTime() - (event.startTime!.getTime() - 7 * day))).toBeLessThan(1000);

    // Sent as the sender does it, for this row alone: fireDue would claim every file's due rows (they run at once).
    const outbox = await h.db.$transaction(async (tx) => {
      const claimed = {
        id: row.id,
        kind: row.kind,
        eventId: event.id,
        userId: null,
        targetId: null,
        runAt: row.runAt,
        usefulUntil: row.usefulUntil,
        payload: null,
        zone: event.timeZone,
        startTime: event.startTime,
      };
      const tellings = await pledgeReminder.compose(tx, [claimed], new Date(), (r) => `rem:${r.kind}:${r.id}:test`);
      const { rows } = await tellMany(tx, { tellings, env: h.engine.environment });
      return rows;
    });
    for (const r of outbox) await h.dispatcher.dispatch(r.channel as Channel, [{ id: r.id }]);
    const reminder = await h.reply(owing, 5);
    expect(reminder.text).toMatch(
      /^Harusi ya Neema ni .+\. Ahadi yako M-[A-Z0-9]+ bado ina TZS 30,000 ya kulipa\. Bonyeza Lipa sasa/,
    );
    expect(reminder.choices?.map((c) => c.label)).toEqual(["Lipa sasa"]);
    await h.settle();
    const reminded = (phone: string) => h.sent.to(phone).filter((m) => m.text.includes("bado ina"));
    expect(reminded(paid)).toEqual([]);
    expect(reminded(stopped)).toEqual([]);

    // Pay now from the reminder: the outstanding 30,000.
    await h.deliver(owing, { kind: "choice", value: reminder.choices![0]!.value });
    expect((await h.reply(owing, 6)).text).toContain("Ombi la malipo la TZS 30,000");
  });
});
