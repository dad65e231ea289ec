// One hostile message must not stop the bot for anyone: a text PostgreSQL cannot store used to fail the inbound log's
// shared INSERT, refusing every message handed over with it, and be offered again for ever.
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/channel.js";
import { inboundLimits } from "../../src/channels/storable.js";
import { createInboundLog } from "../../src/engine/inbound-log.js";
import { startHarness } from "../support/engine-harness.js";
import { capturingLogger } from "../support/log-capture.js";
import { testDb, uniquePhone } from "../support/services.js";

const raw = (phone: string, text: string, externalId = `h-${Math.random().toString(36).slice(2)}`): InboundEvent => ({
  channel: "simulator",
  externalId,
  chatId: phone,
  sender: { externalId: phone, phone, name: "Tester" },
  content: { kind: "text", text },
  sentAt: new Date(),
});

describe("the inbound log, when the database refuses one message of a write", () => {
  it("logs the others as usual and stores the refused one quarantined, with the reason", async () => {
    const db = testDb();
    const { logger, lines } = capturingLogger();
    const log = createInboundLog(db, logger);
    const [a, b, c] = [uniquePhone(), uniquePhone(), uniquePhone()];
    // Handed over in one tick, so they share one INSERT; the middle one (bypassing the border's cleaning) has a NUL
    // character and the last a lone surrogate, which jsonb also refuses.
    const results = await Promise.all([
      log.append(raw(a, "hello")),
      log.append(raw(b, "hello\u0000world")),
      log.append(raw(c, "bad \uD800 half")),
      log.append(raw(a, "again")),
    ]);
    expect(results.map((r) => [r.duplicate, Boolean(r.quarantined)])).toEqual([
      [false, false],
      [false, true],
      [false, true],
      [false, false],
    ]);
    const rows = await db.inboundMessage.findMany({
      where: { id: { in: results.map((r) => r.id) } },
      orderBy: { id: "asc" },
    });
    // In arrival order, so a chat's messages are still handled in order.
    expect(rows.map((r) => r.chatId)).toEqual([a, b, c, a]);
    expect((rows[0]!.payload as { content: unknown }).content).toEqual({ kind: "text", text: "hello" });
    expect((rows[1]!.payload as { content: unknown }).content).toMatchObject({
      kind: "refused",
      reason: "unstorable",
      detail: expect.stringMatching(/^22P05 /),
    });
    expect((rows[2]!.payload as { content: unknown }).content).toMatchObject({
      kind: "refused",
      reason: "unstorable",
      detail: expect.stringMatching(/^22P02 /),
    });
    expect(rows.every((r) => r.status === "pending")).toBe(true);
    const said = lines.filter((l) => String(l.msg).includes("quarantined"));
    expect(said.map((l) => l.chatId)).toEqual([b, c]);
    expect(String(said[0]!.reason)).toMatch(/22P05 unsupported Unicode escape sequence/);
  });

  it("answers the sender of a quarantined message politely, in their language", async () => {
    const { logger } = capturingLogger();
    const harness = await startHarness({ logger });
    const phone = uniquePhone(); // a Tanzanian number: Kiswahili
    await harness.say(phone, "habari", "Asha");
    await harness.replies(phone, 1);
    const log = createInboundLog(harness.db, logger);
    await log.append(raw(phone, "nitakuja\u0000"));
    void harness.engine.processor.processChat("simulator", phone);
    const replies = await harness.replies(phone, 2);
    expect(replies[1]!.text).toBe(
      "Samahani, sikuweza kusoma ujumbe wako wa mwisho. Tafadhali utume tena kama maandishi ya kawaida.",
    );
  });
});

describe("hostile messages through the simulator API", () => {
  it("takes and answers every message of 40 people sending 10 each, some with NUL characters or lone surrogates", async () => {
    const { logger, lines } = capturingLogger();
    const harness = await startHarness({ logger });
    const app = express();
    app.use("/simulator", harness.simulator.router());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/simulator`;
    try {
      const people = Array.from({ length: 40 }, () => uniquePhone());
      const texts = (i: number) =>
        Array.from({ length: 10 }, (_, n) =>
          n % 3 === 1 ? `hello\u0000world ${i}.${n}` : n % 5 === 4 ? `half \uD83D pair` : n === 0 ? "/help" : "hello",
        );
      const statuses = await Promise.all(
        people.map(async (from, i) => {
          const got: number[] = [];
          // Each person in order (as a phone sends), everyone at once.
          for (const [n, text] of texts(i).entries()) {
            const response = await fetch(`${base}/api/messages`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ from, name: n === 0 ? `Mgeni\u0000 ${i}` : undefined, text, id: `m${n}` }),
            });
            got.push(response.status);
          }
          return got;
        }),
      );
      expect(statuses.flat().every((s) => s === 202)).toBe(true);
      // Everyone hears back about every message.
      for (const from of people) await harness.replies(from, 10, 30_000);
      await harness.settle();
      const rows = await harness.db.inboundMessage.findMany({ where: { chatId: { in: people } } });
      expect(rows).toHaveLength(400);
      expect(rows.every((r) => r.status === "done")).toBe(true);
      expect(JSON.stringify(rows.map((r) => r.payload))).not.toMatch(/\\u0000|\\ud83d"/i);
      const named = await harness.db.user.findMany({ where: { phone: { in: people } }, select: { name: true } });
      expect(named.every((u) => /^Mgeni \d+$/.test(u.name))).toBe(true);
      // The log says what was cleaned and why.
      const cleaned = lines.filter((l) => l.msg === "inbound message cleaned before logging");
      expect(cleaned.length).toBeGreaterThanOrEqual(40 * 4);
      expect(JSON.stringify(cleaned.map((l) => l.notes))).toMatch(/content\.text: removed 1 control character/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("answers a message longer than any Nuru acts on with its length and the limit, and goes on", async () => {
    const harness = await startHarness();
    const phone = "+4479" + String(Math.floor(Math.random() * 1e8)).padStart(8, "0"); // a UK number: English
    await harness.say(phone, "x".repeat(inboundLimits.text + 5), "Sam");
    await harness.say(phone, "/help", "Sam");
    const replies = await harness.replies(phone, 2);
    expect(replies[0]!.text).toBe(
      "Your message is too long for me (32,005 characters; I read at most 32,000). Please send it in shorter parts.",
    );
    expect(replies[1]!.text).toContain("Here is what you can do with Nuru");
  });
});
