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

/** Writes the replies with keys `<prefix>:<n>`; a repeat with the same prefix writes nothing new. Returns row ids. */
export async function writeOutbox(
  tx: Tx,
  target: OutboxTarget,
  dedupePrefix: string,
  replies: RenderedReply[],
  notBefore?: Date,
): Promise<bigint[]> {
  if (!replies.length) return [];
  const rows = await tx.outboundMessage.createManyAndReturn({
    data: replies.map((r, i) => ({
      dedupeKey: `${dedupePrefix}:${i}`,
      channel: target.channel,
      chatId: target.chatId,
      userId: target.userId,
      body: r.text,
      options: r.choices || r.requestPhone ? { choices: r.choices, requestPhone: r.requestPhone } : undefined,
      notBefore,
    })),
    select: { id: true },
    skipDuplicates: true,
  });
  return rows.map((r) => r.id);
}
