// Mobile money end to end on Telegram (the Bot API fake, the real engine, PostgreSQL, Redis and the outbound worker),
// with the built-in sandbox playing the phone: a guest pledges, taps Lipa sasa, cancels the prompt, tries again,
// "enters her PIN", gets the receipt; the organizer is told and the contributions export shows it. An organizer whose
// Telegram account never shared a number pays a booking's deposit: Nuru asks for the number instead of refusing.
import { afterAll, describe, expect, it } from "vitest";
import { startTelegramService, type TelegramUser } from "../support/telegram-service.js";
import { uniquePhone } from "../support/services.js";
import { until } from "../support/until.js";

const service = await startTelegramService();
afterAll(() => service.close());

const nth = async (user: TelegramUser, n: number) => (await user.waitForMessages(n))[n - 1]!;

/** An event on Telegram and a guest who opened her link, proved her number and accepted. */
async function eventWithGuest(): Promise<{ organizer: TelegramUser; guest: TelegramUser; code: string }> {
  const organizer = service.user({ firstName: "Neema" });
  await organizer.send("/newevent Harusi ya Neema | wedding | 2031-09-12 14:00 | Diamond Jubilee Hall");
  const code = /Its code is ([A-Z0-9-]+)\./.exec((await nth(organizer, 1)).text)![1]!;
  const phone = uniquePhone();
  await organizer.send(`/invite ${code} ${phone} Amina`);
  await organizer.waitForMessages(2);
  const invitation = await service.db.invitation.findFirstOrThrow({
    where: { event: { code }, recipientPhone: phone },
  });
  const guest = service.user({ firstName: "Amina" });
  await guest.start(invitation.code!);
  await guest.waitForMessages(1);
  await guest.shareContact(phone);
  await guest.waitForMessages(3);
  await guest.press("Ndiyo, nitakuja");
  await guest.waitForMessages(4);
  await guest.send("1");
  await guest.waitForMessages(5);
  return { organizer, guest, code };
}

describe("mobile money on Telegram", () => {
  it("pledge, Pay now, a cancelled prompt, Try again, the PIN, the receipt, the organizer told, the export", async () => {
    const { organizer, guest, code } = await eventWithGuest();
    await guest.send("/changia laki moja");
    const thanks = await nth(guest, 6);
    const ref = /(M-[A-Z0-9]+)/.exec(thanks.text)![1]!;
    expect(thanks.buttons).toEqual(["Lipa sasa"]);

    await guest.press("Lipa sasa");
    const prompt = await nth(guest, 7);
    expect(prompt.text).toContain("Ombi la malipo la TZS 100,000");
    expect(prompt.text).toContain("Nuru haitakuomba PIN yako");
    expect(prompt.buttons).toEqual(["Nimeweka PIN", "Ghairi"]);
    await guest.press("Ghairi");
    const failed = await nth(guest, 8);
    expect(failed.text).toMatch(/hayakukamilika: ombi lilighairiwa kwenye simu\.$/);
    expect(failed.buttons).toEqual(["Jaribu tena"]);

    await guest.press("Jaribu tena");
    expect((await nth(guest, 9)).buttons).toEqual(["Nimeweka PIN", "Ghairi"]);
    await guest.press("Nimeweka PIN");
    const paid = (await nth(guest, 10)).text;
    expect(paid).toMatch(/^Tumepokea TZS 100,000 kwa Harusi ya Neema, stakabadhi SBX[A-Z0-9]{7}\. Asante sana!/);
    const receipt = /(SBX[A-Z0-9]{7})/.exec(paid)![1]!;
    expect((await nth(organizer, 3)).text).toBe(
      `Amina paid TZS 100,000 by mobile money towards pledge ${ref}, receipt ${receipt}. Paid TZS 100,000 of TZS 100,000; outstanding TZS 0.`,
    );

    // The export: the payments journey's columns after the list's own, the receipt among them.
    await organizer.send(`/export ${code} contributions`);
    const call = await until("the export document", () =>
      service.fake.mediaSent.find((m) => m.method === "sendDocument" && String(m.body.chat_id) === organizer.chatId),
    );
    const csv = (call.body.document as { bytes: Buffer }).bytes.subarray(3).toString("utf8").split("\r\n");
    expect(csv[0]).toBe(
      "Name,Phone,Kind,Pledged,Paid,Currency,Message,Date,Reference,Outstanding,Paid by mobile money,Receipts",
    );
    expect(csv[1]).toMatch(
      new RegExp(`^Amina,\\+\\d+,A pledge of money,100000,100000,TZS,,[\\d: -]+,${ref},0,100000,${receipt}$`, "i"),
    );

    const rows = await service.db.paymentCollection.findMany({
      where: { contribution: { code: ref } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["failed", "paid"]);
  });

  it("offers the unpaid pledges to 'nataka kulipa', and asks a number it does not know for a booking's deposit", async () => {
    const { organizer, guest, code } = await eventWithGuest();
    await guest.send("/changia 50,000");
    await guest.waitForMessages(6);
    await guest.send("/changia elfu thelathini");
    await guest.waitForMessages(7);
    await guest.send("nataka kulipa");
    const which = await nth(guest, 8);
    expect(which.text).toBe("Unataka kulipa ahadi ipi?");
    expect(which.buttons).toHaveLength(2);
    expect(which.buttons[0]).toMatch(/^M-[A-Z0-9]+ \(Harusi ya Neema\): TZS 30,000$/);
    await guest.press(which.buttons[1]!);
    expect((await nth(guest, 9)).text).toContain("Ombi la malipo la TZS 50,000");

    // The organizer's Telegram account never shared a number: asked for it, a wrong one asked again, then shared.
    const event = await service.db.event.findUniqueOrThrow({ where: { code } });
    const vendor = await service.db.user.create({ data: { name: "Mama Ntilie", phone: uniquePhone() } });
    const catering = await service.db.service.create({ data: { userId: vendor.id, name: "Mama Ntilie Catering" } });
    const booking = `B-${code.slice(-5)}`;
    await service.db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: catering.id,
        price: "800000",
        deposit: "200000",
        bookingStatus: "confirmed",
        code: booking,
      },
    });
    const seen = organizer.messages().length;
    await organizer.send(`/paybooking ${booking} deposit`);
    const asked = await nth(organizer, seen + 1);
    expect(asked.text).toBe(
      `Which number should get the payment prompt for ${booking}? Share your contact with the button, or type the number (for example 0712 345 678).`,
    );
    expect(asked.requestsPhone).toBe(true);
    await organizer.send("kesho");
    expect((await nth(organizer, seen + 2)).text).toBe(
      'I could not read "kesho" as a phone number. Type it like 0712 345 678, or share your contact.',
    );
    const phone = uniquePhone();
    await organizer.shareContact(phone);
    const prompt = await nth(organizer, seen + 3);
    expect(prompt.text).toContain(`A payment request for TZS 200,000`);
    expect(prompt.text).toContain(phone);
    await organizer.press("I entered my PIN");
    expect((await nth(organizer, seen + 4)).text).toMatch(
      /^Paid TZS 200,000 \(deposit\) for Mama Ntilie Catering, receipt SBX[A-Z0-9]{7}\./,
    );
    const paid = await service.db.eventService.findFirstOrThrow({ where: { code: booking } });
    expect(paid.depositPaidAt).not.toBeNull();
  });
});
