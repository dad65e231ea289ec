// Delivery reports against the real database: a report that comes before the worker wrote the message's id is still
// recorded; a message Meta refused for the 24-hour window goes again as its template when it has one, else waits.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliveryRecorder } from "../../src/jobs/delivery.js";
import { heldReleaser } from "../../src/jobs/held.js";
import { createLogger } from "../../src/logger.js";
import { testDb } from "../support/services.js";

const db = testDb();
const chat = () => String(Math.floor(2557e8 + Math.random() * 1e8));

async function row(data: { status: "sending" | "sent"; externalId?: string; options?: object }) {
  return db.outboundMessage.create({
    data: { dedupeKey: `test:${randomUUID()}`, channel: "whatsapp_cloud", chatId: chat(), body: "Karibu", ...data },
  });
}

describe("delivery reports", () => {
  it("records a report that arrives before the worker has written the message's id", async () => {
    const sending = await row({ status: "sending" });
    const externalId = `wamid.${randomUUID()}`;
    const recorder = deliveryRecorder(db, "whatsapp_cloud");
    const recorded = recorder({ externalId, state: "delivered", at: new Date() });
    await new Promise((r) => setTimeout(r, 120));
    await db.outboundMessage.update({ where: { id: sending.id }, data: { status: "sent", externalId } });
    await recorded;
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: sending.id } })).deliveredAt).not.toBeNull();
  });

  it("gives up quickly on an old report about a message it does not know", async () => {
    const started = Date.now();
    await deliveryRecorder(
      db,
      "whatsapp_cloud",
    )({ externalId: `wamid.${randomUUID()}`, state: "read", at: new Date(Date.now() - 3_600_000) });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("queues a message refused for the window again, as its template, and holds one that has none", async () => {
    const template = { kind: "invitation", locale: "sw", params: ["Neema", "Harusi", "Jumamosi", "Mlimani"] };
    const withTemplate = await row({
      status: "sent",
      externalId: `wamid.${randomUUID()}`,
      options: { choices: [{ label: "Ndiyo", value: "rsvp:yes:H" }], template },
    });
    const plain = await row({ status: "sent", externalId: `wamid.${randomUUID()}` });
    const requeued: bigint[] = [];
    const heldChats: string[] = [];
    const recorder = deliveryRecorder(db, "whatsapp_cloud", {
      requeue: async (ids) => void requeued.push(...ids),
      onHeld: async (chat) => void heldChats.push(chat),
    });
    for (const r of [withTemplate, plain])
      await recorder({
        externalId: r.externalId!,
        state: "held",
        at: new Date(),
        detail: "131047 Re-engagement message",
      });

    expect(requeued).toEqual([withTemplate.id]);
    expect(heldChats).toEqual([plain.chatId]);
    const again = await db.outboundMessage.findUniqueOrThrow({ where: { id: withTemplate.id } });
    expect(again).toMatchObject({ status: "queued", lastError: "131047 Re-engagement message" });
    expect(again.options).toMatchObject({ template, windowClosed: true });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ status: "held" });

    // Should the template itself come back refused for the window, it waits too (no loop).
    await db.outboundMessage.update({ where: { id: withTemplate.id }, data: { status: "sent" } });
    await recorder({ externalId: withTemplate.externalId!, state: "held", at: new Date() });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: withTemplate.id } })).toMatchObject({
      status: "held",
    });
    expect(requeued).toHaveLength(1);

    // At the next start, a held message with a template is tried again (its template may be approved by now); one
    // without waits on for its person.
    const dispatched: bigint[] = [];
    const releaser = heldReleaser({
      db,
      channel: "whatsapp_cloud",
      logger: createLogger("silent"),
      dispatch: async (ids) => void dispatched.push(...ids),
    });
    expect(await releaser.retryTemplates()).toBeGreaterThanOrEqual(1);
    expect(dispatched).toContain(withTemplate.id);
    expect(dispatched).not.toContain(plain.id);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: withTemplate.id } })).toMatchObject({
      status: "queued",
    });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ status: "held" });
  });

  it("tells a person something waits once a day, in their language, and drops the note if they write before it goes", async () => {
    const user = await db.user.create({ data: { name: "Juma", phone: `+${chat()}`, locale: "sw" } });
    const chatId = user.phone!.slice(1);
    const waiting = await db.outboundMessage.create({
      data: {
        dedupeKey: `test:${randomUUID()}`,
        channel: "whatsapp_cloud",
        chatId,
        userId: user.id,
        body: "Booking confirmed",
        status: "held",
      },
    });
    const dispatched: bigint[] = [];
    const releaser = heldReleaser({
      db,
      channel: "whatsapp_cloud",
      logger: createLogger("silent"),
      dispatch: async (ids) => void dispatched.push(...ids),
    });
    expect(await releaser.ring(chatId)).toBe(true);
    expect(await releaser.ring(chatId)).toBe(false);
    const note = await db.outboundMessage.findFirstOrThrow({
      where: { chatId, dedupeKey: { startsWith: "waiting:" } },
    });
    expect(note).toMatchObject({
      status: "queued",
      userId: user.id,
      body: "Habari Juma! Nuru ina ujumbe mpya kwako kuhusu matukio yako. Jibu ujumbe huu kuusoma.",
    });
    expect(note.options).toEqual({ template: { kind: "waiting", locale: "sw", params: ["Juma"] } });
    expect(dispatched).toEqual([note.id]);

    // They write before the note went: what waited is released, the note is not sent.
    expect(await releaser.release(chatId)).toBe(1);
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "queued",
    });
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      status: "failed",
      lastError: "not needed: they wrote first",
    });
    // A chat with nothing held: nothing to ring for.
    expect(await releaser.ring(chat())).toBe(false);
  });
});
