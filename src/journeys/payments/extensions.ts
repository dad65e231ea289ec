// What the payments journey brings to other areas: a reminder kind (pledges still unpaid a week before the event, to
// the guest, with Pay now) and three columns of the contributions export (outstanding, paid by mobile money,
// receipts). Registered through Journey.reminders and Journey.exports; no file of those areas names payments.
import type { ExportExtension } from "../../domain/exports.js";
import { Prisma } from "../../generated/prisma/client.js";
import { formatDateTime } from "../../i18n/dates.js";
import { render } from "../../i18n/index.js";
import { mobileMoneyByContribution, unpaidPledges } from "../../payments/reports.js";
import type { ReminderKindDef } from "../../reminders/kinds.js";
import { formatMoney } from "../format.js";

/**
 * One row per event with pledges, a week before it, fanned out when sent to whoever owes then: a payment needs no
 * change here, and the event's first pledge plans it (the contributions journey plans the event again on a pledge).
 */
export const pledgeReminder: ReminderKindDef = {
  kind: "pledge-unpaid",
  group: "payments",
  plan: Prisma.sql`
    SELECT 'pledge-unpaid:' || e.id, 'pledge-unpaid', e.id, NULL::uuid, NULL::uuid, e.start_time - interval '7 days',
           e.start_time, '{}'::jsonb
    FROM e WHERE e.start_time IS NOT NULL AND NOT ('payments' = ANY(e.off)) AND e.start_time - interval '7 days' > now()
      AND EXISTS (SELECT 1 FROM guest_contributions c WHERE c.event_id = e.id AND c.kind = 'pledge' AND c.amount > c.paid_amount)`,
  stillWanted: Prisma.sql`e.start_time > now()`,
  async compose(tx, rows, _now, key) {
    const byEvent = new Map(rows.flatMap((r) => (r.eventId ? [[r.eventId, r] as const] : [])));
    const pledges = await unpaidPledges(tx, [...byEvent.keys()]);
    return pledges.map((p) => ({
      to: { userIds: [p.user_id] },
      key: `${key(byEvent.get(p.event_id)!)}:${p.code}`,
      tidings: {
        type: "reminder",
        eventId: p.event_id,
        message: (locale) => ({
          text: render(locale, {
            key: "pay.reminder_unpaid",
            params: {
              event: p.event,
              when: p.startTime ? formatDateTime(p.startTime, p.timeZone, locale) : "",
              ref: p.code,
              outstanding: formatMoney(Number(p.outstanding), p.currency),
            },
          }),
          choices: [{ label: render(locale, { key: "pay.now_button" }), value: `pay:now:${p.code}` }],
        }),
      },
    }));
  },
};

/** Outstanding, paid by mobile money, and the receipts, beside each contribution of the export. */
export const contributionColumns: ExportExtension = {
  list: "contributions",
  head: "pay.export.head",
  async cells(tx, eventId) {
    const rows = await mobileMoneyByContribution(tx, eventId);
    return new Map(
      rows.map((r) => [
        r.id,
        [
          r.outstanding === null ? "" : Number(r.outstanding),
          r.kind === "pledge" ? Number(r.mobile) : "",
          r.receipts ?? "",
        ],
      ]),
    );
  },
};
