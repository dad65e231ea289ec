// Collections over Prisma: the row is written before any provider is asked (its id is the idempotency key), claimed
// by one worker to start, and settled once, under a row lock, from what the provider itself answered. Settling
// records the money through the same domain functions an organizer's /paid and /payment use, and returns who is to
// be told what; the caller writes those messages in the same transaction (a turn, or tellMany).
import { randomBytes } from "node:crypto";
import type { Tx } from "../db/prisma.js";
import type { As, Nullable, Row } from "../db/rows.js";
import { randomCode } from "../domain/codes.js";
import { Prisma } from "../generated/prisma/client.js";
import { label, type Message } from "../i18n/index.js";
import type { CollectionState, FailReason } from "./provider.js";
import { money, recordMoney, unrecordedNotices, type Settling } from "./record.js";

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

export type ClaimedCollection = Row<
  "payment_collections",
  "id" | "code" | "phone" | "amount" | "currency" | "provider"
> &
  As<"payment_collections", "callback_token", "callbackToken">;

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

/**
 * Collections open for longer than `olderThanMs`, oldest first, for the reconciler. `abandoned`: open three times as
 * long, which for one the provider never named (claimed, then the process stopped) means the prompt was never sent.
 */
export async function staleCollections(tx: Tx, olderThanMs: number, limit: number) {
  return tx.$queryRaw<StaleCollection[]>`
    SELECT id::text, status::text AS status, provider_ref AS "providerRef", provider, phone,
           updated_at < now() - make_interval(secs => ${(3 * olderThanMs) / 1000}) AS abandoned
    FROM payment_collections
    WHERE status IN ('starting', 'pending') AND updated_at < now() - make_interval(secs => ${olderThanMs / 1000})
      AND (checked_at IS NULL OR checked_at < now() - make_interval(secs => ${olderThanMs / 2000}))
    ORDER BY updated_at LIMIT ${limit}`;
}

export type StaleCollection = Row<"payment_collections", "id" | "provider" | "phone"> &
  As<"payment_collections", "provider_ref", "providerRef"> & {
    status: "starting" | "pending";
    /** a comparison: boolean */
    abandoned: boolean;
  };

/** The reconciler looked at a collection and learnt nothing: it is asked again after half a period. */
export async function markChecked(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.paymentCollection.update({ where: { id }, data: { checkedAt: now } });
}

/** The collection a provider's callback is about: by the URL's token, or (AzamPay, one URL) by the echoed id. */
export async function collectionForCallback(tx: Tx, where: { provider: string; token?: string; id?: string }) {
  if (!where.token && !where.id) return null;
  return tx.paymentCollection.findFirst({
    where: {
      provider: where.provider,
      ...(where.token ? { callbackToken: where.token } : {}),
      ...(where.id ? { id: where.id } : {}),
    },
    select: { id: true, providerRef: true, phone: true },
  });
}

/** What a settlement tells people: the payer, and others (the organizer, a booking's provider). */
export interface Notice {
  userId: string;
  eventId: string;
  message: Message;
  /** buttons under it (Try again) */
  choices?: { label: Message; value: string }[];
  /** the payer hearing about their own payment: reaches them even after STOP (Tidings.answering) */
  answering?: boolean;
}

export interface Settlement {
  /** false: the collection was already final, or the provider still waits; nothing was written */
  changed: boolean;
  status?: "paid" | "failed" | "mismatch";
  notices: Notice[];
}

/** Same number whatever way it was written: the last nine digits (the subscriber number without country or 0). */
const samePhone = (a: string, b: string) => a.replace(/\D/g, "").slice(-9) === b.replace(/\D/g, "").slice(-9);

/** The row of a collection, locked, with everything a settlement says (one statement: 1,000 settle a minute). */
async function lockSettling(tx: Tx, id: string): Promise<(Settling & { status: string }) | undefined> {
  const [r] = await tx.$queryRaw<SettlingRow[]>`
    SELECT c.id::text, c.code, c.purpose, c.event_id::text AS "eventId", c.user_id::text AS "userId",
           c.contribution_id::text AS "contributionId", c.booking_id::text AS "bookingId", c.phone, c.amount, c.currency,
           c.provider, c.provider_ref AS "providerRef", c.status::text AS status, u.name AS "userName",
           e.name AS "eventName", e.organizer_id::text AS "organizerId", gc.code AS "pledgeCode",
           b.code AS "bookingCode", s.name AS "serviceName", s.user_id::text AS "serviceUserId"
    FROM payment_collections c JOIN users u ON u.id = c.user_id JOIN events e ON e.id = c.event_id
      LEFT JOIN guest_contributions gc ON gc.id = c.contribution_id LEFT JOIN event_services b ON b.id = c.booking_id
      LEFT JOIN services s ON s.id = b.service_id
    WHERE c.id = ${id}::uuid FOR UPDATE OF c`;
  if (!r) return undefined;
  return {
    ...r,
    amount: new Prisma.Decimal(r.amount),
    user: { name: r.userName },
    event: { id: r.eventId, name: r.eventName, organizerId: r.organizerId },
    contribution: r.pledgeCode ? { code: r.pledgeCode } : null,
    booking: r.bookingCode
      ? {
          code: r.bookingCode,
          service: r.serviceName ? { name: r.serviceName, userId: r.serviceUserId } : null,
        }
      : null,
  };
}

type PC = "payment_collections";
type SettlingRow = Row<PC, "id" | "code" | "purpose" | "phone" | "amount" | "currency" | "status"> &
  As<PC, "event_id", "eventId"> &
  As<PC, "user_id", "userId"> &
  As<PC, "provider_ref", "providerRef"> &
  As<PC, "booking_id", "bookingId"> &
  As<"users", "name", "userName"> &
  As<"events", "name", "eventName"> &
  As<"events", "organizer_id", "organizerId"> &
  Nullable<As<"guest_contributions", "code", "pledgeCode">> &
  Nullable<As<"event_services", "code", "bookingCode">> &
  Nullable<As<"services", "name", "serviceName">> &
  Nullable<As<"services", "user_id", "serviceUserId">>;

/** The prompt did not go through: the payer hears why, with Try again. */
function failedNotices(c: Settling, reason: FailReason): Notice[] {
  const amount = money(c.amount, c.currency);
  return [
    {
      userId: c.userId,
      eventId: c.eventId,
      answering: true,
      message: { key: "pay.failed", params: { amount, ref: c.code, reason: label(`pay.reason.${reason}`) } },
      choices: [{ label: { key: "pay.retry_button" }, value: `pay:again:${c.code}` }],
    },
  ];
}

/** Paid, but not what was asked: nothing recorded; the payer and the organizer are told to look. */
function mismatchNotices(c: Settling, receipt: string): Notice[] {
  const notices: Notice[] = [
    {
      userId: c.userId,
      eventId: c.eventId,
      answering: true,
      message: { key: "pay.mismatch", params: { ref: c.code } },
    },
  ];
  if (c.event.organizerId && c.event.organizerId !== c.userId)
    notices.push({
      userId: c.event.organizerId,
      eventId: c.eventId,
      message: {
        key: "pay.organizer_mismatch",
        params: { ref: c.contribution?.code ?? c.code, name: c.user.name, receipt },
      },
    });
  return notices;
}

/** Whether what the provider (or its callback, once the provider agreed) says was paid is what was asked. */
function matches(c: Settling, paidAmount: string | undefined, paidPhone: string | undefined): boolean {
  const whole = (v: string | Prisma.Decimal) => new Prisma.Decimal(v).toDecimalPlaces(0, Prisma.Decimal.ROUND_UP);
  const amountMatches =
    paidAmount === undefined || (/^\d+(\.\d+)?$/.test(paidAmount) && whole(paidAmount).equals(whole(c.amount)));
  return amountMatches && (paidPhone === undefined || samePhone(paidPhone, c.phone));
}

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
  const c = await lockSettling(tx, options.id);
  const { state, now } = options;
  // Failed without the provider's word (a prompt that timed out, a restart): money it confirms is still recorded, once.
  const reopening = c?.status === "failed" && state.state === "paid";
  if (!c || (!(openStatuses as readonly string[]).includes(c.status) && !reopening))
    return { changed: false, notices: [] };
  const base = {
    updatedAt: now,
    checkedAt: now,
    ...(options.providerRef && !c.providerRef ? { providerRef: options.providerRef } : {}),
  };
  const where = { id: c.id };
  if (state.state === "pending") {
    await tx.paymentCollection.update({ where, data: base });
    return { changed: false, notices: [] };
  }
  if (state.state === "failed") {
    const data = { ...base, status: "failed" as const, resultCode: state.code, reason: state.reason, settledAt: now };
    await tx.paymentCollection.update({ where, data });
    return { changed: true, status: "failed", notices: failedNotices(c, state.reason) };
  }
  // The callback's receipt, amount and phone count only now that the provider's own answer says it was paid.
  const reported = options.reported ?? {};
  const receipt = state.receipt ?? reported.receipt ?? c.providerRef ?? options.providerRef ?? c.code;
  if (!matches(c, state.amount ?? reported.amount, state.phone ?? reported.phone)) {
    const data = { ...base, status: "mismatch" as const, resultCode: state.code, receipt, settledAt: now };
    await tx.paymentCollection.update({ where, data });
    return { changed: true, status: "mismatch", notices: mismatchNotices(c, receipt) };
  }
  // Money the pledge or booking can no longer take is not thanked for as recorded: the organizer is told to look.
  const recorded = await recordMoney(tx, c, receipt, now);
  const status = recorded.ok ? ("paid" as const) : ("mismatch" as const);
  await tx.paymentCollection.update({
    where,
    data: {
      ...base,
      status,
      resultCode: state.code,
      receipt,
      settledAt: now,
      reason: recorded.ok ? null : recorded.why,
    },
  });
  return {
    changed: true,
    status,
    notices: recorded.ok ? recorded.notices : unrecordedNotices(c, receipt, recorded.why),
  };
}
