// The WhatsApp Cloud adapter against the fake Meta: the webhook's checks and what each kind of message becomes, how
// each payload is shown (buttons, lists, numbered lines, long text, pins, files), Meta's refusals sorted for the
// outbound worker, and the 24-hour window (templates, or held until the person writes).
import { afterEach, describe, expect, it } from "vitest";
import {
  HoldUntilTheyWriteError,
  PermanentSendError,
  RateLimitError,
  type DeliveryUpdate,
  type InboundEvent,
} from "../../src/channels/channel.js";
import { CloudTokenRefusedError } from "../../src/channels/whatsapp-cloud/index.js";
import { LIST_BUTTON, splitText } from "../../src/channels/whatsapp-cloud/messages.js";
import { templateParam } from "../../src/channels/whatsapp-cloud/templates.js";
import { newWaId, startCloudAdapter } from "../fakes/whatsapp-cloud-harness.js";
import {
  buttonReply,
  envelope,
  inboundWebhook,
  listReply,
  sign,
  startFakeMeta,
  statusWebhook,
  templateButton,
  text,
  VERIFY_TOKEN,
  type FakeMeta,
} from "../fakes/whatsapp-cloud.js";

type Started = Awaited<ReturnType<typeof startCloudAdapter>>;
let fake: FakeMeta;
let cloud: Started;
let events: InboundEvent[];
let deliveries: DeliveryUpdate[];

async function setUp(
  options: Parameters<typeof startFakeMeta>[0] = {},
  adapterOptions: Parameters<typeof startCloudAdapter>[1] = {},
) {
  fake = await startFakeMeta(options);
  cloud = await startCloudAdapter(fake, adapterOptions);
  events = [];
  deliveries = [];
  await cloud.adapter.start(
    async (e) => void events.push(e),
    async (d) => void deliveries.push(d),
  );
}

afterEach(async () => {
  await cloud?.adapter.stop();
  await cloud?.close();
  await fake?.close();
});

describe("whatsapp cloud webhook", () => {
  it("answers Meta's subscription check only with the verify token", async () => {
    await setUp();
    const url = (token: string) =>
      `${cloud.webhookUrl}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;
    const ok = await fetch(url(VERIFY_TOKEN));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await fetch(url("guessed-token"))).status).toBe(403);
  });

  it("refuses a call without Meta's signature, or signed with another secret, and hands nothing on", async () => {
    await setUp();
    const body = inboundWebhook({ waId: newWaId() }, text("habari"));
    expect(
      await fake.callWebhook(body, { signature: sign(JSON.stringify(body), "another-apps-secret-000000000000") }),
    ).toEqual([401]);
    expect(await fake.callWebhook(body, { signature: "sha256=" + "0".repeat(64) })).toEqual([401]);
    const unsigned = await fetch(cloud.webhookUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
    expect(events).toEqual([]);
  });

  it("answers 400 to a signed body that is not a WhatsApp notification", async () => {
    await setUp();
    const raw = "{not json";
    const res = await fetch(cloud.webhookUrl, {
      method: "POST",
      headers: { "X-Hub-Signature-256": sign(raw) },
      body: raw,
    });
    expect(res.status).toBe(400);
    expect(await fake.callWebhook({ object: "whatsapp_business_account", entry: "nope" })).toEqual([400]);
    expect(events).toEqual([]);
  });

  it("reads each kind of message Meta documents", async () => {
    await setUp();
    const person = { waId: newWaId(), name: "Asha Mwakalinga" };
    const send = (message: Record<string, unknown>) => fake.callWebhook(inboundWebhook(person, message));
    await send(text("Habari"));
    await send(buttonReply("rsvp:yes:HARUSI-7K2", "Yes, I will come"));
    await send(listReply("poll:PL-1:2", "Pilau"));
    await send(templateButton("rsvp:no:HARUSI-7K2", "No, I cannot come"));
    await send({
      type: "location",
      location: { latitude: -6.7924, longitude: 39.2083, name: "Mlimani City", address: "Sam Nujoma Rd" },
    });
    await send({
      type: "contacts",
      contacts: [{ name: { formatted_name: "Juma Ali" }, phones: [{ phone: "+255 713 000 111", type: "CELL" }] }],
    });
    await send({
      type: "contacts",
      contacts: [{ name: { formatted_name: "Me" }, phones: [{ phone: `+${person.waId}`, wa_id: person.waId }] }],
    });
    await send({
      type: "image",
      image: { id: "1479537139650973", mime_type: "image/jpeg", sha256: "x", caption: "Hongera!" },
    });
    await send({ type: "audio", audio: { id: "1479537139650974", mime_type: "audio/ogg" } });
    await send({ type: "unsupported", errors: [{ code: 131051, title: "Message type unknown" }] });
    await send({ type: "reaction", reaction: { message_id: "wamid.x", emoji: "👍" } });
    expect(events.map((e) => e.content)).toEqual([
      { kind: "text", text: "Habari" },
      { kind: "choice", value: "rsvp:yes:HARUSI-7K2" },
      { kind: "choice", value: "poll:PL-1:2" },
      { kind: "choice", value: "rsvp:no:HARUSI-7K2" },
      { kind: "location", latitude: -6.7924, longitude: 39.2083, name: "Mlimani City", address: "Sam Nujoma Rd" },
      { kind: "contact", phone: "+255 713 000 111", own: false, name: "Juma Ali" },
      { kind: "contact", phone: `+${person.waId}`, own: true, name: "Me" },
      { kind: "media", mediaType: "photo", ref: "1479537139650973", caption: "Hongera!" },
      { kind: "media", mediaType: "audio", ref: "1479537139650974" },
      { kind: "refused", reason: "unsupported", detail: "unsupported" },
    ]);
    const first = events[0]!;
    expect(first).toMatchObject({
      channel: "whatsapp_cloud",
      chatId: person.waId,
      sender: { externalId: person.waId, phone: `+${person.waId}`, name: "Asha Mwakalinga" },
    });
    expect(first.externalId).toMatch(/^wamid\./);
  });

  it("leaves alone what is for another number of the same app, and a message it cannot read costs no other", async () => {
    await setUp();
    expect(
      await fake.callWebhook(
        inboundWebhook({ waId: newWaId() }, text("for the other number"), { phoneNumberId: "999999999" }),
      ),
    ).toEqual([200]);
    const waId = newWaId();
    const body = envelope({
      messages: [
        { from: "not-a-number", id: "wamid.bad", timestamp: "x", type: "text" },
        { from: waId, id: "wamid.good1", timestamp: "1764600000", type: "text", text: { body: "still read" } },
      ],
    });
    expect(await fake.callWebhook(body)).toEqual([200]);
    expect(events.map((e) => e.content)).toEqual([{ kind: "text", text: "still read" }]);
  });

  it("answers 500 while the sink refuses, so Meta delivers again, and 200 once it is logged", async () => {
    fake = await startFakeMeta();
    cloud = await startCloudAdapter(fake);
    let refusals = 2;
    events = [];
    await cloud.adapter.start(async (e) => {
      if (refusals-- > 0) throw new Error("database unavailable");
      events.push(e);
    });
    expect(await fake.callWebhook(inboundWebhook({ waId: newWaId() }, text("after the outage")))).toEqual([
      500, 500, 200,
    ]);
    expect(events).toHaveLength(1);
  });

  it("reports delivered, read and failed (with Meta's code) and a 131047 as held, which closes the person's window", async () => {
    await setUp();
    const to = newWaId();
    fake.wrote(to);
    expect(await cloud.adapter.windowOpen(to)).toBe(true);
    expect(
      await fake.callWebhook(
        statusWebhook([
          { id: "wamid.A", status: "sent", recipient: to },
          { id: "wamid.A", status: "delivered", recipient: to },
          { id: "wamid.A", status: "read", recipient: to },
          { id: "wamid.B", status: "failed", recipient: to, errorCode: 131026 },
          { id: "wamid.C", status: "failed", recipient: to, errorCode: 131047 },
        ]),
      ),
    ).toEqual([200]);
    expect(deliveries.map((d) => [d.externalId, d.state])).toEqual([
      ["wamid.A", "delivered"],
      ["wamid.A", "read"],
      ["wamid.B", "failed"],
      ["wamid.C", "held"],
    ]);
    expect(deliveries[2]!.detail).toMatch(/^131026 Message undeliverable/);
    expect(deliveries[3]!.chatId).toBe(to);
    expect(await cloud.adapter.windowOpen(to)).toBe(false);
  });
});

describe("whatsapp cloud webhook under hostile bodies", () => {
  it("answers every signed body 200 or 400, never 500, and hands on only well-formed messages", async () => {
    await setUp();
    // A seeded mutation of real payloads: fields dropped, retyped, or replaced by odd values.
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    let state = seed >>> 0;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const odd = [null, 0, -1, 1e308, "", "\u0000", "x".repeat(5000), [], {}, true, "wamid.", "255", { body: 7 }];
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const mutate = (value: unknown, depth: number): unknown => {
      if (depth > 6) return value;
      if (Array.isArray(value)) return random() < 0.1 ? pick(odd) : value.map((v) => mutate(v, depth + 1));
      if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          const roll = random();
          if (roll < 0.08) continue;
          out[k] = roll < 0.16 ? pick(odd) : mutate(v, depth + 1);
        }
        return out;
      }
      return value;
    };
    const samples = [
      inboundWebhook({ waId: newWaId() }, text("habari")),
      inboundWebhook({ waId: newWaId() }, buttonReply("rsvp:yes:X", "Yes")),
      inboundWebhook(
        { waId: newWaId() },
        { type: "contacts", contacts: [{ name: { formatted_name: "A" }, phones: [{ phone: "+255713000111" }] }] },
      ),
      inboundWebhook({ waId: newWaId() }, { type: "location", location: { latitude: 1, longitude: 2 } }),
      statusWebhook([{ id: "wamid.Z", status: "failed", recipient: "255700", errorCode: 131026 }]),
    ];
    const answers = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const [status] = await fake.callWebhook(mutate(pick(samples), 0), { attempts: 1 });
      answers.add(status!);
    }
    expect(
      [...answers].filter((s) => s !== 200 && s !== 400),
      `FUZZ_SEED=${seed}`,
    ).toEqual([]);
    for (const e of events) {
      expect(e.chatId, `FUZZ_SEED=${seed}`).toMatch(/^\d{5,20}$/);
      expect(e.sentAt.getTime(), `FUZZ_SEED=${seed}`).not.toBeNaN();
      expect(e.externalId, `FUZZ_SEED=${seed}`).toMatch(/\S/);
    }
  });
});

describe("whatsapp cloud sending", () => {
  const person = () => {
    const id = newWaId();
    fake.wrote(id);
    return id;
  };

  it("shows two or three short choices as reply buttons, up to ten as a list, more as numbered lines", async () => {
    await setUp();
    const to = person();
    const choices = (n: number, label = (i: number) => `Option ${i}`) =>
      Array.from({ length: n }, (_, i) => ({ label: label(i + 1), value: `v:${i + 1}` }));
    await cloud.adapter.send({
      chatId: to,
      text: "Utakuja?",
      choices: [
        { label: "Ndiyo, nitakuja", value: "rsvp:yes:X" },
        { label: "Hapana, sitaweza", value: "rsvp:no:X" },
        { label: "Labda", value: "rsvp:maybe:X" },
      ],
    });
    await cloud.adapter.send({ chatId: to, text: "Which dish?", choices: choices(5) });
    await cloud.adapter.send({
      chatId: to,
      text: "Long labels",
      choices: choices(2, (i) => `A label far longer than twenty-four characters, number ${i}`),
    });
    await cloud.adapter.send({ chatId: to, text: "Many", choices: choices(12) });
    const [buttons, list, longLabels, numbered] = fake.shownTo(to);
    expect(buttons).toMatchObject({
      type: "buttons",
      text: "Utakuja?",
      choiceLabels: ["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"],
      choiceValues: ["rsvp:yes:X", "rsvp:no:X", "rsvp:maybe:X"],
    });
    expect(list).toMatchObject({
      type: "list",
      choiceLabels: choices(5).map((c) => c.label),
      choiceValues: choices(5).map((c) => c.value),
    });
    expect(fake.sent[1]!.body.interactive.action.button).toBe(LIST_BUTTON);
    // Row titles hold 24 characters; the whole label shows in the description.
    expect(longLabels!.type).toBe("list");
    expect(fake.sent[2]!.body.interactive.action.sections[0].rows[0]).toEqual({
      id: "v:1",
      title: "A label far longer than…",
      description: "A label far longer than twenty-four characters, number 1",
    });
    expect(numbered).toMatchObject({ type: "text", choiceLabels: [] });
    expect(numbered!.text).toContain("\n\n1. Option 1\n");
    expect(numbered!.text).toContain("\n12. Option 12");
  });

  it("cuts long text at line breaks, keeping the question with its buttons within Meta's 1,024", async () => {
    await setUp();
    const to = person();
    const lines = Array.from({ length: 400 }, (_, i) => `${i + 1}. Mgeni wa ${i + 1} — amethibitisha`);
    const result = await cloud.adapter.send({
      chatId: to,
      text: lines.join("\n"),
      choices: [{ label: "Refresh", value: "r" }],
    });
    const shown = fake.shownTo(to);
    expect(shown.length).toBeGreaterThan(2);
    for (const s of shown.slice(0, -1)) expect(s.text.length).toBeLessThanOrEqual(4096);
    expect(shown.at(-1)!.type).toBe("buttons");
    expect(shown.at(-1)!.text.length).toBeLessThanOrEqual(1024);
    // Nothing lost, nothing repeated, in order.
    expect(shown.map((s) => s.text).join("\n")).toBe(lines.join("\n"));
    expect(result.externalId).toBe(fake.sent.at(-1)!.id);
    expect(splitText("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
  });

  it("sends a pin after its text, a picture by link, and files by upload (pictures as pictures)", async () => {
    await setUp();
    const to = person();
    await cloud.adapter.send({
      chatId: to,
      text: "📍 Mlimani City",
      location: { latitude: -6.77, longitude: 39.22, name: "Mlimani City" },
    });
    await cloud.adapter.send({ chatId: to, text: "Our card", photo: { ref: "https://example.com/card.jpg" } });
    const csv = "\uFEFFName,Answer\nAsha,yes\n";
    await cloud.adapter.send({
      chatId: to,
      text: "Guests of Harusi",
      document: { filename: "harusi-guests.csv", mimeType: "text/csv", base64: Buffer.from(csv).toString("base64") },
    });
    await cloud.adapter.send({
      chatId: to,
      text: "Answers",
      document: { filename: "answers.png", mimeType: "image/png", base64: Buffer.from("PNGDATA").toString("base64") },
    });
    const bodies = fake.sent.filter((m) => m.to === to).map((m) => m.body);
    expect(bodies.map((b) => b.type)).toEqual(["text", "location", "image", "document", "image"]);
    expect(bodies[1]!.location).toEqual({ latitude: -6.77, longitude: 39.22, name: "Mlimani City" });
    expect(bodies[2]!.image).toEqual({ link: "https://example.com/card.jpg", caption: "Our card" });
    const doc = bodies[3]!.document;
    expect(doc).toMatchObject({ filename: "harusi-guests.csv", caption: "Guests of Harusi" });
    // Meta takes no text/csv: it goes up as text/plain under its .csv name.
    expect(fake.uploads.get(doc.id)).toMatchObject({ filename: "harusi-guests.csv", mimeType: "text/plain" });
    expect(fake.uploads.get(doc.id)!.bytes.toString()).toBe(csv);
    expect(fake.uploads.get(bodies[4]!.image.id)!.bytes.toString()).toBe("PNGDATA");
  });

  it("resumes a retry after the parts of a long message already sent, so none goes twice", async () => {
    await setUp();
    const to = person();
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${i + 1}. Mgeni wa ${i + 1} — amethibitisha kuja na watu wawili`,
    );
    const payload = {
      chatId: to,
      text: lines.join("\n"),
      choices: [{ label: "Refresh", value: "r" }],
      location: { latitude: -6.8, longitude: 39.3 },
      ref: "row-42",
    };
    // The first part goes through, the second meets Meta's "something went wrong".
    fake.failNext(to, 0, 131000);
    await expect(cloud.adapter.send(payload)).rejects.toThrow(/131000/);
    await cloud.adapter.send(payload);
    const shown = fake.shownTo(to);
    expect(
      shown
        .filter((s) => s.type !== "location")
        .map((s) => s.text)
        .join("\n"),
    ).toBe(lines.join("\n"));
    expect(shown.map((s) => s.type).filter((t) => t === "location")).toHaveLength(1);
  });

  it("sorts Meta's refusals: slow down (the number, or this person), never, try again", async () => {
    await setUp();
    const to = person();
    fake.failNext(to, 130429, 131056, 131026, 131000);
    const throughput = await cloud.adapter.send({ chatId: to, text: "a" }).catch((e: unknown) => e);
    expect(throughput).toBeInstanceOf(RateLimitError);
    expect((throughput as RateLimitError).chatOnly).toBe(false);
    const pair = await cloud.adapter.send({ chatId: to, text: "b" }).catch((e: unknown) => e);
    expect(pair).toBeInstanceOf(RateLimitError);
    expect(pair).toMatchObject({ chatOnly: true, retryAfterMs: 6000 });
    await expect(cloud.adapter.send({ chatId: to, text: "c" })).rejects.toBeInstanceOf(PermanentSendError);
    const transient = await cloud.adapter.send({ chatId: to, text: "d" }).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(PermanentSendError);
    expect(transient).not.toBeInstanceOf(RateLimitError);
    await expect(cloud.adapter.send({ chatId: "+255 712", text: "e" })).rejects.toBeInstanceOf(PermanentSendError);
  });

  it("says an expired token plainly: refused at start, and a pause (nothing lost) with the reason on status when sending", async () => {
    fake = await startFakeMeta();
    fake.tokenExpired = true;
    cloud = await startCloudAdapter(fake);
    await expect(cloud.adapter.start(async () => {})).rejects.toBeInstanceOf(CloudTokenRefusedError);
    await expect(cloud.adapter.start(async () => {})).rejects.toThrow(/WHATSAPP_CLOUD_TOKEN/);
    fake.tokenExpired = false;
    await cloud.adapter.start(async () => {});
    expect(cloud.adapter.status()).toBe("ready");
    expect(cloud.adapter.displayNumber()).toBe("255700000777");
    fake.tokenExpired = true;
    const to = person();
    const err = await cloud.adapter.send({ chatId: to, text: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfterMs).toBe(60_000);
    expect(cloud.adapter.status()).toMatch(/^token refused: .*190/);
    fake.tokenExpired = false;
    await cloud.adapter.send({ chatId: to, text: "hi again" });
    expect(cloud.adapter.status()).toBe("ready");
  });

  it("keeps starting while Meta cannot be reached, and is ready once it answers", async () => {
    fake = await startFakeMeta();
    const realRoot = fake.apiRoot;
    cloud = await startCloudAdapter(fake, { apiRoot: "http://127.0.0.1:9" });
    await cloud.adapter.start(async () => {});
    expect(cloud.adapter.status()).toMatch(/^connecting: /);
    await cloud.adapter.stop();
    cloud = await startCloudAdapter(fake, { apiRoot: realRoot });
    await cloud.adapter.start(async () => {});
    expect(cloud.adapter.status()).toBe("ready");
  });
});

describe("whatsapp cloud: the 24-hour window", () => {
  it("sends a template, in the reader's language with the choices behind its buttons, to someone silent for a day", async () => {
    await setUp({ enforceWindow: true });
    const to = newWaId(); // never wrote
    await cloud.adapter.send({
      chatId: to,
      text: "Neema anakualika kwenye Harusi ya Asha.\n🗓 Jumamosi\n📍 Mlimani\n\nUtakuja?",
      choices: [
        { label: "Ndiyo, nitakuja", value: "rsvp:yes:HAR-1" },
        { label: "Hapana, sitaweza", value: "rsvp:no:HAR-1" },
        { label: "Labda", value: "rsvp:maybe:HAR-1" },
      ],
      template: {
        kind: "invitation",
        locale: "sw",
        params: ["Neema", "Harusi ya Asha", "Jumamosi 20 Des, 14:00", "Mlimani City,\nDar es Salaam"],
      },
    });
    const [shown] = fake.shownTo(to);
    expect(shown).toMatchObject({
      type: "template",
      template: "nuru_invitation",
      choiceLabels: ["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"],
      choiceValues: ["rsvp:yes:HAR-1", "rsvp:no:HAR-1", "rsvp:maybe:HAR-1"],
    });
    expect(shown!.text).toContain("Neema anakualika kwenye Harusi ya Asha.");
    // Meta refuses line breaks inside a parameter: folded.
    expect(shown!.text).toContain("📍 Mlimani City, · Dar es Salaam");
    expect(fake.sent[0]!.body.template.language).toEqual({ code: "sw" });
  });

  it("sends free text once the person has written, and holds what has no template until they write", async () => {
    await setUp({ enforceWindow: true });
    const to = newWaId();
    await expect(cloud.adapter.send({ chatId: to, text: "Your booking is confirmed" })).rejects.toBeInstanceOf(
      HoldUntilTheyWriteError,
    );
    expect(fake.sent).toHaveLength(0);
    await fake.callWebhook(inboundWebhook({ waId: to }, text("habari")));
    await cloud.adapter.send({
      chatId: to,
      text: "Your booking is confirmed",
      template: { kind: "reminder", locale: "en", params: ["x"] },
    });
    expect(fake.shownTo(to)).toMatchObject([{ type: "text", text: "Your booking is confirmed" }]);
  });

  it("holds a message whose template Meta does not have in that language, and says so on its status until one goes", async () => {
    await setUp({ enforceWindow: true });
    fake.approved.delete("nuru_reminder:sw");
    const reminder = {
      chatId: newWaId(),
      text: "Kumbusho",
      template: { kind: "reminder" as const, locale: "sw", params: ["Harusi ni kesho"] },
    };
    const err = await cloud.adapter.send(reminder).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HoldUntilTheyWriteError);
    expect((err as Error).message).toMatch(/template refused.*132001/);
    expect(cloud.adapter.status()).toMatch(/^template refused: nuru_reminder \(sw\): .*132001/);
    fake.approved.add("nuru_reminder:sw");
    await cloud.adapter.send(reminder);
    expect(cloud.adapter.status()).toBe("ready");
  });

  it("sends the template at once when Meta answers 131047 to free text Nuru thought inside the 24 hours", async () => {
    await setUp();
    const to = newWaId();
    fake.wrote(to);
    fake.failNext(to, 131047);
    const invitation = {
      chatId: to,
      text: "Neema invites you to Harusi.",
      choices: [{ label: "Yes, I will come", value: "rsvp:yes:H" }],
      template: { kind: "invitation" as const, locale: "en", params: ["Neema", "Harusi", "Saturday", "Mlimani"] },
    };
    await cloud.adapter.send(invitation);
    expect(fake.shownTo(to)).toMatchObject([
      { type: "template", template: "nuru_invitation", choiceValues: ["rsvp:yes:H"] },
    ]);
    // Meta's word stands until they write: a message without a template is held, without asking Meta again.
    const calls = fake.sent.length;
    await expect(cloud.adapter.send({ chatId: to, text: "free text" })).rejects.toBeInstanceOf(HoldUntilTheyWriteError);
    expect(fake.sent).toHaveLength(calls);
    expect(await cloud.adapter.windowOpen(to)).toBe(false);
    await fake.callWebhook(inboundWebhook({ waId: to }, text("habari")));
    expect(await cloud.adapter.windowOpen(to)).toBe(true);
    await cloud.adapter.send({ chatId: to, text: "free text" });
    // A payload Meta already refused for the window (reported later by a status call) goes as the template.
    await cloud.adapter.send({ ...invitation, windowClosed: true });
    expect(fake.shownTo(to).map((s) => s.type)).toEqual(["template", "text", "template"]);
  });

  it("folds template parameters as Meta requires", () => {
    expect(templateParam("a\n\n  b\tc     d", 100)).toBe("a · b c d");
    expect(templateParam("x".repeat(50), 10)).toBe("xxxxxxxxx…");
    expect(templateParam("  ", 10)).toBe("-");
  });
});
