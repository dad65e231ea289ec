// A message arriving while PostgreSQL is down is not acknowledged (Telegram will resend it) and is handled once it is
// back. The engine's database connection runs through a TCP proxy this file takes down and brings back; the test run's
// own connection (testDb) stays direct, to look at what was written.
import { afterAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/prisma.js";
import { textUpdate } from "../fakes/telegram-harness.js";
import { waitFor } from "../support/until.js";
import { inject, testDb } from "../support/services.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { startTelegramService } from "../support/telegram-service.js";

const observer = testDb();
const databaseUrl = new URL(inject("databaseUrl"));
const proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
const proxiedDb = createPrisma(proxy.url(inject("databaseUrl")));

const webhookService = await startTelegramService({ db: proxiedDb, webhook: true });
const pollingService = await startTelegramService({ db: proxiedDb });
afterAll(async () => {
  proxy.up();
  await webhookService.close();
  await pollingService.close();
  await proxiedDb.$disconnect();
  await proxy.close();
});

const inboundRows = (updateId: number) =>
  observer.inboundMessage.findMany({ where: { channel: "telegram", externalId: String(updateId) } });

/** Waits until every reply to the chat has left the outbox, so counts of sent messages are final. */
async function outboxSettled(chatId: string): Promise<void> {
  await waitFor(
    async () =>
      (await observer.outboundMessage.count({ where: { chatId, status: { in: ["queued", "sending"] } } })) === 0
        ? true
        : undefined,
    `the outbox of chat ${chatId} to settle`,
    15_000,
  );
}

describe("PostgreSQL down while a Telegram message arrives", () => {
  it("webhook: answers 500 (no acknowledgement) while down, 200 to Telegram's retry once up, and handles it once", async () => {
    // Only its id is used: in webhook mode the test plays Telegram and POSTs the person's updates itself.
    const person = webhookService.user();
    const update = textUpdate(webhookService.nextUpdateId(), person.id, "hi");
    const chatId = person.chatId;

    proxy.down();
    try {
      const refused = await webhookService.postUpdate(update);
      expect(refused.status).toBe(500);
      expect(await inboundRows(update.update_id)).toHaveLength(0);
    } finally {
      proxy.up();
    }

    const accepted = await webhookService.postUpdate(update);
    expect(accepted.status).toBe(200);
    const [reply] = await webhookService.waitForMessages(chatId, 1);
    expect(reply!.text).toContain(`Here is what you can do with Nuru, ${person.firstName}`);

    // Telegram may deliver once more (its retry crossed our answer): acknowledged, and nothing happens again.
    expect((await webhookService.postUpdate(update)).status).toBe(200);
    await webhookService.settle();
    await outboxSettled(chatId);
    expect(await inboundRows(update.update_id)).toMatchObject([{ status: "done" }]);
    expect(await observer.outboundMessage.count({ where: { channel: "telegram", chatId } })).toBe(1);
    expect(webhookService.fake.botMessagesIn(chatId)).toHaveLength(1);
  });

  it("long polling: does not move the offset past the update while down, and handles it once when back", async () => {
    const person = pollingService.user({ firstName: "Subira" });
    proxy.down();
    let emulatorUpdateId: number;
    try {
      await person.send("habari");
      emulatorUpdateId = await waitFor(
        () => pollingService.fake.lastUserUpdateId(person.chatId),
        "the update to reach the fake",
      );
      const seenId = String(emulatorUpdateId + pollingService.updateIdShift);
      // The adapter has fetched it and offered it to the engine several times, each refused.
      await waitFor(
        () =>
          pollingService.sinkAttempts.filter((a) => a.externalId === seenId && !a.ok).length >= 3 ? true : undefined,
        "three refused hand-overs",
      );
      expect(pollingService.sinkAttempts.filter((a) => a.externalId === seenId && a.ok)).toHaveLength(0);
      // No getUpdates call has confirmed it: every offset so far stays at or below the update's id.
      expect(
        pollingService.fake.getUpdatesOffsets.every((offset) => offset === undefined || offset <= emulatorUpdateId),
      ).toBe(true);
      expect(await inboundRows(emulatorUpdateId + pollingService.updateIdShift)).toHaveLength(0);
    } finally {
      proxy.up();
    }

    const [reply] = await person.waitForMessages(1);
    expect(reply!.text).toContain("Here is what you can do with Nuru, Subira");
    // Acknowledged now: the next poll carries an offset past it.
    await waitFor(
      () =>
        pollingService.fake.getUpdatesOffsets.some((offset) => offset !== undefined && offset > emulatorUpdateId)
          ? true
          : undefined,
      "the offset to move past the update",
    );
    await pollingService.settle();
    await outboxSettled(person.chatId);
    expect(await inboundRows(emulatorUpdateId + pollingService.updateIdShift)).toMatchObject([{ status: "done" }]);
    expect(await observer.outboundMessage.count({ where: { channel: "telegram", chatId: person.chatId } })).toBe(1);
    expect(person.messages()).toHaveLength(1);
  });
});

describe("the webhook's secret", () => {
  it("answers 401 without the secret or with a wrong one, and logs nothing of the update", async () => {
    const update = textUpdate(webhookService.nextUpdateId(), webhookService.user().id, "I am not Telegram");

    expect((await webhookService.postUpdate(update, null)).status).toBe(401);
    expect((await webhookService.postUpdate(update, "wrong-secret-0123456789")).status).toBe(401);
    expect(await inboundRows(update.update_id)).toHaveLength(0);

    // The same update with the right secret is logged: the check above could have seen a row.
    expect((await webhookService.postUpdate(update)).status).toBe(200);
    expect(await inboundRows(update.update_id)).toHaveLength(1);
  });
});
