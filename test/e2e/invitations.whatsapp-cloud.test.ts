// WhatsApp Cloud API end to end: the adapter between the fake Meta and the real engine, PostgreSQL, Redis and
// outbound worker, wired as src/main.ts wires it. An organizer in the simulator invites a number that never wrote:
// the guest gets the approved invitation template and answers with its real button; a repeated webhook has one
// effect; Meta's delivery reports land on the outbound rows; what Meta takes only within 24 hours waits ("held")
// and goes out when the person writes again, whether Nuru knew it beforehand or Meta said so afterwards (131047).
import type { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulatorAdapter } from "../../src/channels/simulator/adapter.js";
import { createEngine } from "../../src/engine/engine.js";
import { deliveryRecorder } from "../../src/jobs/delivery.js";
import { lastWroteOn } from "../../src/domain/users.js";
import { heldReleaser, onHeldFor, releasingSink } from "../../src/jobs/held.js";
import { createOutboundDispatcher, createOutboundWorker } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import { startCloudAdapter } from "../fakes/whatsapp-cloud-harness.js";
import {
  buttonReply,
  inboundWebhook,
  startFakeMeta,
  statusWebhook,
  templateButton,
  text,
} from "../fakes/whatsapp-cloud.js";
import { recordSends } from "../support/engine-harness.js";
import { testDb, testEngineDefaults, testRedis, uniquePhone, uniquePrefix } from "../support/services.js";
import { waitFor } from "../support/until.js";

const db = testDb();
const connection = await testRedis();
const redis = await testRedis();
const prefix = uniquePrefix();
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const fake = await startFakeMeta({ enforceWindow: true, statuses: true });
const cloud = await startCloudAdapter(fake, { lastInboundAt: lastWroteOn(db, "whatsapp_cloud") });
const simulator = createSimulatorAdapter({ logger });
const dispatcher = createOutboundDispatcher({
  connection,
  prefix,
  channels: ["whatsapp_cloud", "simulator"],
  backoffMs: 50,
});
const engine = createEngine({
  db,
  logger,
  dispatcher,
  ...testEngineDefaults,
  channels: {
    running: ["whatsapp_cloud", "simulator"],
    firstContact: ["whatsapp_cloud", "simulator"],
    links: { whatsappNumber: "255700000777" },
    firstContactBudget: cloud.adapter.rateLimits.firstContact,
  },
});
const sim = recordSends(simulator);
const requeue = (ids: bigint[]) =>
  dispatcher.dispatch(
    "whatsapp_cloud",
    ids.map((id) => ({ id })),
  );
const held = heldReleaser({ db, channel: "whatsapp_cloud", logger, dispatch: requeue });
const workers: Worker[] = [
  createOutboundWorker({
    db,
    adapter: cloud.adapter,
    connection,
    redis,
    prefix,
    logger,
    onHeld: onHeldFor(held, cloud.adapter.windowOpen),
  }),
  createOutboundWorker({ db, adapter: sim.adapter, connection, redis, prefix, logger }),
];
await cloud.adapter.start(
  releasingSink(engine.sink, held, logger),
  deliveryRecorder(db, "whatsapp_cloud", { requeue, onHeld: onHeldFor(held, cloud.adapter.windowOpen) }),
);
await simulator.start(engine.sink);
afterAll(async () => {
  await cloud.adapter.stop();
  await simulator.stop();
  await engine.processor.idle();
  await Promise.all(workers.map((w) => w.close()));
  await dispatcher.close();
  await cloud.close();
  await fake.close();
});

const waIdOf = (phone: string) => phone.slice(1);
const shown = async (phone: string, n: number) => {
  await waitFor(
    () => (fake.shownTo(waIdOf(phone)).length >= n ? true : undefined),
    `${n} WhatsApp messages to ${phone}`,
    20_000,
  );
  return fake.shownTo(waIdOf(phone));
};
const simulatorTexts = async (phone: string, n: number) => {
  await waitFor(() => (sim.to(phone).length >= n ? true : undefined), `${n} simulator messages to ${phone}`, 20_000);
  return sim.to(phone).map((m) => m.text);
};
let seq = 0;
const organizerSays = (phone: string, body: string) =>
  engine.sink({
    channel: "simulator",
    externalId: `cloud-org-${prefix}-${++seq}`,
    chatId: phone,
    sender: { externalId: phone, phone, name: "Neema" },
    content: { kind: "text", text: body },
    sentAt: new Date(),
  });
const personWrites = (phone: string, message: Record<string, unknown>, name = "Amina M") => {
  const body = inboundWebhook({ waId: waIdOf(phone), name }, message);
  return { body, statuses: fake.callWebhook(body) };
};

async function newEvent(organizer: string, name: string): Promise<string> {
  const before = sim.to(organizer).length;
  await organizerSays(organizer, `/newevent ${name} | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall`);
  return /Its code is ([A-Z0-9-]+)\./.exec((await simulatorTexts(organizer, before + 1))[before]!)![1]!;
}

describe("WhatsApp Cloud API, end to end", () => {
  it("invites a number that never wrote with the template, and the guest answers with its button", async () => {
    const organizer = `+4477${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const code = await newEvent(organizer, "Harusi ya Neema");
    await organizerSays(organizer, `/notify ${code} on`);
    const guest = uniquePhone();
    await organizerSays(organizer, `/invite ${code} ${guest} Amina`);
    // One new conversation is far within Meta's daily limit: nothing to warn of.
    expect((await simulatorTexts(organizer, 3))[2]).toBe("Invited to Harusi ya Neema: 1.");

    const [card] = await shown(guest, 1);
    expect(card).toMatchObject({
      type: "template",
      template: "nuru_invitation",
      choiceLabels: ["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"],
    });
    expect(card!.text).toBe(
      "Habari! Neema anakualika kwenye Harusi ya Neema.\n🗓 Jumamosi 15 Februari 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\n\nUtakuja? Gusa jibu lako hapa chini.",
    );

    // The tap on the template's first button comes back as its payload.
    expect(await personWrites(guest, templateButton(card!.choiceValues[0]!, "Ndiyo, nitakuja")).statuses).toEqual([
      200,
    ]);
    const [, question] = await shown(guest, 2);
    // "How many?" comes with the usual party sizes to pick (more than three choices: a list).
    expect(question).toMatchObject({ type: "list" });
    expect(question!.text).toContain("Mtakuja watu wangapi");
    const answer = personWrites(guest, text("watu 4"));
    expect(await answer.statuses).toEqual([200]);
    expect((await shown(guest, 3))[2]!.text).toContain(
      "Asante, Amina! Unakuja kwenye Harusi ya Neema, watu 4 kwa jumla.",
    );
    expect((await simulatorTexts(organizer, 4))[3]).toBe(
      "Amina answered for Harusi ya Neema: coming, 4 people.\nSo far: 1 coming (4 in all), 0 not coming, 0 maybe, 0 not answered.",
    );

    // Meta delivers the same webhook again: one effect.
    expect(await fake.callWebhook(answer.body)).toEqual([200]);
    await engine.processor.idle();
    const messageId = (answer.body.entry[0]!.changes[0]!.value as unknown as { messages: { id: string }[] })
      .messages[0]!.id;
    expect(await db.inboundMessage.count({ where: { channel: "whatsapp_cloud", externalId: messageId } })).toBe(1);
    const guestRow = await db.eventGuest.findFirstOrThrow({ where: { event: { code }, user: { phone: guest } } });
    expect(guestRow).toMatchObject({ rsvpStatus: "accepted", partySize: 4 });
    await fake.settle();
    expect(fake.shownTo(waIdOf(guest))).toHaveLength(3);
    expect(await simulatorTexts(organizer, 4)).toHaveLength(4);

    // Meta's reports reach the rows; one about a message Nuru does not know changes nothing.
    await waitFor(
      async () =>
        (await db.outboundMessage.count({
          where: { channel: "whatsapp_cloud", chatId: waIdOf(guest), deliveredAt: { not: null } },
        })) === 3 || undefined,
      "three delivered ticks",
    );
    const before = await db.outboundMessage.findMany({
      where: { channel: "whatsapp_cloud", chatId: waIdOf(guest) },
      orderBy: { id: "asc" },
    });
    expect(
      await fake.callWebhook(
        statusWebhook([{ id: "wamid.never-sent-by-nuru", status: "read", recipient: waIdOf(guest) }]),
      ),
    ).toEqual([200]);
    expect(
      await db.outboundMessage.findMany({
        where: { channel: "whatsapp_cloud", chatId: waIdOf(guest) },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before);
    // A read report for a message Nuru sent is recorded.
    expect(
      await fake.callWebhook(statusWebhook([{ id: before[0]!.externalId!, status: "read", recipient: waIdOf(guest) }])),
    ).toEqual([200]);
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: before[0]!.id } })).readAt).not.toBeNull();
  });

  it("holds what has no template for someone who never wrote, and sends it once they write", async () => {
    const organizer = `+4476${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const code = await newEvent(organizer, "Harusi ya Zawadi");
    const usher = uniquePhone();
    await organizerSays(organizer, `/usher ${code} ${usher} Juma`);
    expect((await simulatorTexts(organizer, 2))[1]).toContain("Juma");
    const row = await waitFor(
      () =>
        db.outboundMessage
          .findFirst({ where: { channel: "whatsapp_cloud", chatId: waIdOf(usher), status: "held" } })
          .then((r) => r ?? undefined),
      "the usher's note held",
    );
    expect(row.lastError).toMatch(/24 hours/);
    // They are told, by the one template that may reach them, that messages wait until they reply (once a day).
    const [waiting] = await shown(usher, 1);
    expect(waiting).toMatchObject({
      type: "template",
      template: "nuru_waiting",
      text: "Habari Juma! Nuru ina ujumbe mpya kwako kuhusu matukio yako. Jibu ujumbe huu kuusoma.",
    });
    await organizerSays(organizer, `/usher ${code} ${usher} Juma`);
    await simulatorTexts(organizer, 3);

    await personWrites(usher, text("habari"), "Juma").statuses;
    const texts = (await shown(usher, 3)).map((s) => s.text);
    expect(texts[1]).toMatch(/^Neema amekuomba upokee wageni kwenye Harusi ya Zawadi\./);
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("sent");
    await engine.processor.idle();
    await fake.settle();
    expect(fake.shownTo(waIdOf(usher)).filter((s) => s.template === "nuru_waiting")).toHaveLength(1);
  });

  it("sends again what Meta failed with 131047 (its clock said 24 hours had passed) once the person writes", async () => {
    const organizer = `+4475${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const code = await newEvent(organizer, "Send-off ya Rehema");
    const guest = uniquePhone();
    await organizerSays(organizer, `/invite ${code} ${guest} Rehema`);
    const [card] = await shown(guest, 1);
    await personWrites(guest, templateButton(card!.choiceValues[0]!, "Ndiyo, nitakuja"), "Rehema").statuses;
    await shown(guest, 2);
    await personWrites(guest, text("1"), "Rehema").statuses;
    await shown(guest, 3);
    // Meta's view of the last message is older than Nuru's: free text goes out, and comes back failed.
    fake.wrote(waIdOf(guest), Date.now() - 25 * 3600_000);
    await organizerSays(organizer, `/poll ${code} Which dish? | Pilau | Biryani`);
    const pollRow = await waitFor(
      () =>
        db.outboundMessage
          .findFirst({ where: { channel: "whatsapp_cloud", chatId: waIdOf(guest), status: "held" } })
          .then((r) => r ?? undefined),
      "the poll held after 131047",
    );
    expect(pollRow.lastError).toMatch(/^131047/);
    // Meta's word stands until they write: no free text again, the waiting note as a template instead.
    await waitFor(() => fake.shownTo(waIdOf(guest)).find((s) => s.template === "nuru_waiting"), "the waiting note");
    expect(fake.shownTo(waIdOf(guest)).filter((s) => s.template !== "nuru_waiting")).toHaveLength(3);

    await personWrites(guest, text("asante"), "Rehema").statuses;
    const poll = await waitFor(
      () => fake.shownTo(waIdOf(guest)).find((s) => s.text.includes("Which dish?")),
      "the poll shown after they wrote",
    );
    expect(poll).toMatchObject({ type: "buttons", choiceLabels: ["Pilau", "Biryani"] });
    await waitFor(
      async () =>
        (await db.outboundMessage.findUniqueOrThrow({ where: { id: pollRow.id } })).status === "sent" || undefined,
      "the poll's row sent",
    );
    // What was held goes before the answer to what they wrote.
    const answer = await waitFor(
      () => fake.shownTo(waIdOf(guest)).findIndex((s) => s.text.includes('"asante"')) + 1 || undefined,
      "the answer to asante",
    );
    const pollAt = fake.shownTo(waIdOf(guest)).findIndex((s) => s.text.includes("Which dish?")) + 1;
    expect(pollAt).toBeGreaterThan(0);
    expect(pollAt).toBeLessThan(answer);
    // A tap on the poll's reply button is the vote.
    const before = answer;
    expect(await personWrites(guest, buttonReply(poll.choiceValues[1]!, "Biryani"), "Rehema").statuses).toEqual([200]);
    expect((await shown(guest, before + 1))[before]!.text).toBe(
      "Asante! Kura yako: Biryani. Unaweza kuibadilisha hadi kura itakapofungwa.",
    );
    expect(await db.pollVote.count({ where: { user: { phone: guest }, poll: { event: { code } } } })).toBe(1);
  });

  it("sends an invitation Meta failed with 131047 again at once, as the template", async () => {
    const organizer = `+4474${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const guest = uniquePhone();
    // The guest wrote (a greeting), so Nuru takes their 24 hours as open ...
    await personWrites(guest, text("habari"), "Baraka").statuses;
    const greeting = (await shown(guest, 1)).length;
    // ... but Meta's view of their last message is older.
    fake.wrote(waIdOf(guest), Date.now() - 25 * 3600_000);
    const code = await newEvent(organizer, "Kipaimara cha Baraka");
    await organizerSays(organizer, `/invite ${code} ${guest} Baraka`);
    const card = await waitFor(
      () =>
        fake
          .shownTo(waIdOf(guest))
          .slice(greeting)
          .find((s) => s.type === "template"),
      "the invitation as the template",
    );
    expect(card).toMatchObject({
      template: "nuru_invitation",
      choiceLabels: ["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"],
    });
    // The free-text attempt Meta refused is not shown; the row is sent, as the template.
    const sentFree = fake.sent.filter((m) => m.to === waIdOf(guest) && m.type === "interactive");
    expect(sentFree).toHaveLength(1);
    const rowOf = await waitFor(
      () =>
        db.outboundMessage
          .findFirst({
            where: {
              channel: "whatsapp_cloud",
              chatId: waIdOf(guest),
              dedupeKey: { startsWith: "tell:" },
              status: "sent",
              externalId: fake.sent.find((m) => m.to === waIdOf(guest) && m.type === "template")?.id,
            },
          })
          .then((r) => r ?? undefined),
      "the row sent as the template",
    );
    expect(rowOf.options).toMatchObject({ windowClosed: true });
  });
});
