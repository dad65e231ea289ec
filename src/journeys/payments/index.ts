// Mobile money from the chat: a guest pays a pledge ("Lipa sasa", /lipa M-7K2QX 50,000, "lipa elfu hamsini"), an
// organizer a booking's deposit or balance (/lipahuduma B-7K2QX amana). The turn only writes the collection's row and
// says to watch the phone; src/payments starts it once the row is committed, and settles it from the provider's own
// answer (the sandbox's answer is a tap in this chat). The service (callbacks, starter, reconciler) comes with the journey.
import { parseAmount } from "../../../flows/event-input.js";
import { payFlow } from "../../../flows/pay.flow.js";
import type { Turn } from "../../engine/turn.js";
import { settleCollection } from "../../payments/collections.js";
import { activePayments, tellingOf } from "../../payments/service.js";
import { paymentsFromConfig } from "../../payments/setup.js";
import type { CommandHandler, CommandTools, Journey } from "../journey.js";
import { codeOf, organizerEvent } from "../event-code.js";
import { formatMoney } from "../format.js";
import { payBookingCommand } from "./booking.js";
import { contributionColumns, pledgeReminder } from "./extensions.js";
import { readPayIntent } from "./phrases.js";
import { payPledge, takePhone } from "./pledges.js";
import { retry } from "./retry.js";

const payCommand: CommandHandler = (turn, args, tools) => payPledge(turn, args, tools);

/** The number the phone question got (typed or shared): the same payment again, to it. */
async function payFromPhone(
  turn: Turn,
  input: { ref: string; booking?: "deposit" | "balance"; amount?: string; phone: string },
  tools: CommandTools,
): Promise<{ ok: boolean }> {
  // Only whether it is a number at all: the payment reads it again in the country of the event's currency.
  const typed = input.phone.replace(/[^\d+]/g, "");
  if (!takePhone(typed, turn.env.defaultCountry).phone) return { ok: false };
  const phone = typed;
  if (input.booking) await payBookingCommand(turn, `${input.ref} ${input.booking} ${phone}`, tools);
  else await payPledge(turn, `${input.ref} ${input.amount ?? ""} ${phone}`, tools);
  return { ok: true };
}

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
  if (c?.provider !== "sandbox" || !sandbox || !["created", "starting", "pending"].includes(c.status))
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
    async pay(turn, value, tools) {
      const [, what = "", code = ""] = value.split(":");
      if (what === "now") return payPledge(turn, code, tools);
      if (what === "ok") return sandboxAnswer(turn, code, "paid");
      if (what === "no") return sandboxAnswer(turn, code, "cancelled");
      if (what === "again") return retry(turn, code, tools);
    },
  },
  flows: [payFlow],
  actions: { payFromPhone },
  /** "nataka kulipa", "I want to pay", "lipa ahadi yangu elfu ishirini": the person's unpaid pledges. */
  async understand(turn, text, tools) {
    const intent = readPayIntent(text);
    if (!intent) return false;
    await payPledge(turn, intent.amount !== undefined ? String(intent.amount) : "", tools);
    return true;
  },
  service: (deps) => paymentsFromConfig(deps),
  reminders: [pledgeReminder],
  exports: [contributionColumns],
};
