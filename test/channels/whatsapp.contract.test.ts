// The shared channel contract, with the fake whatsapp-web.js client playing WhatsApp's side.
import { pino } from "pino";
import { createWhatsAppAdapter } from "../../src/channels/whatsapp/adapter.js";
import type { WhatsAppMessageLike } from "../../src/channels/whatsapp/client.js";
import { runChannelContract, type FakePerson } from "../contract/channel-contract.js";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FakeWhatsAppNetwork, parseNumberedChoices, untilReady } from "../fakes/whatsapp-client.js";

let personSeq = 0;

/** Unique per test file run: a Tanzanian-looking mobile number. */
function uniqueDigits(): string {
  personSeq++;
  return `2557${(process.pid % 1000).toString().padStart(3, "0")}${personSeq.toString().padStart(5, "0")}`;
}

runChannelContract("whatsapp", async () => {
  const network = new FakeWhatsAppNetwork();
  const adapter = createWhatsAppAdapter({
    sessionDir: mkdtempSync(path.join(os.tmpdir(), "nuru-wa-")),
    chromiumPath: "/nonexistent/chromium",
    minIntervalMs: 1500,
    logger: pino({ level: "silent" }),
    clientFactory: network.factory,
    // Short, so "offers a message again" finishes quickly; the production default backs off to a minute.
    retryDelaysMs: [5, 10, 20],
    printQrToTerminal: false,
  });
  const lastMessage = new Map<string, WhatsAppMessageLike>();
  const chatIdOf = (person: FakePerson) => `${person.id}@c.us`;
  const refused = uniqueDigits();
  network.unregistered.add(refused);

  return {
    // Started means ready, as the contract expects: in the library "ready" comes after initialize() returns.
    adapter: {
      name: adapter.name,
      rateLimits: adapter.rateLimits,
      start: async (sink) => {
        await adapter.start(sink);
        await untilReady(adapter);
      },
      stop: () => adapter.stop(),
      send: (message) => adapter.send(message),
    },
    newPerson: () => {
      const digits = uniqueDigits();
      return { id: digits, phone: `+${digits}` };
    },
    chatIdOf,
    deliverText: async (person, text) => {
      const message = network.current.emitMessage({ from: chatIdOf(person), body: text });
      lastMessage.set(person.id, message);
    },
    redeliverLast: async (person) => {
      const message = lastMessage.get(person.id);
      if (!message) throw new Error("nothing delivered to redeliver");
      network.current.redeliver(message);
    },
    sentTo: async (person) =>
      network
        .sentTo(chatIdOf(person))
        .map((sent) =>
          parseNumberedChoices(
            typeof sent.content === "string" ? sent.content : "pollName" in sent.content ? sent.content.pollName : "",
          ),
        ),
    refusedChatId: () => `${refused}@c.us`,
    close: async () => {},
  };
});
