// Telegram adapter specifics beyond the shared contract: update mapping, the webhook's acknowledgement rules,
// polling offsets, callback answers, send rendering and error mapping. Network: test/fakes/telegram-bot-api.ts.
import { TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { PermanentSendError, RateLimitError, type InboundEvent, type InboundSink } from "../../src/channels/channel.js";
import { createTelegramAdapter, toInboundEvent, type TelegramAdapter } from "../../src/channels/telegram/index.js";
import { MAX_MESSAGE_CHARS, splitForTelegram } from "../../src/channels/telegram/outbound.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram-bot-api.js";
import { waitFor } from "../support/until.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { newUserId, silentLogger, textUpdate, WEBHOOK_SECRET, webhookAdapter } from "../fakes/telegram-harness.js";

const DATE = 1_750_000_000;
const amina = { id: 42, is_bot: false, first_name: "Amina", last_name: "Juma" } as const;
const privateChat = { id: 42, type: "private", first_name: "Amina" } as const;

function messageUpdate(fields: Record<string, unknown>, chat: object = privateChat): Update {
  return { update_id: 900, message: { message_id: 5, date: DATE, chat, from: amina, ...fields } } as unknown as Update;
}

describe("toInboundEvent", () => {
  it("maps a text message with chat, sender, id and time", () => {
    expect(toInboundEvent(messageUpdate({ text: "Habari" }))).toEqual({
      channel: "telegram",
      externalId: "900",
      chatId: "42",
      isGroup: false,
      sender: { externalId: "42", name: "Amina Juma" },
      content: { kind: "text", text: "Habari" },
      sentAt: new Date(DATE * 1000),
    });
  });

  it("maps /start with a deep-link payload", () => {
    expect(toInboundEvent(messageUpdate({ text: "/start inv_Ab-12" }))?.content).toEqual({
      kind: "start",
      payload: "inv_Ab-12",
    });
    expect(toInboundEvent(messageUpdate({ text: "/start" }))?.content).toEqual({ kind: "start" });
  });

  it("treats a payload Telegram could not have issued as a bare /start", () => {
    for (const text of ["/start bad$payload", `/start ${"a".repeat(65)}`, "/start two words"]) {
      expect(toInboundEvent(messageUpdate({ text }))?.content, text).toEqual({ kind: "start" });
    }
    // Not a start command at all.
    expect(toInboundEvent(messageUpdate({ text: "/started" }))?.content).toEqual({ kind: "text", text: "/started" });
  });

  it("tells a person's own shared number from someone else's contact", () => {
    const own = toInboundEvent(
      messageUpdate({ contact: { phone_number: "+255712345678", first_name: "Amina", user_id: 42 } }),
    );
    expect(own?.content).toEqual({ kind: "contact", phone: "+255712345678", own: true, name: "Amina" });
    expect(own?.sender.phone).toBe("+255712345678");

    const other = toInboundEvent(
      messageUpdate({ contact: { phone_number: "+255700000001", first_name: "Baba", user_id: 77 } }),
    );
    expect(other?.content).toEqual({ kind: "contact", phone: "+255700000001", own: false, name: "Baba" });
    expect(other?.sender.phone).toBeUndefined();

    const noUser = toInboundEvent(messageUpdate({ contact: { phone_number: "+255700000002", first_name: "Mama" } }));
    expect(noUser?.content).toMatchObject({ own: false });
  });

  it("keeps the largest size of a photo, with its caption", () => {
    const photo = [
      { file_id: "small", file_unique_id: "s", width: 90, height: 60 },
      { file_id: "large", file_unique_id: "l", width: 1280, height: 853 },
      { file_id: "medium", file_unique_id: "m", width: 320, height: 213 },
    ];
    expect(toInboundEvent(messageUpdate({ photo, caption: "ukumbi" }))?.content).toEqual({
      kind: "media",
      mediaType: "photo",
      ref: "large",
      caption: "ukumbi",
    });
  });

  it("maps documents, videos, voice notes and stickers", () => {
    const file = (id: string) => ({ file_id: id, file_unique_id: id });
    expect(toInboundEvent(messageUpdate({ document: file("doc") }))?.content).toEqual({
      kind: "media",
      mediaType: "document",
      ref: "doc",
    });
    expect(toInboundEvent(messageUpdate({ video: file("vid"), caption: "c" }))?.content).toEqual({
      kind: "media",
      mediaType: "video",
      ref: "vid",
      caption: "c",
    });
    expect(toInboundEvent(messageUpdate({ voice: file("voi") }))?.content).toEqual({
      kind: "media",
      mediaType: "audio",
      ref: "voi",
    });
    expect(toInboundEvent(messageUpdate({ audio: file("aud") }))?.content).toEqual({
      kind: "media",
      mediaType: "audio",
      ref: "aud",
    });
    expect(toInboundEvent(messageUpdate({ sticker: file("stk") }))?.content).toEqual({
      kind: "media",
      mediaType: "sticker",
      ref: "stk",
    });
  });

  it("maps a shared location, and a venue with its name and address", () => {
    expect(toInboundEvent(messageUpdate({ location: { latitude: -6.79, longitude: 39.2 } }))?.content).toEqual({
      kind: "location",
      latitude: -6.79,
      longitude: 39.2,
    });
    const venue = {
      location: { latitude: -6.79, longitude: 39.2 },
      title: "Diamond Jubilee",
      address: "Dar es Salaam",
    };
    expect(toInboundEvent(messageUpdate({ venue, location: venue.location }))?.content).toEqual({
      kind: "location",
      latitude: -6.79,
      longitude: 39.2,
      name: "Diamond Jubilee",
      address: "Dar es Salaam",
    });
  });

  it("maps a button tap to a choice in the chat of the message that carried the button", () => {
    const receivedAt = new Date("2025-06-01T10:00:00Z");
    const update = {
      update_id: 901,
      callback_query: {
        id: "cbq-1",
        from: amina,
        chat_instance: "ci",
        data: "rsvp:yes",
        message: { message_id: 9, date: DATE, chat: { id: -100200, type: "supergroup", title: "Harusi" } },
      },
    } as unknown as Update;
    expect(toInboundEvent(update, receivedAt)).toEqual({
      channel: "telegram",
      externalId: "901",
      chatId: "-100200",
      isGroup: true,
      sender: { externalId: "42", name: "Amina Juma" },
      content: { kind: "choice", value: "rsvp:yes" },
      sentAt: receivedAt,
    });
  });

  it("marks group and supergroup chats as groups and accepts /start@bot there", () => {
    const group = { id: -300, type: "group", title: "Kamati" };
    const event = toInboundEvent(messageUpdate({ text: "/start@NuruBot ev_1" }, group));
    expect(event).toMatchObject({ chatId: "-300", isGroup: true, content: { kind: "start", payload: "ev_1" } });
    expect(toInboundEvent(messageUpdate({ text: "x" }, { id: -1001, type: "supergroup", title: "S" }))?.isGroup).toBe(
      true,
    );
  });

  it("ignores edits, channel posts and messages Nuru does not handle", () => {
    const edited = {
      update_id: 1,
      edited_message: { message_id: 1, date: DATE, chat: privateChat, from: amina, text: "x" },
    };
    const channelPost = {
      update_id: 2,
      channel_post: { message_id: 1, date: DATE, chat: { id: -5, type: "channel" }, text: "x" },
    };
    expect(toInboundEvent(edited as unknown as Update)).toBeUndefined();
    expect(toInboundEvent(channelPost as unknown as Update)).toBeUndefined();
    expect(toInboundEvent(messageUpdate({ dice: { emoji: "🎲", value: 3 } }))).toBeUndefined();
  });
});

// Everything below talks HTTP to the fake Bot API; each test gets its own fake and adapter.
let fake: FakeTelegram | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await fake?.close();
  fake = undefined;
});

async function pollingAdapter(pollTimeoutSeconds = 5): Promise<{ fake: FakeTelegram; adapter: TelegramAdapter }> {
  fake ??= await startFakeTelegram();
  const adapter = createTelegramAdapter({
    token: fake.token,
    apiRoot: fake.apiRoot,
    logger: silentLogger(),
    pollTimeoutSeconds,
    retryDelayMs: 10,
  });
  cleanups.push(() => adapter.stop());
  return { fake, adapter };
}

/** Fails with a clear message instead of hanging until the test timeout. */
async function within<T>(promise: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A promise with its resolver, for holding the sink while we look at what happened so far. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("webhook", () => {
  async function webhookSetup(sink: InboundSink) {
    fake = await startFakeTelegram();
    const { receiver, adapter } = await webhookAdapter(fake);
    cleanups.push(() => receiver.close());
    await adapter.start(sink);
    cleanups.push(() => adapter.stop());
    return { receiver, adapter };
  }

  it("refuses requests without the right secret, says nothing and never calls the sink", async () => {
    const events: InboundEvent[] = [];
    const { receiver } = await webhookSetup(async (e) => void events.push(e));
    const update = textUpdate(1, newUserId(), "hi");
    const sameLength = WEBHOOK_SECRET.slice(0, -1) + (WEBHOOK_SECRET.endsWith("x") ? "y" : "x");
    for (const secret of [undefined, sameLength, "short", WEBHOOK_SECRET + "-longer"]) {
      const response = await receiver.post(update, secret);
      expect(response.status, `secret ${secret}`).toBe(401);
      expect(await response.text()).toBe("");
    }
    expect(events).toEqual([]);
  });

  it("answers 400 to bodies that are not updates", async () => {
    const events: InboundEvent[] = [];
    const { receiver } = await webhookSetup(async (e) => void events.push(e));
    for (const body of [
      { hello: 1 },
      [1, 2],
      { update_id: "7" },
      { update_id: 7, message: { text: "no chat" } },
      "{not json",
    ]) {
      const response = await receiver.post(body, WEBHOOK_SECRET);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(events).toEqual([]);
  });

  it("answers 500 when the sink refuses, so Telegram retries", async () => {
    const { receiver } = await webhookSetup(async () => {
      throw new Error("database unavailable (simulated)");
    });
    expect((await receiver.post(textUpdate(2, newUserId(), "hi"), WEBHOOK_SECRET)).status).toBe(500);
  });

  it("answers 200 only after the sink has resolved", async () => {
    const hold = gate();
    const events: InboundEvent[] = [];
    const { receiver } = await webhookSetup(async (event) => {
      events.push(event);
      await hold.opened;
    });
    let answered = false;
    const response = receiver.post(textUpdate(3, newUserId(), "subiri"), WEBHOOK_SECRET).then((r) => {
      answered = true;
      return r;
    });
    await waitFor(() => events[0], "the sink to be called");
    // A full round trip on another request: a premature answer to the first would have arrived by now.
    await receiver.post({}, "wrong");
    expect(answered).toBe(false);
    hold.open();
    expect((await response).status).toBe(200);
    expect(events[0]!.content).toEqual({ kind: "text", text: "subiri" });
  });

  it("acknowledges updates Nuru ignores without calling the sink", async () => {
    const events: InboundEvent[] = [];
    const { receiver } = await webhookSetup(async (e) => void events.push(e));
    const edited = {
      update_id: 4,
      edited_message: { message_id: 1, date: DATE, chat: privateChat, from: amina, text: "x" },
    };
    expect((await receiver.post(edited, WEBHOOK_SECRET)).status).toBe(200);
    expect(events).toEqual([]);
  });

  it("answers 503 once stopped, so Telegram keeps the update for later", async () => {
    const { receiver, adapter } = await webhookSetup(async () => {});
    await adapter.stop();
    expect((await receiver.post(textUpdate(5, newUserId(), "late"), WEBHOOK_SECRET)).status).toBe(503);
  });

  it("answers a callback query once, after the sink took it", async () => {
    const events: InboundEvent[] = [];
    let refusals = 0;
    const { receiver, adapter } = await webhookSetup(async (e) => {
      if (refusals++ < 1) throw new Error("database unavailable (simulated)");
      events.push(e);
    });
    const userId = newUserId();
    const update = {
      update_id: 6,
      callback_query: {
        id: "cbq-webhook",
        from: { id: userId, is_bot: false, first_name: "P" },
        chat_instance: "ci",
        data: "rsvp:no",
        message: { message_id: 1, date: DATE, chat: { id: userId, type: "private" } },
      },
    };
    expect((await receiver.post(update, WEBHOOK_SECRET)).status).toBe(500);
    expect((await receiver.post(update, WEBHOOK_SECRET)).status).toBe(200);
    expect(events[0]!.content).toEqual({ kind: "choice", value: "rsvp:no" });
    // stop() waits for answers in flight; the refused delivery must not have answered.
    await adapter.stop();
    expect(fake!.answeredCallbackQueries).toEqual(["cbq-webhook"]);
  });
});

describe("long polling", () => {
  it("does not advance the offset while the sink refuses, and advances it once the sink takes the update", async () => {
    const { fake, adapter } = await pollingAdapter();
    const attempts: { externalId: string; offsetsSoFar: (number | undefined)[] }[] = [];
    const accepted = gate();
    await adapter.start(async (event) => {
      attempts.push({ externalId: event.externalId, offsetsSoFar: [...fake.getUpdatesOffsets] });
      if (attempts.length <= 3) throw new Error("database unavailable (simulated)");
      accepted.open();
    });
    const client = fake.clientFor(newUserId());
    await client.sendMessage(client.makeMessage("retry me"));
    await within(accepted.opened, "the sink to take the update");

    const updateId = Number(attempts[0]!.externalId);
    expect(attempts.map((a) => a.externalId)).toEqual(Array(4).fill(String(updateId)));
    // While refused, no getUpdates told Telegram to forget it.
    for (const offset of attempts.flatMap((a) => a.offsetsSoFar)) {
      expect(offset === undefined || offset <= updateId).toBe(true);
    }
    await waitFor(() => (fake.getUpdatesOffsets.includes(updateId + 1) ? true : undefined), "the offset to advance");
  });

  it("offers the updates of one getUpdates together, and offers a refused one again without skipping it", async () => {
    const { fake, adapter } = await pollingAdapter();
    const client = fake.clientFor(newUserId());
    for (const text of ["one", "two", "three"]) await client.sendMessage(client.makeMessage(text));
    const release = gate();
    const calls: string[] = [];
    const ids = new Map<string, number>();
    let offsetsBeforeRetry: (number | undefined)[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    await adapter.start(async (event) => {
      const text = event.content.kind === "text" ? event.content.text : "?";
      calls.push(text);
      ids.set(text, Number(event.externalId));
      if (calls.length === 4) offsetsBeforeRetry = [...fake.getUpdatesOffsets];
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await release.opened;
        if (text === "two" && calls.filter((c) => c === "two").length === 1)
          throw new Error("database unavailable (simulated)");
      } finally {
        inFlight--;
      }
    });
    await waitFor(() => (calls.length === 3 ? true : undefined), "all three offered");
    expect(mostInFlight).toBe(3);
    release.open();
    await waitFor(() => (calls.length === 4 ? true : undefined), "the refused update offered again");
    expect(calls).toEqual(["one", "two", "three", "two"]);
    // Until "two" was taken, no getUpdates told Telegram to forget it...
    for (const offset of offsetsBeforeRetry) expect(offset === undefined || offset <= ids.get("two")!).toBe(true);
    // ...and then the offset moved past all three.
    await waitFor(
      () => (fake.getUpdatesOffsets.includes(ids.get("three")! + 1) ? true : undefined),
      "the offset to move past the three",
    );
  });

  it("leaves a refused update with Telegram, so the next run receives it", async () => {
    const first = await pollingAdapter();
    const refusals: InboundEvent[] = [];
    await first.adapter.start(async (event) => {
      refusals.push(event);
      throw new Error("database unavailable (simulated)");
    });
    const client = first.fake.clientFor(newUserId());
    await client.sendMessage(client.makeMessage("do not lose me"));
    await waitFor(() => refusals[0], "the first offer");
    await first.adapter.stop();

    const second = await pollingAdapter();
    const taken = gate();
    const received: InboundEvent[] = [];
    await second.adapter.start(async (event) => {
      received.push(event);
      taken.open();
    });
    await within(taken.opened, "the sink to take the update");
    expect(received[0]!.externalId).toBe(refusals[0]!.externalId);
    expect(received[0]!.content).toEqual({ kind: "text", text: "do not lose me" });
  });

  it("answers a callback query once, after the sink took it", async () => {
    const { fake, adapter } = await pollingAdapter();
    let refusals = 0;
    const taken = gate();
    const events: InboundEvent[] = [];
    await adapter.start(async (event) => {
      if (refusals++ < 3) throw new Error("database unavailable (simulated)");
      events.push(event);
      taken.open();
    });
    const client = fake.clientFor(newUserId());
    await client.sendCallback(client.makeCallbackQuery("rsvp:yes"));
    await within(taken.opened, "the sink to take the update");
    expect(events[0]!.content).toEqual({ kind: "choice", value: "rsvp:yes" });
    // stop() waits for answers in flight, so every answer the adapter sent has now reached the fake.
    await adapter.stop();
    const served = fake.servedUpdates.find((u) => "callback_query" in u);
    const queryId = served && "callback_query" in served ? served.callback_query.id : undefined;
    expect(queryId).toBeDefined();
    // One answer, not one per refused attempt: the refused offers must not have answered.
    expect(fake.answeredCallbackQueries).toEqual([queryId]);
  });

  it("keeps polling after getUpdates fails", async () => {
    const { fake, adapter } = await pollingAdapter();
    fake.failNext("getUpdates", { ok: false, error_code: 502, description: "Bad Gateway" });
    fake.failNext("getUpdates", { ok: false, error_code: 502, description: "Bad Gateway" });
    const taken = gate();
    await adapter.start(async () => taken.open());
    const client = fake.clientFor(newUserId());
    await client.sendMessage(client.makeMessage("still there?"));
    await within(taken.opened, "the sink to take the update");
    expect(fake.getUpdatesOffsets.length).toBeGreaterThanOrEqual(3);
  });

  it("starts with Telegram unreachable, says so, and connects and receives once the network is back", async () => {
    fake ??= await startFakeTelegram();
    const root = new URL(fake.apiRoot);
    const proxy = await startTcpProxy({ host: root.hostname, port: Number(root.port) });
    cleanups.push(() => proxy.close());
    proxy.down();
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: `${root.protocol}//127.0.0.1:${proxy.port}${root.pathname.replace(/\/$/, "")}`,
      logger: silentLogger(),
      pollTimeoutSeconds: 1,
      retryDelayMs: 20,
    });
    cleanups.push(() => adapter.stop());
    const taken = gate();
    // Before, start() threw and Nuru exited, taking the simulator, WhatsApp and every queue with it.
    await adapter.start(async () => taken.open());
    expect(adapter.status()).toMatch(/^connecting: /);
    proxy.up();
    await waitFor(() => (adapter.status() === "ready" ? true : undefined), "Telegram reached", 10_000);
    const client = fake.clientFor(newUserId());
    await client.sendMessage(client.makeMessage("are you there?"));
    await within(taken.opened, "the sink to take the update", 10_000);
  });

  it("refuses a token Telegram refuses, as a configuration error", async () => {
    fake ??= await startFakeTelegram();
    fake.failNext("deleteWebhook", { ok: false, error_code: 401, description: "Unauthorized" });
    const adapter = createTelegramAdapter({
      token: fake.token,
      apiRoot: fake.apiRoot,
      logger: silentLogger(),
      retryDelayMs: 10,
    });
    cleanups.push(() => adapter.stop());
    await expect(adapter.start(async () => {})).rejects.toThrow(
      "Telegram refused TELEGRAM_BOT_TOKEN (401): check the token from @BotFather",
    );
  });

  it("stops promptly in the middle of a long poll", async () => {
    const { fake, adapter } = await pollingAdapter(30);
    await adapter.start(async () => {});
    await waitFor(() => (fake.getUpdatesOffsets.length > 0 ? true : undefined), "the first long poll");
    const started = Date.now();
    await adapter.stop();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("send", () => {
  it("renders choices as an inline keyboard, one button per row, and returns the message id", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    const result = await adapter.send({
      chatId,
      text: "Utahudhuria?",
      choices: [
        { label: "Ndiyo", value: "rsvp:yes" },
        { label: "Hapana", value: "rsvp:no" },
      ],
    });
    expect(result.externalId).toMatch(/^\d+$/);
    const [sent] = fake.botMessagesIn(chatId);
    expect(sent!.text).toBe("Utahudhuria?");
    expect(sent!.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Ndiyo", callback_data: "rsvp:yes" }], [{ text: "Hapana", callback_data: "rsvp:no" }]],
    });
  });

  it("asks for the phone number with a one-time contact button, and removes it on the next plain message", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    await adapter.send({ chatId, text: "Tuma namba yako", requestPhone: { label: "Shiriki namba" } });
    await adapter.send({ chatId, text: "Asante" });
    await adapter.send({ chatId, text: "Karibu" });
    const [ask, thanks, welcome] = fake.botMessagesIn(chatId);
    expect(ask!.reply_markup).toEqual({
      keyboard: [[{ text: "Shiriki namba", request_contact: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    });
    expect(thanks!.reply_markup).toEqual({ remove_keyboard: true });
    expect(welcome!.reply_markup).toBeUndefined();
  });

  it("refuses a choice value longer than Telegram's 64 bytes before sending anything", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    // 32 two-byte letters = 64 bytes: allowed; 33 = 66 bytes: refused although only 33 characters.
    await adapter.send({ chatId, text: "ok", choices: [{ label: "a", value: "ü".repeat(32) }] });
    await expect(
      adapter.send({ chatId, text: "too long", choices: [{ label: "a", value: "ü".repeat(33) }] }),
    ).rejects.toThrow(/64/);
    await expect(
      adapter.send({ chatId, text: "both", choices: [{ label: "a", value: "a" }], requestPhone: { label: "p" } }),
    ).rejects.toThrow(/choices and a phone request/);
    expect(fake.botMessagesIn(chatId).map((m) => m.text)).toEqual(["ok"]);
  });

  it("maps 429 to RateLimitError with Telegram's retry_after", async () => {
    const { fake, adapter } = await pollingAdapter();
    fake.failNext("sendMessage", {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 7",
      parameters: { retry_after: 7 },
    });
    const error = await adapter.send({ chatId: String(newUserId()), text: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });

  it("maps 403 and every 400 to PermanentSendError with Telegram's description, so one bad row cannot hold up its chat", async () => {
    const { fake, adapter } = await pollingAdapter();
    for (const [code, description] of [
      [403, "Forbidden: user is deactivated"],
      [403, "Forbidden: bot was kicked from the group chat"],
      [400, "Bad Request: chat not found"],
      [400, "Bad Request: message text is empty"],
      [400, "Bad Request: message is too long"],
    ] as const) {
      fake.failNext("sendMessage", { ok: false, error_code: code, description });
      const error = await adapter.send({ chatId: String(newUserId()), text: "x" }).catch((e: unknown) => e);
      expect(error, description).toBeInstanceOf(PermanentSendError);
      expect((error as PermanentSendError).reason).toBe(description);
    }
  });

  it("passes server failures through for the worker to retry", async () => {
    const { fake, adapter } = await pollingAdapter();
    fake.failNext("sendMessage", { ok: false, error_code: 500, description: "Internal Server Error" });
    fake.failNext("sendMessage", { ok: false, error_code: 502, description: "Bad Gateway" });
    for (const code of [500, 502]) {
      const error = await adapter.send({ chatId: String(newUserId()), text: "x" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TelegramError);
      expect((error as TelegramError).code).toBe(code);
    }
  });

  it("sends a text longer than Telegram's 4096 characters as several messages cut at line breaks, buttons on the last", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    const lines = Array.from({ length: 300 }, (_, i) => `• Guest number ${i + 1} – coming, party of 2`);
    const text = lines.join("\n");
    expect(text.length).toBeGreaterThan(2 * MAX_MESSAGE_CHARS);
    await adapter.send({ chatId, text, choices: [{ label: "More", value: "more" }] });
    const sent = fake.botMessagesIn(chatId);
    expect(sent.length).toBe(Math.ceil(text.length / MAX_MESSAGE_CHARS));
    for (const m of sent) expect(m.text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    // Nothing lost or broken mid-line: the parts are whole lines, in order.
    expect(sent.map((m) => m.text).join("\n")).toBe(text);
    expect(sent.slice(0, -1).every((m) => !m.reply_markup)).toBe(true);
    expect(
      sent
        .at(-1)!
        .reply_markup?.inline_keyboard?.flat()
        .map((b) => b.text),
    ).toEqual(["More"]);
  });
});

describe("pictures and places", () => {
  it("sends a photo with the text as its caption and the buttons on it, then a venue pin", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    await adapter.send({
      chatId,
      text: "Our venue",
      photo: { ref: "https://example.com/hall.jpg" },
      choices: [{ label: "Directions", value: "dir" }],
      location: { latitude: -6.7924, longitude: 39.2083, name: "Diamond Jubilee Hall", address: "Dar es Salaam" },
    });
    const sent = fake.mediaSent.filter((m) => String(m.body.chat_id) === chatId);
    expect(sent.map((m) => m.method)).toEqual(["sendPhoto", "sendVenue"]);
    expect(sent[0]!.body).toMatchObject({
      photo: "https://example.com/hall.jpg",
      caption: "Our venue",
      reply_markup: { inline_keyboard: [[{ text: "Directions", callback_data: "dir" }]] },
    });
    expect(sent[1]!.body).toMatchObject({
      latitude: -6.7924,
      longitude: 39.2083,
      title: "Diamond Jubilee Hall",
      address: "Dar es Salaam",
    });
    expect(fake.botMessagesIn(chatId)).toEqual([]);
  });

  it("sends a caption too long for a photo as a message of its own, and a bare pin as a location", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    const text = "x".repeat(1500);
    await adapter.send({ chatId, text, photo: { ref: "file-id-1" }, location: { latitude: 1, longitude: 2 } });
    expect(
      fake.mediaSent.filter((m) => String(m.body.chat_id) === chatId).map((m) => [m.method, m.body.caption]),
    ).toEqual([
      ["sendPhoto", undefined],
      ["sendLocation", undefined],
    ]);
    expect(fake.botMessagesIn(chatId).map((m) => m.text)).toEqual([text]);
  });
});

describe("splitForTelegram", () => {
  it("keeps short texts whole and never splits a surrogate pair when a text has no break", () => {
    expect(splitForTelegram("hello")).toEqual(["hello"]);
    const emoji = "😀".repeat(3000); // 6000 UTF-16 units, no spaces
    const parts = splitForTelegram(emoji);
    expect(parts.join("")).toBe(emoji);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/.test(p)).toBe(false);
    }
  });
});

describe("files", () => {
  it("uploads a document with sendDocument and a picture (an entry pass) with sendPhoto, the text as caption", async () => {
    const { fake, adapter } = await pollingAdapter();
    const chatId = String(newUserId());
    const csv = Buffer.from("\ufeffName\r\nAmina\r\n", "utf8");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await adapter.send({
      chatId,
      text: "Harusi: guests, 1 rows",
      document: { filename: "Harusi-guests.csv", mimeType: "text/csv", base64: csv.toString("base64") },
    });
    await adapter.send({
      chatId,
      text: "🎟 Entry pass",
      document: { filename: "pass.png", mimeType: "image/png", base64: png.toString("base64") },
    });
    const [doc, photo] = fake.mediaSent.filter((m) => String(m.body.chat_id) === chatId);
    expect(doc).toMatchObject({ method: "sendDocument", body: { caption: "Harusi: guests, 1 rows" } });
    expect((doc!.body.document as { filename: string; bytes: Buffer }).bytes.equals(csv)).toBe(true);
    expect((doc!.body.document as { filename: string }).filename).toBe("Harusi-guests.csv");
    expect(photo).toMatchObject({ method: "sendPhoto", body: { caption: "🎟 Entry pass" } });
    expect((photo!.body.photo as { bytes: Buffer }).bytes.equals(png)).toBe(true);
  });
});
