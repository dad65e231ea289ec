// The event's budget from the phone: expenses as they come (planned cost, what is paid), and the plan against the
// budget the organizer set, confirmed bookings included, with a warning when the plan goes over.
import { privateOnly } from "../privacy/index.js";
import { parseAmount } from "../../../flows/event-input.js";
import { formFlow, forms } from "../../../flows/form.flow.js";
import { isSeparated, readTitleAmounts, splitFields } from "../../language/fields.js";
import { addExpense, budgetOf } from "../../domain/budget.js";
import type { Turn } from "../../engine/turn.js";
import { Prisma } from "../../generated/prisma/client.js";
import { AppError } from "../../errors.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent, splitCode } from "../event-code.js";
import { formatMoney } from "../format.js";
import { sendChart } from "../replies.js";

const amount = (raw: string): number => {
  const n = parseAmount(raw);
  if (n === undefined || n < 0 || n > 1e12) throw new AppError("expense.amount_unreadable", { text: raw.slice(0, 40) });
  return n;
};

async function eventWithBudget(turn: Turn, code: string | undefined) {
  const tx = await turn.db();
  const event = await organizerEvent(turn, code);
  const { budget } = await tx.event.findUniqueOrThrow({ where: { id: event.id }, select: { budget: true } });
  return { event, budget };
}

const overBy = (planned: Prisma.Decimal, budget: Prisma.Decimal | null) =>
  budget && planned.greaterThan(budget) ? planned.minus(budget) : undefined;

/** "Maua | 300,000", "Maua\n300,000" or "Maua 300,000 100,000" -> [title, cost, paid]; a title alone when no amount reads. */
function expenseFields(rest: string): (string | undefined)[] {
  if (isSeparated(rest)) return splitFields(rest);
  const read = readTitleAmounts(rest);
  return read ? [read.title, ...read.amounts] : [rest || undefined];
}

const expenseCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const [title, cost, paid] = expenseFields(rest);
  if (title && (title.length < 2 || title.length > 120)) return turn.say("expense.usage");
  // Something missing: asked for, step by step ("/expense" alone -> what for? -> how much?).
  if (!title || !cost) {
    const event = await organizerEvent(turn, code);
    return tools.startFlow(turn, forms.expense.name, {
      about: { code: event.code ?? "", event: event.name },
      values: [title, cost, paid],
    });
  }
  await addExpenseOf(turn, code, title, cost, paid);
};

async function addExpenseOf(
  turn: Turn,
  code: string | undefined,
  title: string,
  cost: string,
  paid: string | undefined,
): Promise<void> {
  const { event, budget } = await eventWithBudget(turn, code);
  const costN = amount(cost);
  const paidN = paid ? amount(paid) : 0;
  await addExpense(await turn.db(), { eventId: event.id, title, cost: costN, paid: paidN });
  const { planned } = await budgetOf(await turn.db(), event.id);
  const money = (n: Prisma.Decimal | number | null) => formatMoney(n, event.currency);
  const by = overBy(planned, budget);
  turn.say("expense.added", {
    event: event.name,
    title,
    cost: money(costN),
    paid: money(paidN),
    planned: money(planned),
    over: by ? turn.render({ key: "budget.over", params: { budget: money(budget), by: money(by) } }) : "",
  });
}

const budgetCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "bajeti" : "budget");
  const { event, budget } = await eventWithBudget(turn, codeOf(args));
  const { items, bookings, planned, paid } = await budgetOf(await turn.db(), event.id);
  if (!items.length && !bookings.length) return turn.say("budget.none", { event: event.name, code: event.code ?? "" });
  const money = (n: Prisma.Decimal | number | null) => formatMoney(n, event.currency);
  const lines = [
    turn.render({
      key: "budget.header",
      params: {
        event: event.name,
        planned: money(planned),
        paid: money(paid),
        budget: budget ? money(budget) : turn.render({ key: "budget.no_budget" }),
      },
    }),
    ...items.map((i) =>
      turn.render({ key: "budget.item", params: { title: i.title, cost: money(i.cost), paid: money(i.paid) } }),
    ),
    ...bookings.map((b) =>
      turn.render({ key: "budget.booking", params: { name: b.name, cost: money(b.price), paid: money(b.paid) } }),
    ),
  ];
  const by = overBy(planned, budget);
  if (by) lines.push(turn.render({ key: "budget.warning", params: { by: money(by) } }));
  turn.send({ text: { text: lines.join("\n") } });
  const bar = (
    key: "chart.budget.budget" | "chart.budget.planned" | "chart.budget.paid",
    value: Prisma.Decimal | number,
    color: string,
  ) => ({ label: turn.render({ key }), value: Number(value), text: money(value), color });
  sendChart(turn, {
    title: turn.render({ key: "chart.budget", params: { event: event.name } }),
    bars: [
      ...(budget ? [bar("chart.budget.budget", budget, "#7a9e9f")] : []),
      bar("chart.budget.planned", planned, by ? "#c8553d" : "#f2b134"),
      bar("chart.budget.paid", paid, "#1f5f5b"),
    ],
  });
};

export const budgetJourney: Journey = {
  name: "budget",
  commands: [
    { en: ["expense"], sw: ["gharama"], for: "organizer", help: "help.line.expense", run: expenseCommand },
    { en: ["budget"], sw: ["bajeti"], for: "organizer", help: "help.line.budget", run: budgetCommand },
  ],
  flows: [formFlow(forms.expense)],
  actions: {
    expenseForm: (turn, { about, values: [title, cost, paid] }) =>
      addExpenseOf(turn, about.code, title!, cost!, paid || undefined),
  },
};
