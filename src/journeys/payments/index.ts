// Mobile money from the chat: a guest pays a pledge ("Lipa sasa", /lipa M-7K2QX 50,000, "lipa elfu hamsini"), an
// organizer a booking's deposit or balance (/lipahuduma B-7K2QX amana). The turn only writes the collection's row and
// says to watch the phone; src/payments starts it once the row is committed, and settles it from the provider's own
// answer (the sandbox's answer is a tap in this chat). The service (callbacks, starter, reconciler) comes with the journey.
import { parseAmount } from "../../../flows/event-input.js";
import { normalisePhone } from "../../domain/phones.js";
import { normaliseCode } from "../../domain/codes.js";
import type { Turn } from "../../engine/turn.js";
import { Prisma } from "../../generated/prisma/client.js";
import { render } from "../../i18n/index.js";
import { openCollection, openCollectionFor, settleCollection, type Purpose } from "../../payments/collections.js";
import { activePayments, tellingOf } from "../../payments/service.js";
import { paymentsFromConfig } from "../../payments/setup.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, formatMoney, organizerEvent } from "../list.js";

/** The country whose numbers an event's payers are likely to type without "+": from its currency. */
const countryOf: Record<string, string> = { KES: "KE", TZS: "TZ", UGX: "UG", RWF: "RW" };

/** A phone number in what was typed ("0712 345 678", "+254712345678"), and the words without it. */
export function takePhone(args: string, country: string): { phone?: string; rest: string } {
  const m = /(?:\+|\b0|\b2[5-9]\d)\d[\d ]{6,14}\d/.exec(args);
  const phone = m ? normalisePhone(m[0].replace(/ /g, ""), country) : undefined;
  return phone
    ? { phone, rest: (args.slice(0, m!.index) + " " + args.slice(m!.index + m![0].length)).trim() }
    : { rest: args.trim() };
}

interface Target {
  purpose: Purpose;
  eventId: string;
  currency: string;
  amount: Prisma.Decimal;
  contributionId?: string;
  bookingId?: string;
}

/** Writes the collection and tells the payer to watch their phone (with the sandbox's buttons where it plays the phone). */
async function begin(turn: Turn, target: Target, phone: string | undefined, ref: string): Promise<void> {
  const provider = activePayments().providerFor(target.currency);
  if (!provider) return turn.say("pay.unavailable", { currency: target.currency });
  const to = phone ?? turn.user.phone ?? undefined;
  if (!to) return turn.say("pay.need_phone", { ref });
  const tx = await turn.db();
  const open = await openCollectionFor(
    tx,
    target.contributionId ? { contributionId: target.contributionId } : { bookingId: target.bookingId! },
  );
  if (open) return turn.say("pay.already_open", { ref: open.code, phone: open.phone });
  const c = await openCollection(tx, { ...target, userId: turn.user.id, phone: to, provider: provider.name });
  const params = { amount: formatMoney(c.amount, c.currency), ref: c.code, phone: to };
  if (provider.name !== "sandbox") return turn.say("pay.prompt_sent", params);
  turn.send({
    text: {
      text: `${render(turn.locale, { key: "pay.prompt_sent", params })}\n\n${render(turn.locale, { key: "pay.sandbox_note" })}`,
    },
    choices: [
      { label: { key: "pay.sandbox.pin" }, value: `pay:ok:${c.code}` },
      { label: { key: "pay.sandbox.cancel" }, value: `pay:no:${c.code}` },
    ],
  });
}

/** The guest's own pledge by its reference, or their newest pledge not yet fully paid. */
async function findPledge(turn: Turn, ref: string | undefined) {
  const tx = await turn.db();
  const select = {
    id: true,
    code: true,
    amount: true,
    paidAmount: true,
    currency: true,
    eventId: true,
    event: { select: { currency: true } },
  } as const;
  if (ref)
    return tx.guestContribution.findFirst({
      where: { userId: turn.user.id, kind: "pledge", code: { equals: ref, mode: "insensitive" } },
      select,
    });
  const pledges = await tx.guestContribution.findMany({
    where: { userId: turn.user.id, kind: "pledge" },
    select,
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return pledges.find((p) => new Prisma.Decimal(p.amount ?? 0).greaterThan(p.paidAmount)) ?? pledges[0];
}

async function payPledge(turn: Turn, args: string): Promise<void> {
  // "lipa sasa" / "pay now": the words say when, not what.
  const words = args.replace(/^\s*(sasa|now)\b/i, "").trim();
  const refMatch = /\bM-[A-Z0-9]{3,10}\b/i.exec(words);
  const ref = refMatch ? normaliseCode(refMatch[0]) : undefined;
  const pledge = await findPledge(turn, ref);
  if (!pledge?.code || !pledge.eventId) return ref ? turn.say("pay.unknown", { ref }) : turn.say("pay.no_pledge");
  const currency = pledge.currency ?? pledge.event?.currency ?? "TZS";
  const { phone, rest } = takePhone(
    refMatch ? words.replace(refMatch[0], " ") : words,
    countryOf[currency] ?? turn.env.defaultCountry,
  );
  const typed = rest ? parseAmount(rest) : undefined;
  if (rest && typed === undefined) return turn.say("pay.usage");
  const owed = new Prisma.Decimal(pledge.amount ?? 0).minus(pledge.paidAmount);
  if (typed === undefined && !owed.greaterThan(0)) return turn.say("pay.settled", { ref: pledge.code });
  const amount = typed !== undefined ? new Prisma.Decimal(typed) : owed;
  if (!amount.greaterThan(0) || amount.greaterThan("999999999999")) return turn.say("pay.usage");
  await begin(
    turn,
    { purpose: "pledge", eventId: pledge.eventId, currency, amount, contributionId: pledge.id },
    phone,
    pledge.code,
  );
}

const payCommand: CommandHandler = (turn, args) => payPledge(turn, args);

const stepWords: Record<string, "deposit" | "balance"> = {
  deposit: "deposit",
  amana: "deposit",
  balance: "balance",
  salio: "balance",
};

const payBookingCommand: CommandHandler = async (turn, args) => {
  const [typedRef = "", typedStep = "", ...more] = args.trim().split(/\s+/);
  const step = stepWords[typedStep.toLowerCase()];
  const code = normaliseCode(typedRef);
  if (!code || !step) return turn.say("pay.booking_usage");
  const tx = await turn.db();
  const booking = await tx.eventService.findFirst({
    where: {
      code: { equals: code, mode: "insensitive" },
      bookingStatus: "confirmed",
      event: { organizerId: turn.user.id },
    },
    select: {
      id: true,
      code: true,
      price: true,
      deposit: true,
      depositPaidAt: true,
      paymentStatus: true,
      eventId: true,
      event: { select: { currency: true } },
    },
  });
  if (!booking?.eventId || !booking.event) return turn.say("pay.booking_unknown", { ref: typedRef.slice(0, 40) });
  const what = turn.render({ key: `pay.what.${step}` });
  const deposit = new Prisma.Decimal(booking.deposit ?? 0);
  const amount =
    step === "deposit"
      ? booking.depositPaidAt || (booking.paymentStatus ?? "pending") !== "pending"
        ? new Prisma.Decimal(0)
        : deposit
      : (booking.paymentStatus ?? "pending") !== "pending"
        ? new Prisma.Decimal(0)
        : new Prisma.Decimal(booking.price ?? 0).minus(booking.depositPaidAt ? deposit : 0);
  if (!amount.greaterThan(0)) return turn.say("pay.booking_nothing", { what, ref: booking.code ?? "" });
  const currency = booking.event.currency;
  const { phone } = takePhone(more.join(" "), countryOf[currency] ?? turn.env.defaultCountry);
  await begin(
    turn,
    { purpose: step, eventId: booking.eventId, currency, amount, bookingId: booking.id },
    phone,
    booking.code ?? "",
  );
};

const receiptsCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  const rows = await (await turn.db()).paymentCollection.findMany({
    where: { eventId: event.id },
    select: {
      code: true,
      amount: true,
      currency: true,
      status: true,
      receipt: true,
      user: { select: { name: true } },
      contribution: { select: { code: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  if (!rows.length) return turn.say("pay.receipts_none", { event: event.name });
  const status = (s: string): "pay.status.paid" | "pay.status.failed" | "pay.status.mismatch" | "pay.status.open" =>
    s === "paid"
      ? "pay.status.paid"
      : s === "failed"
        ? "pay.status.failed"
        : s === "mismatch"
          ? "pay.status.mismatch"
          : "pay.status.open";
  const lines = rows.map((r) =>
    turn
      .render({
        key: "pay.receipts_line",
        params: {
          ref: r.contribution?.code ?? r.code,
          name: r.user.name,
          amount: formatMoney(r.amount, r.currency),
          status: turn.render({ key: status(r.status) }),
          receipt: r.status === "paid" || r.status === "mismatch" ? (r.receipt ?? "") : "",
        },
      })
      .trimEnd(),
  );
  turn.send({
    text: { text: [turn.render({ key: "pay.receipts_header", params: { event: event.name } }), ...lines].join("\n") },
  });
};

/** The sandbox's phone: the person says what they did with the prompt, and the collection settles from that answer. */
async function sandboxAnswer(turn: Turn, code: string, outcome: "paid" | "cancelled"): Promise<void> {
  const tx = await turn.db();
  const c = await tx.paymentCollection.findFirst({
    where: { code: { equals: code, mode: "insensitive" }, userId: turn.user.id },
  });
  const sandbox = activePayments().sandbox;
  if (!c || c.provider !== "sandbox" || !sandbox || !["created", "starting", "pending"].includes(c.status))
    return turn.say("pay.finished");
  // Starting is idempotent in the sandbox: a tap that comes before the starter (or after a restart) still finds its prompt.
  const { providerRef } = await sandbox.start({
    reference: c.id,
    code: c.code,
    phone: c.phone,
    amount: String(c.amount),
    currency: c.currency,
    description: c.code,
  });
  sandbox.answer(providerRef, outcome);
  const state = await sandbox.status({ providerRef, reference: c.id, phone: c.phone });
  const settled = await settleCollection(tx, { id: c.id, state, providerRef, now: turn.now });
  for (const [i, n] of settled.notices.entries()) {
    if (n.userId === turn.user.id)
      turn.send({
        text: n.message,
        ...(n.choices ? { choices: n.choices.map((ch) => ({ label: ch.label, value: ch.value })) } : {}),
      });
    else await turn.tell({ userIds: [n.userId] }, tellingOf(c.id, n, i).tidings);
  }
  if (!settled.changed) turn.say("pay.finished");
}

/** Try again: the same pledge or booking, amount and phone as the collection that did not go through. */
async function retry(turn: Turn, code: string): Promise<void> {
  const tx = await turn.db();
  const c = await tx.paymentCollection.findFirst({
    where: { code: { equals: code, mode: "insensitive" }, userId: turn.user.id },
    include: { contribution: { select: { code: true } }, booking: { select: { code: true } } },
  });
  if (!c) return turn.say("pay.finished");
  const target: Target = {
    purpose: c.purpose as Purpose,
    eventId: c.eventId,
    currency: c.currency,
    amount: c.amount,
    ...(c.contributionId ? { contributionId: c.contributionId } : {}),
    ...(c.bookingId ? { bookingId: c.bookingId } : {}),
  };
  await begin(turn, target, c.phone, c.contribution?.code ?? c.booking?.code ?? c.code);
}

export const paymentsJourney: Journey = {
  name: "payments",
  commands: [
    {
      en: ["pay"],
      sw: ["lipa"],
      for: "guest",
      help: "help.line.pay",
      takes: (args) =>
        /^(sasa|now)\b/i.test(args.trim()) || /\bM-[A-Z0-9]{3,10}\b/i.test(args) || parseAmount(args) !== undefined,
      run: payCommand,
    },
    { en: ["paybooking"], sw: ["lipahuduma"], for: "organizer", help: "help.line.paybooking", run: payBookingCommand },
    { en: ["receipts"], sw: ["stakabadhi"], for: "organizer", help: "help.line.receipts", run: receiptsCommand },
  ],
  choices: {
    async pay(turn, value) {
      const [, what = "", code = ""] = value.split(":");
      if (what === "now") return payPledge(turn, code);
      if (what === "ok") return sandboxAnswer(turn, code, "paid");
      if (what === "no") return sandboxAnswer(turn, code, "cancelled");
      if (what === "again") return retry(turn, code);
    },
  },
  service: (deps) => paymentsFromConfig(deps),
};
