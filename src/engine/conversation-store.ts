// Conversation state in PostgreSQL (one row per chat), so it survives restarts and is shared by every Nuru process.
// It is read with the message and written with the rest of the turn (loadNextMessage and commitTurn, turn-store.ts).

export interface StoredConversation {
  flow: string;
  version: number;
  /** the flow's own state */
  state: unknown;
  /** values of the choices last offered, so "2" can mean the second one */
  offered: string[];
  expiresAt: Date;
}
