// Messages to people other than the one who wrote: the organizer that a guest answered, 250 guests that they are
// invited. Addressed to people, not chats: each is rendered in the reader's language and goes to the channel the
// person last wrote from; someone who never wrote goes on the first channel that may write first (WhatsApp, the
// simulator); someone no running channel can reach (a Telegram-only person, or nobody's channel runs) gets a
// notifications row, delivered when they first open the bot (deliverWaiting). One statement whatever the number
// of people, inside the caller's transaction: nothing goes out for a change that rolls back, and the outbound
// queue's limits pace the fan-out.
import { Prisma } from "../generated/prisma/client.js";
import type { Tx } from "../db/prisma.js";
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
}


function recipientsSql(to: Recipients): Prisma.Sql {
  if ("userIds" in to) return Prisma.sql`SELECT u.id, u.locale, u.phone FROM users u WHERE u.id = ANY(${to.userIds}::uuid[])`;
  const answers = to.answers ?? ["pending", "accepted", "declined", "maybe"];
  return Prisma.sql`SELECT u.id, u.locale, u.phone FROM event_guests g JOIN users u ON u.id = g.user_id
    WHERE g.event_id = ${to.guestsOf}::uuid AND g.rsvp_status::text = ANY(${answers}::text[])`;
}

/**
 * Writes the message for every recipient: outbox rows (keys `<key>:<user id>`, so a repeated turn writes nothing new)
 * for those a running channel reaches, notifications rows for the others. Returns the outbox rows to send.
 */
export async function tellPeople(
  tx: Tx,
  options: { to: Recipients; tidings: Tidings; key: string; env: TurnEnvironment },
): Promise<{ rows: { id: bigint; channel: string }[]; waiting: number }> {
  const { tidings, env } = options;
  if ("userIds" in options.to && !options.to.userIds.length) return { rows: [], waiting: 0 };
  const en = tidings.message("en");
  const sw = tidings.message("sw");
  const first = env.firstContact[0] ?? null;
  const rows = await tx.$queryRaw<{ id: bigint | null; channel: string | null; waiting: number }[]>`
    WITH r AS (${recipientsSql(options.to)}),
    pick AS (
      SELECT r.id, r.locale, r.phone, via.channel, via.chat_id
      FROM r LEFT JOIN LATERAL (
        SELECT ci.channel::text AS channel, ci.chat_id FROM channel_identities ci
        WHERE ci.user_id = r.id AND ci.channel::text = ANY(${env.running}::text[])
        ORDER BY ci.last_seen_at DESC LIMIT 1
      ) via ON true
    ),
    target AS (
      -- each reader's language picked once, for whichever row (sent now or waiting) they get
      SELECT id,
        CASE WHEN locale = 'sw' THEN ${sw.text} ELSE ${en.text} END AS body,
        (CASE WHEN locale = 'sw' THEN ${outboxOptions(sw)} ELSE ${outboxOptions(en)} END)::jsonb AS options,
        CASE WHEN channel IS NOT NULL THEN channel WHEN phone IS NOT NULL THEN ${first}::text END AS channel,
        CASE WHEN channel IS NOT NULL THEN chat_id
             WHEN phone IS NOT NULL AND ${first}::text = 'whatsapp' THEN substr(phone, 2) || '@c.us'
             WHEN phone IS NOT NULL AND ${first}::text = 'simulator' THEN phone END AS chat_id
      FROM pick
    ),
    waiting AS (
      INSERT INTO notifications (user_id, type, content, options, event_id)
      SELECT id, ${tidings.type}, body, options, ${tidings.eventId ?? null}::uuid
      FROM target WHERE channel IS NULL
      RETURNING id
    ),
    sent AS (
      INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, body, options)
      SELECT ${options.key} || ':' || id, channel::channel, chat_id, id, body, options
      FROM target WHERE channel IS NOT NULL
      ORDER BY id
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, channel::text AS channel
    )
    SELECT id, channel, (SELECT count(*)::int FROM waiting) AS waiting FROM sent
    UNION ALL SELECT NULL, NULL, (SELECT count(*)::int FROM waiting) WHERE NOT EXISTS (SELECT 1 FROM sent)`;
  return {
    rows: rows.filter((r): r is { id: bigint; channel: string; waiting: number } => r.id !== null),
    waiting: rows[0]?.waiting ?? 0,
  };
}

/**
 * Delivers what waited for a person Nuru could not reach (notifications never delivered), now that they opened a
 * chat: one statement, outbox keys from the notification ids so it happens once. Returns the outbox rows to send.
 */
export async function deliverWaiting(tx: Tx, options: { userId: string; channel: string; chatId: string }): Promise<{ id: bigint; channel: string }[]> {
  return tx.$queryRaw<{ id: bigint; channel: string }[]>`
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
