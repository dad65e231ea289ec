// Collections over Prisma: the row is written before any provider is asked (its id is the idempotency key), claimed
// by one worker to start, and settled once, under a row lock, from what the provider itself answered. Settling
// records the money through the same domain functions an organizer's /paid and /payment use, and returns who is to
// be told what; the caller writes those messages in the same transaction (a turn, or tellMany).
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/prisma.js";
import { randomCode } from "../domain/codes.js";
import { recordPayment } from "../domain/contributions.js";
import { recordBookingPayment } from "../domain/services.js";
import { AppError } from "../errors.js";
import { Prisma } from "../generated/prisma/client.js";
import { label, type Message } from "../i18n/index.js";
import type { CollectionState } from "./provider.js";

export type Purpose = "pledge" | "deposit" | "balance";
const openStatuses = ["created", "starting", "pending"] as const;

/** Writes a collection (status created); nothing is asked of the provider until this row is committed. */
export async function openCollection(
  tx: Tx,
  options: {
    purpose: Purpose;
    eventId: string;
    userId: string;
    contributionId?: string;
    bookingId?: string;
    phone: string;
    amount: Prisma.Decimal;
    currency: string;
    provider: string;
  },
) {
  return tx.paymentCollection.create({
    data: {
      code: `L-${randomCode(5)}`,
      purpose: options.purpose,
      eventId: options.eventId,
      userId: options.userId,
      contributionId: options.contributionId,
      bookingId: options.bookingId,
      phone: options.phone,
      amount: options.amount,
      currency: options.currency,
      provider: options.provider,
      // 192 bits: the callback URL is the only thing standing between a stranger and a "paid" claim being looked at.
      callbackToken: randomBytes(24).toString("base64url"),
    },
  });
}

/** An open collection of the same pledge or booking, so a second tap does not send a second prompt. */
export async function openCollectionFor(tx: Tx, where: { contributionId?: string; bookingId?: string }) {
  return tx.paymentCollection.findFirst({
    where: { ...where, status: { in: [...openStatuses] } },
    orderBy: { createdAt: "desc" },
  });
}

export type ClaimedCollection = {
  id: string;
  code: string;
  phone: string;
  amount: Prisma.Decimal;
  currency: string;
  provider: string;
  callbackToken: string;
};

/**
 * Claims collections written and not yet started (created -> starting), SKIP LOCKED so workers never share one. A
 * crash after this leaves the row in `starting`: the reconciler asks the provider about it or closes it.
 */
export async function claimCreated(tx: Tx, limit: number): Promise<ClaimedCollection[]> {
  return tx.$queryRaw<ClaimedCollection[]>`
    UPDATE payment_collections c SET status = 'starting', updated_at = now()
    FROM (SELECT id FROM payment_collections WHERE status = 'created' ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) due
    WHERE c.id = due.id
    RETURNING c.id::text, c.code, c.phone, c.amount, c.currency, c.provider, c.callback_token AS "callbackToken"`;
}

/** The provider took the request: its id is kept (a callback may have stored it already), the prompt is pending. */
export async function markStarted(tx: Tx, id: string, providerRef: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE payment_collections SET provider_ref = coalesce(provider_ref, ${providerRef}), updated_at = now(),
      status = CASE WHEN status = 'starting' THEN 'pending'::collection_status ELSE status END
    WHERE id = ${id}::uuid`;
}

/** Collections open for longer than `olderThanMs`, oldest first, for the reconciler. */
export async function staleCollections(tx: Tx, olderThanMs: number, limit: number) {
  return tx.$queryRaw<
    { id: string; status: "starting" | "pending"; providerRef: string | null; provider: string; phone: string }[]
  >`
    SELECT id::text, status::text AS status, provider_ref AS "providerRef", provider, phone FROM payment_collections
    WHERE status IN ('starting', 'pending') AND updated_at < now() - make_interval(secs => ${olderThanMs / 1000})
      AND (checked_at IS NULL OR checked_at < now() - make_interval(secs => ${olderThanMs / 2000}))
    ORDER BY updated_at LIMIT ${limit}`;
}

/** What a settlement tells people: the payer, and others (the organizer, a booking's provider). */
export interface Notice {
  userId: string;
  eventId: string;
  message: Message;
  /** buttons under it (Try again) */
  choices?: { label: Message; value: string }[];
}

export interface Settlement {
  /** false: the collection was already final, or the provider still waits; nothing was written */
  changed: boolean;
  status?: "paid" | "failed" | "mismatch";
  notices: Notice[];
}

const money = (amount: Prisma.Decimal | number | string | null | undefined, currency: string) => {
  const n = Number(amount ?? 0);
  return `${currency} ${n.toLocaleString("en-GB", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
};

/** Same number whatever way it was written: the last nine digits (the subscriber number without country or 0). */
const samePhone = (a: string, b: string) => a.replace(/\D/g, "").slice(-9) === b.replace(/\D/g, "").slice(-9);

/**
 * Settles a collection from the provider's own answer. The row is locked first, so of a callback, a reconciler pass
 * and a tap arriving together one settles and the others find it final. A repeated or forged callback changes
 * nothing: only `state`, which the caller read from the provider, is believed, and only amounts and phones that match
 * what was asked are recorded. `providerRef` is stored when the row does not have one yet (a callback that came
 * before the start was written down).
 */
export async function settleCollection(
  tx: Tx,
  options: {
    id: string;
    state: CollectionState;
    providerRef?: string;
    reported?: { receipt?: string; amount?: string; phone?: string };
    now: Date;
  },
): Promise<Settlement> {
  // One statement locks the row and reads everything a settlement says (a settlement runs per callback, 1,000 a minute).
  const [r] = await tx.$queryRaw<
    (Omit<Settling, "user" | "event" | "contribution" | "booking"> & Record<string, unknown>)[]
  >`
    SELECT c.id::text, c.code, c.purpose, c.event_id::text AS "eventId", c.user_id::text AS "userId", c.contribution_id::text AS "contributionId",
           c.booking_id::text AS "bookingId", c.phone, c.amount, c.currency, c.provider, c.provider_ref AS "providerRef", c.status::text AS status,
           u.name AS "userName", e.name AS "eventName", e.organizer_id::text AS "organizerId", gc.code AS "pledgeCode",
           b.code AS "bookingCode", s.name AS "serviceName", s.user_id::text AS "serviceUserId"
    FROM payment_collections c JOIN users u ON u.id = c.user_id JOIN events e ON e.id = c.event_id
      LEFT JOIN guest_contributions gc ON gc.id = c.contribution_id LEFT JOIN event_services b ON b.id = c.booking_id LEFT JOIN services s ON s.id = b.service_id
    WHERE c.id = ${options.id}::uuid FOR UPDATE OF c`;
  if (!r || !(openStatuses as readonly string[]).includes(String(r.status))) return { changed: false, notices: [] };
  const c: Settling = {
    ...r,
    amount: new Prisma.Decimal(r.amount as Prisma.Decimal),
    user: { name: String(r.userName) },
    event: { id: r.eventId, name: String(r.eventName), organizerId: (r.organizerId as string | null) ?? null },
    contribution: r.pledgeCode ? { code: String(r.pledgeCode) } : null,
    booking: r.bookingCode
      ? {
          code: String(r.bookingCode),
          service: r.serviceName
            ? { name: String(r.serviceName), userId: (r.serviceUserId as string | null) ?? null }
            : null,
        }
      : null,
  };
  const state = options.state;
  const base = {
    updatedAt: options.now,
    checkedAt: options.now,
    ...(options.providerRef && !c.providerRef ? { providerRef: options.providerRef } : {}),
  };
  if (state.state === "pending") {
    await tx.paymentCollection.update({ where: { id: c.id }, data: base });
    return { changed: false, notices: [] };
  }
  const amount = money(c.amount, c.currency);
  if (state.state === "failed") {
    await tx.paymentCollection.update({
      where: { id: c.id },
      data: { ...base, status: "failed", resultCode: state.code, reason: state.reason, settledAt: options.now },
    });
    const retry = `pay:again:${c.code}`;
    return {
      changed: true,
      status: "failed",
      notices: [
        {
          userId: c.userId,
          eventId: c.eventId,
          message: { key: "pay.failed", params: { amount, ref: c.code, reason: label(`pay.reason.${state.reason}`) } },
          choices: [{ label: { key: "pay.retry_button" }, value: retry }],
        },
      ],
    };
  }
  // The callback's receipt, amount and phone count only now that the provider's own answer says it was paid.
  const reported = options.reported ?? {};
  const receipt = state.receipt ?? reported.receipt ?? c.providerRef ?? options.providerRef ?? c.code;
  const paidAmount = state.amount ?? reported.amount;
  const paidPhone = state.phone ?? reported.phone;
  const whole = (v: string | Prisma.Decimal) => new Prisma.Decimal(v).toDecimalPlaces(0, Prisma.Decimal.ROUND_UP);
  const amountMatches =
    paidAmount === undefined || (/^\d+(\.\d+)?$/.test(paidAmount) && whole(paidAmount).equals(whole(c.amount)));
  const phoneMatches = paidPhone === undefined || samePhone(paidPhone, c.phone);
  if (!amountMatches || !phoneMatches) {
    await tx.paymentCollection.update({
      where: { id: c.id },
      data: { ...base, status: "mismatch", resultCode: state.code, receipt, settledAt: options.now },
    });
    const notices: Notice[] = [
      { userId: c.userId, eventId: c.eventId, message: { key: "pay.mismatch", params: { ref: c.code } } },
    ];
    if (c.event.organizerId && c.event.organizerId !== c.userId) {
      notices.push({
        userId: c.event.organizerId,
        eventId: c.eventId,
        message: {
          key: "pay.organizer_mismatch",
          params: { ref: c.contribution?.code ?? c.code, name: c.user.name, receipt },
        },
      });
    }
    return { changed: true, status: "mismatch", notices };
  }
  await tx.$executeRaw`UPDATE payment_collections SET status = 'paid', result_code = ${state.code}, receipt = ${receipt}, settled_at = ${options.now}, updated_at = ${options.now}, checked_at = ${options.now}, provider_ref = coalesce(provider_ref, ${options.providerRef ?? null}) WHERE id = ${c.id}::uuid`;
  return { changed: true, status: "paid", notices: await recordMoney(tx, c, receipt, options.now) };
}

interface Settling {
  id: string;
  code: string;
  purpose: string;
  eventId: string;
  userId: string;
  phone: string;
  amount: Prisma.Decimal;
  currency: string;
  providerRef: string | null;
  user: { name: string };
  event: { id: string; name: string; organizerId: string | null };
  contribution: { code: string | null } | null;
  booking: { code: string | null; service: { name: string; userId: string | null } | null } | null;
}

/** The money arrived: onto the pledge (payments add up; more than owed is kept, it was paid) or the booking's step. */
async function recordMoney(tx: Tx, c: Settling, receipt: string, now: Date): Promise<Notice[]> {
  const amount = money(c.amount, c.currency);
  if (c.purpose === "pledge") {
    if (!c.contribution?.code || !c.event.organizerId) return [];
    const p = await recordPayment(tx, {
      organizerId: c.event.organizerId,
      typed: c.contribution.code,
      amount: Number(c.amount),
      confirmed: true,
    });
    const totals = { paid: money(p.paidAmount, c.currency), pledged: money(p.amount, c.currency) };
    const outstanding = money(Prisma.Decimal.max(new Prisma.Decimal(p.amount ?? 0).minus(p.paidAmount), 0), c.currency);
    const notices: Notice[] = [
      {
        userId: c.userId,
        eventId: c.eventId,
        message: { key: "pay.thanks", params: { amount, event: c.event.name, receipt, ...totals } },
      },
    ];
    if (c.event.organizerId !== c.userId) {
      notices.push({
        userId: c.event.organizerId,
        eventId: c.eventId,
        message: {
          key: "pay.organizer_told",
          params: { name: c.user.name, amount, ref: c.contribution.code, receipt, outstanding, ...totals },
        },
      });
    }
    return notices;
  }
  const step = c.purpose as "deposit" | "balance";
  try {
    if (c.booking?.code) await recordBookingPayment(tx, { userId: c.userId, typed: c.booking.code, step, now });
  } catch (err) {
    // Recorded by hand meanwhile (/payment): the money still arrived, and the collection says so with its receipt.
    if (!(err instanceof AppError)) throw err;
  }
  const what = label(`pay.what.${step}`);
  const service = c.booking?.service?.name ?? "-";
  const providerId = c.booking?.service?.userId;
  const notices: Notice[] = [
    {
      userId: c.userId,
      eventId: c.eventId,
      message: { key: "pay.booking_thanks", params: { amount, what, service, receipt, provider: service } },
    },
  ];
  if (providerId && providerId !== c.userId) {
    notices.push({
      userId: providerId,
      eventId: c.eventId,
      message: {
        key: "pay.provider_told",
        params: { organizer: c.user.name, what, amount, ref: c.booking?.code ?? "", event: c.event.name, receipt },
      },
    });
  }
  return notices;
}
