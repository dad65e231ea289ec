// What the outbound queue's producer and consumer agree on: queue names, job ids, the retry schedule and the
// rendering hints a row carries.
import type { OutboundPayload } from "../channels/channel.js";
import type { Channel } from "../generated/prisma/client.js";

/**
 * Tries per message before it is marked failed. With the capped backoff below (1 s doubling to 5 min) 30 tries span
 * about two hours, so a network outage or a WhatsApp session waiting for its QR scan does not lose replies.
 */
export const sendAttempts = 30;
const maxBackoffMs = 5 * 60_000;

/** Exponential from the job's delay, capped: BullMQ's own exponential backoff has no ceiling. */
export function cappedBackoff(attemptsMade: number, delayMs: number): number {
  return Math.min(delayMs * 2 ** Math.max(0, attemptsMade - 1), maxBackoffMs);
}
/** The priority of messages to many people; replies have none, which BullMQ serves first. */
export const bulkPriority = 10;

export interface OutboundJob {
  id: string;
}

export const outboundQueueName = (channel: Channel) => `outbound-${channel}`;
export const outboundJobId = (id: bigint | string) => `out-${id}`;

/** outbound_messages.options: what the adapter is given beside the text, and the chat message to mark read. */
export type RowOptions =
  | (Pick<
      OutboundPayload,
      "choices" | "requestPhone" | "location" | "photo" | "poll" | "document" | "template" | "windowClosed"
    > & { readReceipt?: { chatMessageId: string } })
  | null;
