// Redis away when replies are queued: ioredis holds such calls until it is back. The engine must not stall with it;
// replies stay in the outbox (status queued) for the reconciler.
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { isTransient } from "../../src/engine/chat-processor.js";
import { createLogger } from "../../src/logger.js";
import { testDb } from "../support/services.js";
import { until } from "../support/until.js";

const db = testDb();

describe("queueing replies while Redis is away", () => {
  it("keeps handling every chat and leaves the replies queued in the outbox", async () => {
    const engine = createEngine({
      db,
      logger: createLogger("silent"),
      dispatcher: { dispatch: () => new Promise<void>(() => {}) }, // never answers, like a command queued offline
      defaultCountry: "TZ",
      defaultLocale: "en",
      conversationTtlMs: 3_600_000,
      concurrency: 2,
    });
    const chats = Array.from({ length: 5 }, (_, i) => `+4420${String(Date.now() % 1e6).padStart(6, "0")}${i}0`);
    for (const chat of chats) {
      await engine.sink({
        channel: "simulator",
        externalId: `redis-away-${chat}`,
        chatId: chat,
        sender: { externalId: chat, phone: chat, name: "Tumaini" },
        content: { kind: "text", text: "/help" },
        sentAt: new Date(),
      });
    }
    // Five chats through two slots: would stop after two if a hanging dispatch held its slot.
    await until(
      "every message to be handled",
      async () => (await db.inboundMessage.count({ where: { chatId: { in: chats }, status: "done" } })) === 5,
      30_000,
    );
    expect(await db.outboundMessage.count({ where: { chatId: { in: chats }, status: "queued" } })).toBe(5);
    await engine.processor.idle();
  }, 40_000);
});

describe("isTransient", () => {
  it.each([
    [{ code: "P1001", message: "Can't reach database server" }, true],
    [{ code: "P2028", message: "Transaction API error" }, true],
    [{ code: "P2034", message: "write conflict or deadlock" }, true],
    [new Error("Connection terminated unexpectedly"), true],
    [new Error("connect ECONNREFUSED 127.0.0.1:5432"), true],
    [{ code: "P2002", message: "Unique constraint failed" }, false],
    [new Error("boom"), false],
  ])("classifies %j as %s", (error, transient) => {
    expect(isTransient(error)).toBe(transient);
  });
});
