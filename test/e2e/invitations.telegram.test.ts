// Invitations and RSVPs end to end on Telegram (the Bot API fake, real engine, PostgreSQL, Redis, outbound worker).
// A bot cannot write first on Telegram: an invited guest's invitation waits until they open the link the organizer
// forwards, share their number, and see it; then they answer with the buttons, and the organizer is told.
import { afterAll, describe, expect, it } from "vitest";
import { startTelegramService } from "../support/telegram-service.js";
import { uniquePhone } from "../support/services.js";

const service = await startTelegramService();
afterAll(() => service.close());

describe("invitations on Telegram", () => {
  it("creates an event, invites a number, and the guest answers after opening the forwarded link", async () => {
    const organizer = service.user({ firstName: "Neema" });
    await organizer.send("/newevent Harusi ya Neema | harusi | 2031-02-15 14:00 | Diamond Jubilee Hall");
    const [created] = await organizer.waitForMessages(1);
    const code = /Its code is ([A-Z0-9-]+)\./.exec(created!.text)![1]!;

    const guestPhone = uniquePhone();
    await organizer.send(`/invite ${code} ${guestPhone} Amina`);
    const report = (await organizer.waitForMessages(2))[1]!.text;
    expect(report).toBe(
      `Invited to Harusi ya Neema: 1.\n1 of them can only be reached once they open Nuru: send them their link with /link ${code}.`,
    );
    const guestRow = await service.db.user.findUniqueOrThrow({ where: { phone: guestPhone } });
    expect(
      await service.db.notification.count({ where: { userId: guestRow.id, type: "invitation", deliveredAt: null } }),
    ).toBe(1);

    await organizer.send(`/notify ${code} on`);
    await organizer.waitForMessages(3);
    await organizer.send(`/link ${code}`);
    const links = (await organizer.waitForMessages(4))[3]!.text;
    const invitation = await service.db.invitation.findFirstOrThrow({
      where: { event: { code }, recipientPhone: guestPhone },
    });
    expect(links).toContain(`• Amina: Telegram https://t.me/NuruTestBot?start=${invitation.code}`);
    // The event-wide link opens with the event's secret token, not its guessable code.
    const { shareToken } = await service.db.event.findUniqueOrThrow({ where: { code }, select: { shareToken: true } });
    expect(shareToken).toMatch(/^[A-Z2-9]{13}$/);
    expect(links).toContain(`https://t.me/NuruTestBot?start=${shareToken}`);
    expect(await service.db.eventShare.count({ where: { event: { code }, platform: "telegram" } })).toBe(1);

    // The guest opens the link: Telegram sends /start CODE; the number is proved with the share button.
    const guest = service.user({ firstName: "Amina" });
    await guest.start(invitation.code!);
    expect((await guest.waitForMessages(1))[0]!.requestsPhone).toBe(true);
    await guest.shareContact(guestPhone);
    const [, saved, card] = await guest.waitForMessages(3);
    expect(saved!.text).toBe(`Asante, namba yako ${guestPhone} imehifadhiwa.`);
    expect(card!.text).toBe(
      "Neema anakualika kwenye Harusi ya Neema.\n🗓 Jumamosi 15 Februari 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\n\nUtakuja?",
    );
    expect(card!.buttons).toEqual(["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"]);
    // The copy that waited is not sent as well.
    await service.settle();
    expect(await service.db.notification.count({ where: { userId: guestRow.id, deliveredAt: null } })).toBe(0);

    await guest.press("Ndiyo, nitakuja");
    expect((await guest.waitForMessages(4))[3]!.text).toContain("Mtakuja watu wangapi");
    await guest.send("2");
    expect((await guest.waitForMessages(5))[4]!.text).toContain(
      "Asante, Amina! Unakuja kwenye Harusi ya Neema, watu 2 kwa jumla.",
    );
    expect(guest.messages()).toHaveLength(5);

    // The organizer, on Telegram, is told at once.
    const told = (await organizer.waitForMessages(5))[4]!.text;
    expect(told).toBe(
      "Amina answered for Harusi ya Neema: coming, 2 people.\nSo far: 1 coming (2 in all), 0 not coming, 0 maybe, 0 not answered.",
    );
    await organizer.send("/guests");
    expect((await organizer.waitForMessages(6))[5]!.text).toContain(`• Amina ${guestPhone} – coming, 2 people`);
  });

  it("lets someone not on the list ask through the event's link, and the organizer let them in", async () => {
    const organizer = service.user({ firstName: "Baraka" });
    await organizer.send("/newevent Send-off ya Zawadi | send-off | 2031-03-01 16:00 | Mlimani City");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await organizer.waitForMessages(1))[0]!.text)![1]!;

    // The event-wide link carries the event's secret token (the short code opens nothing for a stranger).
    await organizer.send(`/link ${code}`);
    await organizer.waitForMessages(2);
    const { shareToken } = await service.db.event.findUniqueOrThrow({ where: { code }, select: { shareToken: true } });
    const cousin = service.user({ firstName: "Halima" });
    const phone = uniquePhone();
    await cousin.start(shareToken!);
    await cousin.waitForMessages(1);
    await cousin.shareContact(phone);
    const [, , notListed] = await cousin.waitForMessages(3);
    // Her Telegram account spoke English before it had a number, and keeps to it.
    // Nothing of the event, not even its name, before the organizer lets her in.
    expect(notListed!.text).toBe(
      "Thank you Halima. I asked the organizer to let you in; you will get the invitation here when they do.",
    );
    const request = (await organizer.waitForMessages(3))[2]!.text;
    expect(request).toBe(
      `Halima (${phone}) opened the link of Send-off ya Zawadi but is not on the guest list. To let them in, send: /approve ${code} ${phone}`,
    );

    await organizer.send(`/approve ${code} ${phone}`);
    expect((await organizer.waitForMessages(4))[3]!.text).toBe(
      `Halima (${phone}) is let in and has the invitation now.`,
    );
    const card = (await cousin.waitForMessages(4))[3]!;
    expect(card.text).toContain("Baraka invites you to Send-off ya Zawadi.");
    await cousin.press("No, I cannot come");
    expect((await cousin.waitForMessages(5))[4]!.text).toContain("We are sorry you cannot come to Send-off ya Zawadi");
    const rows = await service.db.invitation.findFirstOrThrow({
      where: { event: { code }, recipientPhone: phone },
      include: { user: { include: { guestOf: true } } },
    });
    expect(rows.rsvpStatus).toBe("declined");
    expect(rows.user!.guestOf.find((g) => g.eventId === rows.eventId)?.rsvpStatus).toBe("declined");
  });
});
