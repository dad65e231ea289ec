// The 24-hour customer service window: who may be sent a free-form message, and who only an approved template. Known
// three ways, the freshest first: the webhook (the database learns of a message only when its turn commits), Meta
// refusing a message as outside the window (131047), and when the person last wrote, from the database.

/** Meta's customer service window, less a margin for clocks and for last_seen_at's one-minute granularity. */
export const REPLY_WINDOW_MS = 24 * 3600_000 - 10 * 60_000;

/** Entries kept in memory at most; past 24 hours an entry says nothing the database does not. */
const MAX_ENTRIES = 50_000;

export interface ReplyWindow {
  /** Whether the chat's person wrote within the window, as far as this process knows (webhook, database). */
  open(chatId: string): Promise<boolean>;
  /** The webhook brought a message the person sent at `at`. */
  noteWrote(chatId: string, at: Date): void;
  /** Meta said the chat is outside the window, whatever Nuru thought: so until the person writes again. */
  closeByMeta(chatId: string): void;
}

export function createReplyWindow(
  lastInboundAt: (chatId: string) => Promise<Date | undefined>,
  now: () => number,
): ReplyWindow {
  /**
   * When each chat last wrote, as the webhook saw it: the database learns it only when the message's turn commits,
   * and what was held for the person is released (and sent) as soon as their message is logged.
   */
  const lastWrote = new Map<string, number>();
  /** Chats Meta said are outside their 24 hours (131047), whatever Nuru thought: so until the person writes again. */
  const closedByMeta = new Set<string>();

  return {
    async open(chatId) {
      if (closedByMeta.has(chatId)) return false;
      const seen = lastWrote.get(chatId);
      if (seen !== undefined && now() - seen < REPLY_WINDOW_MS) return true;
      const last = await lastInboundAt(chatId);
      return last !== undefined && now() - last.getTime() < REPLY_WINDOW_MS;
    },

    noteWrote(chatId, at) {
      // A late redelivery of an older message does not move the time back.
      const latest = Math.max(lastWrote.get(chatId) ?? 0, Math.min(at.getTime(), now()));
      if (at.getTime() > now() - REPLY_WINDOW_MS) closedByMeta.delete(chatId);
      lastWrote.delete(chatId);
      lastWrote.set(chatId, latest);
      // Oldest first out.
      if (lastWrote.size > MAX_ENTRIES) lastWrote.delete(lastWrote.keys().next().value!);
      if (closedByMeta.size > MAX_ENTRIES) closedByMeta.delete(closedByMeta.values().next().value!);
    },

    closeByMeta(chatId) {
      closedByMeta.add(chatId);
    },
  };
}
