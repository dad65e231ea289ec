// Quotas through the whole service: a new organizer is stopped at their first invitations until guests answer, told
// which numbers were not invited and why; one message holds a bounded list; announcements are short and few; the
// rest of the service (another organizer, a guest answering) is unaffected. The rules themselves: allowanceFrom.
import { describe, expect, it } from "vitest";
import { allowanceFrom, defaultQuotas, firstContactShare } from "../../src/domain/quotas.js";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

async function newEvent(organizer: string, name: string): Promise<string> {
  const before = h.sent.to(organizer).length;
  await h.say(organizer, `/newevent ${name} | wedding | 2031-10-10 14:00 | Serena Hotel`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, before + 1))![1]!;
}

describe("quota rules", () => {
  it("holds a new organizer to the trial limit until enough guests answered, then the daily one", () => {
    expect(allowanceFrom({ today: 10, ever: 10, answered: 0 }, defaultQuotas)).toEqual({
      left: 40,
      limit: 50,
      reason: "new_organizer",
    });
    expect(allowanceFrom({ today: 10, ever: 50, answered: 4 }, defaultQuotas)).toEqual({
      left: 0,
      limit: 50,
      reason: "new_organizer",
    });
    expect(allowanceFrom({ today: 10, ever: 50, answered: 5 }, defaultQuotas)).toEqual({
      left: 490,
      limit: 500,
      reason: "daily",
    });
    expect(allowanceFrom({ today: 500, ever: 900, answered: 30 }, defaultQuotas)).toEqual({
      left: 0,
      limit: 500,
      reason: "daily",
    });
  });

  it("gives each organizer a share of the channel's first contacts", () => {
    expect(firstContactShare(150)).toBe(37);
    expect(firstContactShare(2)).toBe(1);
    expect(firstContactShare(250, { ...defaultQuotas, firstContactSharePercent: 100 })).toBe(250);
  });
});

describe("an organizer trying to spam", () => {
  it("is stopped at the new organizer's quota with a clear answer, and the rest of the service is unaffected", async () => {
    const spammer = ukPhone();
    const code = await newEvent(spammer, "Promo Kubwa");

    const tooMany = Array.from({ length: 101 }, () => uniquePhone());
    await h.say(spammer, `/invite ${code} ${tooMany.join(", ")}`);
    expect(await last(spammer, 2)).toBe(
      "One message can invite at most 100 numbers; this one had 101. Please send them in smaller groups.",
    );

    const numbers = Array.from({ length: 60 }, () => uniquePhone());
    await h.say(spammer, `/invite ${code} ${numbers.join(", ")}`);
    const answer = await last(spammer, 3);
    expect(answer).toContain("Invited to Promo Kubwa: 50.");
    expect(answer).toContain(
      `New organizers can send 50 invitations until 5 of their guests have answered; 50 are left. Not invited this time: ${numbers.slice(50).join(", ")}.`,
    );
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(await h.db.invitation.count({ where: { eventId: event.id } })).toBe(50);

    await h.say(spammer, `/invite ${code} ${uniquePhone()}`);
    expect(await last(spammer, 4)).toContain(
      "New organizers can send 50 invitations until 5 of their guests have answered; 0 are left.",
    );

    // Someone else is not slowed by it: their invitation goes, and their guest answers.
    const organizer = ukPhone();
    const guest = ukPhone();
    const other = await newEvent(organizer, "Harusi ya Amani");
    await h.say(organizer, `/invite ${other} ${guest} Amani`);
    expect(await last(organizer, 2)).toContain("Invited to Harusi ya Amani: 1.");
    await h.replies(guest, 1);
    await h.say(guest, "no");
    expect(await last(guest, 2)).toBeTruthy();
  });

  it("keeps announcements short and few, and says so", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Sherehe ya Baraka");
    await h.say(organizer, `/announce ${code} all ${"a".repeat(1_001)}`);
    expect(await last(organizer, 2)).toBe(
      "An announcement can hold at most 1000 characters; this one has 1001. Please make it shorter.",
    );
    for (let i = 0; i < 3; i++) await h.say(organizer, `/announce ${code} all Habari ${i}`);
    await h.replies(organizer, 5);
    await h.say(organizer, `/announce ${code} all Habari tena`);
    expect(await last(organizer, 6)).toBe(
      "Sherehe ya Baraka can send 3 announcements a day, and today's are used up. Try again tomorrow.",
    );
  });
});
