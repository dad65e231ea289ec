// Conversation state in PostgreSQL (one row per chat, and per member in a group), so it survives restarts and is
// shared by every Nuru process. It is read with the message and written with the rest of the turn
// (loadNextMessages and commitBatch, turn-store.ts).
import type { InboundEvent } from "../channels/channel.js";

/**
 * Whose conversation a message belongs to within its chat: in a group each member has their own, so one member's tap
 * never answers a question asked of another; in a one-to-one chat there is one (""). loadNextMessages applies the
 * same rule in SQL.
 */
export const conversationMember = (event: Pick<InboundEvent, "isGroup" | "sender">): string =>
  event.isGroup ? event.sender.externalId : "";

export interface StoredConversation {
  flow: string;
  version: number;
  /** the flow's own state */
  state: unknown;
  /** values of the choices last offered, so "2" can mean the second one */
  offered: string[];
  expiresAt: Date;
}
