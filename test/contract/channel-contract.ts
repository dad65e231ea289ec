// One suite, every adapter (BullMQ's adapter-conformance idea): each adapter's test file builds a harness that plays
// the network's side and calls runChannelContract. Waits are on events, never on fixed sleeps.
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelAdapter, InboundEvent, InboundSink } from "../../src/channels/channel.js";
import { PermanentSendError } from "../../src/channels/channel.js";
import { waitFor } from "../support/until.js";

export interface FakePerson {
  /** network id of the person, unique per test */
  id: string;
  phone?: string;
  name?: string;
}

export interface SentMessage {
  text: string;
  /** labels of the choices as the person sees them (buttons, or numbered lines parsed from the text) */
  choiceLabels: string[];
}

export interface ContractHarness {
  adapter: ChannelAdapter;
  /** A new person on the network, unique to the calling test. */
  newPerson(): FakePerson;
  /** The chat id the adapter reports (and sends to) for a private chat with this person. */
  chatIdOf(person: FakePerson): string;
  /** The network delivers a text message from the person; resolves once handed to the adapter. */
  deliverText(person: FakePerson, text: string): Promise<void>;
  /** The network delivers the very same message again (a redelivery after a timeout). */
  redeliverLast(person: FakePerson): Promise<void>;
  /** What the network received from the bot in the person's chat, oldest first. */
  sentTo(person: FakePerson): Promise<SentMessage[]>;
  /** A chat the network will refuse for good (blocked bot, unknown number). */
  refusedChatId(): string;
  close(): Promise<void>;
}

/** Resolves with the first n events the sink receives. */
function collectingSink(n: number, opts: { rejectFirst?: number } = {}) {
  const events: InboundEvent[] = [];
  let rejectLeft = opts.rejectFirst ?? 0;
  let resolveDone: (e: InboundEvent[]) => void = () => {};
  const done = new Promise<InboundEvent[]>((r) => (resolveDone = r));
  const sink: InboundSink = async (event) => {
    if (rejectLeft > 0) {
      rejectLeft--;
      throw new Error("database unavailable (simulated)");
    }
    events.push(event);
    if (events.length >= n) resolveDone(events.slice(0, n));
  };
  return { sink, done, events };
}

export function runChannelContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`channel contract: ${name}`, () => {
    let harness: ContractHarness | undefined;
    afterEach(async () => {
      await harness?.adapter.stop();
      await harness?.close();
      harness = undefined;
    });

    it("hands a text message to the sink with channel, chat, sender and content", async () => {
      harness = await makeHarness();
      const { sink, done } = collectingSink(1);
      await harness.adapter.start(sink);
      const person = harness.newPerson();
      await harness.deliverText(person, "Habari, nataka kuja");
      const [event] = await done;
      expect(event!.channel).toBe(harness.adapter.name);
      expect(event!.chatId).toBe(harness.chatIdOf(person));
      expect(event!.content).toEqual({ kind: "text", text: "Habari, nataka kuja" });
      expect(event!.externalId).toMatch(/\S/);
      expect(event!.sentAt).toBeInstanceOf(Date);
      expect(event!.sender.externalId).toMatch(/\S/);
    });

    it("gives a redelivered message the same externalId, so the engine can drop the repeat", async () => {
      harness = await makeHarness();
      const { sink, done } = collectingSink(2);
      await harness.adapter.start(sink);
      const person = harness.newPerson();
      await harness.deliverText(person, "ndiyo");
      await harness.redeliverLast(person);
      const [first, second] = await done;
      expect(second!.externalId).toBe(first!.externalId);
    });

    it("offers a message again when the sink refuses it (nothing is acknowledged before it is logged)", async () => {
      harness = await makeHarness();
      const { sink, done } = collectingSink(1, { rejectFirst: 2 });
      await harness.adapter.start(sink);
      const person = harness.newPerson();
      await harness.deliverText(person, "hello after an outage");
      const [event] = await done;
      expect(event!.content).toEqual({ kind: "text", text: "hello after an outage" });
    });

    it("sends text and choices that the person sees", async () => {
      harness = await makeHarness();
      await harness.adapter.start(async () => {});
      const person = harness.newPerson();
      const result = await harness.adapter.send({
        chatId: harness.chatIdOf(person),
        text: "Will you attend?",
        choices: [
          { label: "Yes", value: "rsvp:yes" },
          { label: "No", value: "rsvp:no" },
        ],
      });
      expect(result).toBeTypeOf("object");
      const h = harness;
      const sent = await waitFor(async () => {
        const all = await h.sentTo(person);
        return all.length ? all : undefined;
      }, "the sent message");
      expect(sent[0]!.text).toContain("Will you attend?");
      expect(sent[0]!.choiceLabels).toEqual(["Yes", "No"]);
    });

    it("reports a chat the network refuses for good as PermanentSendError", async () => {
      harness = await makeHarness();
      await harness.adapter.start(async () => {});
      await expect(harness.adapter.send({ chatId: harness.refusedChatId(), text: "hi" })).rejects.toBeInstanceOf(
        PermanentSendError,
      );
    });

    it("declares rate limits the outbound worker can enforce", async () => {
      harness = await makeHarness();
      const limits = harness.adapter.rateLimits;
      expect(limits.globalPerSecond).toBeGreaterThan(0);
      expect(limits.perChatIntervalMs).toBeGreaterThanOrEqual(0);
      expect(limits.groupPerMinute).toBeGreaterThan(0);
    });
  });
}
