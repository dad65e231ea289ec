// Contributions (michango): guests give a well-wish, a photo or a pledge of money to an event they are invited to;
// organizers see pledged, paid and outstanding totals and record payments, partial payments adding up, and the guest
// is thanked for each payment.
import { privateOnly } from "../privacy/index.js";
import { contributeFlow, type ContributeArgs } from "../../../flows/contribute.flow.js";
import { parseAmount } from "../../../flows/event-input.js";
import { addContribution, listContributions, myContributions, recordPayment } from "../../domain/contributions.js";
import { findMyEvent } from "../../domain/event-info.js";
import type { Turn } from "../../engine/turn.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { render, type Locale } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { planEvent } from "../../reminders/plan.js";
import { codeOf, organizerEvent, splitCode } from "../event-code.js";
import { formatMoney } from "../format.js";
import { sendChart } from "../replies.js";

const contributeCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const event = await findMyEvent(await turn.db(), { userId: turn.user.id, typed: code, now: turn.now });
  const amount = rest ? parseAmount(rest) : undefined;
  const start: ContributeArgs = {
    code: event.code ?? "",
    event: event.name,
    ...(amount !== undefined ? { kind: "pledge", amount } : {}),
  };
  // Words after the command that are not an amount are a well-wish already.
  if (rest && amount === undefined) {
    const tx = await turn.db();
    await addContribution(tx, {
      eventId: event.id,
      userId: turn.user.id,
      kind: "message",
      content: rest.slice(0, 1000),
    });
    return turn.say("contribute.thanks", { event: event.name });
  }
  await tools.startFlow(turn, "contribute", start);
};

const contributionsCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "michango" : "contributions");
  const tx = await turn.db();
  const event = await organizerEvent(turn, codeOf(args));
  const { totals, rows } = await listContributions(tx, event.id);
  if (!rows.length) return turn.say("contributions.none", { event: event.name });
  const money = (n: Prisma.Decimal | null | undefined, currency?: string | null) =>
    formatMoney(n, currency ?? event.currency);
  const lines = [
    turn.render({
      key: "contributions.header",
      params: {
        event: event.name,
        pledged: money(totals.pledged),
        paid: money(totals.paid),
        outstanding: money(totals.outstanding),
        wishes: totals.wishes,
        photos: totals.photos,
      },
    }),
    ...rows.map((r) => {
      const name = r.user?.name ?? "-";
      if (r.kind === "pledge")
        return turn.render({
          key: "contributions.pledge",
          params: {
            ref: r.code ?? "",
            name,
            amount: money(r.amount, r.currency),
            paid: money(r.paidAmount, r.currency),
          },
        });
      if (r.kind === "photo")
        return turn.render({ key: "contributions.photo", params: { name, ref: r.mediaUrl ?? "" } });
      return turn.render({ key: "contributions.message", params: { name, text: (r.content ?? "").slice(0, 200) } });
    }),
  ];
  turn.send({ text: { text: lines.join("\n") } });
  sendChart(turn, {
    title: turn.render({ key: "chart.contributions", params: { event: event.name } }),
    bars: (
      [
        ["chart.contributions.pledged", totals.pledged, "#f2b134"],
        ["chart.contributions.paid", totals.paid, "#1f5f5b"],
        ["chart.contributions.outstanding", totals.outstanding, "#c8553d"],
      ] as const
    ).map(([key, value, color]) => ({
      label: turn.render({ key }),
      value: Number(value ?? 0),
      text: money(value),
      color,
    })),
  });
};

const paidCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+(.+?)(?:\s+(confirm|thibitisha))?$/i.exec(args.trim());
  const amount = m ? parseAmount(m[2]!) : undefined;
  if (!m || amount === undefined) return turn.say("paid.usage");
  const payment = await recordPayment(await turn.db(), {
    organizerId: turn.user.id,
    typed: m[1]!,
    amount,
    confirmed: Boolean(m[3]),
  });
  const currency = payment.currency;
  const params = (locale: Locale) => ({
    amount: formatMoney(payment.paidNow, currency),
    paid: formatMoney(payment.paidAmount, currency),
    pledged: formatMoney(payment.amount, currency),
  });
  if (payment.userId) {
    await turn.tell(
      { userIds: [payment.userId] },
      {
        type: "payment",
        message: (locale) => ({
          text: render(locale, { key: "paid.thanks", params: { event: payment.event?.name ?? "", ...params(locale) } }),
        }),
      },
    );
  }
  turn.say("paid.recorded", { name: payment.user?.name ?? "-", ref: payment.code ?? "", ...params(turn.locale) });
};

const myContributionsCommand: CommandHandler = async (turn) => {
  const rows = await myContributions(await turn.db(), turn.user.id);
  if (!rows.length) return turn.say("mycontributions.none");
  const lines = rows.map((r) =>
    r.kind === "pledge"
      ? turn.render({
          key: "mycontributions.pledge",
          params: {
            event: r.event?.name ?? "",
            amount: formatMoney(r.amount, r.currency),
            paid: formatMoney(r.paidAmount, r.currency),
          },
        })
      : turn.render({
          key: "mycontributions.other",
          params: {
            event: r.event?.name ?? "",
            what: turn.render({ key: r.kind === "photo" ? "contribute.kind.photo" : "contribute.kind.message" }),
          },
        }),
  );
  turn.send({ text: { text: [turn.render({ key: "mycontributions.header" }), ...lines].join("\n") } });
};

/** The event a contribution flow is about, by its code, checked again at the moment of saving. */
async function eventFor(turn: Turn, code: string) {
  return findMyEvent(await turn.db(), { userId: turn.user.id, typed: code, now: turn.now });
}

export const contributionsJourney: Journey = {
  name: "contributions",
  commands: [
    { en: ["contribute"], sw: ["changia"], for: "guest", help: "help.line.contribute", run: contributeCommand },
    {
      en: ["mycontributions"],
      sw: ["michangoyangu"],
      for: "guest",
      help: "help.line.mycontributions",
      run: myContributionsCommand,
    },
    {
      en: ["contributions"],
      sw: ["michango"],
      for: "organizer",
      help: "help.line.contributions",
      run: contributionsCommand,
    },
    { en: ["paid"], sw: ["malipo"], for: "organizer", help: "help.line.paid", run: paidCommand },
  ],
  flows: [contributeFlow],
  actions: {
    async addContribution(turn, input) {
      const event = await eventFor(turn, input.code);
      const currency = (
        await (await turn.db()).event.findUniqueOrThrow({ where: { id: event.id }, select: { currency: true } })
      ).currency;
      const saved = await addContribution(await turn.db(), {
        eventId: event.id,
        userId: turn.user.id,
        currency,
        ...input,
      });
      // A pledge brings the payments journey's reminder (unpaid a week before the event) into the event's plan.
      if (input.kind === "pledge") await planEvent(await turn.db(), event.id);
      return { event: event.name, amount: formatMoney(saved.amount, currency), ref: saved.code ?? "" };
    },
  },
};
