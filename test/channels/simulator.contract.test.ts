// The shared channel contract against the simulator, played over real HTTP the way the web page talks to it.
import type { AddressInfo } from "node:net";
import { randomInt, randomUUID } from "node:crypto";
import express from "express";
import { pino } from "pino";
import { runChannelContract, type ContractHarness, type FakePerson } from "../contract/channel-contract.js";
import { createSimulatorAdapter } from "../../src/channels/simulator/index.js";

interface WireMessage {
  seq: number;
  text: string;
  choices?: { label: string; value: string }[];
}

async function makeHarness(): Promise<ContractHarness> {
  const adapter = createSimulatorAdapter({ logger: pino({ level: "silent" }) });
  const app = express();
  app.use(adapter.router());
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lastBody = new Map<string, object>();
  const run = String(randomInt(10_000)).padStart(4, "0");
  let people = 0;

  /** Like the page's client: a 503 means "not taken", so the same body (same id) goes again until it is accepted. */
  async function postUntilTaken(body: object): Promise<void> {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const response = await fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status === 202) return;
      if (response.status !== 503) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
    }
    throw new Error("message still refused after 20 tries");
  }

  return {
    adapter,
    newPerson(): FakePerson {
      // +2557 and 8 digits: unique per harness (run) and per person.
      const phone = `+2557${run}${String(++people).padStart(4, "0")}`;
      return { id: phone, phone, name: `Person ${people}` };
    },
    chatIdOf: (person) => person.phone!,
    async deliverText(person, text) {
      const body = { from: person.phone, name: person.name, id: `m-${randomUUID()}`, text };
      lastBody.set(person.id, body);
      await postUntilTaken(body);
    },
    async redeliverLast(person) {
      const body = lastBody.get(person.id);
      if (!body) throw new Error("nothing delivered yet");
      await postUntilTaken(body);
    },
    async sentTo(person) {
      const response = await fetch(`${base}/api/chats/${encodeURIComponent(person.phone!)}/messages?after=0`);
      if (!response.ok) throw new Error(`GET answered ${response.status}`);
      const messages = (await response.json()) as WireMessage[];
      return messages.map((m) => ({ text: m.text, choiceLabels: (m.choices ?? []).map((c) => c.label) }));
    },
    refusedChatId: () => "not-a-phone",
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

runChannelContract("simulator", makeHarness);
