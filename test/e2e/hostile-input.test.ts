// Hostile messages through each real adapter, with the real engine, PostgreSQL, Redis and outbound worker: a NUL
// character in a text, a name, a caption or a shared contact's name, a lone surrogate, and a text longer than
// anything Nuru acts on, each between ordinary messages from other people. Every ordinary message is answered, the
// bad ones are answered or politely refused, Telegram's offset moves on and nothing is offered again for ever.
import type { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import type { InboundSink } from "../../src/channels/channel.js";
import { inboundLimits } from "../../src/channels/storable.js";
import { createEngine } from "../../src/engine/engine.js";
import { createOutboundDispatcher, createOutboundWorker } from "../../src/jobs/outbound.js";
import { fakeWhatsAppAdapter, FakeWhatsAppNetwork, untilReady } from "../fakes/whatsapp-client.js";
import { recordSends } from "../support/engine-harness.js";
import { capturingLogger } from "../support/log-capture.js";
import { testDb, testEngineDefaults, testRedis, uniquePrefix } from "../support/services.js";
import { startTelegramService, type TelegramService, type TelegramUser } from "../support/telegram-service.js";
import { waitFor } from "../support/until.js";

const tooLong = "ndiyo ".repeat(Math.ceil(inboundLimits.text / 6) + 10);

/** The emulator's message builder, without its text, for messages of other kinds. */
function sendRaw(service: TelegramService, user: TelegramUser, fields: Record<string, unknown>) {
  const client = service.fake.clientFor(user.id, { firstName: user.firstName });
  const { text: _text, ...message } = client.makeMessage("");
  return client.sendMessage({ ...message, ...fields } as unknown as Parameters<typeof client.sendMessage>[0]);
}

async function hostileRound(service: TelegramService) {
  const plain = service.user({ firstName: "Plain" });
  const nul = service.user({ firstName: "Nul" });
  const badName = service.user({ firstName: "Ju\u0000ma" });
  const photo = service.user({ firstName: "Photo" });
  const contact = service.user({ firstName: "Contact" });
  const surrogate = service.user({ firstName: "Half" });
  const long = service.user({ firstName: "Long" });

  await plain.send("hi");
  await nul.send("hello\u0000world");
  await plain.send("/help");
  await badName.send("hi");
  await sendRaw(service, photo, {
    photo: [{ file_id: "ph\u0000oto", file_unique_id: "u", width: 10, height: 10 }],
    caption: "our\u0000 picture",
  });
  await plain.send("/cancel");
  await sendRaw(service, contact, { contact: { phone_number: "+255712000999", first_name: "Ba\u0000ba", user_id: 1 } });
  await surrogate.send("nusu \uD83D ya emoji");
  await long.send(tooLong);
  await plain.send("still there?");

  expect((await plain.waitForMessages(4)).map((m) => m.text)).toEqual([
    expect.stringContaining("Here is what you can do with Nuru, Plain:"),
    expect.stringContaining("Here is what you can do with Nuru, Plain:"),
    "There is nothing to stop. Send /help to see what you can do.",
    'Sorry, I did not understand "still there?". Send /help to see what you can do.',
  ]);
  // The NUL text is cleaned and answered like any text.
  expect((await nul.waitForMessages(1))[0]!.text).toContain("Here is what you can do with Nuru, Nul:");
  // The NUL name is stored and shown without it.
  expect((await badName.waitForMessages(1))[0]!.text).toContain("Here is what you can do with Nuru, Juma:");
  expect((await photo.waitForMessages(1))[0]!.text).toContain("Here is what you can do with Nuru, Photo:");
  expect((await contact.waitForMessages(1))[0]!.text).toBe(
    "Please share your own number with the button, not someone else's contact.",
  );
  expect((await surrogate.waitForMessages(1))[0]!.text).toContain("Here is what you can do with Nuru, Half:");
  expect((await long.waitForMessages(1))[0]!.text).toMatch(
    /^Your message is too long for me \([\d,]+ characters; I read at most 32,000\)/,
  );

  // Every update was taken at its first offer, and the offset moved past the last of them.
  await service.settle();
  expect(service.sinkAttempts.filter((a) => !a.ok)).toEqual([]);
  const user = await service.db.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: "telegram", externalId: badName.chatId } },
    include: { user: true },
  });
  expect(user.user.name).toBe("Juma");
  const stored = await service.db.inboundMessage.findMany({
    where: { channel: "telegram", chatId: { in: [nul.chatId, photo.chatId, long.chatId] } },
  });
  expect(stored.every((r) => r.status === "done")).toBe(true);
  expect(stored.map((r) => (r.payload as { content: { kind: string } }).content)).toEqual(
    expect.arrayContaining([
      { kind: "text", text: "helloworld" },
      { kind: "media", mediaType: "photo", ref: "photo", caption: "our picture" },
      expect.objectContaining({ kind: "refused", reason: "too_long" }),
    ]),
  );
  return { plain };
}

describe("hostile messages on Telegram", () => {
  it("long polling: answers everyone and moves the offset past every update", async () => {
    const service = await startTelegramService();
    afterAll(() => service.close());
    const { plain } = await hostileRound(service);
    const last = service.fake.lastUserUpdateId(plain.chatId)!;
    await waitFor(
      () => (service.fake.getUpdatesOffsets.some((o) => o !== undefined && o > last) ? true : undefined),
      "the offset past the last update",
    );
  });

  it("webhook: acknowledges each update with 200 and answers everyone", async () => {
    const service = await startTelegramService({ webhook: true });
    afterAll(() => service.close());
    const chatId = 1_900_000_000 + Math.floor(Math.random() * 1e8);
    const update = (text: string, firstName = "Wa\u0000hu") => ({
      update_id: service.nextUpdateId(),
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private" },
        from: { id: chatId, is_bot: false, first_name: firstName },
        text,
      },
    });
    for (const text of ["hi\u0000", "nusu \uDC00", tooLong]) {
      const response = await service.postUpdate(update(text) as never);
      expect(response.status).toBe(200);
    }
    // An update shaped so that it cannot be translated is acknowledged (and logged), not refused for ever.
    const { text: _text, ...noText } = update("").message;
    const broken = { update_id: service.nextUpdateId(), message: { ...noText, photo: "not a list of sizes" } };
    expect((await service.postUpdate(broken as never)).status).toBe(200);
    expect((await service.postUpdate(update("/help") as never)).status).toBe(200);
    const seen = await service.waitForMessages(String(chatId), 4);
    expect(seen[0]!.text).toContain("Here is what you can do with Nuru, Wahu:");
    expect(seen[2]!.text).toMatch(/^Your message is too long for me/);
    expect(seen[3]!.text).toContain("Here is what you can do with Nuru, Wahu:");
  });
});

describe("hostile messages on WhatsApp", () => {
  it("answers everyone, and the sink never refuses (WhatsApp would hold and retry a refused message for ever)", async () => {
    const db = testDb();
    const connection = await testRedis();
    const redis = await testRedis();
    const prefix = uniquePrefix();
    const { logger, lines } = capturingLogger();
    const network = new FakeWhatsAppNetwork();
    const whatsapp = fakeWhatsAppAdapter(network, { logger, minIntervalMs: 10 });
    const dispatcher = createOutboundDispatcher({ connection, prefix, channels: ["whatsapp"] });
    const engine = createEngine({ db, logger, dispatcher, ...testEngineDefaults });
    const sent = recordSends(whatsapp);
    const workers: Worker[] = [createOutboundWorker({ db, adapter: sent.adapter, connection, redis, prefix, logger })];
    const refusals: string[] = [];
    const sink: InboundSink = (event) =>
      engine.sink(event).catch((error: unknown) => {
        refusals.push(event.externalId);
        throw error;
      });
    await whatsapp.start(sink);
    await untilReady(whatsapp);
    afterAll(async () => {
      await whatsapp.stop();
      await engine.processor.idle();
      await Promise.all(workers.map((w) => w.close()));
      await dispatcher.close();
    });

    const base = 255_780_000_000 + Math.floor(Math.random() * 1e6) * 10;
    const jid = (n: number) => `${base + n}@c.us`;
    const client = network.current;
    client.emitMessage({ from: jid(0), body: "habari", _data: { notifyName: "Plain" } });
    client.emitMessage({ from: jid(1), body: "habari\u0000yako", _data: { notifyName: "Nul" } });
    client.emitMessage({ from: jid(2), body: "habari", _data: { notifyName: "Ba\u0000raka" } });
    client.emitMessage({ from: jid(3), type: "image", body: "picha\u0000 yetu", _data: { notifyName: "Picha" } });
    const vcard =
      "BEGIN:VCARD\nVERSION:3.0\nFN:Ma\u0000ma\nTEL;type=CELL;waid=255754321000:+255 754 321 000\nEND:VCARD";
    client.emitMessage({ from: jid(4), type: "vcard", body: vcard, vCards: [vcard], _data: { notifyName: "Kadi" } });
    client.emitMessage({ from: jid(5), body: "nusu \uD83D", _data: { notifyName: "Nusu" } });
    client.emitMessage({ from: jid(6), body: tooLong, _data: { notifyName: "Ndefu" } });
    client.emitMessage({ from: jid(0), body: "msaada" });

    const textsTo = async (n: number, count: number) => {
      await waitFor(
        () => (network.sentTo(jid(n)).length >= count ? true : undefined),
        `${count} messages to ${jid(n)}`,
        20_000,
      );
      return network.sentTo(jid(n)).map((s) => String(s.content));
    };
    // Tanzanian numbers: Kiswahili.
    expect((await textsTo(0, 2))[1]).toContain("Haya ndiyo unayoweza kufanya na Nuru, Plain:");
    expect((await textsTo(1, 1))[0]).toContain("Nul");
    expect((await textsTo(2, 1))[0]).toContain("Baraka");
    expect((await textsTo(3, 1))[0]).toContain("Picha");
    expect((await textsTo(4, 1))[0]).toMatch(/Kadi|namba/);
    expect((await textsTo(5, 1))[0]).toContain("Nusu");
    expect((await textsTo(6, 1))[0]).toMatch(
      /^Ujumbe wako ni mrefu mno kwangu \(herufi [\d,]+; ninasoma hadi 32,000\)/,
    );
    await engine.processor.idle();
    expect(refusals).toEqual([]);
    const stored = await db.inboundMessage.findMany({
      where: { channel: "whatsapp", chatId: { in: [jid(3), jid(4)] } },
    });
    expect(stored.map((r) => (r.payload as { content: unknown }).content)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "media", mediaType: "photo", caption: "picha yetu" }),
        { kind: "contact", phone: "+255754321000", own: false, name: "Mama" },
      ]),
    );
    // NUL text, name, caption, contact name, lone surrogate, and the text refused as too long.
    expect(lines.filter((l) => l.msg === "inbound message cleaned before logging").length).toBe(6);
  });
});
