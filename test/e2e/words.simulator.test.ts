// The words people read (issue 20): an admin added with a Tanzanian number reads Kiswahili, and each side of a
// booking reads its own status ("waiting for the provider's answer" for the organizer, "waiting for your answer" for
// the provider; a declined booking is declined, not "payment pending").
import { describe, expect, it } from "vitest";
import { makeAdmin } from "../../src/domain/users.js";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = (phone: string, n: number) => h.reply(phone, n).then((m) => m.text);

describe("the words people read", () => {
  it("gives an admin added by number the language of that number, and each side of a booking its own status", async () => {
    const organizer = ukPhone();
    const providerPhone = uniquePhone();
    const adminPhone = uniquePhone();
    const admin = await makeAdmin(h.db, {
      phone: adminPhone,
      name: "Asha",
      defaultLocale: "en",
      timeZone: "Africa/Dar_es_Salaam",
    });
    expect(admin.locale).toBe("sw");
    expect(
      (await makeAdmin(h.db, { phone: ukPhone(), name: "Sam", defaultLocale: "en", timeZone: "Africa/Dar_es_Salaam" }))
        .locale,
    ).toBe("en");

    const provider = await h.db.user.create({ data: { name: "Mama Neema", phone: providerPhone, locale: "sw" } });
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2032-04-10 14:00 | Serena", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const caterer = await h.db.service.create({
      data: { userId: provider.id, name: "Mama Neema Catering", category: "catering" },
    });
    const mc = await h.db.service.create({ data: { userId: provider.id, name: "MC Hamisi", category: "MC" } });
    const tag = () => `B-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    const [asked, declined] = [tag(), tag()];
    await h.db.eventService.create({
      data: { eventId: event.id, serviceId: caterer.id, bookingStatus: "requested", code: asked },
    });
    await h.db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: mc.id,
        bookingStatus: "declined",
        paymentStatus: "pending",
        code: declined,
      },
    });

    await h.say(organizer, "/bookings");
    const mine = await last(organizer, 2);
    expect(mine).toContain(`• ${asked} Mama Neema Catering for Harusi ya Neema – waiting for the provider's answer`);
    expect(mine).toContain(`• ${declined} MC Hamisi for Harusi ya Neema – declined\n`.trimEnd());
    expect(mine).not.toContain("payment pending");

    await h.say(providerPhone, "/oda");
    const theirs = await last(providerPhone, 1);
    expect(theirs).toContain(`${asked} Mama Neema Catering kwa Harusi ya Neema`);
    expect(theirs).toContain("inasubiri jibu lako");
    expect(theirs).toContain("imekataliwa");

    // A refusal that names a status names it in the reader's words.
    await h.say(providerPhone, `/kataa ${declined}`);
    expect(await last(providerPhone, 2)).toBe(`Oda ${declined} imekataliwa: haiwezi kujibiwa tena.`);

    // The admin, never having written, is told of a dispute in Kiswahili.
    await h.db.eventService.updateMany({ where: { code: asked }, data: { bookingStatus: "confirmed" } });
    await h.say(organizer, `/dispute ${asked} The food came late`);
    const told = await last(adminPhone, 1);
    expect(told).toMatch(
      /^Lalamiko jipya D-[A-Z0-9]+: Neema kuhusu Mama Neema Catering kwenye Harusi ya Neema: The food came late\. Lichukue: \/chukua D-/,
    );
  });
});
