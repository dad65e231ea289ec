// The whole journey of a new person through the Telegram channel: the real adapter long-polling the fake Bot API, the
// real engine on the test database, and the real outbound worker sending back through the adapter.
import { afterAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/until.js";
import { startTelegramService } from "../support/telegram-service.js";

const service = await startTelegramService();
afterAll(() => service.close());

describe("a new person on Telegram", () => {
  it("is greeted, changes language with a button, sees the commands and is helped when not understood", async () => {
    const amina = service.user({ firstName: "Amina" });

    // Telegram always tells the first name, so instead of asking it Nuru shows what it can do, in English: a
    // Telegram account has no phone number, so there is no country to guess Swahili from.
    await amina.send("hi");
    const [greeting] = await amina.waitForMessages(1);
    expect(greeting!.text).toContain("Here is what you can do with Nuru, Amina:");
    expect(greeting!.text).toContain("/invitations");
    // The reply was written in the same transaction as the person, so they exist by now.
    const user = await service.db.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: "telegram", externalId: amina.chatId } },
      include: { user: true },
    });
    expect(user.user).toMatchObject({ name: "Amina", phone: null, locale: "en" });

    await amina.send("/language");
    const [, question] = await amina.waitForMessages(2);
    expect(question).toMatchObject({ text: "Which language do you want?", buttons: ["English", "Kiswahili"] });

    await amina.press("Kiswahili");
    const [, , languageSet] = await amina.waitForMessages(3);
    expect(languageSet!.text).toBe("Lugha imewekwa Kiswahili.");
    expect((await service.db.user.findUniqueOrThrow({ where: { id: user.userId } })).locale).toBe("sw");
    // The tap is acknowledged, so the person's button stops spinning.
    const tapUpdateId = amina.lastUpdateId()! - service.updateIdShift;
    const tap = service.fake.servedUpdates.find((u) => u.update_id === tapUpdateId);
    expect(tap && "callback_query" in tap).toBe(true);
    const queryId = tap && "callback_query" in tap ? tap.callback_query.id : "";
    await waitFor(
      () => (service.fake.answeredCallbackQueries.includes(queryId) ? true : undefined),
      "the callback answer",
    );

    await amina.send("/help");
    const help = (await amina.waitForMessages(4))[3]!.text;
    expect(help).toContain("Haya ndiyo unayoweza kufanya na Nuru, Amina:");
    for (const command of ["/msaada", "/lugha", "/sitisha", "/start", "/mialiko"]) expect(help).toContain(command);

    await amina.send("nataka keki");
    expect((await amina.waitForMessages(5))[4]!.text).toBe(
      'Samahani, sijaelewa "nataka keki". Tuma /msaada kuona unachoweza kufanya.',
    );

    // Every message was handled once and answered once.
    await service.settle();
    expect(
      await service.db.inboundMessage.count({ where: { channel: "telegram", chatId: amina.chatId, status: "done" } }),
    ).toBe(5);
    expect(await service.db.outboundMessage.count({ where: { channel: "telegram", chatId: amina.chatId } })).toBe(5);
  });

  it("is greeted, not welcomed back, when their first message is the START button", async () => {
    const juma = service.user({ firstName: "Juma" });
    await juma.start();
    const [first] = await juma.waitForMessages(1);
    expect(first!.text).toContain("Here is what you can do with Nuru, Juma:");

    // From the second time on, START is a welcome back.
    await juma.start();
    expect((await juma.waitForMessages(2))[1]!.text).toBe("Welcome back, Juma! Send /help to see what you can do.");
  });

  it("answers a tap on a language button from an old message", async () => {
    const neema = service.user({ firstName: "Neema" });
    await neema.send("/language");
    await neema.waitForMessages(1);
    await neema.press("Kiswahili");
    expect((await neema.waitForMessages(2))[1]!.text).toBe("Lugha imewekwa Kiswahili.");
    // The conversation is over, but the other button of the same question still works.
    await neema.press("English");
    expect((await neema.waitForMessages(3))[2]!.text).toBe("Language set to English.");
  });
});
