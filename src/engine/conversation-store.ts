// Conversation state in PostgreSQL (one row per chat), so it survives restarts and is shared by every Nuru process.
// It is written with the rest of a turn by commitTurn (turn-store.ts).
import type { Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";

export interface StoredConversation {
  flow: string;
  version: number;
  /** the flow's own state */
  state: unknown;
  /** values of the choices last offered, so "2" can mean the second one */
  offered: string[];
  expiresAt: Date;
}

export async function loadConversation(tx: Tx, channel: Channel, chatId: string): Promise<StoredConversation | undefined> {
  const row = await tx.conversation.findUnique({ where: { channel_chatId: { channel, chatId } } });
  if (!row) return undefined;
  const wrapped = row.state as { state: unknown; offered?: string[] };
  return { flow: row.flow, version: row.version, state: wrapped.state, offered: wrapped.offered ?? [], expiresAt: row.expiresAt };
}
