// Guests answer an invitation the way they answer a relative, through the simulator: one natural sentence in
// Kiswahili or English carries the answer and the party and is confirmed in one message; a decline with a reason is a
// decline; a yes without a count is asked "how many?" with buttons and answered in words; words read unsurely are asked
// about once; a person's own rsvp code opens all their invitations and nobody else's.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

async function newEvent(organizer: string, line: string): Promise<string> {
  await h.say(organizer, `/newevent ${line}`, "Neema");
  const created = await last(organizer, h.sent.to(organizer).length + 1);
  return /Its code is ([A-Z0-9-]+)\./.exec(created)![1]!;
}

/** The guest row of this person at this event: what the answer wrote. */
async function guestRow(code: string, phone: string) {
  await h.settle();
  return h.db.eventGuest.findFirstOrThrow({
    where: { event: { code }, user: { phone } },
    select: { rsvpStatus: true, partySize: true },
  });
}

describe("answering an invitation in one natural sentence", () => {
  const organizer = ukPhone();
  const [amina, juma, baraka, rehema] = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
  const [sam, kate] = [ukPhone(), ukPhone()];
  let code = "";

  it("sends the invitations", async () => {
    code = await newEvent(organizer, "Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall");
    await h.say(
      organizer,
      `/invite ${code} ${amina} Amina, ${juma} Juma, ${baraka} Baraka, ${rehema} Rehema, ${sam} Sam, ${kate} Kate`,
    );
    for (const guest of [amina, juma, baraka, rehema, sam, kate]) await h.replies(guest, 1);
  });

  it("records 'ndiyo tutakuja watatu' as accepted for 3 and confirms in one answer (Kiswahili)", async () => {
    await h.say(amina, "ndiyo tutakuja watatu");
    expect(await last(amina, 2)).toMatch(/^Asante, Amina! Unakuja kwenye Harusi ya Neema, watu 3 kwa jumla\./);
    expect(await guestRow(code, amina)).toEqual({ rsvpStatus: "accepted", partySize: 3 });
    expect(h.sent.to(amina)).toHaveLength(2);
  });

  it("records 'yes, me and my wife' as accepted for 2 (English)", async () => {
    await h.say(sam, "yes, me and my wife");
    expect(await last(sam, 2)).toMatch(/^Thank you, Sam! You are coming to Harusi ya Neema, 2 people in total\./);
    expect(await guestRow(code, sam)).toEqual({ rsvpStatus: "accepted", partySize: 2 });
    expect(h.sent.to(sam)).toHaveLength(2);
  });

  it("reads a decline with a trailing sentence in either language", async () => {
    await h.say(juma, "hapana, samahani nitakuwa safarini");
    expect(await last(juma, 2)).toMatch(
      /^Asante kwa kutujulisha, Juma\. Tunasikitika hutaweza kuja kwenye Harusi ya Neema\./,
    );
    expect((await guestRow(code, juma)).rsvpStatus).toBe("declined");
    await h.say(kate, "Thanks for the invite but we can't make it, we'll be out of town");
    expect(await last(kate, 2)).toMatch(/^Thank you for telling us, Kate\./);
    expect((await guestRow(code, kate)).rsvpStatus).toBe("declined");
  });

  it("asks how many with buttons after a bare yes, and takes the count in words", async () => {
    await h.say(baraka, "nitakuja");
    const asked = await h.reply(baraka, 2);
    expect(asked.text).toBe(
      "Vizuri sana! Mtakuja watu wangapi kwenye Harusi ya Neema kwa jumla, ukiwemo wewe? Gusa namba, au tuma namba kuanzia 1 hadi 20.",
    );
    expect(asked.choices?.map((c) => c.label)).toEqual(["1", "2", "3", "4", "5"]);
    await h.say(baraka, "wawili");
    expect(await last(baraka, 3)).toMatch(/^Asante, Baraka! Unakuja kwenye Harusi ya Neema, watu 2 kwa jumla\./);
    expect(await guestRow(code, baraka)).toEqual({ rsvpStatus: "accepted", partySize: 2 });
    // A party beyond the limit is refused with the reason, in the guest's language, and nothing changes.
    await h.say(baraka, "/jibu");
    await h.reply(baraka, 4);
    await h.say(baraka, "ndiyo tutakuja watu 30");
    expect(await last(baraka, 5)).toBe(
      "Naweza kuandika watu wasiozidi 20 kwa jibu moja. Kwa kundi kubwa zaidi tafadhali ongea na mratibu; au tuma idadi ya watakaokuja, kuanzia 1 hadi 20.",
    );
    await h.say(baraka, "wanne");
    expect(await last(baraka, 6)).toMatch(/watu 4 kwa jumla/);
    expect(await guestRow(code, baraka)).toEqual({ rsvpStatus: "accepted", partySize: 4 });
  });

  it("asks once, with buttons, about words that only lean to an answer", async () => {
    await h.say(rehema, "inshallah");
    const check = await h.reply(rehema, 2);
    expect(check.text).toBe("Nihakikishe tu: utakuja kwenye Harusi ya Neema?");
    expect(check.choices?.map((c) => c.label)).toEqual(["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"]);
    expect((await guestRow(code, rehema)).rsvpStatus).toBe("pending");
    await h.deliver(rehema, { kind: "choice", value: check.choices![0]!.value });
    expect((await h.reply(rehema, 3)).text).toMatch(/^Vizuri sana! Mtakuja watu wangapi/);
    await h.say(rehema, "mimi na mume wangu");
    expect(await last(rehema, 4)).toMatch(/watu 2 kwa jumla/);
    expect(await guestRow(code, rehema)).toEqual({ rsvpStatus: "accepted", partySize: 2 });
  });
});

describe("everyday answer words that are also a command's name", () => {
  it("reads a guest's bare 'nipo' (I am there) as their answer, not a provider's 'available' command", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Zuhura | wedding | 2031-05-10 14:00 | Serena Hotel");
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${code} ${guest} Zuhura`);
    await h.replies(guest, 1);
    await h.say(guest, "nipo");
    expect(await last(guest, 2)).toMatch(/^Vizuri sana! Mtakuja watu wangapi kwenye Harusi ya Zuhura/);
    await h.say(guest, "wawili");
    expect(await guestRow(code, guest)).toEqual({ rsvpStatus: "accepted", partySize: 2 });
  });
});

describe("a person's rsvp code", () => {
  it("opens all their open invitations, and nothing for anyone else", async () => {
    const organizer = ukPhone();
    const first = await newEvent(organizer, "Send-off ya Zawadi | send-off | 2031-03-01 16:00 | Mlimani City");
    const second = await newEvent(organizer, "Kipaimara cha Musa | other | 2031-04-05 10:00 | KKKT Azania Front");
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${first} ${guest} Zawadi`);
    await h.replies(guest, 1);
    await h.say(organizer, `/invite ${second} ${guest} Zawadi`);
    await h.replies(guest, 2);
    const profile = await h.db.attendeeProfile.findFirstOrThrow({
      where: { user: { phone: guest } },
      select: { rsvpCode: true },
    });
    const rsvpCode = profile.rsvpCode!;
    // Their invitations list tells them the code.
    await h.say(guest, "mialiko");
    expect(await last(guest, 3)).toContain(`Namba yako binafsi ni ${rsvpCode}: tuma "fungua ${rsvpCode}"`);

    await h.say(guest, `fungua ${rsvpCode.toLowerCase()}`);
    const which = await h.reply(guest, 4);
    expect(which.text).toBe("Jibu lako ni la mwaliko upi?");
    expect(which.choices?.map((c) => c.label.split(" – ")[0])).toEqual(["Send-off ya Zawadi", "Kipaimara cha Musa"]);
    await h.deliver(guest, { kind: "choice", value: which.choices![1]!.value });
    expect((await h.reply(guest, 5)).text).toMatch(/^Neema anakualika kwenye Kipaimara cha Musa\./);
    await h.say(guest, "ndiyo peke yangu");
    expect(await last(guest, 6)).toMatch(/^Asante, Zawadi! Unakuja kwenye Kipaimara cha Musa, mtu 1 kwa jumla\./);
    expect(await guestRow(second, guest)).toEqual({ rsvpStatus: "accepted", partySize: 1 });

    // Someone else typing the code learns nothing: it is an unknown code to them.
    const stranger = ukPhone();
    await h.say(stranger, "hi", "Stranger");
    await h.say(stranger, `start ${rsvpCode}`);
    expect(await last(stranger, 2)).toBe(
      `I could not find an invitation with the code "${rsvpCode}". Check the code in your invitation, or ask the organizer to send it again.`,
    );
  });
});
