// How a Telegram account, which comes without a phone number, reaches the invitations an organizer sent to a phone:
// through the code in an invitation (t.me/bot?start=CODE) or by sharing the person's own contact. Driven through the
// real Telegram adapter and engine against the test database.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startTelegramService, type TelegramService } from "../support/telegram-service.js";
import { uniquePhone } from "../support/services.js";

const service: TelegramService = await startTelegramService();
afterAll(() => service.close());
const db = service.db;

const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;

/**
 * An organizer's event and an invitation to `phone`, with the guest row an organizer's invite creates for the person
 * holding that number (created here when nobody does yet).
 */
async function invitedGuest(opts: {
  eventName: string;
  location?: string;
  startTime?: Date;
  guestLocale?: "en" | "sw";
}) {
  const organizer = await db.user.create({ data: { name: "Mratibu", phone: uniquePhone(), locale: "sw" } });
  const event = await db.event.create({
    data: {
      organizerId: organizer.id,
      name: opts.eventName,
      code: uniqueCode("EV"),
      location: opts.location ?? null,
      startTime: opts.startTime ?? null,
      status: "confirmed",
    },
  });
  const phone = uniquePhone();
  const guest = await db.user.create({ data: { name: "Mgeni", phone, locale: opts.guestLocale ?? "en" } });
  const invitation = await db.invitation.create({
    data: {
      eventId: event.id,
      recipientPhone: phone,
      recipientName: "Mgeni",
      code: uniqueCode("INV"),
      sentAt: new Date(),
    },
  });
  await db.eventGuest.create({ data: { eventId: event.id, userId: guest.id } });
  return { organizer, event, phone, guest, invitation };
}

const identityOf = (externalId: string) =>
  db.channelIdentity.findUnique({ where: { channel_externalId: { channel: "telegram", externalId } } });

describe("linking a Telegram account to invitations", () => {
  it("opens the invitation of a /start deep link once the Telegram account shares the invited number as its own", async () => {
    const startTime = new Date("2031-02-14T11:00:00Z"); // Friday, 14:00 in Dar es Salaam
    const { event, guest, invitation } = await invitedGuest({
      eventName: "Harusi ya Rehema",
      location: "Ukumbi wa Diamond",
      startTime,
      guestLocale: "sw",
    });
    // A first name of its own, so the bare account it starts as can be looked for in a database other files share.
    const firstName = `Rehema ${randomUUID().slice(0, 8)}`;
    const person = service.user({ firstName });

    // A forwarded link must not open someone else's invitation: the bot first asks for the number, with the button.
    await person.start(invitation.code!);
    const [ask] = await person.waitForMessages(1);
    expect(ask!.text).toContain("To open your invitation, share your phone number");
    expect(ask!.requestsPhone).toBe(true);
    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(1);

    // The bare account spoke English; from the link on, the bot speaks the invited person's language.
    await person.shareContact(guest.phone!.slice(1));
    const [, saved, linked] = await person.waitForMessages(3);
    expect(saved!.text).toBe(`Asante, namba yako ${guest.phone} imehifadhiwa.`);
    // Opened, the invitation is shown at once with its question, in the event's zone and the Swahili reading of time.
    expect(linked!.text).toBe(
      "Mratibu anakualika kwenye Harusi ya Rehema.\n🗓 Ijumaa 14 Februari 2031, saa nane mchana (14:00)\n📍 Ukumbi wa Diamond\n\nUtakuja?",
    );
    expect(linked!.buttons).toEqual(["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"]);

    // The Telegram account now belongs to the person the organizer invited; the bare account it started as is gone.
    expect((await identityOf(person.chatId))?.userId).toBe(guest.id);
    expect(await db.user.count({ where: { name: firstName } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).userId).toBe(guest.id);
    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(1);

    await person.send("/invitations");
    const list = (await person.waitForMessages(4))[3]!.text;
    expect(list).toContain("Harusi ya Rehema");
    expect(list).toContain("Ijumaa 14 Februari 2031, saa nane mchana (14:00)");
    expect(list).toContain("Ukumbi wa Diamond");
  });

  it("links a Telegram account that has chatted before to the holder of the number it shares as its own", async () => {
    const { event, phone, guest } = await invitedGuest({ eventName: "Send-off ya Zawadi", location: "Mlimani City" });
    const person = service.user({ firstName: "Zawadi" });
    await person.send("hi");
    await person.waitForMessages(1);
    const bare = (await identityOf(person.chatId))!.userId;
    expect(bare).not.toBe(guest.id);

    // Telegram gives the number of the request_contact button without "+".
    await person.shareContact(phone.slice(1));
    expect((await person.waitForMessages(2))[1]!.text).toBe(`Thank you, your number ${phone} is saved.`);
    expect((await identityOf(person.chatId))?.userId).toBe(guest.id);
    expect(await db.user.findUnique({ where: { id: bare } })).toBeNull();

    await person.send("/invitations");
    const list = (await person.waitForMessages(3))[2]!.text;
    expect(list).toContain("Send-off ya Zawadi");
    expect(list).toContain("Mlimani City");
    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("links a first-time Telegram account that shares its own number straight away", async () => {
    const { phone, guest } = await invitedGuest({ eventName: "Kikao cha Harusi" });
    const person = service.user({ firstName: "Baraka" });
    await person.shareContact(`+${phone.slice(1)}`);
    expect((await person.waitForMessages(1))[0]!.text).toBe(`Thank you, your number ${phone} is saved.`);
    expect((await identityOf(person.chatId))?.userId).toBe(guest.id);
  });

  it("politely refuses someone else's contact and changes nothing", async () => {
    const { phone, guest } = await invitedGuest({ eventName: "Harusi ya Siri" });
    const person = service.user({ firstName: "Mjanja" });
    await person.send("hi");
    await person.waitForMessages(1);
    const before = (await identityOf(person.chatId))!.userId;

    await person.shareContact(phone, { ownerUserId: person.id + 1, firstName: "Mgeni" });
    expect((await person.waitForMessages(2))[1]!.text).toBe(
      "Please share your own number with the button, not someone else's contact.",
    );
    expect((await identityOf(person.chatId))?.userId).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: before } })).phone).toBeNull();
    expect(await db.channelIdentity.count({ where: { userId: guest.id } })).toBe(0);

    // Still without a number: asked for it, with Telegram's share button.
    await person.send("/invitations");
    const prompt = (await person.waitForMessages(3))[2]!;
    expect(prompt.text).toBe("Share your phone number so I can find your invitations.");
    expect(prompt.requestsPhone).toBe(true);
  });

  it("does not open an invitation for an account that shares a different number", async () => {
    const { event, invitation } = await invitedGuest({ eventName: "Harusi ya Faraja" });
    const stranger = uniquePhone();
    const person = service.user({ firstName: "Mgeni Mwingine" });
    await person.start(invitation.code!);
    await person.waitForMessages(1);
    await person.shareContact(stranger.slice(1));
    const replies = await person.waitForMessages(2);
    expect(replies[1]!.text).toBe(
      `This invitation was sent to another phone number. Ask the organizer to invite your number ${stranger}.`,
    );
    // Refused whole: the turn's writes (the shared number included) rolled back, and the invitation is untouched.
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: (await identityOf(person.chatId))!.userId } })).phone,
    ).toBeNull();
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toEqual(invitation);
    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("answers an unknown code in the person's language and writes nothing", async () => {
    const { invitation } = await invitedGuest({ eventName: "Harusi Nyingine" });
    const person = service.user({ firstName: "Asha" });
    await person.send("/lugha sw");
    expect((await person.waitForMessages(1))[0]!.text).toBe("Lugha imewekwa Kiswahili.");
    const userId = (await identityOf(person.chatId))!.userId;

    await person.start("HAKUNA-12345");
    expect((await person.waitForMessages(2))[1]!.text).toBe(
      'Sikupata mwaliko wenye namba "HAKUNA-12345". Hakikisha namba kwenye mwaliko wako, au muombe mratibu akutumie tena.',
    );
    expect(await db.eventGuest.count({ where: { userId } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toEqual(invitation);
    expect((await identityOf(person.chatId))?.userId).toBe(userId);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).phone).toBeNull();
  });

  it("treats a deep-link payload Telegram could not have issued as a plain START, politely", async () => {
    const { invitation } = await invitedGuest({ eventName: "Harusi ya Mbali" });
    const person = service.user({ firstName: "Hamisi" });
    await person.send("hi");
    await person.waitForMessages(1);
    const userId = (await identityOf(person.chatId))!.userId;

    // Too long for a deep link (Telegram allows 64 characters), even though it begins with a real code.
    await person.start(`${invitation.code}${"x".repeat(65)}`);
    expect((await person.waitForMessages(2))[1]!.text).toBe("Welcome back, Hamisi! Send /help to see what you can do.");
    // Spaces cannot be in a deep link either.
    await person.start(`${invitation.code} please`);
    expect((await person.waitForMessages(3))[2]!.text).toBe("Welcome back, Hamisi! Send /help to see what you can do.");
    // Too short to be one of our codes, though Telegram would carry it.
    await person.start("ab");
    expect((await person.waitForMessages(4))[3]!.text).toBe(
      'I could not find an invitation with the code "ab". Check the code in your invitation, or ask the organizer to send it again.',
    );

    expect(await db.eventGuest.count({ where: { userId } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toEqual(invitation);
    expect(
      await db.inboundMessage.count({ where: { channel: "telegram", chatId: person.chatId, status: "done" } }),
    ).toBe(4);
  });
});
