// What /export puts in a spreadsheet: one statement per list, every row of the event (no page limit: 10,000 guests
// are one query), times as instants for the caller to show in the event's zone, money as numbers.
import type { Tx } from "../db/prisma.js";
import type { PlainKey } from "../i18n/index.js";
import type {
  BudgetItemStatus,
  ContributionKind,
  PaymentStatus,
  RsvpStatus,
  TaskStatus,
} from "../generated/prisma/enums.js";

export type ExportKind = "guests" | "contributions" | "budget" | "tasks";

export type ExportCell = string | number;

/**
 * Columns a journey adds to a list (Journey.exports): its header names (a catalogue text, names split by "|", in the
 * organizer's language) and its cells for each row, found by the row's id (absent: empty cells). One statement per
 * list, like the list itself. Payments adds what was paid by mobile money, what is outstanding and the receipts.
 */
export interface ExportExtension {
  list: ExportKind;
  head: PlainKey;
  cells(tx: Tx, eventId: string): Promise<Map<string, ExportCell[]>>;
}

// Statuses and kinds keep their enum types so that the spreadsheet shows them through the catalogue, in words.
export interface GuestRow {
  name: string;
  phone: string | null;
  answer: RsvpStatus;
  party: number;
  answered: Date | null;
  code: string | null;
}
export interface ContributionRow {
  /** the contribution's id: where a journey's columns (Journey.exports) find their cells */
  id: string;
  name: string;
  phone: string | null;
  kind: ContributionKind;
  amount: string | null;
  paid: string;
  currency: string | null;
  content: string | null;
  at: Date;
  code: string | null;
}
/** An expense's status is a BudgetItemStatus, a booking's its PaymentStatus. */
export type BudgetRow =
  | { title: string; source: "expense"; cost: string | null; paid: string | null; status: BudgetItemStatus | null }
  | { title: string; source: "booking"; cost: string | null; paid: string | null; status: PaymentStatus | null };
export interface TaskRow {
  code: string | null;
  title: string;
  status: TaskStatus | null;
  assignee: string | null;
  phone: string | null;
  due: Date | null;
}

export const exportRows = {
  guests: (tx: Tx, eventId: string) => tx.$queryRaw<GuestRow[]>`
    SELECT CASE WHEN u.named_at IS NOT NULL THEN u.name ELSE coalesce(nullif(i.recipient_name, ''), u.name) END AS name, coalesce(u.phone, i.recipient_phone) AS phone,
           coalesce(g.rsvp_status::text, i.rsvp_status::text, 'pending') AS answer,
           CASE WHEN g.rsvp_status = 'accepted' THEN g.party_size ELSE 0 END AS party,
           coalesce(g.responded_at, i.responded_at) AS answered, i.code
    FROM invitations i LEFT JOIN users u ON u.id = i.user_id
    LEFT JOIN event_guests g ON g.event_id = i.event_id AND g.user_id = i.user_id
    WHERE i.event_id = ${eventId}::uuid AND i.sent_at IS NOT NULL
    ORDER BY name, phone`,
  contributions: (tx: Tx, eventId: string) => tx.$queryRaw<ContributionRow[]>`
    SELECT c.id::text, u.name, u.phone, c.kind::text, c.amount::text, c.paid_amount::text AS paid, c.currency, c.content, c.created_at AS at, c.code
    FROM guest_contributions c LEFT JOIN users u ON u.id = c.user_id
    WHERE c.event_id = ${eventId}::uuid ORDER BY c.created_at, c.id`,
  budget: (tx: Tx, eventId: string) => tx.$queryRaw<BudgetRow[]>`
    SELECT b.title, 'expense' AS source, b.cost::text, b.paid::text, b.status::text FROM event_budget_items b WHERE b.event_id = ${eventId}::uuid
    UNION ALL
    SELECT coalesce(s.name, es.code, ''), 'booking', es.price::text,
           (CASE WHEN es.balance_paid_at IS NOT NULL THEN es.price WHEN es.deposit_paid_at IS NOT NULL THEN es.deposit ELSE 0 END)::text,
           es.payment_status::text
    FROM event_services es LEFT JOIN services s ON s.id = es.service_id
    WHERE es.event_id = ${eventId}::uuid AND es.booking_status = 'confirmed'
    ORDER BY 2, 1`,
  tasks: (tx: Tx, eventId: string) => tx.$queryRaw<TaskRow[]>`
    SELECT t.code, t.title, t.status::text, u.name AS assignee, u.phone, t.due_time AS due
    FROM event_tasks t LEFT JOIN users u ON u.id = t.assigned_to
    WHERE t.event_id = ${eventId}::uuid ORDER BY t.due_time NULLS LAST, t.created_at`,
};
