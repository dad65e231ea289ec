// The organizer's and the provider's journeys on Telegram (the Bot API fake, the real engine, PostgreSQL, Redis and
// outbound worker): a provider lists a service, the organizer books it, the provider accepts with the buttons'
// guidance, the organizer gives a task, keeps the budget, confirms, completes and rates; both sides are told.
import { afterAll, describe, expect, it } from "vitest";
import { startTelegramService, type TelegramUser } from "../support/telegram-service.js";

const service = await startTelegramService();
afterAll(() => service.close());

const nth = async (user: TelegramUser, n: number) => (await user.waitForMessages(n))[n - 1]!;

describe("organizers and providers on Telegram", () => {
  it("books a provider, records the payment and budget, runs a task, completes the event and rates the service", async () => {
    const provider = service.user({ firstName: "Hamisi" });
    const tag = Math.random().toString(36).slice(2, 7);
    await provider.send(`/addservice MC Hamisi | MC${tag} | 300k-600k`);
    const serviceCode = /reference is (S-[A-Z0-9]+)\./.exec((await nth(provider, 1)).text)![1]!;

    const organizer = service.user({ firstName: "Neema" });
    await organizer.send("/newevent Harusi ya Neema | wedding | 2032-06-12 14:00 | Serena Hotel | 2m");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await nth(organizer, 1)).text)![1]!;
    await organizer.send(`/book ${code} ${serviceCode} Ceremony`);
    const booking = /\((B-[A-Z0-9]+)\)/.exec((await nth(organizer, 2)).text)![1]!;

    // The provider, on Telegram, gets the request with buttons; Accept asks the price (the command, sent instead, accepts).
    const request = await nth(provider, 2);
    expect(request.text).toContain(`Booking request ${booking}: Neema asks MC Hamisi for Harusi ya Neema`);
    expect(request.buttons).toEqual(["Accept", "Decline"]);
    await provider.press("Accept");
    expect((await nth(provider, 3)).text).toBe(
      `What is your price for MC Hamisi at Harusi ya Neema (${booking})? For example 800,000`,
    );
    await provider.send(`/accept ${booking} 500k 100k`);
    expect((await nth(provider, 4)).text).toContain(`You accepted ${booking}`);
    expect((await nth(organizer, 3)).text).toBe(
      "MC Hamisi accepted your booking for Harusi ya Neema: TZS 500,000, deposit TZS 100,000.",
    );

    // Messages through the booking, both ways.
    await organizer.send(`/msg ${booking} Please arrive by 13:00`);
    await nth(organizer, 4);
    expect((await nth(provider, 5)).text).toBe(
      `✉️ Neema (MC Hamisi, Harusi ya Neema): Please arrive by 13:00\nReply: /msg ${booking} your words`,
    );
    await provider.send(`/msg ${booking} Sure`);
    await nth(provider, 6);
    expect((await nth(organizer, 5)).text).toContain("✉️ Hamisi (MC Hamisi, Harusi ya Neema): Sure");

    await organizer.send(`/payment ${booking} deposit`);
    await nth(organizer, 6);
    expect((await nth(provider, 7)).text).toBe("Harusi ya Neema recorded a payment for MC Hamisi: deposit paid.");
    await organizer.send(`/expense ${code} Cake | 300k`);
    expect((await nth(organizer, 7)).text).toBe(
      "Added to the budget of Harusi ya Neema: Cake, TZS 300,000 (TZS 0 paid). Planned now TZS 800,000.",
    );

    // A task, then the lifecycle and the rating.
    await organizer.send(`/task ${code} Sound check | 2032-06-12 12:00`);
    const task = /Task (T-[A-Z0-9]+) added/.exec((await nth(organizer, 8)).text)![1]!;
    await organizer.send(`/done ${task}`);
    expect((await nth(organizer, 9)).text).toBe('"Sound check" is done. Thank you!');
    await organizer.send(`/confirm ${code}`);
    await organizer.send(`/complete ${code}`);
    // The event is still to come: completing it asks first.
    await organizer.send("yes");
    const ask = await nth(organizer, 13);
    expect(ask.text).toBe("How was MC Hamisi at Harusi ya Neema? Rate it from 1 to 5.");
    await organizer.press("★★★★★");
    expect((await nth(organizer, 14)).text).toContain("MC Hamisi rated 5/5");
    await provider.send("/myservices");
    expect((await nth(provider, 8)).text).toContain("rated 5.0/5");

    // A dispute, handled by an admin who writes from Telegram; both sides hear.
    const adminUser = service.user({ firstName: "Asha" });
    await adminUser.send("hi");
    await nth(adminUser, 1);
    const identity = await service.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: "telegram", externalId: adminUser.chatId } },
    });
    await service.db.admin.create({ data: { userId: identity.userId, name: "Asha" } });
    await provider.send(`/dispute ${booking} The deposit was late`);
    const dispute = /(D-[A-Z0-9]+)/.exec((await nth(provider, 9)).text)![1]!;
    expect((await nth(adminUser, 2)).text).toContain(`New dispute ${dispute}: Hamisi about MC Hamisi`);
    await adminUser.send(`/resolve ${dispute} Paid on the day`);
    await nth(adminUser, 3);
    expect((await nth(organizer, 16)).text).toContain(
      `Dispute ${dispute} about MC Hamisi at Harusi ya Neema is resolved: Paid on the day`,
    );
  });
});
