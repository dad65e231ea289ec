// Event information, the schedule, the venue's pin, announcements and comments end to end through the simulator.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = (phone: string, n: number) => h.reply(phone, n);

describe("event information for guests", () => {
  it("lets the organizer add the schedule and the pin, announce, and read comments; guests see it all with /info", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Zuhura | wedding | 2031-07-04 14:00 | Diamond Jubilee Hall", "Zuhura");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await last(organizer, 1)).text)![1]!;
    const [amina, juma] = [uniquePhone(), ukPhone()];
    await h.say(organizer, `/invite ${code} ${amina} Amina, ${juma} Juma`);
    await last(organizer, 2);
    await h.replies(amina, 1);
    await h.replies(juma, 1);
    await h.say(amina, "ndiyo");
    await h.say(amina, "2");
    await last(amina, 3);

    // The schedule: a session that ends before it starts is refused, and nothing is written.
    await h.say(organizer, `/session ${code} Ibada | 2031-07-04 14:00 | 2031-07-04 13:00`);
    expect((await last(organizer, 3)).text).toBe("The session ends before it starts. Please check the times.");
    await h.say(organizer, `/session ${code} Ibada | 2031-07-04 14:00 | 2031-07-04 15:30 | St. Joseph's`);
    expect((await last(organizer, 4)).text).toBe(
      "Added to the schedule of Harusi ya Zuhura: Ibada, Fri 4 Jul 2031, 14:00.",
    );
    await h.say(organizer, `/venue ${code} 95, 39`);
    expect((await last(organizer, 5)).text).toContain("Send the venue's pin as latitude, longitude");
    // /venue alone asks for the location, which the organizer shares.
    await h.say(organizer, `/venue ${code}`);
    expect((await last(organizer, 6)).text).toContain("Share the location of Harusi ya Zuhura's venue");
    await h.deliver(organizer, {
      kind: "location",
      latitude: -6.7924,
      longitude: 39.2083,
      name: "Diamond Jubilee Hall",
    });
    expect((await last(organizer, 7)).text).toBe(
      "The pin of Harusi ya Zuhura is set: https://www.openstreetmap.org/?mlat=-6.7924&mlon=39.2083#map=17/-6.7924/39.2083",
    );
    expect(await h.db.eventSession.count({ where: { event: { code } } })).toBe(1);

    // The guest's own view, in Kiswahili, with the pin as a location.
    await h.say(amina, "/taarifa");
    const info = await last(amina, 4);
    expect(info.text).toContain(
      "Harusi ya Zuhura\n🗓 Ijumaa 4 Julai 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\n\nRatiba:\n• Ijumaa 4 Julai 2031, saa nane mchana (14:00) – Ibada (St. Joseph's)",
    );
    expect(info.text).toContain("Jibu lako: unakuja, watu 2.");
    expect(info.location).toEqual({
      latitude: -6.7924,
      longitude: 39.2083,
      name: "Diamond Jubilee Hall",
      address: "Diamond Jubilee Hall",
    });

    // Announcements go to the guests who are coming, or with "all" to everyone invited.
    await h.say(organizer, `/announce ${code} The ceremony starts at 14:00 sharp.`);
    expect((await last(organizer, 8)).text).toBe("Sent. Guests reached: 1.");
    expect((await last(amina, 5)).text).toBe("📣 Harusi ya Zuhura\nThe ceremony starts at 14:00 sharp.\n— Zuhura");
    await h.say(organizer, `/announce ${code} all Parking is behind the hall.`);
    expect((await last(organizer, 9)).text).toBe("Sent. Guests reached: 2.");
    expect((await last(juma, 2)).text).toBe("📣 Harusi ya Zuhura\nParking is behind the hall.\n— Zuhura");

    // Comments: a guest's, and a stranger's refused like an unknown event.
    await h.say(amina, `/toamaoni ${code} Hongera sana!`);
    expect((await last(amina, 7)).text).toBe("Asante! Maoni yako kwenye Harusi ya Zuhura yamehifadhiwa.");
    const stranger = ukPhone();
    await h.say(stranger, `/comment ${code} hello`, "Stranger");
    expect((await last(stranger, 1)).text).toBe(
      `I could not find an event "${code}" of yours. Send /invitations or /events to see your events and their codes.`,
    );
    await h.say(organizer, `/comments ${code}`);
    expect((await last(organizer, 10)).text).toBe("Comments on Harusi ya Zuhura:\n• Amina: Hongera sana!");
    expect(await h.db.eventComment.count({ where: { event: { code } } })).toBe(1);
  });
});
