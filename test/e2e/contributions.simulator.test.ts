// Contributions (michango) end to end through the simulator: well-wishes, photos and pledges from guests, the
// organizer's totals and payments (partial ones adding up, one above the pledge only when confirmed), the guest thanked.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("contributions", () => {
  it("takes pledges, well-wishes and photos, totals them for the organizer, and records payments", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Send-off ya Rehema | send-off | 2031-08-08 17:00 | Mlimani City", "Baraka");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const [amina, juma] = [uniquePhone(), ukPhone()];
    await h.say(organizer, `/invite ${code} ${amina} Amina, ${juma} Juma`);
    await last(organizer, 2);
    await h.replies(amina, 1);
    await h.replies(juma, 1);

    // A pledge in Swahili words, through the flow.
    await h.say(amina, "/changia");
    expect(await last(amina, 2)).toBe("Ungependa kutoa nini kwa Send-off ya Rehema?");
    await h.deliver(amina, { kind: "choice", value: "contribute:pledge" });
    expect(await last(amina, 3)).toBe(
      "Unaahidi kiasi gani kwa Send-off ya Rehema? Mfano 50,000, elfu 50 au elfu hamsini.",
    );
    await h.say(amina, "nyingi");
    expect(await last(amina, 4)).toBe(
      'Sikuweza kusoma "nyingi" kama kiasi. Tuma kama 50,000, 50k, elfu 50 au elfu hamsini.',
    );
    await h.say(amina, "elfu hamsini");
    const thanks = await last(amina, 5);
    expect(thanks).toMatch(
      /^Asante kwa ahadi yako ya TZS 50,000 kwa Send-off ya Rehema! Kumbukumbu yake ni (M-[A-Z0-9]+)\.$/,
    );
    const ref = /(M-[A-Z0-9]+)/.exec(thanks)![1]!;

    // A pledge in one line, a well-wish in one line, a photo through the flow.
    await h.say(juma, "/contribute 20k");
    expect(await last(juma, 2)).toMatch(/^Thank you for your pledge of TZS 20,000 to Send-off ya Rehema!/);
    await h.say(juma, "/contribute Congratulations Rehema!");
    expect(await last(juma, 3)).toBe("Thank you! Your contribution to Send-off ya Rehema is saved.");
    await h.say(juma, "/contribute");
    await h.deliver(juma, { kind: "choice", value: "contribute:photo" });
    await last(juma, 5);
    await h.deliver(juma, { kind: "media", mediaType: "photo", ref: "file-42", caption: "Us" });
    expect(await last(juma, 6)).toBe("Thank you! Your contribution to Send-off ya Rehema is saved.");

    await h.say(organizer, `/contributions ${code}`);
    const list = await last(organizer, 3);
    // Pledged, paid and outstanding as a picture after the list.
    expect((await h.reply(organizer, 4)).document).toMatchObject({
      mimeType: "image/png",
      filename: "Send-off-ya-Rehema-contributions.png",
    });
    expect(list).toContain(
      "Contributions to Send-off ya Rehema:\nPledged TZS 70,000, paid TZS 0, outstanding TZS 70,000. Well-wishes: 1, photos: 1.",
    );
    expect(list).toContain(`• ${ref} Amina: pledged TZS 50,000, paid TZS 0`);
    expect(list).toContain("• Juma: photo file-42");

    // Partial payments add up; more than is owed asks to confirm; the guest is thanked each time.
    await h.say(organizer, `/paid ${ref} 20,000`);
    expect(await last(organizer, 5)).toBe(`Recorded TZS 20,000 from Amina on ${ref}: paid TZS 20,000 of TZS 50,000.`);
    expect(await last(amina, 6)).toBe(
      "Asante! Send-off ya Rehema imepokea malipo yako ya TZS 20,000. Umelipa hadi sasa: TZS 20,000 kati ya TZS 50,000.",
    );
    await h.say(organizer, `/paid ${ref} 40000`);
    expect(await last(organizer, 6)).toBe(
      `40000 is more than the 30000 still owed on ${ref}. If that is right, send the same again with "confirm" at the end.`,
    );
    await h.say(organizer, `/paid ${ref} 30 elfu`);
    expect(await last(organizer, 7)).toBe(`Recorded TZS 30,000 from Amina on ${ref}: paid TZS 50,000 of TZS 50,000.`);
    await h.say(organizer, `/paid ${ref} abc`);
    expect(await last(organizer, 8)).toContain("Send the pledge's reference and the amount paid");
    // Someone else's pledge reference is unknown to a guest.
    await h.say(juma, `/paid ${ref} 1000`);
    expect(await last(juma, 7)).toBe(
      `I could not find a pledge "${ref}" in your events. Send /contributions CODE to see the references.`,
    );

    await h.say(amina, "/michangoyangu");
    expect(await last(amina, 8)).toBe("Michango yako:\n• Send-off ya Rehema: umeahidi TZS 50,000, umelipa TZS 50,000");
    const row = await h.db.guestContribution.findFirstOrThrow({ where: { code: ref } });
    expect(row.paidAmount.toString()).toBe("50000");
    expect(row.amount?.toString()).toBe("50000");
  });
});
