// Polls, event information, announcements and contributions end to end on Telegram (the Bot API fake, the real
// engine, PostgreSQL, Redis and outbound worker): an organizer and a guest who opened her invitation link.
import { afterAll, describe, expect, it } from "vitest";
import { startTelegramService, type TelegramUser } from "../support/telegram-service.js";
import { uniquePhone } from "../support/services.js";

const service = await startTelegramService();
afterAll(() => service.close());

const lastText = async (user: TelegramUser, n: number) => (await user.waitForMessages(n))[n - 1]!;

describe("a guest's event on Telegram", () => {
  it("votes in a poll with buttons, reads the event with its pin, hears announcements and pledges", async () => {
    const organizer = service.user({ firstName: "Neema" });
    await organizer.send("/newevent Harusi ya Neema | wedding | 2031-09-12 14:00 | Diamond Jubilee Hall");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await lastText(organizer, 1)).text)![1]!;
    const phone = uniquePhone();
    await organizer.send(`/invite ${code} ${phone} Amina`);
    await organizer.waitForMessages(2);
    const invitation = await service.db.invitation.findFirstOrThrow({
      where: { event: { code }, recipientPhone: phone },
    });

    // The guest opens her link, proves her number, and accepts.
    const guest = service.user({ firstName: "Amina" });
    await guest.start(invitation.code!);
    await guest.waitForMessages(1);
    await guest.shareContact(phone);
    await guest.waitForMessages(3);
    await guest.press("Ndiyo, nitakuja");
    await guest.waitForMessages(4);
    await guest.send("1");
    expect((await lastText(guest, 5)).text).toContain("Unakuja kwenye Harusi ya Neema, mtu 1 kwa jumla.");

    // A poll reaches her as buttons; her tap is her vote.
    await organizer.send(`/poll ${code} Which dish? | Pilau | Biryani`);
    const poll = /Poll (P-[A-Z0-9]+) is open/.exec((await lastText(organizer, 3)).text)![1]!;
    const asked = await lastText(guest, 6);
    expect(asked.text).toContain("📊 Harusi ya Neema: Which dish?");
    expect(asked.buttons).toEqual(["Pilau", "Biryani"]);
    await guest.press("Biryani");
    expect((await lastText(guest, 7)).text).toBe(
      "Asante! Kura yako: Biryani. Unaweza kuibadilisha hadi kura itakapofungwa.",
    );
    await organizer.send(`/results ${poll}`);
    expect((await lastText(organizer, 4)).text).toBe(`📊 Which dish? (${poll})\nVotes: 1\n1. Pilau: 0\n2. Biryani: 1`);
    await organizer.send(`/closepoll ${poll}`);
    await organizer.waitForMessages(5);
    expect((await lastText(guest, 8)).text).toContain("imefungwa. Matokeo:\n1. Pilau: 0\n2. Biryani: 1");

    // The venue's pin goes with /info as a Telegram venue.
    await organizer.send(`/venue ${code} -6.7924, 39.2083 | Diamond Jubilee Hall`);
    await organizer.waitForMessages(6);
    await guest.send("/taarifa");
    expect((await lastText(guest, 9)).text).toContain(
      "Harusi ya Neema\n🗓 Ijumaa 12 Septemba 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall",
    );
    await service.settle();
    const venue = service.fake.mediaSent.find(
      (m) => m.method === "sendVenue" && String(m.body.chat_id) === guest.chatId,
    );
    expect(venue?.body).toMatchObject({ latitude: -6.7924, longitude: 39.2083, title: "Diamond Jubilee Hall" });

    await organizer.send(`/announce ${code} Karibuni nyote!`);
    expect((await lastText(organizer, 7)).text).toBe("Sent. Guests reached: 1.");
    expect((await lastText(guest, 10)).text).toBe("📣 Harusi ya Neema\nKaribuni nyote!\n— Neema");

    await guest.send("/toamaoni Hongera sana!");
    expect((await lastText(guest, 11)).text).toBe("Asante! Maoni yako kwenye Harusi ya Neema yamehifadhiwa.");
    await organizer.send(`/comments ${code}`);
    expect((await lastText(organizer, 8)).text).toBe("Comments on Harusi ya Neema:\n• Amina: Hongera sana!");

    // A pledge, its payment, and her thanks.
    await guest.send("/changia elfu ishirini");
    const pledged = (await lastText(guest, 12)).text;
    const ref = /(M-[A-Z0-9]+)/.exec(pledged)![1]!;
    expect(pledged).toContain("Asante kwa ahadi yako ya TZS 20,000 kwa Harusi ya Neema!");
    await organizer.send(`/paid ${ref} 20000`);
    expect((await lastText(organizer, 9)).text).toBe(
      `Recorded TZS 20,000 from Amina on ${ref}: paid TZS 20,000 of TZS 20,000.`,
    );
    expect((await lastText(guest, 13)).text).toBe(
      "Asante! Harusi ya Neema imepokea malipo yako ya TZS 20,000. Umelipa hadi sasa: TZS 20,000 kati ya TZS 20,000.",
    );
  });
});
