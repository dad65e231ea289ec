// A person who answers the very instant a question reaches them is never lost: the conversation state is committed
// (with the question in the outbox) before the question can be sent. Here every one of 1,000 people answers from
// inside the adapter's send(), before send() has even returned.
import { describe, expect, it } from "vitest";
import type { InboundSink } from "../../src/channels/channel.js";
import { startHarness } from "../support/engine-harness.js";

const people = 1000;
const phoneOf = (i: number) => `+2556${String(Date.now() % 1e4).padStart(4, "0")}${String(i).padStart(4, "0")}`;

describe("instant answers", () => {
  it(`keeps the answers of ${people} people who reply the moment the question arrives`, async () => {
    const h = await startHarness({ workerConcurrency: 32 });
    let sink: InboundSink = async () => {};
    const answered = new Set<string>();
    h.sent.emitter.on("sent", (message: { chatId: string; choices?: unknown[] }) => {
      if (message.choices && !answered.has(message.chatId)) {
        answered.add(message.chatId);
        void sink({
          channel: "simulator",
          externalId: `answer-${message.chatId}`,
          chatId: message.chatId,
          sender: { externalId: message.chatId, phone: message.chatId },
          content: { kind: "text", text: "2" },
          sentAt: new Date(),
        });
      }
    });
    sink = h.engine.sink;
    const phones = Array.from({ length: people }, (_, i) => phoneOf(i));
    await Promise.all(
      phones.map((p) => h.deliver(p, { kind: "text", text: "/language" }, `ask-${p}`, `Person ${p.slice(-4)}`)),
    );
    for (const phone of phones) {
      const replies = await h.replies(phone, 2, 60_000);
      expect(replies[1]!.text).toBe("Lugha imewekwa Kiswahili.");
    }
    const swahili = await h.db.user.count({ where: { phone: { in: phones }, locale: "sw" } });
    expect(swahili).toBe(people);
    expect(answered.size).toBe(people);
  }, 120_000);
});
