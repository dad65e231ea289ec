// What the payments journey adds to other areas' outputs, read in one statement each: the pledges still unpaid
// (for the reminder a week before the event) and, per contribution, what mobile money brought and its receipts (for
// the contributions export).
import type { Tx } from "../db/prisma.js";
import type { As, Cast, Row } from "../db/rows.js";

export type UnpaidPledge = Cast<"guest_contributions", "code", string> &
  Cast<"guest_contributions", "event_id", string> &
  Cast<"guest_contributions", "user_id", string> &
  As<"events", "name", "event"> &
  As<"events", "start_time", "startTime"> &
  As<"events", "time_zone", "timeZone"> & {
    /** amount - paid_amount, as text */
    outstanding: string;
    /** coalesce(c.currency, e.currency) */
    currency: string;
  };

/** Every pledge of these events with money still owed, and its guest (whoever owes when the reminder is sent). */
export function unpaidPledges(tx: Tx, eventIds: string[]): Promise<UnpaidPledge[]> {
  return tx.$queryRaw<UnpaidPledge[]>`
    SELECT c.event_id::text, c.user_id::text, c.code,
           (c.amount - c.paid_amount)::text AS outstanding, coalesce(c.currency, e.currency) AS currency,
           e.name AS event, e.start_time AS "startTime", e.time_zone AS "timeZone"
    FROM guest_contributions c JOIN events e ON e.id = c.event_id
    WHERE c.event_id = ANY(${eventIds}::uuid[]) AND c.kind = 'pledge' AND c.amount > c.paid_amount
      AND c.user_id IS NOT NULL AND c.code IS NOT NULL
    ORDER BY c.created_at`;
}

export type MobileMoneyByContribution = Row<"guest_contributions", "id" | "kind"> & {
  /** text: what a pledge still owes; null for a well-wish or a photo */
  outstanding: string | null;
  /** text: the sum of its paid collections */
  mobile: string;
  /** string_agg of the receipts; null when none was paid */
  receipts: string | null;
};

/** Per contribution of an event: outstanding (pledges), paid by mobile money, and the receipts in the order paid. */
export function mobileMoneyByContribution(tx: Tx, eventId: string): Promise<MobileMoneyByContribution[]> {
  return tx.$queryRaw<MobileMoneyByContribution[]>`
    SELECT c.id::text, c.kind::text,
           CASE WHEN c.kind = 'pledge' THEN greatest(coalesce(c.amount, 0) - c.paid_amount, 0)::text END AS outstanding,
           coalesce(sum(pc.amount) FILTER (WHERE pc.status = 'paid'), 0)::text AS mobile,
           string_agg(pc.receipt, ' ' ORDER BY pc.settled_at) FILTER (WHERE pc.status = 'paid') AS receipts
    FROM guest_contributions c LEFT JOIN payment_collections pc ON pc.contribution_id = c.id
    WHERE c.event_id = ${eventId}::uuid GROUP BY c.id`;
}
