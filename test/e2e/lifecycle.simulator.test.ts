// An event's life through the simulator: edits told to the guests who are coming, confirm, cancel (asked first,
// guests and booked providers told), complete (asked first before the event has ended); moves the status does not
// allow are refused with the reason. Postpone and undo: safe-verbs.simulator.test.ts.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;
/** The reply with the moment an undo is possible until (a day from now) replaced: it moves with the clock. */
const untilAny = (text: string) => text.replace(/(before|kabla ya) [^.]+\.$/, "$1 <time>.");

async function eventWithGuests(organizer: string, name: string) {
  await h.say(organizer, `/newevent ${name} | wedding | 2031-10-10 14:00 | Serena Hotel`, "Neema");
  const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
  const [coming, notComing] = [uniquePhone(), ukPhone()];
  await h.say(organizer, `/invite ${code} ${coming} Amina, ${notComing} Juma`);
  await last(organizer, 2);
  await h.replies(coming, 1);
  await h.replies(notComing, 1);
  await h.say(coming, "ndiyo");
  await h.say(coming, "2");
  await h.say(notComing, "no");
  await h.replies(coming, 3);
  await h.replies(notComing, 2);
  return { code, coming, notComing };
}

describe("an event's life", () => {
  it("edits, tells the guests who are coming of a new time or place, confirms and completes", async () => {
    const organizer = ukPhone();
    const { code, coming, notComing } = await eventWithGuests(organizer, "Harusi ya Neema");

    await h.say(organizer, `/editevent ${code} when 2020-01-01 10:00`);
    expect(await last(organizer, 3)).toBe(
      '"2020-01-01 10:00" is not a valid when. Send a date and time in the future, like 2027-02-20 14:00.',
    );
    await h.say(organizer, `/editevent ${code} colour red`);
    expect(await last(organizer, 4)).toBe(
      'I can change name, type, when, place, budget or description; "colour" is not one of them.',
    );
    await h.say(organizer, `/editevent ${code} when 2031-10-17 15:30`);
    expect(await last(organizer, 5)).toBe("Harusi ya Neema: when is now Fri 17 Oct 2031, 15:30.");
    expect(await last(organizer, 6)).toBe("1 guest who is coming has been told.");
    expect(await last(coming, 4)).toBe(
      "Harusi ya Neema imebadilika: sasa ni Ijumaa 17 Oktoba 2031, saa tisa na nusu mchana (15:30). Jibu /taarifa kwa maelezo.",
    );
    await h.say(organizer, `/editevent ${code} mahali Diamond Jubilee Hall`);
    expect(await last(organizer, 7)).toBe("Harusi ya Neema: mahali is now Diamond Jubilee Hall.");
    expect(await last(coming, 5)).toBe(
      "Harusi ya Neema imebadilika: sasa ni mahali Diamond Jubilee Hall. Jibu /taarifa kwa maelezo.",
    );
    await h.settle();
    // The guest who is not coming is not told.
    expect(h.sent.to(notComing)).toHaveLength(2);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event.startTime?.toISOString()).toBe("2031-10-17T12:30:00.000Z");
    expect(event.location).toBe("Diamond Jubilee Hall");

    await h.say(organizer, `/complete ${code}`);
    expect(await last(organizer, 9)).toBe(
      "Harusi ya Neema is a draft, so it cannot become completed. An event goes draft → confirmed → completed, or is cancelled before it is completed.",
    );
    await h.say(organizer, `/confirm ${code}`);
    expect(await last(organizer, 10)).toBe("Harusi ya Neema is confirmed.");
    // Years before the event: completing it asks first, saying what will stop.
    await h.say(organizer, `/complete ${code}`);
    expect(await last(organizer, 11)).toBe(
      "Harusi ya Neema has not ended yet (Fri 17 Oct 2031, 15:30). Mark it as done now? Reminders to guests stop, guests can no longer get their entry pass, and answers can no longer be changed.",
    );
    await h.say(organizer, "yes");
    expect(untilAny(await last(organizer, 12))).toBe(
      `Harusi ya Neema is marked as done. Thank you for running it with Nuru! Changed your mind? Send /undo ${code} before <time>.`,
    );
    await h.say(organizer, `/editevent ${code} name Other`);
    expect(await last(organizer, 13)).toBe("Harusi ya Neema is completed: it cannot be changed any more.");
    expect((await h.db.event.findUniqueOrThrow({ where: { code } })).status).toBe("completed");
  });

  it("asks before cancelling, then tells the guests who are coming and the booked provider; a stranger cannot", async () => {
    const organizer = ukPhone();
    const { code, coming } = await eventWithGuests(organizer, "Send-off ya Asha");
    const provider = await h.db.user.create({ data: { name: "MC Hamisi", phone: uniquePhone(), locale: "sw" } });
    const service = await h.db.service.create({ data: { userId: provider.id, name: "MC Hamisi", category: "MC" } });
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    await h.db.eventService.create({ data: { eventId: event.id, serviceId: service.id, bookingStatus: "confirmed" } });

    const stranger = ukPhone();
    await h.say(stranger, `/cancelevent ${code}`, "Stranger");
    expect(await last(stranger, 1)).toBe(
      `I could not find an event "${code}" of yours. Send /events to see your events and their codes.`,
    );

    await h.say(organizer, `/cancelevent ${code}`);
    expect(await last(organizer, 3)).toBe(
      "Cancel Send-off ya Asha? The guests who are coming and the booked providers will be told.",
    );
    await h.say(organizer, "hapana");
    expect(await last(organizer, 4)).toBe("Send-off ya Asha is kept as it is.");
    await h.say(organizer, `/cancelevent ${code}`);
    await last(organizer, 5);
    await h.deliver(organizer, { kind: "choice", value: "cancel:yes" });
    expect(untilAny(await last(organizer, 6))).toBe(
      `Send-off ya Asha is cancelled. 2 people were told. Changed your mind? Send /undo ${code} before <time>.`,
    );
    expect(await last(coming, 4)).toBe(
      "Send-off ya Asha (Ijumaa 10 Oktoba 2031, saa nane mchana (14:00)) imeghairiwa na Neema. Tunasikitika.",
    );
    expect(await last(provider.phone!, 1)).toBe(
      "Send-off ya Asha (Ijumaa 10 Oktoba 2031, saa nane mchana (14:00)) imeghairiwa na Neema. Tunasikitika.",
    );
    expect((await h.db.event.findUniqueOrThrow({ where: { code } })).status).toBe("cancelled");
    await h.say(organizer, `/confirm ${code}`);
    expect(await last(organizer, 7)).toBe(
      "Send-off ya Asha is cancelled, so it cannot become confirmed. An event goes draft → confirmed → completed, or is cancelled before it is completed.",
    );
  });
});
