// The WhatsApp Cloud adapter between the fake Meta (Graph API and webhook calls) and a small express app serving its
// webhook, for the channel contract and the adapter's own tests.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createWhatsAppCloudAdapter, type WhatsAppCloudAdapter } from "../../src/channels/whatsapp-cloud/index.js";
import { createLogger } from "../../src/logger.js";
import type { ContractHarness, FakePerson } from "../contract/channel-contract.js";
import {
  API_VERSION,
  APP_SECRET,
  inboundWebhook,
  PHONE_NUMBER_ID,
  startFakeMeta,
  text,
  VERIFY_TOKEN,
  type FakeMeta,
} from "./whatsapp-cloud.js";

let nextNumber = 255_760_000_000 + Math.floor(Math.random() * 9_000_000) * 10;
/** WhatsApp ids (numbers with country code, digits) unique across a test file. */
export const newWaId = () => String(nextNumber++);

export interface CloudHarness extends ContractHarness {
  adapter: WhatsAppCloudAdapter;
  fake: FakeMeta;
  /** the webhook's address on the local server */
  webhookUrl: string;
}

export async function startCloudAdapter(
  fake: FakeMeta,
  options: Partial<Parameters<typeof createWhatsAppCloudAdapter>[0]> = {},
): Promise<{ adapter: WhatsAppCloudAdapter; webhookUrl: string; close: () => Promise<void> }> {
  const adapter = createWhatsAppCloudAdapter({
    token: fake.token,
    phoneNumberId: PHONE_NUMBER_ID,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    apiRoot: fake.apiRoot,
    apiVersion: API_VERSION,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    // Stands in for the database's last_seen_at: what Meta knows of when the person last wrote.
    lastInboundAt: async (chatId) => (fake.windowClosed(chatId) ? undefined : new Date()),
    retryDelayMs: 10,
    ...options,
  });
  const app = express();
  app.use("/whatsapp-cloud/webhook", adapter.webhook());
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp-cloud/webhook`;
  fake.webhookUrl = webhookUrl;
  return { adapter, webhookUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function cloudHarness(): Promise<CloudHarness> {
  const fake = await startFakeMeta();
  const { adapter, webhookUrl, close } = await startCloudAdapter(fake);
  const last = new Map<string, unknown>();
  const refused = newWaId();
  fake.refused.add(refused);
  return {
    adapter,
    fake,
    webhookUrl,
    newPerson(): FakePerson {
      const id = newWaId();
      // The contract is about translation: every person has written within the last day.
      fake.wrote(id);
      return { id, phone: `+${id}` };
    },
    chatIdOf: (person) => person.id,
    async deliverText(person, body) {
      const call = inboundWebhook({ waId: person.id }, text(body));
      last.set(person.id, call);
      await fake.callWebhook(call);
    },
    async redeliverLast(person) {
      await fake.callWebhook(last.get(person.id));
    },
    sentTo: async (person) => fake.shownTo(person.id).map((s) => ({ text: s.text, choiceLabels: s.choiceLabels })),
    refusedChatId: () => refused,
    async close() {
      await close();
      await fake.close();
    },
  };
}
