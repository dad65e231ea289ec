// A guest pays a pledge: "Lipa sasa" under the thanks, /lipa M-7K2QX 50,000, "lipa elfu hamsini", "nataka kulipa".
// The turn writes the collection's row and says to watch the phone; src/payments starts it once committed.
import { parseAmount } from "../../../flows/event-input.js";
import type { PayArgs } from "../../../flows/pay.flow.js";
import { normaliseCode } from "../../domain/codes.js";
import { normalisePhone } from "../../domain/phones.js";
import type { Turn } from "../../engine/turn.js";
import { Prisma } from "../../generated/prisma/client.js";
import { render } from "../../i18n/index.js";
import { openCollection, openCollectionFor, type Purpose } from "../../payments/collections.js";
import { activePayments } from "../../payments/service.js";
import type { CommandTools } from "../journey.js";
import { formatMoney } from "../format.js";

/** The country whose numbers an event's payers are likely to type without "+": from its currency. */
export const countryOf: Record<string, string> = { KES: "KE", TZS: "TZ", UGX: "UG", RWF: "RW" };

/** A phone number in what was typed ("0712 345 678", "+254712345678"), and the words without it. */
export function takePhone(args: string, country: string): { phone?: string; rest: string } {
  const m = /(?:\+|\b0|\b2[5-9]\d)\d[\d ]{6,14}\d/.exec(args);
  const phone = m ? normalisePhone(m[0].replace(/ /g, ""), country) : undefined;
  return phone
    ? { phone, rest: `${args.slice(0, m!.index)} ${args.slice(m!.index + m![0].length)}`.trim() }
    : { rest: args.trim() };
}

export interface Target {
  purpose: Purpose;
  eventId: string;
  currency: string;
  amount: Prisma.Decimal;
  contributionId?: string;
  bookingId?: string;
}

/** What the phone question carries to resume the same payment: the step of a booking, a part payment's amount. */
function flowArgsOf(target: Target): Omit<PayArgs, "ref"> {
  if (target.purpose !== "pledge") return { booking: target.purpose };
  return { amount: target.amount.toString() };
}

/** Writes the collection and tells the payer to watch their phone (with the sandbox's buttons where it plays the phone). */
export async function begin(
  turn: Turn,
  target: Target,
  phone: string | undefined,
  ref: string,
  tools?: CommandTools,
): Promise<void> {
  const provider = activePayments().providerFor(target.currency);
  if (!provider) return turn.say("pay.unavailable", { currency: target.currency });
  const to = phone ?? turn.user.phone ?? undefined;
  // A Telegram account that never shared its number: ask for it (button or typed) and carry on from there.
  if (!to && tools) return tools.startFlow(turn, "pay", { ref, ...flowArgsOf(target) } satisfies PayArgs);
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
    event: { select: { currency: true, name: true } },
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
  return pledges.find(owes) ?? pledges[0];
}

const owes = (p: { amount: Prisma.Decimal | null; paidAmount: Prisma.Decimal }) =>
  new Prisma.Decimal(p.amount ?? 0).greaterThan(p.paidAmount);

/** With nothing but "pay" said and several pledges owing, the guest picks one (a button each, newest first). */
async function offerPledges(turn: Turn): Promise<boolean> {
  const tx = await turn.db();
  const pledges = (
    await tx.guestContribution.findMany({
      where: { userId: turn.user.id, kind: "pledge", code: { not: null } },
      select: {
        code: true,
        amount: true,
        paidAmount: true,
        currency: true,
        event: { select: { name: true, currency: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 20,
    })
  ).filter(owes);
  if (pledges.length < 2) return false;
  const choices = pledges.slice(0, 8).map((p) => ({
    label: {
      key: "pay.pledge_choice" as const,
      params: {
        ref: p.code!,
        event: p.event?.name ?? "",
        outstanding: formatMoney(
          new Prisma.Decimal(p.amount ?? 0).minus(p.paidAmount),
          p.currency ?? p.event?.currency ?? "TZS",
        ),
      },
    },
    value: `pay:now:${p.code}`,
  }));
  turn.send({ text: { key: "pay.which_pledge" }, choices });
  return true;
}

export async function payPledge(turn: Turn, args: string, tools?: CommandTools): Promise<void> {
  // "lipa sasa" / "pay now": the words say when, not what.
  const words = args.replace(/^\s*(sasa|now)\b/i, "").trim();
  const refMatch = /\bM-[A-Z0-9]{3,10}\b/i.exec(words);
  const ref = refMatch ? normaliseCode(refMatch[0]) : undefined;
  if (!ref && !words && tools && (await offerPledges(turn))) return;
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
    tools,
  );
}
