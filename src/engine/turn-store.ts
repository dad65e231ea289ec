// The hot path's SQL. A batch of chats costs the same few statements whatever its size: one takes the chats' locks,
// one reads each chat's next message with everything its turn needs, one (only when there are people we have not
// met) finds who holds their phones, and one writes everything the turns produced. Every statement through Prisma
// costs ~0.6-0.7 ms of CPU here, 2-3x the bare driver (BENCHMARKS.md), so the count per batch is what matters.
import type { Tx } from "../db/prisma.js";
import type { As, Cast, Nullable, Row } from "../db/rows.js";
import type { Channel } from "../generated/prisma/client.js";
import type { StoredConversation } from "./conversation-store.js";
import { outboxOptions, replyKey } from "./outbox.js";
import type { Person, RenderedReply } from "./turn.js";
import type { HeldWrites } from "./turn-writes.js";

export interface ChatRef {
  channel: Channel;
  chatId: string;
}

export const chatLockKey = (chat: ChatRef) => `${chat.channel}:${chat.chatId}`;

export interface NextMessage {
  chat: ChatRef;
  id: bigint;
  payload: unknown;
  attempts: number;
  /** the sender, when their network id is already linked to a person */
  person?: Person;
  conversation: StoredConversation | undefined;
  /** another message of this chat is waiting behind this one */
  more: boolean;
}

/**
 * Takes the lock of each chat that no other process holds (a held one is left alone, not waited for: the caller
 * tries it again shortly) and returns which were taken, in order. The locks last until the transaction ends.
 *
 * The same statement switches the transaction to asynchronous commit: every message was logged durably before it
 * was acknowledged, so if PostgreSQL crashed within the fraction of a second before a batch reached disk, the batch
 * is lost whole (effects, replies and "done" marks together) and its messages are simply handled again. That removes
 * a disk flush from every batch. No reply of a lost batch can have gone out: the outbound worker's claim
 * (queued -> sending) is an ordinary, synchronous commit, and flushing it flushes the WAL before it, this batch
 * included, before anything is sent.
 */
export async function lockChats(tx: Tx, chats: ChatRef[]): Promise<boolean[]> {
  const keys = chats.map(chatLockKey);
  const [row] = await tx.$queryRaw<{ locked: boolean[] }[]>`
    SELECT set_config('synchronous_commit', 'off', true) AS async_commit,
           array(SELECT pg_try_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n) AS locked`;
  return row!.locked;
}

/** The state column as commitBatch writes it. */
type StoredState = { state: unknown; offered?: string[] };

/** A chat's next message (n: the chat's place in the call) with its conversation and sender, both LEFT JOINed. */
type NextMessageRow = { n: bigint; more: boolean } & Row<"inbound_messages", "id" | "payload" | "attempts"> &
  Nullable<Row<"conversations", "flow" | "version" | "expires_at">> &
  Cast<"conversations", "state", StoredState | null> &
  Nullable<As<"users", "id", "user_id"> & Row<"users", "name" | "phone" | "locale" | "time_zone">>;

/** The oldest pending message of each chat that has one. Call with the chats' locks held. */
export async function loadNextMessages(tx: Tx, chats: ChatRef[]): Promise<NextMessage[]> {
  const rows = await tx.$queryRaw<NextMessageRow[]>`
    SELECT k.n, m.id, m.payload, m.attempts, m.more,
           c.flow, c.version, c.state, c.expires_at,
           u.id::text AS user_id, u.name, u.phone, u.locale, u.time_zone
    FROM unnest(${chats.map((c) => c.channel)}::text[], ${chats.map((c) => c.chatId)}::text[]) WITH ORDINALITY AS k(channel, chat_id, n)
    JOIN LATERAL (
      -- The first two pending messages in one index scan: the first is handled, the second only says there is more.
      -- (A separate "is there a later one" subquery was planned on the (status, received_at) index while the
      -- statistics still described a small table, scanning thousands of rows per chat during a burst.)
      SELECT p.id, p.payload, p.attempts, lead(p.id) OVER (ORDER BY p.id) IS NOT NULL AS more
      FROM (
        SELECT i.id, i.payload, i.attempts FROM inbound_messages i
        WHERE i.channel = k.channel::channel AND i.chat_id = k.chat_id AND i.status = 'pending'
        ORDER BY i.id LIMIT 2
      ) p
      ORDER BY p.id LIMIT 1
    ) m ON true
    LEFT JOIN conversations c ON c.channel = k.channel::channel AND c.chat_id = k.chat_id
      -- conversationMember (conversation-store.ts): a group member's own conversation, else the chat's
      AND c.member_id = CASE WHEN m.payload->>'isGroup' = 'true' THEN m.payload->'sender'->>'externalId' ELSE '' END
    LEFT JOIN channel_identities ci ON ci.channel = k.channel::channel AND ci.external_id = m.payload->'sender'->>'externalId'
    LEFT JOIN users u ON u.id = ci.user_id
    ORDER BY k.n`;
  return rows.map((row) => ({
    chat: chats[Number(row.n) - 1]!,
    id: row.id,
    payload: row.payload,
    attempts: row.attempts,
    person: row.user_id
      ? { id: row.user_id, name: row.name!, phone: row.phone, locale: row.locale, timeZone: row.time_zone }
      : undefined,
    conversation:
      row.flow !== null
        ? {
            flow: row.flow,
            version: row.version!,
            state: row.state?.state,
            offered: row.state?.offered ?? [],
            expiresAt: row.expires_at!,
          }
        : undefined,
    more: row.more,
  }));
}

/** What one turn produced, as the commit needs it. */
export interface TurnResult {
  inboundId: bigint;
  chat: ChatRef;
  /** conversationMember of the message */
  memberId: string;
  /** the sender's network id, whose last_seen_at the commit moves on */
  senderId: string;
  /** outbox rows the turn wrote for other people (already written; sent after the commit) */
  told: { id: bigint; channel: string }[];
  /** whom the replies are for; null only when no person could be named (a refusal of someone not yet known) */
  userId: string | null;
  replies: RenderedReply[];
  conversationChanged: boolean;
  conversation: StoredConversation | undefined;
}

/**
 * In one statement, for every turn of the batch: writes the people and chat ids held back (TurnWrites), marks the
 * messages done, stores or ends the conversations the turns changed, and writes the replies to the outbox (keys
 * `in:<message id>:<n>`, so a repeat writes nothing; ids in reply order, which the sender keeps per chat).
 * Foreign keys are checked at the end of the statement, so a reply may point at a person created in it.
 * Returns the new outbox rows.
 */
export async function commitBatch(
  tx: Tx,
  turns: TurnResult[],
  held: HeldWrites,
): Promise<Row<"outbound_messages", "id" | "channel">[]> {
  const saved = turns.filter((t) => t.conversationChanged && t.conversation);
  const ended = turns.filter((t) => t.conversationChanged && !t.conversation);
  const replies = turns.flatMap((t) => t.replies.map((r, i) => ({ turn: t, reply: r, key: replyKey(t.inboundId, i) })));
  const { users, identities, changes } = held;
  return tx.$queryRaw<Row<"outbound_messages", "id" | "channel">[]>`
    WITH new_users AS (
      INSERT INTO users (id, name, phone, locale, time_zone, named_at)
      SELECT * FROM unnest(${users.id}::uuid[], ${users.name}::text[], ${users.phone}::text[], ${users.locale}::text[], ${users.timeZone}::text[], ${users.namedAt}::timestamptz[])
    ), new_identities AS (
      INSERT INTO channel_identities (user_id, channel, external_id, chat_id)
      SELECT u, c::channel, e, e FROM unnest(${identities.userId}::uuid[], ${identities.channel}::text[], ${identities.externalId}::text[]) AS r(u, c, e)
    ), changed_users AS (
      UPDATE users SET name = coalesce(v.name, users.name), locale = coalesce(v.locale, users.locale),
        named_at = coalesce(v.named_at, users.named_at)
      FROM unnest(${changes.id}::uuid[], ${changes.name}::text[], ${changes.locale}::text[], ${changes.namedAt}::timestamptz[])
        AS v(id, name, locale, named_at)
      WHERE users.id = v.id
    ), seen AS (
      -- The channel a person last wrote from is where messages for them go (tell.ts); moved on at most once a minute.
      UPDATE channel_identities ci SET last_seen_at = now()
      FROM unnest(${turns.map((t) => t.chat.channel)}::text[], ${turns.map((t) => t.senderId)}::text[]) AS s(channel, external_id)
      WHERE ci.channel = s.channel::channel AND ci.external_id = s.external_id AND ci.last_seen_at < now() - interval '1 minute'
    ), done AS (
      UPDATE inbound_messages SET status = 'done', processed_at = now()
      WHERE id = ANY(${turns.map((t) => String(t.inboundId))}::bigint[])
    ), ended AS (
      DELETE FROM conversations c
      USING unnest(${ended.map((t) => t.chat.channel)}::text[], ${ended.map((t) => t.chat.chatId)}::text[], ${ended.map((t) => t.memberId)}::text[]) AS d(channel, chat_id, member_id)
      WHERE c.channel = d.channel::channel AND c.chat_id = d.chat_id AND c.member_id = d.member_id
    ), stored AS (
      INSERT INTO conversations (channel, chat_id, member_id, user_id, flow, version, state, expires_at, updated_at)
      SELECT ch::channel, chat, mem, u, f, v, s::jsonb, e, now()
      FROM unnest(${saved.map((t) => t.chat.channel)}::text[], ${saved.map((t) => t.chat.chatId)}::text[], ${saved.map((t) => t.memberId)}::text[],
                  ${saved.map((t) => t.userId)}::uuid[],
                  ${saved.map((t) => t.conversation!.flow)}::text[], ${saved.map((t) => t.conversation!.version)}::int[],
                  ${saved.map((t) => JSON.stringify({ state: t.conversation!.state, offered: t.conversation!.offered }))}::text[],
                  ${saved.map((t) => t.conversation!.expiresAt.toISOString())}::timestamptz[]) AS r(ch, chat, mem, u, f, v, s, e)
      ON CONFLICT (channel, chat_id, member_id) DO UPDATE SET user_id = EXCLUDED.user_id, flow = EXCLUDED.flow, version = EXCLUDED.version,
        state = EXCLUDED.state, expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
    )
    INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, body, options)
    SELECT k, ch::channel, chat, u, b, o::jsonb
    FROM unnest(${replies.map((r) => r.key)}::text[], ${replies.map((r) => r.turn.chat.channel)}::text[], ${replies.map((r) => r.turn.chat.chatId)}::text[],
                ${replies.map((r) => r.turn.userId)}::uuid[], ${replies.map((r) => r.reply.text)}::text[],
                ${replies.map((r) => outboxOptions(r.reply))}::text[])
         WITH ORDINALITY AS r(k, ch, chat, u, b, o, n)
    ORDER BY n
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, channel`;
}
