// Transactional outbox: replies are inserted in the same transaction as the state change they report, so a reply
// never goes out for a change that rolled back, and a question's conversation state is committed before the
// question can reach anyone. The outbound worker sends them after commit.
import type { Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { RenderedReply } from "./turn.js";

export interface OutboxTarget {
  channel: Channel;
  chatId: string;
  userId?: string;
}

/** The outbox key of the n-th reply to an inbound message: a turn and its failure path can never both reply. */
export const replyKey = (inboundId: bigint, n: number) => `in:${inboundId}:${n}`;

/** What an outbox row keeps beside its text (choices, a pin, a photo, a poll), or null for plain text. */
function replyOptions(reply: RenderedReply): object | null {
  const { choices, requestPhone, location, photo, poll, readReceipt, document, template } = reply;
  return choices?.length || requestPhone || location || photo || poll || readReceipt || document || template
    ? { choices, requestPhone, location, photo, poll, readReceipt, document, template }
    : null;
}

/** replyOptions as JSON text, for the statements that write many rows in one go. */
export function outboxOptions(reply: RenderedReply): string | null {
  const options = replyOptions(reply);
  return options && JSON.stringify(options);
}

/** Writes replies to an inbound message (keys from replyKey, so a repeat writes nothing new). Returns row ids. */
export async function writeOutbox(
  tx: Tx,
  target: OutboxTarget,
  inboundId: bigint,
  replies: RenderedReply[],
): Promise<bigint[]> {
  if (!replies.length) return [];
  const rows = await tx.outboundMessage.createManyAndReturn({
    data: replies.map((r, i) => ({
      dedupeKey: replyKey(inboundId, i),
      channel: target.channel,
      chatId: target.chatId,
      userId: target.userId,
      body: r.text,
      options: replyOptions(r) ?? undefined,
    })),
    select: { id: true },
    skipDuplicates: true,
  });
  return rows.map((r) => r.id);
}
