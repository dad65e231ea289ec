// STOP and START through the simulator: outside a conversation STOP ("sitaki ujumbe", "acha kunitumia") stops every
// message Nuru would send on its own (announcements, invitations of other events), the organizer sees who stopped,
// START brings them back; inside a conversation STOP still ends the conversation.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

async function newEvent(organizer: string, name: string): Promise<string> {
  const before = h.sent.to(organizer).length;
  await h.say(organizer, `/newevent ${name} | wedding | 2031-10-10 14:00 | Serena Hotel`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, before + 1))![1]!;
}

describe("opting out", () => {
  it("STOP stops every event's messages until START, and the organizer sees it", async () => {
    const organizer = ukPhone();
    const guest = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Neema");
    await h.say(organizer, `/invite ${code} ${guest} Amina`);
    await last(organizer, 2);
    expect(await last(guest, 1)).toContain("Harusi ya Neema");

    await h.say(guest, "STOP");
    expect(await last(guest, 2)).toBe(
      "Done: Nuru will send you no more messages about any event. If you write to me, I will still answer. Send START whenever you want messages again.",
    );
    const hint = await h.reply(guest, 3);
    expect(hint.choices?.map((c) => c.label)).toEqual(["Only Harusi ya Neema"]);

    await h.say(organizer, `/announce ${code} all The ceremony starts at 15:00`);
    expect(await last(organizer, 3)).toBe("Sent. Guests reached: 0.");
    const other = await newEvent(organizer, "Sendoff ya Neema");
    await h.say(organizer, `/invite ${other} ${guest} Amina`);
    await last(organizer, 5);
    await h.say(organizer, `/guests ${code}`);
    expect(await last(organizer, 6)).toContain("stopped messages");
    await h.settle();
    expect(h.sent.to(guest)).toHaveLength(3);

    await h.say(guest, "START");
    expect(await last(guest, 4)).toBe(
      "Welcome back: you will get messages about your events again. Send STOP any time to stop them.",
    );
    await h.say(organizer, `/announce ${code} all Karibuni`);
    // /guests sent its chart as message 7.
    expect(await last(organizer, 8)).toBe("Sent. Guests reached: 1.");
    expect(await last(guest, 5)).toContain("Karibuni");
  });

  it("understands it in Kiswahili, and the button keeps every other event", async () => {
    const organizer = ukPhone();
    const guest = uniquePhone();
    const code = await newEvent(organizer, "Harusi ya Zuhura");
    const other = await newEvent(organizer, "Kitchen Party ya Zuhura");
    await h.say(organizer, `/invite ${code} ${guest} Zuhura`);
    await h.say(organizer, `/invite ${other} ${guest} Zuhura`);
    await h.replies(guest, 2);

    await h.say(guest, "sitaki ujumbe tena");
    expect(await last(guest, 3)).toBe(
      "Sawa: Nuru haitakutumia tena ujumbe wowote kuhusu matukio. Ukiniandikia, nitakujibu. Tuma ANZA wakati wowote ukitaka ujumbe tena.",
    );
    const hint = await h.reply(guest, 4);
    const only = hint.choices!.find((c) => c.label === "Harusi ya Zuhura tu")!;
    await h.deliver(guest, { kind: "choice", value: only.value });
    expect(await last(guest, 5)).toBe(
      "Sawa: hutapokea tena ujumbe kuhusu Harusi ya Zuhura. Tuma ANZA wakati wowote ukitaka tena.",
    );

    await h.say(organizer, `/announce ${code} all Habari`);
    expect(await last(organizer, 5)).toBe("Sent. Guests reached: 0.");
    await h.say(organizer, `/announce ${other} all Karibuni`);
    expect(await last(organizer, 6)).toBe("Sent. Guests reached: 1.");
    expect(await last(guest, 6)).toContain("Karibuni");

    await h.say(guest, "acha kunitumia");
    expect(await last(guest, 7)).toContain("Nuru haitakutumia tena ujumbe");
    await h.say(guest, "anza");
    expect(await last(guest, 9)).toBe(
      "Karibu tena: utapokea tena ujumbe kuhusu matukio yako. Tuma STOP wakati wowote kuusimamisha.",
    );
  });

  it("inside a conversation STOP still ends the conversation, and stops no messages", async () => {
    const person = ukPhone();
    await h.say(person, "/newevent", "Juma");
    await h.replies(person, 1);
    await h.say(person, "stop");
    expect(await last(person, 2)).toBe("Stopped. Send /help whenever you need me.");
    const user = await h.db.user.findUniqueOrThrow({ where: { phone: person } });
    expect(await h.db.optOut.count({ where: { userId: user.id } })).toBe(0);
  });
});
