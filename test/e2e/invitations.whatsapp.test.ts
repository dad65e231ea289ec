// Invitations on WhatsApp (the adapter over the fake whatsapp-web.js client, real engine, PostgreSQL, Redis, outbound
// worker): an organizer in the simulator invites numbers; WhatsApp can write first, so each guest gets the invitation
// there with numbered choices, answers "1" and a party size, and the organizer, whose last chat was the simulator,
// hears of it there. A vCard shared during /invite adds its contact.
import type { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulatorAdapter } from "../../src/channels/simulator/adapter.js";
import { createEngine } from "../../src/engine/engine.js";
import { createOutboundDispatcher, createOutboundWorker } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import { deliveryRecorder } from "../../src/jobs/delivery.js";
import { fakeWhatsAppAdapter, FakeWhatsAppNetwork, untilReady } from "../fakes/whatsapp-client.js";
import type { Flow } from "../../flows/types.js";
import { testJourney } from "../support/counter-flow.js";
import { recordSends } from "../support/engine-harness.js";
import { testDb, testEngineDefaults, testRedis, uniquePhone, uniquePrefix } from "../support/services.js";
import { waitFor } from "../support/until.js";

const db = testDb();
const connection = await testRedis();
const redis = await testRedis();
const prefix = uniquePrefix();
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const network = new FakeWhatsAppNetwork();
const whatsapp = fakeWhatsAppAdapter(network, { logger, minIntervalMs: 10 });
const simulator = createSimulatorAdapter({ logger });
const dispatcher = createOutboundDispatcher({ connection, prefix, channels: ["whatsapp", "simulator"] });
/** A question offered as a native poll; the vote must come back as the choice's value, not its label. */
const dishFlow: Flow<{ asked: true }, void> = {
  name: "dish",
  version: 1,
  start: () => ({
    state: { asked: true },
    effects: [
      {
        type: "reply",
        reply: {
          text: { text: "Which dish?" },
          choices: [
            { label: { text: "Pilau" }, value: "dish:pilau" },
            { label: { text: "Biryani" }, value: "dish:biryani" },
          ],
          poll: {},
        },
      },
    ],
  }),
  handle: (_state, input) => ({
    state: null,
    effects: [
      {
        type: "reply",
        reply: {
          text: {
            text: `chose ${input.kind === "choice" ? input.value : `text ${input.kind === "text" ? input.text : ""}`}`,
          },
        },
      },
    ],
  }),
};
const engine = createEngine({
  journeys: [
    testJourney({ flows: [dishFlow], commands: { dish: (turn, _args, tools) => tools.startFlow(turn, "dish") } }),
  ],
  db,
  logger,
  dispatcher,
  ...testEngineDefaults,
  channels: {
    running: ["whatsapp", "simulator"],
    firstContact: ["whatsapp", "simulator"],
    links: { whatsappNumber: "255700000001" },
    firstContactBudget: { perHour: 20, perDay: 150 },
  },
});
const sim = recordSends(simulator);
const workers: Worker[] = [
  createOutboundWorker({ db, adapter: whatsapp, connection, redis, prefix, logger }),
  createOutboundWorker({ db, adapter: sim.adapter, connection, redis, prefix, logger }),
];
await whatsapp.start(engine.sink, deliveryRecorder(db, "whatsapp"));
await untilReady(whatsapp);
await simulator.start(engine.sink);
afterAll(async () => {
  await whatsapp.stop();
  await simulator.stop();
  await engine.processor.idle();
  await Promise.all(workers.map((w) => w.close()));
  await dispatcher.close();
});

const jidOf = (phone: string) => `${phone.slice(1)}@c.us`;
const whatsappTexts = async (phone: string, n: number) => {
  await waitFor(
    () => (network.sentTo(jidOf(phone)).length >= n ? true : undefined),
    `${n} WhatsApp messages to ${phone}`,
    20_000,
  );
  return network.sentTo(jidOf(phone)).map((s) => String(s.content));
};
const simulatorTexts = async (phone: string, n: number) => {
  await waitFor(() => (sim.to(phone).length >= n ? true : undefined), `${n} simulator messages to ${phone}`, 20_000);
  return sim.to(phone).map((m) => m.text);
};
let seq = 0;
const organizerSays = (phone: string, text: string) =>
  engine.sink({
    channel: "simulator",
    externalId: `wa-org-${++seq}`,
    chatId: phone,
    sender: { externalId: phone, phone, name: "Neema" },
    content: { kind: "text", text },
    sentAt: new Date(),
  });

describe("invitations on WhatsApp", () => {
  it("reaches guests who never wrote, takes numbered answers, and tells the organizer where they last wrote", async () => {
    const organizer = `+4479${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    await organizerSays(organizer, "/newevent Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await simulatorTexts(organizer, 1))[0]!)![1]!;
    await organizerSays(organizer, `/notify ${code} on`);
    const guest = uniquePhone();
    await organizerSays(organizer, `/invite ${code} ${guest} Amina`);
    // The guest never wrote: the organizer learns that WhatsApp invitations to such people go out slowly, and why.
    expect((await simulatorTexts(organizer, 3))[2]).toBe(
      "Invited to Harusi ya Neema: 1.\n1 of them has never written to this WhatsApp number. So that WhatsApp does not ban it, invitations to new numbers go out slowly (about 20 an hour, at most 150 a day): it may take up to an hour. Faster: send them their link with /link " +
        code +
        "; whoever writes first is answered at once.",
    );

    // WhatsApp has no buttons from an unofficial client: the choices are numbered lines.
    const [card] = await whatsappTexts(guest, 1);
    expect(card).toBe(
      "Neema anakualika kwenye Harusi ya Neema.\n🗓 Jumamosi 15 Februari 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\n\nUtakuja?\n\n1. Ndiyo, nitakuja\n2. Hapana, sitaweza\n3. Labda",
    );
    network.current.emitMessage({ from: jidOf(guest), body: "1", _data: { notifyName: "Amina M" } });
    expect((await whatsappTexts(guest, 2))[1]).toContain("Mtakuja watu wangapi");
    network.current.emitMessage({ from: jidOf(guest), body: "watu 4" });
    expect((await whatsappTexts(guest, 3))[2]).toContain(
      "Asante, Amina! Unakuja kwenye Harusi ya Neema, watu 4 kwa jumla.",
    );
    expect((await simulatorTexts(organizer, 4))[3]).toBe(
      "Amina answered for Harusi ya Neema: coming, 4 people.\nSo far: 1 coming (4 in all), 0 not coming, 0 maybe, 0 not answered.",
    );

    // /link gives wa.me click-to-chat links with the text filled in.
    await organizerSays(organizer, `/link ${code}`);
    const invitation = await db.invitation.findFirstOrThrow({ where: { event: { code }, recipientPhone: guest } });
    expect((await simulatorTexts(organizer, 5))[4]).toContain(
      `• Amina: WhatsApp https://wa.me/255700000001?text=start%20${invitation.code}`,
    );
  });

  it("sends choices as a native poll and takes a vote in it as the choice it names", async () => {
    const person = uniquePhone();
    network.current.emitMessage({ from: jidOf(person), body: "/dish", _data: { notifyName: "Mpishi" } });
    await waitFor(() => (network.sentTo(jidOf(person)).length >= 1 ? true : undefined), "the poll", 20_000);
    const poll = network.sentTo(jidOf(person))[0]!;
    expect(poll.content).toMatchObject({
      pollName: "Which dish?",
      pollOptions: [{ name: "Pilau" }, { name: "Biryani" }],
    });
    // The worker records the id WhatsApp gave the poll just after the send returns; a person votes later than that.
    const row = await waitFor(
      () =>
        db.outboundMessage
          .findFirst({ where: { channel: "whatsapp", externalId: poll.id, status: "sent" } })
          .then((r) => r ?? undefined),
      "the poll's row marked sent",
    );
    expect(row.status).toBe("sent");
    const parentMessage = {
      id: { _serialized: poll.id, fromMe: true, remote: jidOf(person) },
      from: "255700000001@c.us",
      to: jidOf(person),
      fromMe: true,
      body: "Which dish?",
      type: "poll_creation",
      hasMedia: false,
      timestamp: 1,
    };
    network.current.emitVote({
      voter: jidOf(person),
      selectedOptions: [{ name: "Biryani", localId: 1 }],
      interractedAtTs: Date.now(),
      parentMessage,
    });
    expect((await whatsappTexts(person, 2))[1]).toBe("chose dish:biryani");
  });

  it("invites a contact shared as a vCard after /invite CODE", async () => {
    const organizer = `+4478${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const orgJid = jidOf(organizer);
    const say = (body: string) => network.current.emitMessage({ from: orgJid, body, _data: { notifyName: "Baraka" } });
    say("/newevent Send-off ya Zawadi | send-off | 2031-03-01 16:00 | Mlimani City");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await whatsappTexts(organizer, 1))[0]!)![1]!;
    say(`/invite ${code}`);
    expect((await whatsappTexts(organizer, 2))[1]).toContain("Send the numbers to invite to Send-off ya Zawadi");
    const guest = uniquePhone();
    const vcard = `BEGIN:VCARD\nVERSION:3.0\nFN:Mama Zawadi\nTEL;type=CELL;waid=${guest.slice(1)}:${guest}\nEND:VCARD`;
    network.current.emitMessage({ from: orgJid, type: "vcard", body: vcard, vCards: [vcard] });
    expect((await whatsappTexts(organizer, 3))[2]).toBe(`Invited Mama Zawadi (${guest}) to Send-off ya Zawadi.`);
    expect((await whatsappTexts(guest, 1))[0]).toContain("Baraka anakualika kwenye Send-off ya Zawadi.");
    say("finished");
    expect((await whatsappTexts(organizer, 4))[3]).toBe(
      `Done: 1 invited in all. See the answers with /guests ${code}.`,
    );
  });
});

describe("what WhatsApp sends that is not text", () => {
  it("answers a scheduled event or a product politely in the sender's language instead of reading it as text", async () => {
    const guest = uniquePhone();
    network.current.emitMessage({
      from: jidOf(guest),
      type: "scheduled_event_creation",
      body: "Harusi ya Neema",
      _data: { notifyName: "Amina" },
    });
    const [answer] = await whatsappTexts(guest, 1);
    expect(answer).toBe(
      "Siwezi kusoma aina hiyo ya ujumbe. Tafadhali uandike kama maandishi (au tuma /msaada kuona ninachoweza kufanya).",
    );
  });
});

describe("WhatsApp's ticks", () => {
  it("records delivered and read on the message's outbound row, and a failed tick as failed", async () => {
    const organizer = `+4479${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    await organizerSays(organizer, "/newevent Send-off ya Amina | sendoff | 2031-03-15 14:00 | Mlimani City");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await simulatorTexts(organizer, 1))[0]!)![1]!;
    const [reads, fails] = [uniquePhone(), uniquePhone()];
    await organizerSays(organizer, `/invite ${code} ${reads} Rehema, ${fails} Faraji`);
    await whatsappTexts(reads, 1);
    await whatsappTexts(fails, 1);
    const rowOf = async (phone: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { phone } });
      return db.outboundMessage.findFirstOrThrow({ where: { userId: user.id, channel: "whatsapp" } });
    };
    await waitFor(
      async () => ((await rowOf(reads)).status === "sent" ? true : undefined),
      "the invitation marked sent",
    );
    const sentId = network.sentTo(jidOf(reads))[0]!.id;
    network.current.emitAck(sentId, 1); // on the server: nothing new
    network.current.emitAck(sentId, 2);
    await waitFor(async () => (await rowOf(reads)).deliveredAt ?? undefined, "delivered recorded");
    const delivered = (await rowOf(reads)).deliveredAt!;
    network.current.emitAck(sentId, 3);
    network.current.emitAck(sentId, 2); // a repeated tick keeps the first time
    await waitFor(async () => (await rowOf(reads)).readAt ?? undefined, "read recorded");
    expect((await rowOf(reads)).deliveredAt).toEqual(delivered);

    await waitFor(
      async () => ((await rowOf(fails)).status === "sent" ? true : undefined),
      "the other invitation marked sent",
    );
    network.current.emitAck(network.sentTo(jidOf(fails))[0]!.id, -1);
    await waitFor(async () => ((await rowOf(fails)).status === "failed" ? true : undefined), "failed recorded");
    expect((await rowOf(fails)).lastError).toBe("WhatsApp could not deliver it (ack error)");
    // Every send asked for no link preview and to wait until WhatsApp took it.
    expect(network.sentTo(jidOf(reads))[0]!.options).toMatchObject({ linkPreview: false, waitUntilMsgSent: true });
  });
});
