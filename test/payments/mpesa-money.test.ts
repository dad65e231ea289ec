// Money through M-Pesa Daraja's fake with the real database and the simulator: recorded only after Nuru asked
// Safaricom itself; a callback before the status is final, a duplicate, a forged one (unknown URL, wrong amount), one
// that never comes (the reconciler), and a crash between Safaricom's answer and its commit.
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { claimCreated } from "../../src/payments/collections.js";
import { createMpesaProvider } from "../../src/payments/mpesa.js";
import { createPayments } from "../../src/payments/service.js";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";
import { createDarajaFake, darajaSecrets } from "../fakes/mpesa-daraja.js";

const h = await startHarness();
const fake = createDarajaFake(darajaSecrets);
/** Safaricom takes the next STK push, and its answer is lost on the way back (a timeout). */
let loseNextPushAnswer = false;
const http: typeof fetch = async (input, init) => {
  const res = await fake.fetch(input, init);
  if (loseNextPushAnswer && String(input).includes("/stkpush/v1/processrequest")) {
    loseNextPushAnswer = false;
    throw new TypeError("fetch failed: timeout");
  }
  return res;
};
const payments = createPayments({
  db: h.db,
  logger: createLogger("silent"),
  env: h.engine.environment,
  dispatch: (channel, ids) =>
    h.dispatcher.dispatch(
      channel,
      ids.map((id) => ({ id })),
    ),
  providers: [createMpesaProvider({ ...darajaSecrets, apiRoot: "https://daraja.test", fetch: http })],
  publicUrl: "https://nuru.example",
  reconcileAfterMs: 1,
  // Timers that never fire in this test: it drives each step itself.
  startEveryMs: 2_000_000_000,
  reconcileEveryMs: 2_000_000_000,
});
// activePayments() is this service while it runs, so the chat finds M-Pesa for KES.
payments.start();
afterAll(() => payments.stop());
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

/** An organizer's KES event and a guest with a pledge; returns their phones and the pledge's reference. */
async function pledged(amount: string) {
  const organizer = ukPhone();
  await h.say(organizer, "/newevent Harambee ya Wanjiru | fundraiser | 2031-08-08 17:00 | Nairobi", "Wanjiru");
  const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
  await h.db.event.update({ where: { code }, data: { currency: "KES" } });
  const guest = uniquePhone();
  await h.say(organizer, `/invite ${code} ${guest} Otieno`);
  await last(organizer, 2);
  await h.replies(guest, 1);
  await h.say(guest, `/contribute ${amount}`);
  const ref = /(M-[A-Z0-9]+)/.exec(await last(guest, 2))![1]!;
  return { organizer, guest, ref, code };
}

async function collectionOf(ref: string) {
  return h.db.paymentCollection.findFirstOrThrow({
    where: { contribution: { code: ref } },
    orderBy: { createdAt: "desc" },
  });
}
const paidOn = async (ref: string) =>
  (await h.db.guestContribution.findFirstOrThrow({ where: { code: ref } })).paidAmount.toString();

describe("M-Pesa collections", () => {
  it("records money once, only after asking Safaricom: early, forged and duplicate callbacks change nothing", async () => {
    const { organizer, guest, ref } = await pledged("1000");
    await h.say(guest, "Lipa sasa");
    expect(await last(guest, 3)).toContain("KES 1,000");
    await h.settle();
    // The row is committed before Safaricom is asked.
    expect((await collectionOf(ref)).status).toBe("created");
    await payments.startDue();
    const c = await collectionOf(ref);
    expect(c.status).toBe("pending");
    const push = fake.pushes.get(c.providerRef!)!;
    expect(push.callbackUrl).toBe(`https://nuru.example/payments/mpesa/callback/${c.callbackToken}`);
    expect(push.amount).toBe(1000);

    // Forged: a URL nobody was given; and a "paid" callback on the right URL while Safaricom says it is still processing.
    expect(await payments.callback("mpesa", "guessed-token", fake.callbackBody(c.providerRef!))).toEqual({
      status: 404,
    });
    expect(await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!, { result: 0 }))).toEqual(
      { status: 200 },
    );
    expect(await paidOn(ref)).toBe("0");
    expect((await collectionOf(ref)).status).toBe("pending");

    // The person enters the PIN: the real callback settles it; its duplicate changes nothing.
    fake.answer(c.providerRef!, 0);
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!));
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!));
    expect(await paidOn(ref)).toBe("1000");
    const receipt = fake.pushes.get(c.providerRef!)!.receipt!;
    expect(await last(guest, 4)).toContain(`stakabadhi ${receipt}`);
    expect(await last(organizer, 3)).toContain(
      `Otieno paid KES 1,000 by mobile money towards pledge ${ref}, receipt ${receipt}`,
    );
    expect((await collectionOf(ref)).receipt).toBe(receipt);
  });

  it("refuses a paid callback whose amount is not what was asked", async () => {
    const { guest, ref } = await pledged("2000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    await payments.startDue();
    const c = await collectionOf(ref);
    fake.answer(c.providerRef!, 0);
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!, { amount: 1 }));
    expect((await collectionOf(ref)).status).toBe("mismatch");
    expect(await paidOn(ref)).toBe("0");
  });

  it("finds a lost callback with the reconciler, and says plainly when the person cancelled", async () => {
    const { guest, ref } = await pledged("3000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    await payments.startDue();
    const c = await collectionOf(ref);
    fake.answer(c.providerRef!, 1032);
    await new Promise((r) => setTimeout(r, 20));
    await payments.reconcile();
    expect((await collectionOf(ref)).status).toBe("failed");
    const told = await h.reply(guest, 4);
    expect(told.text).toContain("ombi lilighairiwa kwenye simu");
    expect(told.choices?.[0]?.value).toBe(`pay:again:${c.code}`);
    // Try again: a new prompt, paid, found by the reconciler though no callback ever came.
    await h.deliver(guest, { kind: "choice", value: told.choices![0]!.value });
    await last(guest, 5);
    await h.settle();
    await payments.startDue();
    const again = await collectionOf(ref);
    expect(again.id).not.toBe(c.id);
    fake.answer(again.providerRef!, 0);
    await new Promise((r) => setTimeout(r, 20));
    await payments.reconcile();
    expect(await paidOn(ref)).toBe("3000");
    expect(await last(guest, 6)).toContain("Tumepokea KES 3,000");
  });

  it("loses nothing when the process stops between Safaricom's answer and its commit", async () => {
    const { guest, ref } = await pledged("4000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    // Claimed and sent to Safaricom, then the process died before writing the CheckoutRequestID down.
    const [claimed] = await h.db.$transaction((tx) => claimCreated(tx, 1));
    const mine = await collectionOf(ref);
    expect(claimed?.id).toBe(mine.id);
    const { providerRef } = await createMpesaProvider({
      ...darajaSecrets,
      apiRoot: "https://daraja.test",
      fetch: fake.fetch,
    }).start({
      reference: mine.id,
      code: mine.code,
      phone: mine.phone,
      amount: "4000",
      currency: "KES",
      description: "d",
      callbackUrl: `https://nuru.example/payments/mpesa/callback/${mine.callbackToken}`,
    });
    expect((await collectionOf(ref)).providerRef).toBeNull();
    fake.answer(providerRef, 0);
    // The callback names the row by its URL; Safaricom is asked about the CheckoutRequestID it carries.
    await payments.callback("mpesa", mine.callbackToken, fake.callbackBody(providerRef));
    const after = await collectionOf(ref);
    expect(after).toMatchObject({ status: "paid", providerRef });
    expect(await paidOn(ref)).toBe("4000");
  });

  it("keeps a prompt whose answer timed out open, and records the money its callback confirms", async () => {
    const { guest, ref } = await pledged("5000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    loseNextPushAnswer = true;
    await payments.startDue();
    const c = await collectionOf(ref);
    // Not known to have failed: no "did not go through", no Try again that could send a second prompt.
    expect(c.status).toBe("starting");
    const push = [...fake.pushes.values()].find((p) => p.reference === c.code)!;
    fake.answer(push.checkoutRequestId, 0);
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(push.checkoutRequestId));
    expect(await collectionOf(ref)).toMatchObject({ status: "paid", providerRef: push.checkoutRequestId });
    expect(await paidOn(ref)).toBe("5000");
  });

  it("records money Safaricom confirms for a collection already marked failed, once", async () => {
    const { guest, ref } = await pledged("6000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    await payments.startDue();
    const c = await collectionOf(ref);
    // Marked failed without Safaricom's word (an older start, a prompt taken as never sent).
    await h.db.paymentCollection.update({ where: { id: c.id }, data: { status: "failed", reason: "other" } });
    fake.answer(c.providerRef!, 0);
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!));
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!));
    expect(await collectionOf(ref)).toMatchObject({ status: "paid", reason: null });
    expect(await paidOn(ref)).toBe("6000");
  });

  it("tells the organizer about money for a pledge that no longer exists, instead of thanking as recorded", async () => {
    const { organizer, guest, ref } = await pledged("7000");
    await h.say(guest, "/pay");
    await last(guest, 3);
    await h.settle();
    await payments.startDue();
    const c = await collectionOf(ref);
    await h.db.guestContribution.deleteMany({ where: { code: ref } });
    fake.answer(c.providerRef!, 0);
    await payments.callback("mpesa", c.callbackToken, fake.callbackBody(c.providerRef!));
    const after = await h.db.paymentCollection.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: "mismatch", reason: "pledge_gone" });
    const receipt = fake.pushes.get(c.providerRef!)!.receipt!;
    expect(await last(guest, 4)).toContain("hayakuweza kurekodiwa");
    expect(await last(organizer, 3)).toContain(
      `Otieno paid KES 7,000 by mobile money for ${c.code}, receipt ${receipt}`,
    );
  });
});
