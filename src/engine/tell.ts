// Messages to people other than the one who wrote: the organizer that a guest answered, 250 guests that they are
// invited. Addressed to people, not chats: each is rendered in the reader's language and goes to the channel the
// person last wrote from; someone who never wrote goes on the first channel that may write first (WhatsApp Cloud,
// WhatsApp Web, the simulator); someone no running channel can reach (a Telegram-only person, or nobody's channel runs) gets a
// notifications row, delivered when they first open the bot (deliverWaiting). One statement whatever the number
// of people, inside the caller's transaction: nothing goes out for a change that rolls back, and the outbound
// queue's limits pace the fan-out. People who opted out (STOP) are left out here, the one place every fan-out
// (invitations, announcements, polls, reminders) passes.
import type { TemplateKind } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import type { Nullable, Row } from "../db/rows.js";
import type { Locale } from "../i18n/index.js";
import { outboxOptions } from "./outbox.js";
import type { RenderedReply, TurnEnvironment } from "./turn.js";

export type Recipients =
  /** these people */
  | { userIds: string[] }
  /** the guests of an event, optionally only those whose answer is one of these */
  | { guestsOf: string; answers?: ("pending" | "accepted" | "declined" | "maybe")[] };

export interface Tidings {
  /** what it is, for the notifications row ("invitation", "rsvp", "announcement") */
  type: string;
  /** the event it is about */
  eventId?: string;
  /** the message in each language */
  message: (locale: Locale) => RenderedReply;
  /**
   * An answer to something the reader did themselves (their payment's receipt, or why it failed): it reaches them
   * even after STOP, which stops what Nuru would send on its own, not the answers to what they ask.
   */
  answering?: boolean;
}

/**
 * The same tidings, each reader's message carrying a template of this kind (for WhatsApp Cloud's readers silent for
 * 24 hours); params are given the reader's language and the message as rendered for them. A message that already
 * names a template keeps it.
 */
export function withTemplate(
  tidings: Tidings,
  kind: TemplateKind,
  params: (locale: Locale, text: string) => string[],
): Tidings {
  return {
    ...tidings,
    message: (locale) => {
      const reply = tidings.message(locale);
      return reply.template ? reply : { ...reply, template: { kind, locale, params: params(locale, reply.text) } };
    },
  };
}

/** An outbox row a statement wrote, to send after the commit. */
type OutboxRow = Row<"outbound_messages", "id" | "channel">;

/** One message to some people, for tellMany. */
export interface Telling {
  to: Recipients;
  tidings: Tidings;
  /** outbox key prefix, unique per message (the reader's id is appended, so writing it again writes nothing new) */
  key: string;
}

/**
 * Writes the message for every recipient: outbox rows (keys `<key>:<user id>`, so a repeated turn writes nothing new)
 * for those a running channel reaches, notifications rows for the others. Returns the outbox rows to send.
 */
export async function tellPeople(
  tx: Tx,
  options: { to: Recipients; tidings: Tidings; key: string; env: TurnEnvironment },
): Promise<{ rows: { id: bigint; channel: string }[]; waiting: number }> {
  return tellMany(tx, { tellings: [options], env: options.env });
}

/**
 * tellPeople for several messages at once (reminders due together): one statement however many messages and
 * readers, each message's readers chosen, rendered in their language and routed as tellPeople does.
 */
export async function tellMany(
  tx: Tx,
  options: { tellings: Telling[]; env: TurnEnvironment },
): Promise<{ rows: { id: bigint; channel: string }[]; waiting: number }> {
  const { env } = options;
  const tellings = options.tellings.filter((t) => !("userIds" in t.to) || t.to.userIds.length);
  if (!tellings.length) return { rows: [], waiting: 0 };
  const items = tellings.map((t, n) => {
    const en = t.tidings.message("en");
    const sw = t.tidings.message("sw");
    return {
      n,
      key: t.key,
      type: t.tidings.type,
      event_id: t.tidings.eventId ?? null,
      answering: t.tidings.answering ?? false,
      user_ids: "userIds" in t.to ? t.to.userIds : null,
      guests_of: "guestsOf" in t.to ? t.to.guestsOf : null,
      answers: "guestsOf" in t.to ? (t.to.answers ?? ["pending", "accepted", "declined", "maybe"]) : null,
      en: en.text,
      sw: sw.text,
      en_options: outboxOptions(en),
      sw_options: outboxOptions(sw),
    };
  });
  const first = env.firstContact[0] ?? null;
  const rows = await tx.$queryRaw<(Nullable<OutboxRow> & { waiting: number })[]>`
    WITH items AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS i(
        n int, key text, type text, event_id uuid, answering boolean, user_ids uuid[], guests_of uuid, answers text[], en text, sw text, en_options text, sw_options text)
    ),
    everyone AS (
      SELECT i.n, i.event_id, i.answering, u.id, u.locale, u.phone FROM items i JOIN users u ON u.id = ANY(i.user_ids) WHERE i.user_ids IS NOT NULL
      UNION ALL
      SELECT i.n, i.event_id, i.answering, u.id, u.locale, u.phone FROM items i JOIN event_guests g ON g.event_id = i.guests_of AND g.rsvp_status::text = ANY(i.answers)
      JOIN users u ON u.id = g.user_id WHERE i.guests_of IS NOT NULL
    ),
    r AS (
      -- nobody who said STOP (about everything, or about this message's event) is written to (src/domain/opt-outs.ts)
      SELECT e.n, e.id, e.locale, e.phone FROM everyone e
      -- (an answer to what the person did themselves still reaches them: Tidings.answering)
      WHERE e.answering OR NOT EXISTS (SELECT 1 FROM opt_outs o WHERE o.user_id = e.id AND (o.event_id IS NULL OR o.event_id = e.event_id))
    ),
    pick AS (
      SELECT r.n, r.id, r.locale, r.phone, via.channel, via.chat_id
      FROM r LEFT JOIN LATERAL (
        SELECT ci.channel::text AS channel, ci.chat_id FROM channel_identities ci
        WHERE ci.user_id = r.id AND ci.channel::text = ANY(${env.running}::text[])
        ORDER BY ci.last_seen_at DESC LIMIT 1
      ) via ON true
    ),
    target AS (
      -- each reader's language picked once, for whichever row (sent now or waiting) they get
      SELECT p.id, i.key, i.type, i.event_id,
        CASE WHEN p.locale = 'sw' THEN i.sw ELSE i.en END AS body,
        (CASE WHEN p.locale = 'sw' THEN i.sw_options ELSE i.en_options END)::jsonb AS options,
        CASE WHEN p.channel IS NOT NULL THEN p.channel WHEN p.phone IS NOT NULL THEN ${first}::text END AS channel,
        CASE WHEN p.channel IS NOT NULL THEN p.chat_id
             WHEN p.phone IS NOT NULL AND ${first}::text = 'whatsapp' THEN substr(p.phone, 2) || '@c.us'
             WHEN p.phone IS NOT NULL AND ${first}::text = 'whatsapp_cloud' THEN substr(p.phone, 2)
             WHEN p.phone IS NOT NULL AND ${first}::text = 'simulator' THEN p.phone END AS chat_id
      FROM pick p JOIN items i ON i.n = p.n
    ),
    waiting AS (
      INSERT INTO notifications (user_id, type, content, options, event_id)
      SELECT id, type, body, options, event_id FROM target WHERE channel IS NULL
      RETURNING id
    ),
    sent AS (
      INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, body, options)
      SELECT key || ':' || id, channel::channel, chat_id, id, body, options
      FROM target WHERE channel IS NOT NULL
      ORDER BY key, id
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, channel::text AS channel
    )
    SELECT id, channel, (SELECT count(*)::int FROM waiting) AS waiting FROM sent
    UNION ALL SELECT NULL, NULL, (SELECT count(*)::int FROM waiting) WHERE NOT EXISTS (SELECT 1 FROM sent)`;
  return {
    rows: rows.filter((r): r is OutboxRow & { waiting: number } => r.id !== null),
    waiting: rows[0]?.waiting ?? 0,
  };
}

/**
 * Delivers what waited for a person Nuru could not reach (notifications never delivered), now that they opened a
 * chat: one statement, outbox keys from the notification ids so it happens once. Returns the outbox rows to send.
 */
export async function deliverWaiting(
  tx: Tx,
  options: { userId: string; channel: string; chatId: string },
): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    WITH due AS (
      UPDATE notifications SET delivered_at = now()
      WHERE user_id = ${options.userId}::uuid AND delivered_at IS NULL AND content IS NOT NULL
      RETURNING id, content, options, created_at
    )
    INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, notification_id, body, options)
    SELECT 'note:' || id, ${options.channel}::channel, ${options.chatId}, ${options.userId}::uuid, id, content, options
    FROM due ORDER BY created_at, id
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, channel::text AS channel`;
}
