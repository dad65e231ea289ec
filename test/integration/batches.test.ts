// The processor handles many chats per transaction (src/engine/chat-processor.ts). These tests make batches happen
// on purpose (messages handed over in one tick share one) and check what batching must never change: a failing
// turn taints no other chat, one person stays one person, a conflict at commit loses nothing, and two processes
// never interleave a chat.
import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/channel.js";
import type { CommandHandler } from "../../src/journeys/journey.js";
import type { ChatRef } from "../../src/engine/turn-store.js";
import type { Flow } from "../../flows/types.js";
import { AppError } from "../../src/errors.js";
import { counterCommand, counterFlow, testJourney } from "../support/counter-flow.js";
import { startHarness } from "../support/engine-harness.js";
import { uniquePhone } from "../support/services.js";

const refusingAfterWrite: CommandHandler = async (turn) => {
  await (await turn.db()).user.update({ where: { id: turn.user.id }, data: { name: "Half Written" } });
  throw new AppError("invitation.not_found", { code: "XYZ" });
};
/** The same with a write the batch holds back (TurnWrites) instead of one made at once. */
const renamingThenRefusing: CommandHandler = async (turn) => {
  turn.rename("Half Renamed");
  throw new AppError("invitation.not_found", { code: "ABC" });
};
/** Counts how often it runs: a turn run twice (its batch redone) shows here, though its effects are written once. */
let tallies = 0;
const tally: CommandHandler = async (turn) => {
  tallies++;
  turn.send({ text: { text: "tallied" } });
};
/** Gives the phone in its argument to a new person mid-batch, as another process could between a batch's read and its commit. */
const takePhone: CommandHandler = async (turn, args) => {
  await (await turn.db()).user.create({ data: { name: "Early Bird", phone: args } });
  turn.send({ text: { text: "taken" } });
};

/** A flow whose state cannot be stored (JSON has no BigInt): the turn succeeds and its commit fails, every time. */
const unsaveableFlow: Flow<{ n: bigint }, void> = {
  name: "unsaveable",
  version: 1,
  start: () => ({ state: { n: 1n }, effects: [{ type: "reply", reply: { text: { text: "never sent" } } }] }),
  handle: (state) => ({ state, effects: [] }),
};

const batches: ChatRef[][] = [];
const extra = {
  journeys: [
    testJourney({
      flows: [counterFlow, unsaveableFlow],
      commands: {
        count: counterCommand,
        refuse: refusingAfterWrite,
        rename: renamingThenRefusing,
        tally,
        takephone: takePhone,
        unsaveable: ((turn, _args, tools) => tools.startFlow(turn, "unsaveable")) satisfies CommandHandler,
      },
    }),
  ],
};
let handled = 0;
const h = await startHarness({ ...extra, onBatch: (chats) => batches.push(chats), onHandled: () => handled++ });
const sharedBatch = (...chatIds: string[]) =>
  batches.some((b) => chatIds.every((id) => b.some((c) => c.chatId === id)));
/** What the bot wrote to a chat, from the outbox (the simulator only delivers to chats named by a phone). */
const written = async (chatId: string) =>
  (await h.db.outboundMessage.findMany({ where: { chatId }, orderBy: { id: "asc" }, select: { body: true } })).map(
    (r) => r.body,
  );

let seq = 0;
const event = (chatId: string, sender: InboundEvent["sender"], text: string, isGroup = false): InboundEvent => ({
  channel: "simulator",
  externalId: `batch-${Date.now().toString(36)}-${++seq}`,
  chatId,
  isGroup,
  sender,
  content: { kind: "text", text },
  sentAt: new Date(),
});

describe("many chats in one transaction", () => {
  it("answers every chat of a batch when some of its turns are refused, and keeps none of the refused turns' writes", async () => {
    const [refuser, renamer] = [uniquePhone(), uniquePhone()];
    await h.say(refuser, "/help", "Zawadi");
    await h.say(renamer, "/help", "Rehema");
    await h.replies(refuser, 1);
    await h.replies(renamer, 1);
    const others = Array.from({ length: 30 }, () => uniquePhone());
    batches.length = 0;
    tallies = 0;
    await Promise.all([
      ...others.slice(0, 10).map((p) => h.say(p, "/tally")),
      h.say(refuser, "/refuse"),
      ...others.slice(10, 20).map((p) => h.say(p, "/tally")),
      h.say(renamer, "/rename"),
      ...others.slice(20).map((p) => h.say(p, "/tally")),
    ]);
    await h.settle();
    expect(sharedBatch(refuser, renamer, others[0]!, others[29]!)).toBe(true);
    // The others' turns ran once, in that batch: the refused turns were undone, not the batch.
    expect(tallies).toBe(30);

    expect((await h.replies(refuser, 2))[1]!.text).toContain('Sikupata mwaliko wenye namba "XYZ"');
    expect((await h.replies(renamer, 2))[1]!.text).toContain('Sikupata mwaliko wenye namba "ABC"');
    expect((await h.db.user.findUniqueOrThrow({ where: { phone: refuser } })).name).toBe("Zawadi");
    expect((await h.db.user.findUniqueOrThrow({ where: { phone: renamer } })).name).toBe("Rehema");
    for (const phone of others) expect((await h.replies(phone, 1))[0]!.text).toBe("tallied");
    // Each exactly once: one person, one answer, one handled message per chat.
    expect(await h.db.user.count({ where: { phone: { in: others } } })).toBe(30);
    expect(await h.db.outboundMessage.count({ where: { chatId: { in: others } } })).toBe(30);
    expect(
      await h.db.inboundMessage.count({ where: { chatId: { in: [...others, refuser, renamer] }, status: "done" } }),
    ).toBe(34);
  });

  it("makes one person of a new sender who writes in two chats at once", async () => {
    const phone = uniquePhone();
    const group = `group-${phone}`;
    const sender = { externalId: phone, phone };
    await Promise.all([h.engine.sink(event(phone, sender, "hi")), h.engine.sink(event(group, sender, "/help", true))]);
    await h.settle();
    expect(sharedBatch(phone, group)).toBe(true);
    expect((await h.replies(phone, 1))[0]!.text).toContain("Jina lako ni nani?");
    expect(await written(group)).toEqual([expect.stringContaining("Haya ndiyo unayoweza kufanya")]);
    expect(await h.db.user.count({ where: { phone } })).toBe(1);
    expect(await h.db.channelIdentity.count({ where: { channel: "simulator", externalId: phone } })).toBe(1);
  });

  it("makes one person of two new network ids that bring the same phone in one batch", async () => {
    const phone = uniquePhone();
    const [a, b] = [`a-${phone}`, `b-${phone}`];
    await Promise.all([
      h.engine.sink(event(a, { externalId: a, phone, name: "Asha" }, "hi")),
      h.engine.sink(event(b, { externalId: b, phone, name: "Asha" }, "hi")),
    ]);
    await h.settle();
    expect(sharedBatch(a, b)).toBe(true);
    const person = await h.db.user.findUniqueOrThrow({ where: { phone }, include: { channelIdentities: true } });
    expect(person.channelIdentities.map((i) => i.externalId).sort()).toEqual([a, b]);
    expect(await written(a)).toHaveLength(1);
    expect(await written(b)).toHaveLength(1);
  });

  it("handles each chat again on its own when the batch's commit meets a conflict", async () => {
    const taker = uniquePhone();
    const late = uniquePhone();
    await h.say(taker, "/help", "Taker");
    await h.replies(taker, 1);
    // The taker's turn gives `late` to someone after the batch looked the phone up, so the batch's own new person
    // for `late` collides at commit; alone, `late` is then found and linked.
    await Promise.all([h.say(taker, `/takephone ${late}`), h.say(late, "ngoja kidogo")]);
    await h.settle();
    expect(sharedBatch(taker, late)).toBe(true);
    expect((await h.replies(taker, 2))[1]!.text).toBe("taken");
    // Early Bird chose no language and the number's country was not consulted for them: English.
    expect((await h.replies(late, 1))[0]!.text).toContain("Sorry, I did not understand");
    const person = await h.db.user.findUniqueOrThrow({ where: { phone: late }, include: { channelIdentities: true } });
    expect(person.name).toBe("Early Bird");
    expect(person.channelIdentities.map((i) => i.externalId)).toEqual([late]);
    expect(await h.db.inboundMessage.count({ where: { chatId: { in: [taker, late] }, status: "done" } })).toBe(3);
  });

  it("links a known person's new network id once when it writes in two chats of one batch", async () => {
    const phone = uniquePhone();
    await h.db.user.create({ data: { name: "Mzee Juma", phone, locale: "en" } });
    const id = `wa-${phone}`;
    const group = `group-${id}`;
    await Promise.all([
      h.engine.sink(event(id, { externalId: id, phone }, "hello")),
      h.engine.sink(event(group, { externalId: id, phone }, "/help", true)),
    ]);
    await h.settle();
    expect(sharedBatch(id, group)).toBe(true);
    // Once, and without the batch falling back to one chat at a time.
    expect(batches.filter((b) => b.some((c) => c.chatId === id))).toHaveLength(1);
    const person = await h.db.user.findUniqueOrThrow({ where: { phone }, include: { channelIdentities: true } });
    expect(person.channelIdentities.map((i) => i.externalId)).toEqual([id]);
    expect(await written(group)).toEqual([expect.stringContaining("Here is what you can do with Nuru, Mzee Juma")]);
  });

  it("counts a commit that fails for one message's own reasons, and apologises after the last try", async () => {
    const phone = uniquePhone();
    await h.say(phone, "/help", "Sefu");
    await h.replies(phone, 1);
    await h.say(phone, "/unsaveable");
    await h.settle();
    // The reconciler's later tries, driven by hand.
    for (let i = 0; i < 3; i++) await h.engine.processor.processChat("simulator", phone);
    expect((await h.replies(phone, 2))[1]!.text).toContain(
      'Samahani, sikuweza kushughulikia ujumbe wako "/unsaveable"',
    );
    const row = await h.db.inboundMessage.findFirstOrThrow({ where: { chatId: phone, status: { not: "done" } } });
    expect(row).toMatchObject({ status: "failed", attempts: 3 });
    expect(row.lastError).toContain("BigInt");
  });

  it("keeps every chat in order when two processes take messages of the same chats", async () => {
    const other = await startHarness({ ...extra, onHandled: () => handled++ });
    const chats = Array.from({ length: 8 }, () => uniquePhone());
    for (const chat of chats) await h.say(chat, "/count", "Pacha");
    await Promise.all(chats.map((chat) => h.replies(chat, 1)));
    const rounds = 15;
    handled = 0;
    await Promise.all(
      chats.flatMap((chat) =>
        Array.from({ length: rounds }, (_, i) => {
          const via = i % 2 ? other : h;
          return via.engine.sink(event(chat, { externalId: chat, phone: chat }, `m${i}`));
        }),
      ),
    );
    await Promise.all([h.settle(), other.settle()]);
    // Handled once each, by whichever process held the chat (without the lock both would handle the same message,
    // the replies' keys hiding the repeat).
    expect(handled).toBe(chats.length * rounds);
    for (const chat of chats) {
      expect(await written(chat)).toEqual(["counting", ...Array.from({ length: rounds }, (_, i) => String(i + 1))]);
    }
    expect(await h.db.inboundMessage.count({ where: { chatId: { in: chats }, status: { not: "done" } } })).toBe(0);
  });
});
