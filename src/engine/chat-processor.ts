// Handles a chat's logged messages one at a time and in order. Within a process a per-chat promise chain keeps
// order; across processes a PostgreSQL advisory lock taken in each message's transaction does, so two Nuru processes
// sharing the database never interleave one chat. A message is marked done in the same transaction as its effects:
// a crash mid-message leaves it pending, and the reconciler hands it back here.
import type { Db, Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { isLocale, t, type Locale } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { resolveSender } from "../domain/users.js";
import { parseStoredEvent } from "./inbound-log.js";
import { writeOutbox } from "./outbox.js";
import { commitTurn, loadNextMessage } from "./turn-store.js";
import type { Router } from "./router.js";

/** Attempts before a message that keeps failing is given up on (and the person told). */
export const maxAttempts = 3;

export interface ProcessorOptions {
  db: Db;
  router: Router;
  logger: Logger;
  defaultCountry: string;
  defaultLocale: Locale;
  /** chats handled at the same time by this process; keep below the database pool size */
  concurrency?: number;
  /** observability hook: a message was handled and its replies handed to the outbound queue */
  onHandled?: (channel: Channel, chatId: string, inboundId: bigint) => void;
  /** called after commit with the outbound rows to send */
  dispatch: (channel: Channel, ids: bigint[]) => Promise<void>;
  now?: () => Date;
}

class Semaphore {
  private waiting: (() => void)[] = [];
  private free: number;
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const nextInLine = this.waiting.shift();
      if (nextInLine) nextInLine();
      else this.free++;
    }
  }
}

type PendingRow = { id: bigint; payload: unknown; attempts: number };

export function createChatProcessor(options: ProcessorOptions) {
  const { db, router, logger } = options;
  const now = options.now ?? (() => new Date());
  const chains = new Map<string, Promise<void>>();
  // Bounded parallelism across chats: a burst of a thousand chats queues here instead of exhausting the pool.
  const slots = new Semaphore(options.concurrency ?? 8);

  /**
   * Takes the chat's lock for the rest of the transaction. The same statement switches the transaction to
   * asynchronous commit: the message itself was logged durably before it was acknowledged, so if PostgreSQL crashed
   * within the fraction of a second before this turn reached disk, the turn is lost whole (effects, replies and the
   * "done" mark together) and the message is simply handled again. That removes a disk flush from every turn.
   */
  async function lockChat(tx: Tx, channel: Channel, chatId: string): Promise<void> {
    await tx.$executeRaw`SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtextextended(${`${channel}:${chatId}`}, 0))`;
  }

  /** Handles the oldest pending message of the chat; false when no other message waits behind it. */
  async function handleNext(channel: Channel, chatId: string): Promise<boolean> {
    let failure: { row: PendingRow; error: unknown } | undefined;
    const outcome = await db.$transaction(
      async (tx) => {
        await lockChat(tx, channel, chatId);
        const row = await loadNextMessage(tx, channel, chatId);
        if (!row) return { found: false, more: false, ids: [] as bigint[], inboundId: 0n };
        const event = parseStoredEvent(row.payload);
        try {
          const turn = await router.route(tx, event, now(), { person: row.person, conversation: row.conversation });
          const ids = await commitTurn(tx, {
            inboundId: row.id,
            channel,
            chatId,
            userId: turn.user.id,
            replies: turn.replies,
            conversationChanged: turn.conversationChanged,
            conversation: turn.conversation,
          });
          return { found: true, more: row.more, ids, inboundId: row.id };
        } catch (error) {
          failure = { row, error };
          throw error; // roll back everything the turn wrote
        }
      },
      { timeout: 15_000, maxWait: 10_000 },
    ).catch((error: unknown) => {
      if (!failure) throw error; // the database itself failed: leave the message pending
      return undefined;
    });
    if (outcome) {
      await options.dispatch(channel, outcome.ids);
      if (outcome.found) options.onHandled?.(channel, chatId, outcome.inboundId);
      return outcome.more;
    }
    await recordFailure(channel, chatId, failure!.row, failure!.error);
    return true; // look again: the message itself (if it is retried) or the ones behind it
  }

  /**
   * A refusal (AppError) is answered and the message is done. An unexpected error is retried; after maxAttempts the
   * person gets an apology instead of silence.
   */
  async function recordFailure(channel: Channel, chatId: string, row: PendingRow, error: unknown): Promise<void> {
    const event = parseStoredEvent(row.payload);
    const refusal = error instanceof AppError;
    const attempts = row.attempts + 1;
    if (!refusal) logger.error({ err: error, inboundId: String(row.id), attempts }, "handling an inbound message failed");
    const giveUp = refusal || attempts >= maxAttempts;
    const ids = await db.$transaction(async (tx) => {
      await lockChat(tx, channel, chatId);
      if (!giveUp) {
        await tx.$executeRaw`UPDATE inbound_messages SET attempts = ${attempts}, last_error = ${String(error).slice(0, 500)} WHERE id = ${row.id} AND status = 'pending'`;
        return [];
      }
      const { user } = await resolveSender(tx, { channel, sender: event.sender, defaultCountry: options.defaultCountry, defaultLocale: options.defaultLocale });
      const locale = isLocale(user.locale) ? user.locale : options.defaultLocale;
      const text = refusal
        ? t(locale, error.code as never, error.params)
        : t(locale, "error.too_many_failures", { text: event.content.kind === "text" ? event.content.text.slice(0, 40) : "…" });
      const updated = await tx.$executeRaw`UPDATE inbound_messages SET status = ${refusal ? "done" : "failed"}::inbound_status, attempts = ${attempts}, last_error = ${refusal ? null : String(error).slice(0, 500)}, processed_at = now() WHERE id = ${row.id} AND status = 'pending'`;
      if (updated === 0) return [];
      return writeOutbox(tx, { channel, chatId, userId: user.id }, `in:${row.id}`, [{ text }]);
    });
    await options.dispatch(channel, ids);
  }

  async function drain(channel: Channel, chatId: string): Promise<void> {
    // Bounded so a flood in one chat cannot starve the caller for ever; the reconciler picks up any rest.
    for (let i = 0; i < 1000; i++) {
      if (!(await handleNext(channel, chatId))) return;
    }
  }

  /** Process every pending message of the chat, after whatever this process is already doing for it. */
  function processChat(channel: Channel, chatId: string): Promise<void> {
    const key = `${channel}:${chatId}`;
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous.then(() => slots.run(() => drain(channel, chatId))).catch((err: unknown) => {
      logger.warn({ err, chat: key }, "chat processing interrupted; the reconciler will retry");
    });
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
    return next;
  }

  /** Resolves when every chat this process is working on is idle (used for clean shutdown). */
  async function idle(): Promise<void> {
    while (chains.size) await Promise.all([...chains.values()]);
  }

  return { processChat, idle };
}

export type ChatProcessor = ReturnType<typeof createChatProcessor>;
