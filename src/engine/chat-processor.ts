// Handles a chat's logged messages one at a time and in order. Within a process a per-chat promise chain keeps
// order; across processes a PostgreSQL advisory lock taken in each message's transaction does, so two Nuru processes
// sharing the database never interleave one chat. A message is marked done in the same transaction as its effects:
// a crash mid-message leaves it pending, and the reconciler hands it back here.
import type { Db, Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";
import { isLocale, t, type Locale, type MessageKey } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { parseStoredEvent } from "./inbound-log.js";
import { writeOutbox } from "./outbox.js";
import { commitTurn, loadNextMessage } from "./turn-store.js";
import type { Router } from "./router.js";

/** Attempts before a message that keeps failing is given up on (and the person told). */
export const maxAttempts = 3;
/** How long queueing a turn's replies may take before the reconciler is left to do it. */
const dispatchTimeoutMs = 2000;

/**
 * Failures of the database connection or of transaction bookkeeping, as opposed to failures of the message:
 * Prisma's P1xxx (connection), P2024 (pool timeout), P2028 (transaction API, e.g. timed out), P2034 (deadlock or
 * write conflict), and driver-adapter errors about the connection.
 */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (/^P1\d{3}$/.test(code) || ["P2024", "P2028", "P2034"].includes(code))) return true;
  const message = String((error as { message?: unknown }).message ?? "");
  return /ECONNREFUSED|ECONNRESET|Connection terminated|connection (is )?closed|terminating connection|deadlock detected|could not serialize/i.test(message);
}

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
   * No reply of a lost turn can have gone out: the outbound worker's claim (queued -> sending) is an ordinary,
   * synchronous commit, and flushing it flushes the WAL before it, this turn included, before anything is sent.
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
      await dispatchBestEffort(channel, outcome.ids);
      if (outcome.found) options.onHandled?.(channel, chatId, outcome.inboundId);
      return outcome.more;
    }
    if (isTransient(failure!.error)) {
      // The database or the network hiccuped, not this message: it stays pending, uncounted, for the reconciler.
      logger.warn({ err: failure!.error, inboundId: String(failure!.row.id) }, "transient failure; the message waits for the reconciler");
      return false;
    }
    const gaveUp = await recordFailure(channel, chatId, failure!.row, failure!.error);
    // After a counted failure the next try is the reconciler's, seconds later, not an immediate repeat.
    return gaveUp;
  }

  /**
   * Replies are already safe in the outbox; queueing them is best effort. With Redis away, ioredis would hold the
   * call until it returns, and this chat (and its slot) with it; the reconciler re-dispatches what is still queued.
   */
  async function dispatchBestEffort(channel: Channel, ids: bigint[]): Promise<void> {
    if (!ids.length) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), dispatchTimeoutMs);
    });
    try {
      const result = await Promise.race([options.dispatch(channel, ids), timeout]);
      if (result === "timeout") logger.warn({ channel, count: ids.length }, "queueing replies timed out; the reconciler will queue them");
    } catch (err) {
      logger.warn({ err, channel, count: ids.length }, "queueing replies failed; the reconciler will queue them");
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A refusal (AppError) is answered, the conversation it interrupted is ended, and the message is done. An unexpected
   * error is counted; after maxAttempts the person gets an apology instead of silence. Returns whether the message
   * is finished with (so the chat may move on). Only looks the person up: a refused turn must not create or merge
   * accounts on its way out.
   */
  async function recordFailure(channel: Channel, chatId: string, row: PendingRow, error: unknown): Promise<boolean> {
    const event = parseStoredEvent(row.payload);
    const refusal = error instanceof AppError;
    const attempts = row.attempts + 1;
    if (!refusal) logger.error({ err: error, inboundId: String(row.id), attempts }, "handling an inbound message failed");
    const giveUp = refusal || attempts >= maxAttempts;
    const lastError = refusal ? null : String(error).slice(0, 500);
    const ids = await db.$transaction(async (tx) => {
      await lockChat(tx, channel, chatId);
      if (!giveUp) {
        await tx.$executeRaw`UPDATE inbound_messages SET attempts = ${attempts}, last_error = ${lastError} WHERE id = ${row.id} AND status = 'pending'`;
        return [];
      }
      const updated = await tx.$executeRaw`UPDATE inbound_messages SET status = ${refusal ? "done" : "failed"}::inbound_status, attempts = ${attempts}, last_error = ${lastError}, processed_at = now() WHERE id = ${row.id} AND status = 'pending'`;
      if (updated === 0) return [];
      if (refusal) await tx.conversation.deleteMany({ where: { channel, chatId } });
      const identity = await tx.channelIdentity.findUnique({
        where: { channel_externalId: { channel, externalId: event.sender.externalId } },
        select: { user: { select: { id: true, locale: true } } },
      });
      const locale = isLocale(identity?.user.locale) ? identity.user.locale : options.defaultLocale;
      let text: string;
      try {
        text = refusal
          ? t(locale, error.code as MessageKey, error.params)
          : t(locale, "error.too_many_failures", { text: event.content.kind === "text" ? event.content.text.slice(0, 40) : "…" });
      } catch {
        text = t(locale, "error.generic"); // a refusal code without a message is a bug, but the person still hears back
      }
      return writeOutbox(tx, { channel, chatId, userId: identity?.user.id }, row.id, [{ text }]);
    });
    await dispatchBestEffort(channel, ids);
    return giveUp;
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
