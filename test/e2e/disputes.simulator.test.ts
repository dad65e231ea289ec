// Disputes through the simulator: a side of a booking raises one, the other side and the admins are told, an admin
// takes and resolves it and both sides hear; nobody else can handle or raise one.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = (phone: string, n: number) => h.reply(phone, n).then((m) => m.text);

describe("disputes", () => {
  it("is raised by a side of a booking, handled by an admin, and both sides hear of every change", async () => {
    const organizer = ukPhone();
    const providerPhone = uniquePhone();
    const adminPhone = ukPhone();
    const provider = await h.db.user.create({ data: { name: "MC Hamisi", phone: providerPhone, locale: "sw" } });
    const admin = await h.db.user.create({ data: { name: "Asha", phone: adminPhone } });
    await h.db.admin.create({ data: { userId: admin.id, name: "Asha" } });
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2032-04-10 14:00 | Serena", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const service = await h.db.service.create({ data: { userId: provider.id, name: "MC Hamisi", category: "MC" } });
    const booking = `B-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    await h.db.eventService.create({
      data: { eventId: event.id, serviceId: service.id, bookingStatus: "confirmed", code: booking },
    });

    // Not an admin: refused; a stranger cannot raise one about someone else's booking.
    const stranger = ukPhone();
    await h.say(stranger, "/disputes", "Stranger");
    expect(await last(stranger, 1)).toContain("Only Nuru's admins handle disputes.");
    await h.say(stranger, `/dispute ${booking} it was bad`);
    expect(await last(stranger, 2)).toBe(
      `I could not find a booking "${booking}" of yours. Send /bookings to see yours.`,
    );

    await h.say(organizer, `/dispute ${booking} The MC arrived two hours late`);
    const raised = await last(organizer, 2);
    const dispute = /Dispute (D-[A-Z0-9]+)/.exec(raised)![1]!;
    expect(raised).toBe(`Dispute ${dispute} is with our admins; you will be told of every change.`);
    expect(await last(providerPhone, 1)).toBe(
      `Neema amewasilisha lalamiko ${dispute} kuhusu MC Hamisi kwenye Harusi ya Neema: The MC arrived two hours late. Msimamizi atalishughulikia.`,
    );
    expect(await last(adminPhone, 1)).toBe(
      `New dispute ${dispute}: Neema about MC Hamisi at Harusi ya Neema: The MC arrived two hours late. Take it: /take ${dispute}`,
    );

    await h.say(adminPhone, "/disputes");
    // Every open dispute (the database is shared with other files' disputes), this one among them.
    const open = await last(adminPhone, 2);
    expect(open.startsWith("Open disputes:\n")).toBe(true);
    expect(open).toContain(`• ${dispute} MC Hamisi at Harusi ya Neema, raised by Neema: The MC arrived two hours late`);
    await h.say(stranger, `/take ${dispute}`);
    expect(await last(stranger, 3)).toBe(`I could not find a dispute "${dispute}" for you to handle.`);
    await h.say(adminPhone, `/take ${dispute}`);
    expect(await last(adminPhone, 3)).toBe(`You took ${dispute}. Resolve it with /resolve ${dispute} the resolution`);
    expect(await last(organizer, 3)).toBe(
      `Asha (Nuru) is handling dispute ${dispute} about MC Hamisi at Harusi ya Neema.`,
    );
    await h.say(adminPhone, `/resolve ${dispute} Half the fee refunded`);
    expect(await last(adminPhone, 4)).toBe(`${dispute} is resolved.`);
    expect(await last(organizer, 4)).toBe(
      `Dispute ${dispute} about MC Hamisi at Harusi ya Neema is resolved: Half the fee refunded`,
    );
    expect(await last(providerPhone, 3)).toBe(
      `Lalamiko ${dispute} kuhusu MC Hamisi kwenye Harusi ya Neema limesuluhishwa: Half the fee refunded`,
    );
    await h.say(adminPhone, `/resolve ${dispute} again`);
    expect(await last(adminPhone, 5)).toBe(`Dispute ${dispute} is already resolved.`);
    const row = await h.db.dispute.findFirstOrThrow({ where: { code: dispute } });
    expect(row).toMatchObject({
      status: "resolved",
      resolution: "Half the fee refunded",
      raisedBy: (await h.db.user.findUniqueOrThrow({ where: { phone: organizer } })).id,
    });
  });
});
