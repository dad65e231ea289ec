import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { counterCommand, counterFlow, testJourney } from "../support/counter-flow.js";
import { uniquePhone } from "../support/services.js";
import { AppError } from "../../src/errors.js";
import type { CommandHandler } from "../../src/journeys/journey.js";
import { logInbound } from "../../src/engine/inbound-log.js";
import type { InboundContent } from "../../src/channels/channel.js";

const failing: CommandHandler = async () => {
  throw new Error("boom");
};
const refusingAfterWrite: CommandHandler = async (turn) => {
  await (await turn.db()).user.update({ where: { id: turn.user.id }, data: { name: "Half Written" } });
  throw new AppError("invitation.not_found", { code: "XYZ" });
};

const h = await startHarness({
  journeys: [
    testJourney({
      flows: [counterFlow],
      commands: { count: counterCommand, boom: failing, refuse: refusingAfterWrite },
    }),
  ],
});

/** A phone outside East Africa, so the bot starts in English. */
const foreignPhone = () => `+4420${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

describe("conversations", () => {
  it("welcomes a new person in Swahili by their Tanzanian number, asks their name and saves it", async () => {
    const phone = uniquePhone();
    await h.say(phone, "Habari");
    expect((await h.replies(phone, 1))[0]!.text).toContain("Jina lako ni nani?");
    await h.say(phone, "1234");
    expect((await h.replies(phone, 2))[1]!.text).toContain("Tafadhali tuma jina lako");
    await h.say(phone, "  Neema   Mushi ");
    expect((await h.replies(phone, 3))[2]!.text).toContain("Neema Mushi");
    const user = await h.db.user.findUniqueOrThrow({ where: { phone } });
    expect(user).toMatchObject({ name: "Neema Mushi", locale: "sw", timeZone: "Africa/Dar_es_Salaam" });
    expect(await h.db.conversation.count({ where: { channel: "simulator", chatId: phone } })).toBe(0);
  });

  it("takes commands with or without the slash, in English and Swahili, and answers unknown text with help", async () => {
    const phone = foreignPhone();
    await h.say(phone, "hello", "Baraka");
    expect((await h.replies(phone, 1))[0]!.text).toContain("Here is what you can do with Nuru, Baraka");
    await h.say(phone, "lugha sw");
    expect((await h.replies(phone, 2))[1]!.text).toBe("Lugha imewekwa Kiswahili.");
    await h.say(phone, "MSAADA");
    expect((await h.replies(phone, 3))[2]!.text).toContain("Haya ndiyo unayoweza kufanya");
    await h.say(phone, "what is this?");
    expect((await h.replies(phone, 4))[3]!.text).toContain('Samahani, sijaelewa "what is this?"');
    await h.say(phone, "/language fr");
    expect((await h.replies(phone, 5))[4]!.text).toContain("Ninajua Kiswahili (sw) na English (en)");
  });

  it("offers choices and understands their number as the answer", async () => {
    const phone = uniquePhone();
    await h.say(phone, "/help", "Amina");
    await h.say(phone, "/language");
    const [, question] = await h.replies(phone, 2);
    expect(question!.choices?.map((c) => c.label)).toEqual(["English", "Kiswahili"]);
    await h.say(phone, "1");
    expect((await h.replies(phone, 3))[2]!.text).toBe("Language set to English.");
    expect((await h.db.user.findUniqueOrThrow({ where: { phone } })).locale).toBe("en");
  });

  it("stops a conversation on /cancel at any step and says so when there is nothing to stop", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/count", "Juma");
    await h.say(phone, "x");
    await h.say(phone, "/cancel");
    await h.say(phone, "sitisha");
    const replies = await h.replies(phone, 4);
    expect(replies.map((r) => r.text)).toEqual([
      "counting",
      "1",
      "Stopped. Send /help whenever you need me.",
      "There is nothing to stop. Send /help to see what you can do.",
    ]);
  });

  it("drops state from an older flow version with a polite restart, and an expired conversation likewise", async () => {
    const old = foreignPhone();
    await h.say(old, "/count", "Old");
    await h.replies(old, 1);
    await h.db.conversation.update({
      where: { channel_chatId_memberId: { channel: "simulator", chatId: old, memberId: "" } },
      data: { version: 0 },
    });
    await h.say(old, "x");
    expect((await h.replies(old, 2))[1]!.text).toContain("Nuru was updated");

    const stale = foreignPhone();
    await h.say(stale, "/count", "Stale");
    await h.replies(stale, 1);
    await h.db.conversation.update({
      where: { channel_chatId_memberId: { channel: "simulator", chatId: stale, memberId: "" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await h.say(stale, "x");
    const replies = await h.replies(stale, 3);
    expect(replies[1]!.text).toContain("timed out");
    expect(replies[2]!.text).toContain("I did not understand");
  });

  it("keeps a conversation per member in a group, so one member's tap never answers another's question", async () => {
    const group = `group-${foreignPhone()}`;
    const [asha, baraka] = [foreignPhone(), foreignPhone()];
    let n = 0;
    const inGroup = (from: string, name: string, content: InboundContent) =>
      h.engine.sink({
        channel: "simulator",
        externalId: `${group}-${++n}`,
        chatId: group,
        isGroup: true,
        sender: { externalId: from, phone: from, name },
        content,
        sentAt: new Date(),
      });
    const conversations = async () =>
      Object.fromEntries(
        (await h.db.conversation.findMany({ where: { chatId: group } })).map((c) => [c.memberId, c.flow]),
      );

    await inGroup(asha, "Asha", { kind: "text", text: "/language" });
    await inGroup(baraka, "Baraka", { kind: "text", text: "/count" });
    await h.settle();
    expect(await conversations()).toEqual({ [asha]: "language", [baraka]: "counter" });

    // Baraka taps Asha's Kiswahili button: not his question.
    await inGroup(baraka, "Baraka", { kind: "choice", value: "lang:sw" });
    await h.settle();
    expect(await conversations()).toEqual({ [asha]: "language", [baraka]: "counter" });
    expect((await h.db.user.findUniqueOrThrow({ where: { phone: baraka } })).locale).toBe("en");

    await inGroup(asha, "Asha", { kind: "choice", value: "lang:sw" });
    await h.settle();
    expect(await conversations()).toEqual({ [baraka]: "counter" });
    expect((await h.db.user.findUniqueOrThrow({ where: { phone: asha } })).locale).toBe("sw");
    const written = await h.db.outboundMessage.findMany({
      where: { chatId: group },
      orderBy: { id: "asc" },
      select: { body: true },
    });
    expect(written.slice(2).map((r) => r.body)).toEqual([
      "That button is from an earlier question. Send /help to start again.",
      "Lugha imewekwa Kiswahili.",
    ]);
  });

  it("refuses in the person's language and leaves nothing half-written", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/lugha sw", "Zawadi");
    await h.replies(phone, 1);
    await h.say(phone, "/refuse");
    expect((await h.replies(phone, 2))[1]!.text).toContain('Sikupata mwaliko wenye namba "XYZ"');
    expect((await h.db.user.findUniqueOrThrow({ where: { phone } })).name).toBe("Zawadi");
    const rows = await h.db.inboundMessage.findMany({ where: { chatId: phone }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["done", "done"]);
  });

  it("refuses a newcomer's unknown code in their number's language and counts the guess against them", async () => {
    const phone = uniquePhone();
    await h.say(phone, "/start NOPE42");
    expect((await h.replies(phone, 1))[0]!.text).toContain('Sikupata mwaliko wenye namba "NOPE42"');
    // The person is kept (with nothing else) so their guesses add up: codes cannot be tried without end.
    const user = await h.db.user.findFirstOrThrow({ where: { phone } });
    expect(await h.db.quotaUse.count({ where: { userId: user.id, kind: "unknown_code" } })).toBe(1);
    expect(await h.db.inboundMessage.count({ where: { chatId: phone, status: "done" } })).toBe(1);
  });

  it("ends the conversation a refusal interrupted, so the person is not stuck in it", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/count", "Kheri");
    await h.replies(phone, 1);
    await h.say(phone, "/refuse");
    await h.replies(phone, 2);
    expect(await h.db.conversation.count({ where: { channel: "simulator", chatId: phone } })).toBe(0);
  });

  it("retries a message that fails unexpectedly, then apologises instead of staying silent", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/boom", "Petro");
    await h.settle();
    // The first attempts are left pending for the reconciler; drive them as it would.
    for (let i = 0; i < 3; i++) await h.engine.processor.processChat("simulator", phone);
    const replies = await h.replies(phone, 1);
    expect(replies[0]!.text).toContain('Sorry, I could not handle your message "/boom"');
    const row = await h.db.inboundMessage.findFirstOrThrow({ where: { chatId: phone } });
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
  });
});

describe("no message lost or handled twice", () => {
  it("handles 100 messages sent at once into one chat one at a time, in order", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/count", "Racer");
    await h.replies(phone, 1);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => h.deliver(phone, { kind: "text", text: `m${i}` }, `race-${phone}-${i}`)),
    );
    const replies = await h.replies(phone, 101, 30_000);
    expect(replies.slice(1).map((r) => r.text)).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
    const conversation = await h.db.conversation.findUniqueOrThrow({
      where: { channel_chatId_memberId: { channel: "simulator", chatId: phone, memberId: "" } },
    });
    expect((conversation.state as { state: { count: number } }).state.count).toBe(100);
    expect(await h.db.inboundMessage.count({ where: { chatId: phone, status: "done" } })).toBe(101);
  });

  it("gives the same update delivered 50 times at once exactly one effect", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/count", "Twin");
    await h.replies(phone, 1);
    await Promise.all(
      Array.from({ length: 50 }, () => h.deliver(phone, { kind: "text", text: "again" }, `dup-${phone}`)),
    );
    await h.settle();
    await h.replies(phone, 2);
    expect(await h.db.inboundMessage.count({ where: { chatId: phone } })).toBe(2);
    expect(await h.db.outboundMessage.count({ where: { chatId: phone } })).toBe(2);
    const conversation = await h.db.conversation.findUniqueOrThrow({
      where: { channel_chatId_memberId: { channel: "simulator", chatId: phone, memberId: "" } },
    });
    expect((conversation.state as { state: { count: number } }).state.count).toBe(1);
  });

  it("handles a message at its repeat when the first delivery was logged but its answer lost", async () => {
    const phone = foreignPhone();
    const event = {
      channel: "simulator" as const,
      externalId: `lost-ack-${phone}`,
      chatId: phone,
      sender: { externalId: phone, phone, name: "Imani" },
      content: { kind: "text" as const, text: "/help" },
      sentAt: new Date(),
    };
    // The insert committed, then the connection dropped before the adapter heard back: nothing was processed.
    await logInbound(h.db, event);
    await h.engine.sink(event); // the network's retry
    expect((await h.replies(phone, 1))[0]!.text).toContain("Here is what you can do with Nuru, Imani");
    expect(await h.db.inboundMessage.count({ where: { chatId: phone } })).toBe(1);
  });

  it("records every reply in the outbox with its delivery status", async () => {
    const phone = foreignPhone();
    await h.say(phone, "/help", "Rehema");
    await h.replies(phone, 1);
    const deadline = Date.now() + 5000;
    let row = await h.db.outboundMessage.findFirstOrThrow({ where: { chatId: phone } });
    while (row.status !== "sent" && Date.now() < deadline)
      row = await h.db.outboundMessage.findFirstOrThrow({ where: { chatId: phone } });
    expect(row).toMatchObject({ status: "sent", channel: "simulator", attempts: 1 });
    expect(row.sentAt).toBeInstanceOf(Date);
  });
});

describe("group chats", () => {
  it("answers commands in a group and stays quiet about everything else", async () => {
    const group = `-100${Date.now() % 1e9}`;
    const member = foreignPhone();
    const event = (externalId: string, text: string) => ({
      channel: "simulator" as const,
      externalId,
      chatId: group,
      isGroup: true,
      sender: { externalId: member, phone: member, name: "Baraka" },
      content: { kind: "text" as const, text },
      sentAt: new Date(),
    });
    await h.engine.sink(event(`g1-${group}`, "Habari zenu wote!"));
    await h.engine.sink(event(`g2-${group}`, "/help"));
    await h.settle();
    const rows = await h.db.outboundMessage.findMany({ where: { chatId: group } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain("Here is what you can do with Nuru");
    expect(await h.db.inboundMessage.count({ where: { chatId: group, status: "done" } })).toBe(2);
  });
});
