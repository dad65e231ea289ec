// Mobile money end to end through the simulator with the built-in sandbox playing the phone: pledge -> Pay now ->
// the PIN prompt -> "I entered my PIN" -> receipt, the organizer told, /contributions and /receipts showing it; a
// cancelled prompt and Try again; part payments adding up ("lipa elfu ishirini"); a booking's deposit paid.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("mobile money with the sandbox", () => {
  it("pays a pledge from the chat, in parts, with a cancelled prompt and a retry", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2031-08-08 17:00 | Mlimani City", "Baraka");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const amina = uniquePhone();
    await h.say(organizer, `/invite ${code} ${amina} Amina`);
    await last(organizer, 2);
    await h.replies(amina, 1);

    await h.say(amina, "/changia laki moja");
    const thanks = await h.reply(amina, 2);
    const ref = /(M-[A-Z0-9]+)/.exec(thanks.text)![1]!;
    expect(thanks.choices?.map((c) => c.label)).toEqual(["Lipa sasa"]);

    // Pay now, then cancel on the "phone".
    await h.deliver(amina, { kind: "choice", value: thanks.choices![0]!.value });
    const prompt = await h.reply(amina, 3);
    expect(prompt.text).toContain("Ombi la malipo la TZS 100,000");
    expect(prompt.text).toContain(amina);
    expect(prompt.choices?.map((c) => c.label)).toEqual(["Nimeweka PIN", "Ghairi"]);
    await h.deliver(amina, { kind: "choice", value: prompt.choices![1]!.value });
    const failed = await h.reply(amina, 4);
    expect(failed.text).toMatch(
      /^Malipo ya TZS 100,000 \(L-[A-Z0-9]+\) hayakukamilika: ombi lilighairiwa kwenye simu\.$/,
    );
    expect(failed.choices?.map((c) => c.label)).toEqual(["Jaribu tena"]);

    // Try again; a part of it this time is the retry's amount (the same as asked), then the PIN.
    await h.deliver(amina, { kind: "choice", value: failed.choices![0]!.value });
    const again = await h.reply(amina, 5);
    await h.deliver(amina, { kind: "choice", value: again.choices![0]!.value });
    const paid = await last(amina, 6);
    expect(paid).toMatch(
      /^Tumepokea TZS 100,000 kwa Harusi ya Neema, stakabadhi SBX[A-Z0-9]{7}\. Asante sana! Umeshalipa TZS 100,000 kati ya TZS 100,000\.$/,
    );
    const receipt = /(SBX[A-Z0-9]{7})/.exec(paid)![1]!;
    expect(await last(organizer, 3)).toBe(
      `Amina paid TZS 100,000 by mobile money towards pledge ${ref}, receipt ${receipt}. Paid TZS 100,000 of TZS 100,000; outstanding TZS 0.`,
    );

    // A tap on an old prompt changes nothing.
    await h.deliver(amina, { kind: "choice", value: again.choices![0]!.value });
    expect(await last(amina, 7)).toBe("Ombi hilo la malipo limeshamalizika.");

    // A second pledge paid in parts, in words: "lipa elfu ishirini".
    await h.say(amina, "/changia 50,000");
    await h.reply(amina, 8);
    await h.say(amina, "lipa elfu ishirini");
    const part = await h.reply(amina, 9);
    expect(part.text).toContain("TZS 20,000");
    await h.deliver(amina, { kind: "choice", value: part.choices![0]!.value });
    expect(await last(amina, 10)).toMatch(/Umeshalipa TZS 20,000 kati ya TZS 50,000\.$/);
    await last(organizer, 4);

    await h.say(organizer, `/contributions ${code}`);
    expect(await last(organizer, 5)).toContain("Pledged TZS 150,000, paid TZS 120,000, outstanding TZS 30,000.");
    await h.say(organizer, `/receipts ${code}`);
    const receipts = await last(organizer, 7);
    expect(receipts).toContain(`• ${ref} Amina: TZS 100,000 paid, receipt ${receipt}`);
    expect(receipts).toContain("did not go through");

    const rows = await h.db.paymentCollection.findMany({
      where: { user: { phone: amina } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["failed", "paid", "paid"]);
    expect(rows[0]!.reason).toBe("cancelled");
  });

  it("still answers a guest who said STOP about the payment they make themselves", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Send-off ya Zawadi | sendoff | 2031-09-05 16:00 | Mlimani City", "Rehema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${code} ${guest} Bahati`);
    await last(organizer, 2);
    await h.replies(guest, 1);
    await h.say(guest, "/changia elfu hamsini");
    await h.reply(guest, 2);
    // STOP: nothing Nuru would send on its own; the receipt of a payment they start is an answer, not that.
    await h.say(guest, "STOP");
    expect(await last(guest, 3)).toContain("Sawa");
    await h.reply(guest, 4); // the button that narrows STOP to this one event
    await h.say(guest, "lipa sasa");
    const prompt = await h.reply(guest, 5);
    expect(prompt.text).toContain("Ombi la malipo la TZS 50,000");
    await h.deliver(guest, { kind: "choice", value: prompt.choices![0]!.value });
    expect(await last(guest, 6)).toMatch(/^Tumepokea TZS 50,000 kwa Send-off ya Zawadi, stakabadhi SBX/);
  });

  it("pays a booking's deposit and tells the provider", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Sendoff ya Zawadi | send-off | 2031-09-09 17:00 | Arusha", "Baraka");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const vendor = ukPhone();
    await h.say(vendor, "hello", "Mama Ntilie");
    await h.replies(vendor, 1);
    await h.settle();
    const vendorUser = await h.db.user.findUniqueOrThrow({ where: { phone: vendor } });
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const service = await h.db.service.create({ data: { userId: vendorUser.id, name: "Mama Ntilie Catering" } });
    const bookingCode = `B-${code.slice(-5)}`;
    await h.db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        price: "800000",
        deposit: "200000",
        bookingStatus: "confirmed",
        code: bookingCode,
      },
    });
    const seen = (await h.replies(vendor, 1)).length;

    await h.say(organizer, `/paybooking ${bookingCode} deposit`);
    const prompt = await h.reply(organizer, 2);
    expect(prompt.text).toContain("A payment request for TZS 200,000");
    await h.deliver(organizer, { kind: "choice", value: prompt.choices![0]!.value });
    const thanks = await last(organizer, 3);
    expect(thanks).toMatch(/^Paid TZS 200,000 \(deposit\) for Mama Ntilie Catering, receipt SBX[A-Z0-9]{7}\./);
    // The vendor's own greeting may still be arriving: wait for the message that names the booking.
    const told = new RegExp(
      `^Baraka paid the deposit of TZS 200,000 for booking ${bookingCode} \\(Sendoff ya Zawadi\\) by mobile money`,
    );
    for (let n = seen + 1; !(await h.replies(vendor, n)).some((m) => told.test(m.text)); n++);
    const booking = await h.db.eventService.findFirstOrThrow({ where: { code: bookingCode } });
    expect(booking.depositPaidAt).not.toBeNull();
    // The deposit again: nothing left to pay.
    await h.say(organizer, `/paybooking ${bookingCode} deposit`);
    expect(await last(organizer, 4)).toBe(
      `Nothing to pay: the deposit of booking ${bookingCode} is already paid or has no amount.`,
    );
  });

  it("refuses another guest's pledge and says when nothing is owed", async () => {
    const stranger = uniquePhone();
    await h.say(stranger, "/lipa M-ZZZZZ");
    expect(await last(stranger, 1)).toContain('Sijaipata ahadi yako "M-ZZZZZ"');
    await h.say(stranger, "/pay");
    expect(await last(stranger, 2)).toContain("Huna ahadi inayosubiri kulipwa");
  });

  it("tries again only a failed request, and only for what is still owed", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Kitchen party ya Asha | kitchen party | 2031-10-10 15:00 | Dodoma", "Asha");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${code} ${guest} Zuhura`);
    await last(organizer, 2);
    await h.replies(guest, 1);
    await h.say(guest, "/changia elfu thelathini");
    const ref = /(M-[A-Z0-9]+)/.exec(await last(guest, 2))![1]!;
    await h.say(guest, "lipa sasa");
    const prompt = await h.reply(guest, 3);
    const lcode = /(L-[A-Z0-9]+)/.exec(prompt.text)![1]!;
    // Try again on a request still waiting for the PIN: refused, no second prompt.
    await h.deliver(guest, { kind: "choice", value: `pay:again:${lcode}` });
    expect(await last(guest, 4)).toBe("Ombi hilo la malipo halijashindikana, kwa hiyo hakuna cha kujaribu tena.");
    await h.deliver(guest, { kind: "choice", value: prompt.choices![1]!.value });
    const failed = await h.reply(guest, 5);
    // Paid to the organizer meanwhile: nothing is owed, so Try again asks for nothing.
    await h.db.guestContribution.updateMany({ where: { code: ref }, data: { paidAmount: "30000" } });
    await h.deliver(guest, { kind: "choice", value: failed.choices![0]!.value });
    expect(await last(guest, 6)).toBe(`Ahadi yako ${ref} imeshalipwa yote. Asante sana!`);
    expect(await h.db.paymentCollection.count({ where: { contribution: { code: ref } } })).toBe(1);
  });

  it("tells the organizer when a booking cancelled meanwhile cannot take the money", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Juma | wedding | 2031-11-11 17:00 | Moshi", "Juma");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const vendorUser = await h.db.user.create({ data: { phone: ukPhone(), name: "Mzee DJ" } });
    const service = await h.db.service.create({ data: { userId: vendorUser.id, name: "Mzee DJ Sounds" } });
    const bookingCode = `B-${code.slice(-5)}`;
    await h.db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        price: "300000",
        deposit: "100000",
        bookingStatus: "confirmed",
        code: bookingCode,
      },
    });
    await h.say(organizer, `/paybooking ${bookingCode} deposit`);
    const prompt = await h.reply(organizer, 2);
    await h.db.eventService.updateMany({ where: { code: bookingCode }, data: { bookingStatus: "cancelled" } });
    await h.deliver(organizer, { kind: "choice", value: prompt.choices![0]!.value });
    const told = await last(organizer, 3);
    expect(told).toContain(`Juma paid TZS 100,000 by mobile money for ${bookingCode}, receipt SBX`);
    expect(told).toContain("but it could not be recorded: the booking is no longer confirmed.");
    const row = await h.db.paymentCollection.findFirstOrThrow({ where: { booking: { code: bookingCode } } });
    expect(row).toMatchObject({ status: "mismatch", reason: "booking_cancelled" });
    expect((await h.db.eventService.findFirstOrThrow({ where: { code: bookingCode } })).depositPaidAt).toBeNull();
  });
});
