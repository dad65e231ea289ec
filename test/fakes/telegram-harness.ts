// Contract harnesses for the Telegram adapter: one over long polling, one over the webhook.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type RequestHandler } from "express";
import type { Update } from "telegraf/types";
import { createTelegramAdapter, SECRET_HEADER, type TelegramAdapter } from "../../src/channels/telegram/index.js";
import { createLogger } from "../../src/logger.js";
import type { ContractHarness, FakePerson, SentMessage } from "../contract/channel-contract.js";
import { waitFor } from "../support/until.js";
import { REFUSED_CHAT_ID, startFakeTelegram, type BotMessage, type FakeTelegram } from "./telegram-bot-api.js";

export const WEBHOOK_SECRET = "test-webhook-secret-0123456789";

/** User ids unique across the test file, so no two tests ever share a chat. */
let nextUserId = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
export function newUserId(): number {
  return nextUserId++;
}

export function silentLogger() {
  return createLogger("silent");
}

function asSent(message: BotMessage): SentMessage {
  const rows = message.reply_markup?.inline_keyboard ?? [];
  return { text: message.text, choiceLabels: rows.flat().map((button) => button.text) };
}

function commonParts(fake: FakeTelegram) {
  return {
    newPerson: (): FakePerson => ({ id: String(newUserId()) }),
    chatIdOf: (person: FakePerson) => person.id,
    sentTo: async (person: FakePerson) => fake.botMessagesIn(person.id).map(asSent),
    refusedChatId: () => REFUSED_CHAT_ID,
  };
}

/** The adapter long-polls the fake; people send through the emulator's client. */
export async function pollingHarness(): Promise<ContractHarness & { fake: FakeTelegram }> {
  const fake = await startFakeTelegram();
  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    logger: silentLogger(),
    pollTimeoutSeconds: 5,
    retryDelayMs: 10,
  });
  return {
    fake,
    adapter,
    ...commonParts(fake),
    async deliverText(person, text) {
      const client = fake.clientFor(Number(person.id));
      await client.sendMessage(client.makeMessage(text));
    },
    async redeliverLast(person) {
      const updateId = fake.lastUserUpdateId(person.id);
      if (updateId === undefined) throw new Error(`nothing was delivered for ${person.id}`);
      // Redeliver exactly what Telegram handed out the first time.
      const served = await waitFor(
        () => fake.servedUpdates.find((u) => u.update_id === updateId),
        "the first delivery",
      );
      fake.redeliver(served);
    },
    close: () => fake.close(),
  };
}

/** A Telegram update carrying a private text message, as Telegram would POST it. */
export function textUpdate(updateId: number, userId: number, text: string): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: "private", first_name: `Person${userId}` },
      from: { id: userId, is_bot: false, first_name: `Person${userId}` },
      text,
    },
  };
}

/** An express app with the adapter's webhook handler mounted where the lead mounts it. */
export async function webhookReceiver(): Promise<{
  url: string;
  mount(handler: RequestHandler): void;
  post(body: unknown, secret?: string): Promise<Response>;
  close(): Promise<void>;
}> {
  let handler: RequestHandler | undefined;
  const app = express();
  // The URL must be known before the adapter exists (it goes into setWebhook), so the handler is bound late.
  app.post("/telegram/webhook", express.json(), (req, res, next) => {
    if (!handler) throw new Error("webhook handler not mounted");
    return handler(req, res, next);
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
  return {
    url,
    mount: (h) => (handler = h),
    post: (body, secret) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret === undefined ? {} : { [SECRET_HEADER]: secret }) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Telegram adapter in webhook mode against the fake Bot API, its handler mounted on a receiver of our own. */
export async function webhookAdapter(fake: FakeTelegram) {
  const receiver = await webhookReceiver();
  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    webhook: { url: receiver.url, secret: WEBHOOK_SECRET },
    logger: silentLogger(),
  });
  receiver.mount(adapter.webhookHandler());
  return { receiver, adapter };
}

/**
 * Telegram POSTs updates to the adapter's webhook with the secret header. The emulator's own webhook calls carry no
 * secret header, so the harness plays Telegram's side itself; sends still go to the fake Bot API.
 */
export async function webhookHarness(): Promise<ContractHarness & { fake: FakeTelegram; adapter: TelegramAdapter }> {
  const fake = await startFakeTelegram();
  const { receiver, adapter } = await webhookAdapter(fake);
  let nextUpdateId = 1;
  const lastUpdate = new Map<string, Update>();

  /** Like Telegram: POST again until the bot answers 2xx (bounded, so a broken adapter fails the test). */
  async function postUntilAccepted(update: Update): Promise<void> {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await receiver.post(update, WEBHOOK_SECRET);
      if (response.ok) return;
      statuses.push(response.status);
    }
    throw new Error(`webhook never accepted update ${update.update_id}: ${statuses.join(", ")}`);
  }

  return {
    fake,
    adapter,
    ...commonParts(fake),
    async deliverText(person, text) {
      const update = textUpdate(nextUpdateId++, Number(person.id), text);
      lastUpdate.set(person.id, update);
      await postUntilAccepted(update);
    },
    async redeliverLast(person) {
      const update = lastUpdate.get(person.id);
      if (!update) throw new Error(`nothing was delivered for ${person.id}`);
      await postUntilAccepted(update);
    },
    async close() {
      await receiver.close();
      await fake.close();
    },
  };
}
