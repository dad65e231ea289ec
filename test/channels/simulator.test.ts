// The simulator's own behaviour beyond the shared contract: request validation, content mapping, long-polling,
// history bounds and the page. Everything goes over real HTTP, as the page would.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import vm from "node:vm";
import express, { type Router } from "express";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PermanentSendError, type InboundEvent, type InboundSink } from "../../src/channels/channel.js";
import { ChatHistory } from "../../src/channels/simulator/history.js";
import { createSimulatorAdapter, type SimulatorAdapter } from "../../src/channels/simulator/index.js";
import { createSimulatorRouter } from "../../src/channels/simulator/routes.js";

const logger = pino({ level: "silent" });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

interface Served {
  base: string;
  /** Resolves after the next request to the server has been handed to the router and the router returned. */
  nextRequestDispatched(): Promise<void>;
}

async function serve(router: Router, mountPath = "/"): Promise<Served> {
  const app = express();
  let onDispatched: (() => void) | undefined;
  // Express dispatches synchronously, so once next() returns the handler has run up to its first await: a long-poll
  // has registered its wait. Lets tests act "while the poll is waiting" without sleeping.
  app.use((_req, _res, next) => {
    next();
    onDispatched?.();
  });
  app.use(mountPath, router);
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    nextRequestDispatched: () => new Promise<void>((resolve) => (onDispatched = resolve)),
  };
}

async function startedAdapter(options: { historyLimit?: number; sink?: InboundSink } = {}) {
  const adapter = createSimulatorAdapter({ logger, historyLimit: options.historyLimit });
  const sink = vi.fn<InboundSink>(options.sink ?? (async () => {}));
  await adapter.start(sink);
  closers.push(() => adapter.stop());
  return { adapter, sink, ...(await serve(adapter.router())) };
}

function post(base: string, body: unknown) {
  return fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}

const from = "+255712345678";

describe("simulator: POST /api/messages validation", () => {
  it.each([
    ["a phone without +", { from: "0712345678", text: "hi" }, /from: must be a phone number in E\.164/],
    ["a phone too short", { from: "+2557123", text: "hi" }, /from: must be a phone number/],
    ["two contents at once", { from, text: "hi", choice: "rsvp:yes" }, /give only one of .*\(got text and choice\)/],
    ["no content", { from }, /give one of text, choice, contact, startPayload/],
    ["empty text", { from, text: "" }, /text: must not be empty/],
    ["blank text", { from, text: "   " }, /text: must not be only spaces/],
    ["text too long", { from, text: "a".repeat(65_537) }, /text: must be at most 65536 characters/],
    ["a choice over 64 bytes", { from, choice: "é".repeat(33) }, /choice: must be at most 64 bytes/],
    ["a bad client id", { from, id: "has space", text: "hi" }, /id: id must be 1-64 of/],
    ["a bad deep-link code", { from, startPayload: "a/b" }, /startPayload: startPayload must be/],
    ["a contact with a bad phone", { from, contact: { phone: "12" } }, /contact\.phone: must be a phone number/],
    ["a name too long", { from, name: "n".repeat(81), text: "hi" }, /name: must be at most 80/],
    ["an unknown field", { from, txt: "hi" }, /Unrecognized key: "txt"/],
  ])("refuses %s with 400 and says why, without calling the sink", async (_what, body, message) => {
    const { base, sink } = await startedAdapter();
    const { status, body: answer } = await getJson(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(status).toBe(400);
    expect(answer.error).toMatch(message);
    expect(Object.keys(answer)).toEqual(["error"]);
    expect(sink).not.toHaveBeenCalled();
  });

  it("refuses a body that is not JSON, without a stack trace", async () => {
    const { base, sink } = await startedAdapter();
    const broken = await post(base, "{not json");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: "the body is not valid JSON" });
    const plain = await fetch(`${base}/api/messages`, { method: "POST", body: "hello" });
    expect(plain.status).toBe(400);
    expect((await plain.json()).error).toMatch(/Content-Type: application\/json/);
    expect(sink).not.toHaveBeenCalled();
  });

  it("answers 409 while the adapter is not started", async () => {
    const adapter = createSimulatorAdapter({ logger });
    const { base } = await serve(adapter.router());
    const response = await post(base, { from, text: "hi" });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/not running/);
  });
});

describe("simulator: inbound messages", () => {
  async function deliver(body: object): Promise<{ id: string; event: InboundEvent }> {
    const { base, sink } = await startedAdapter();
    const response = await post(base, body);
    expect(response.status).toBe(202);
    const { id } = await response.json();
    expect(sink).toHaveBeenCalledTimes(1);
    return { id, event: sink.mock.calls[0]![0] };
  }

  it("hands a text to the sink as the person, keyed by phone and client id", async () => {
    const { id, event } = await deliver({ from, name: "Amina", id: "m-1", text: "Habari" });
    expect(id).toBe("m-1");
    expect(event).toMatchObject({
      channel: "simulator",
      externalId: `${from}:m-1`,
      chatId: from,
      sender: { externalId: from, phone: from, name: "Amina" },
      content: { kind: "text", text: "Habari" },
    });
    expect(event.sentAt).toBeInstanceOf(Date);
  });

  it("makes up an id when the client gives none", async () => {
    const { id, event } = await deliver({ from, text: "hi" });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.externalId).toBe(`${from}:${id}`);
    expect(event.sender).not.toHaveProperty("name");
  });

  it.each([
    ["a choice", { choice: "rsvp:yes" }, { kind: "choice", value: "rsvp:yes" }],
    ["a deep-link start", { startPayload: "INV_42-x" }, { kind: "start", payload: "INV_42-x" }],
    ["the person's own contact", { contact: { phone: from } }, { kind: "contact", phone: from, own: true }],
    [
      "someone else's contact",
      { contact: { phone: "+254700000001" } },
      { kind: "contact", phone: "+254700000001", own: false },
    ],
  ])("maps %s to its InboundContent", async (_what, content, expected) => {
    const { event } = await deliver({ from, ...content });
    expect(event.content).toEqual(expected);
  });

  it("answers 503 when the sink refuses, and takes the same id on the retry", async () => {
    let refuse = true;
    const { base, sink } = await startedAdapter({
      sink: async () => {
        if (refuse) throw new Error("database down");
      },
    });
    const body = { from, id: "retry-me", text: "hello" };
    const refused = await post(base, body);
    expect(refused.status).toBe(503);
    const answer = await refused.json();
    expect(answer.error).toMatch(/not taken/);
    expect(JSON.stringify(answer)).not.toMatch(/database down|\n\s+at /);

    refuse = false;
    const accepted = await post(base, body);
    expect(accepted.status).toBe(202);
    expect(sink.mock.calls.map(([event]) => event.externalId)).toEqual([`${from}:retry-me`, `${from}:retry-me`]);
  });
});

describe("simulator: bot messages and long-polling", () => {
  const messagesUrl = (base: string, phone: string, query: string) =>
    `${base}/api/chats/${encodeURIComponent(phone)}/messages?${query}`;

  it("shows a photo and a pin as lines with their links (a map for the pin), and a poll as its buttons", async () => {
    const { adapter, base } = await startedAdapter();
    await adapter.send({
      chatId: from,
      text: "The hall",
      photo: { ref: "https://example.com/hall.jpg" },
      location: { latitude: -6.7924, longitude: 39.2083, name: "Diamond Jubilee", address: "Dar es Salaam" },
    });
    await adapter.send({
      chatId: from,
      text: "Which dish?",
      choices: [
        { label: "Pilau", value: "d:1" },
        { label: "Biryani", value: "d:2" },
      ],
      poll: {},
    });
    const { body } = await getJson(messagesUrl(base, from, "after=0"));
    expect(body[0].text).toBe(
      "The hall\n🖼 https://example.com/hall.jpg\n📍 Diamond Jubilee, Dar es Salaam https://www.openstreetmap.org/?mlat=-6.7924&mlon=39.2083#map=17/-6.7924/39.2083",
    );
    expect(body[1]).toMatchObject({ text: "Which dish?", choices: [{ label: "Pilau" }, { label: "Biryani" }] });
  });

  it("shows what send() stored, with seq as the external id, choices and the phone request", async () => {
    const { adapter, base } = await startedAdapter();
    const choices = [
      { label: "Yes", value: "rsvp:yes" },
      { label: "No", value: "rsvp:no" },
    ];
    const first = await adapter.send({ chatId: from, text: "Will you attend?", choices });
    const second = await adapter.send({ chatId: from, text: "Share your number", requestPhone: { label: "Share" } });
    await adapter.send({ chatId: "+255799999999", text: "someone else" });

    const { status, body } = await getJson(messagesUrl(base, from, "after=0"));
    expect(status).toBe(200);
    expect(body).toEqual([
      { seq: Number(first.externalId), text: "Will you attend?", choices, at: expect.any(String) },
      { seq: Number(second.externalId), text: "Share your number", requestPhone: true, at: expect.any(String) },
    ]);
    expect(Number(second.externalId)).toBeGreaterThan(Number(first.externalId));

    const later = await getJson(messagesUrl(base, from, `after=${first.externalId}`));
    expect(later.body.map((m: { text: string }) => m.text)).toEqual(["Share your number"]);
  });

  it("refuses to send to a chat that is not an E.164 phone", async () => {
    const { adapter } = await startedAdapter();
    for (const chatId of ["not-a-phone", "255712345678", "+0712345678"]) {
      await expect(adapter.send({ chatId, text: "hi" })).rejects.toEqual(
        new PermanentSendError("not a simulator chat"),
      );
    }
  });

  it("keeps only the last historyLimit messages of a chat", async () => {
    const { adapter, base } = await startedAdapter({ historyLimit: 3 });
    for (const n of [1, 2, 3, 4, 5]) await adapter.send({ chatId: from, text: `m${n}` });
    const { body } = await getJson(messagesUrl(base, from, "after=0"));
    expect(body.map((m: { text: string }) => m.text)).toEqual(["m3", "m4", "m5"]);
  });

  it("answers a long-poll at once when there is already something new", { timeout: 5_000 }, async () => {
    const { adapter, base } = await startedAdapter();
    await adapter.send({ chatId: from, text: "already here" });
    const { body } = await getJson(messagesUrl(base, from, "after=0&wait=25"));
    expect(body.map((m: { text: string }) => m.text)).toEqual(["already here"]);
  });

  it("answers wait=0 at once with nothing new", { timeout: 5_000 }, async () => {
    const { base } = await startedAdapter();
    expect((await getJson(messagesUrl(base, from, "after=0"))).body).toEqual([]);
  });

  it("wakes a waiting long-poll as soon as the bot sends to that chat", { timeout: 5_000 }, async () => {
    const { adapter, base, nextRequestDispatched } = await startedAdapter();
    const dispatched = nextRequestDispatched();
    const poll = getJson(messagesUrl(base, from, "after=0&wait=25"));
    await dispatched;
    await adapter.send({ chatId: "+255799999999", text: "not for this chat" });
    await adapter.send({ chatId: from, text: "now" });
    expect((await poll).body.map((m: { text: string }) => m.text)).toEqual(["now"]);
  });

  it("answers open long-polls when the adapter stops", { timeout: 5_000 }, async () => {
    const { adapter, base, nextRequestDispatched } = await startedAdapter();
    const dispatched = nextRequestDispatched();
    const poll = getJson(messagesUrl(base, from, "after=0&wait=25"));
    await dispatched;
    await adapter.stop();
    expect(await poll).toEqual({ status: 200, body: [] });
  });

  it("forgets a waiting long-poll when its client disconnects", { timeout: 5_000 }, async () => {
    const history = new ChatHistory({ perChat: 10, chats: 10 });
    const { base, nextRequestDispatched } = await serve(
      createSimulatorRouter({ history, logger, currentSink: () => undefined }),
    );
    const dispatched = nextRequestDispatched();
    const client = new AbortController();
    const poll = fetch(messagesUrl(base, from, "after=0&wait=25"), { signal: client.signal });
    await dispatched;
    expect(history.waiterCount()).toBe(1);
    client.abort();
    await expect(poll).rejects.toThrow();
    await vi.waitFor(() => expect(history.waiterCount()).toBe(0), { timeout: 2_000, interval: 10 });
  });

  it("long-polls several chats at once, oldest first, each message tagged with its phone", async () => {
    const { adapter, base } = await startedAdapter();
    const guest = "+255700000002";
    await adapter.send({ chatId: guest, text: "to guest" });
    await adapter.send({ chatId: from, text: "to organizer" });
    await adapter.send({ chatId: "+255799999999", text: "to nobody asked" });
    const phones = encodeURIComponent(`${from},${guest}`);
    const { body } = await getJson(`${base}/api/messages?after=0&phones=${phones}`);
    expect(body.map((m: { phone: string; text: string }) => [m.phone, m.text])).toEqual([
      [guest, "to guest"],
      [from, "to organizer"],
    ]);
  });

  it.each([
    ["/api/chats/0712345678/messages", /phone: must be a phone number/],
    [`/api/chats/${encodeURIComponent(from)}/messages?wait=26`, /wait: must be at most 25 seconds/],
    [`/api/chats/${encodeURIComponent(from)}/messages?after=-1`, /after: must be 0 or more/],
    ["/api/messages?phones=%2B255712345678,nope", /phones\.1: must be a phone number/],
  ])("refuses GET %s with 400", async (path, message) => {
    const { base } = await startedAdapter();
    const { status, body } = await getJson(`${base}${path}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it("lists the chats, most recently active first, with the name the person gave", async () => {
    const { adapter, base } = await startedAdapter();
    await adapter.send({ chatId: "+255700000009", text: "you are invited" });
    expect((await post(base, { from, name: "Amina", text: "hi" })).status).toBe(202);
    const { body } = await getJson(`${base}/api/chats`);
    expect(body).toEqual([
      { phone: from, name: "Amina", lastAt: expect.any(String) },
      { phone: "+255700000009", lastAt: expect.any(String) },
    ]);
  });

  it("forgets the least recently active chat beyond the chat limit", () => {
    const history = new ChatHistory({ perChat: 10, chats: 2 });
    history.append("+255700000001", { text: "a" });
    history.append("+255700000002", { text: "b" });
    history.append("+255700000001", { text: "a again" });
    history.append("+255700000003", { text: "c" });
    expect(history.chatsByRecency().map((c) => c.phone)).toEqual(["+255700000003", "+255700000001"]);
  });
});

describe("simulator: the page", () => {
  async function page(adapter: SimulatorAdapter, mountPath = "/") {
    const { base } = await serve(adapter.router(), mountPath);
    return base;
  }

  function inline(html: string, tag: "script" | "style"): string {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
    if (!match) throw new Error(`no inline <${tag}>`);
    return match[1]!;
  }

  const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("serves HTML with the three preset personas", async () => {
    const base = await page(createSimulatorAdapter({ logger }));
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("Nuru simulator");
    for (const persona of ["Organizer / Mratibu", "Guest / Mgeni", "Provider / Mtoa huduma"])
      expect(html).toContain(persona);
    for (const phone of ["+255754100201", "+255765440918", "+255752330486"]) expect(html).toContain(phone);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//); // no external assets
  });

  it("allows exactly its own inline script and style in the CSP, and the script compiles", async () => {
    const base = await page(createSimulatorAdapter({ logger }));
    const response = await fetch(`${base}/`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const html = await response.text();
    const script = inline(html, "script");
    expect(csp).toContain(`script-src ${sha256(script)}`);
    expect(csp).toContain(`style-src ${sha256(inline(html, "style"))}`);
    expect(csp).toContain("default-src 'none'");
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("redirects the bare mount path to a trailing slash so the page's relative URLs resolve under it", async () => {
    const base = await page(createSimulatorAdapter({ logger }), "/simulator");
    const bare = await fetch(`${base}/simulator?x=1`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/simulator/?x=1");
    expect((await fetch(`${base}/simulator/`)).status).toBe(200);
  });
});
