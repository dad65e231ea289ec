// Commands as they are typed on a phone, through the simulator: fields on separate lines instead of "|", fields told
// apart by their own grammar when only spaces separate them, a conversation that asks for what is missing, and the
// provider's Accept button asking the price and the deposit.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

async function newEvent(organizer: string, name: string): Promise<string> {
  await h.say(organizer, `/newevent\n${name}\nwedding\n2031-12-12 14:00\nSerena Hotel\n1m`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
}

describe("phone-friendly input", () => {
  it("takes a poll and an event with their fields on separate lines, and an expense in one line without |", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Neema");
    expect(await h.db.event.findUniqueOrThrow({ where: { code }, select: { location: true } })).toEqual({
      location: "Serena Hotel",
    });

    await h.say(organizer, `/poll ${code}\nChakula gani?\nPilau\nWali na maharage`);
    const opened = await last(organizer, 2);
    const poll = /Poll (P-[A-Z0-9]+) is open/.exec(opened)![1]!;
    expect(opened).toContain(`is open: "Chakula gani?".`);
    const options = await h.db.pollOption.findMany({
      where: { poll: { code: poll } },
      orderBy: { position: "asc" },
      select: { optionText: true },
    });
    expect(options.map((o) => o.optionText)).toEqual(["Pilau", "Wali na maharage"]);
    // The same without the slash, in Kiswahili, as typed on a phone.
    await h.say(organizer, `kura ${code.toLowerCase()}\nTuanze saa ngapi?\nSaa 8 mchana\nSaa 9 alasiri\nSaa 10 jioni`);
    const second = /Poll (P-[A-Z0-9]+) is open/.exec(await last(organizer, 3))![1]!;
    expect(await h.db.pollOption.count({ where: { poll: { code: second } } })).toBe(3);

    await h.say(organizer, `/expense ${code} Maua 300000`);
    expect(await last(organizer, 4)).toBe(
      "Added to the budget of Harusi ya Neema: Maua, TZS 300,000 (TZS 0 paid). Planned now TZS 300,000.",
    );
    await h.say(organizer, `/expense ${code} Keki 500,000 200,000`);
    expect(await last(organizer, 5)).toBe(
      "Added to the budget of Harusi ya Neema: Keki, TZS 500,000 (TZS 200,000 paid). Planned now TZS 800,000.",
    );
  });

  it("asks for an expense step by step, in the organizer's language", async () => {
    const organizer = uniquePhone();
    await h.say(organizer, "/tukiompya Harusi ya Asha | harusi | 2031-12-12 14:00 | Serena Hotel", "Asha");
    await h.reply(organizer, 1);
    const user = await h.db.user.findFirstOrThrow({ where: { phone: organizer } });
    const event = await h.db.event.findFirstOrThrow({ where: { organizerId: user.id } });

    await h.say(organizer, "/gharama");
    expect(await last(organizer, 2)).toBe("Gharama ya nini kwa Harusi ya Asha? Mfano: Maua");
    await h.say(organizer, "Maua");
    expect(await last(organizer, 3)).toBe("Kiasi gani kwa Maua? Mfano 300,000 au 300k");
    await h.say(organizer, "nyingi");
    expect(await last(organizer, 4)).toContain('"nyingi" si kiasi');
    await h.say(organizer, "300,000");
    expect(await last(organizer, 5)).toMatch(/^Imeongezwa kwenye bajeti ya Harusi ya Asha: Maua, TZS 300,000/);
    const items = await h.db.eventBudgetItem.findMany({
      where: { eventId: event.id },
      select: { title: true, cost: true },
    });
    expect(items.map((i) => [i.title, i.cost?.toString()])).toEqual([["Maua", "300000"]]);
  });

  it("lists a service step by step, reads two date-times typed with spaces, and the Accept button asks the price", async () => {
    const provider = ukPhone();
    const category = `MC${Math.random().toString(36).slice(2, 7)}`;
    await h.say(provider, "/addservice", "Hamisi");
    expect(await last(provider, 1)).toBe("What is your service called? For example: MC Hamisi");
    await h.say(provider, "MC Hamisi");
    await h.say(provider, category);
    await h.say(provider, "300k-600k");
    const service = /reference is (S-[A-Z0-9]+)\./.exec(await last(provider, 4))![1]!;

    await h.say(provider, `/available ${service} 2032-01-10 08:00 2032-01-10 22:00`);
    expect(await last(provider, 5)).toBe("MC Hamisi is free Sat 10 Jan 2032, 08:00 – Sat 10 Jan 2032, 22:00.");
    expect(await h.db.serviceAvailability.count({ where: { service: { code: service } } })).toBe(1);

    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2032-01-10 14:00 | Serena Hotel", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    await h.say(organizer, `/book ${code} ${service}`);
    const booking = /\((B-[A-Z0-9]+)\)/.exec(await last(organizer, 2))![1]!;
    const request = await h.reply(provider, 6);
    const acceptChoice = request.choices!.find((c) => c.value.endsWith(":accept"))!;

    await h.deliver(provider, { kind: "choice", value: acceptChoice.value });
    expect(await last(provider, 7)).toBe(
      `What is your price for MC Hamisi at Harusi ya Neema (${booking})? For example 800,000`,
    );
    await h.say(provider, "800,000");
    expect(await last(provider, 8)).toBe('The deposit you want before the day? For example 200k, or "no".');
    await h.say(provider, "hapana");
    expect(await last(provider, 9)).toBe(
      `You accepted ${booking}: MC Hamisi for Harusi ya Neema, TZS 800,000 (TZS 0 deposit).`,
    );
    expect(await last(organizer, 3)).toBe(
      "MC Hamisi accepted your booking for Harusi ya Neema: TZS 800,000, deposit TZS 0.",
    );
    const row = await h.db.eventService.findFirstOrThrow({ where: { code: booking } });
    expect(row.bookingStatus).toBe("confirmed");
    expect(row.price?.toString()).toBe("800000");
    expect(row.deposit?.toString()).toBe("0");

    // A second tap on the answered request says so at once, instead of asking a price again.
    await h.deliver(provider, { kind: "choice", value: acceptChoice.value });
    expect(await last(provider, 10)).toContain(`Booking ${booking} is`);
  });

  it("asks for the missing fields of a task and a session typed in part", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Send-off ya Amina");
    const helper = uniquePhone();
    await h.say(organizer, `/task ${code} Nunua maua 0${helper.slice(4)} Juma`);
    expect(await last(organizer, 2)).toMatch(/^Task T-[A-Z0-9]+ added to Send-off ya Amina: Nunua maua – for Juma\.$/);

    await h.say(organizer, `/session ${code} Ibada`);
    expect(await last(organizer, 3)).toBe("When does Ibada start? For example 2027-02-13 14:00 or kesho saa 8 mchana");
    await h.say(organizer, "2031-12-12 14:00");
    expect(await last(organizer, 4)).toBe("When does it end? For example 16:00");
    await h.say(organizer, "16:00");
    expect(await last(organizer, 5)).toBe('Where? Send the place, or "no" if it is at the event\'s venue.');
    await h.say(organizer, "no");
    expect(await last(organizer, 6)).toBe("Added to the schedule of Send-off ya Amina: Ibada, Fri 12 Dec 2031, 14:00.");
    const session = await h.db.eventSession.findFirstOrThrow({ where: { event: { code } } });
    expect(session.endTime?.toISOString()).toBe("2031-12-12T13:00:00.000Z");
  });
});
