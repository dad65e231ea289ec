// The hot path's SQL: one statement reads the next message of a chat with everything a turn needs, one statement
// writes everything a turn produced. Every statement through Prisma costs ~0.7 ms of CPU here, about 1.8x the bare
// driver (BENCHMARKS.md), so the fewer the better: these two replace seven query-builder calls. Domain rules stay in
// Prisma.
import type { Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { StoredConversation } from "./conversation-store.js";
import { replyKey } from "./outbox.js";
import type { Person, RenderedReply } from "./turn.js";

export interface NextMessage {
  id: bigint;
  payload: unknown;
  attempts: number;
  /** the sender, when their network id is already linked to a person */
  person?: Person;
  conversation: StoredConversation | undefined;
  /** another message of this chat is waiting behind this one */
  more: boolean;
}

type Row = {
  id: bigint;
  payload: unknown;
  attempts: number;
  flow: string | null;
  version: number | null;
  state: { state: unknown; offered?: string[] } | null;
  expires_at: Date | null;
  user_id: string | null;
  name: string | null;
  phone: string | null;
  locale: string | null;
};

/** Call with the chat's advisory lock held, so what this reads cannot change under the turn. */
export async function loadNextMessage(tx: Tx, channel: Channel, chatId: string): Promise<NextMessage | undefined> {
  const rows = await tx.$queryRaw<Row[]>`
    SELECT i.id, i.payload, i.attempts,
           c.flow, c.version, c.state, c.expires_at,
           u.id::text AS user_id, u.name, u.phone, u.locale
    FROM inbound_messages i
    LEFT JOIN conversations c ON c.channel = i.channel AND c.chat_id = i.chat_id
    LEFT JOIN channel_identities ci ON ci.channel = i.channel AND ci.external_id = i.payload->'sender'->>'externalId'
    LEFT JOIN users u ON u.id = ci.user_id
    WHERE i.channel = ${channel}::channel AND i.chat_id = ${chatId} AND i.status = 'pending'
    ORDER BY i.id
    LIMIT 2`;
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    payload: row.payload,
    attempts: row.attempts,
    person: row.user_id ? { id: row.user_id, name: row.name!, phone: row.phone, locale: row.locale } : undefined,
    conversation:
      row.flow !== null
        ? { flow: row.flow, version: row.version!, state: row.state?.state, offered: row.state?.offered ?? [], expiresAt: row.expires_at! }
        : undefined,
    more: rows.length > 1,
  };
}

/**
 * In one statement: marks the message done, stores or ends the conversation when the turn changed it, and writes
 * the replies to the outbox (keys `in:<message id>:<n>`, so a repeat writes nothing). Returns the outbox row ids.
 */
export async function commitTurn(
  tx: Tx,
  turn: {
    inboundId: bigint;
    channel: Channel;
    chatId: string;
    userId: string;
    replies: RenderedReply[];
    conversationChanged: boolean;
    conversation: StoredConversation | undefined;
  },
): Promise<bigint[]> {
  const { conversation } = turn;
  const save = turn.conversationChanged && conversation !== undefined;
  const remove = turn.conversationChanged && conversation === undefined;
  const keys = turn.replies.map((_, i) => replyKey(turn.inboundId, i));
  const bodies = turn.replies.map((r) => r.text);
  const options = turn.replies.map((r) => (r.choices || r.requestPhone ? JSON.stringify({ choices: r.choices, requestPhone: r.requestPhone }) : null));
  const state = conversation ? JSON.stringify({ state: conversation.state, offered: conversation.offered }) : null;
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    WITH done AS (
      UPDATE inbound_messages SET status = 'done', processed_at = now() WHERE id = ${turn.inboundId}
    ), ended AS (
      DELETE FROM conversations WHERE ${remove} AND channel = ${turn.channel}::channel AND chat_id = ${turn.chatId}
    ), stored AS (
      INSERT INTO conversations (channel, chat_id, user_id, flow, version, state, expires_at, updated_at)
      SELECT ${turn.channel}::channel, ${turn.chatId}, ${turn.userId}::uuid, ${conversation?.flow ?? ""}, ${conversation?.version ?? 0},
             ${state}::jsonb, ${conversation?.expiresAt ?? new Date(0)}::timestamptz, now()
      WHERE ${save}
      ON CONFLICT (channel, chat_id) DO UPDATE SET user_id = EXCLUDED.user_id, flow = EXCLUDED.flow, version = EXCLUDED.version,
        state = EXCLUDED.state, expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at
    )
    INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, body, options)
    SELECT k, ${turn.channel}::channel, ${turn.chatId}, ${turn.userId}::uuid, b, o::jsonb
    FROM unnest(${keys}::text[], ${bodies}::text[], ${options}::text[]) AS r(k, b, o)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows.map((r) => r.id);
}

