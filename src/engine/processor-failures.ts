// The chat processor's ways out: telling a database failure from a message's own, counting a message that keeps
// failing (and apologising when it is given up on), and queueing replies without waiting on a Redis that is away.
import { storableText } from "../channels/storable.js";
import { isDataError } from "../db/errors.js";
import type { Channel } from "../generated/prisma/client.js";
import { isLocale, t } from "../i18n/index.js";
import { parseStoredEvent } from "./inbound-log.js";
import { writeOutbox } from "./outbox.js";
import type { ProcessorContext } from "./processor-context.js";
import { chatLockKey, type NextMessage } from "./turn-store.js";

/** Attempts before a message that keeps failing is given up on (and the person told). */
export const maxAttempts = 3;
/** How long queueing a batch's replies may take before the reconciler is left to do it. */
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
  return /ECONNREFUSED|ECONNRESET|Connection terminated|connection (is )?closed|terminating connection|deadlock detected|could not serialize/i.test(
    message,
  );
}

/** An outbox row to queue; bulk: a message to other people (sent after replies). */
export type OutboxRef = { id: bigint; channel: Channel; bulk?: boolean };

/** The rows by channel and kind, one dispatch call each. */
function dispatchGroups(rows: OutboxRef[]) {
  const groups = new Map<string, { channel: Channel; bulk: boolean; ids: bigint[] }>();
  for (const row of rows) {
    const key = `${row.channel}:${Boolean(row.bulk)}`;
    const group = groups.get(key) ?? { channel: row.channel, bulk: Boolean(row.bulk), ids: [] };
    group.ids.push(row.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Replies are already safe in the outbox; queueing them is best effort. With Redis away, ioredis would hold the
 * call until it returns, and this batch's chats with it; the reconciler re-dispatches what is still queued.
 */
export async function dispatchBestEffort(ctx: ProcessorContext, rows: OutboxRef[]): Promise<void> {
  if (!rows.length) return;
  const { dispatch, logger } = ctx.options;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), dispatchTimeoutMs);
  });
  try {
    const sent = Promise.all(dispatchGroups(rows).map((g) => dispatch(g.channel, g.ids, g.bulk)));
    const result = await Promise.race([sent, timeout]);
    if (result === "timeout")
      logger.warn({ count: rows.length }, "queueing replies timed out; the reconciler will queue them");
  } catch (err) {
    logger.warn({ err, count: rows.length }, "queueing replies failed; the reconciler will queue them");
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Counts the failure in the chat's lock; on the last attempt marks the message failed and writes the apology.
 * Returns the outbox ids of the apology (none before the last attempt).
 */
async function countFailure(ctx: ProcessorContext, message: NextMessage, attempts: number, lastError: string) {
  const { db, defaultLocale } = ctx.options;
  const { channel, chatId } = message.chat;
  const event = parseStoredEvent(message.payload);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chatLockKey(message.chat)}, 0))`;
    if (attempts < maxAttempts) {
      await tx.$executeRaw`UPDATE inbound_messages SET attempts = ${attempts}, last_error = ${lastError} WHERE id = ${message.id} AND status = 'pending'`;
      return [];
    }
    const updated =
      await tx.$executeRaw`UPDATE inbound_messages SET status = 'failed', attempts = ${attempts}, last_error = ${lastError}, processed_at = now() WHERE id = ${message.id} AND status = 'pending'`;
    if (updated === 0) return [];
    const identity = await tx.channelIdentity.findUnique({
      where: { channel_externalId: { channel, externalId: event.sender.externalId } },
      select: { user: { select: { id: true, locale: true } } },
    });
    const locale = isLocale(identity?.user.locale) ? identity.user.locale : defaultLocale;
    const text = t(locale, "error.too_many_failures", {
      text: event.content.kind === "text" ? event.content.text.slice(0, 40) : "…",
    });
    return writeOutbox(tx, { channel, chatId, userId: identity?.user.id }, message.id, [{ text }]);
  });
}

/**
 * An unexpected error is counted; after maxAttempts the person gets an apology instead of silence. Returns whether
 * the message is finished with (so the chat may move on). Only looks the person up: a failed turn must not create
 * or merge accounts on its way out. (Refusals never get here: they are answered within their batch, see
 * handleMessages.)
 */
export async function recordFailure(ctx: ProcessorContext, message: NextMessage, error: unknown): Promise<boolean> {
  const { db, logger, onHandled } = ctx.options;
  const { channel, chatId } = message.chat;
  const attempts = message.attempts + 1;
  logger.error({ err: error, inboundId: String(message.id), attempts }, "handling an inbound message failed");
  const giveUp = attempts >= maxAttempts;
  const lastError = storableText(String(error)).slice(0, 500);
  const ids = await countFailure(ctx, message, attempts, lastError).catch(async (err: unknown) => {
    // The apology itself refused as data: the message is still finished with, so it cannot come back for ever.
    if (!giveUp || !isDataError(err)) throw err;
    logger.error(
      { err, inboundId: String(message.id) },
      "could not write the apology for a failed message; marked failed without one",
    );
    await db.$executeRaw`UPDATE inbound_messages SET status = 'failed', attempts = ${attempts}, last_error = ${lastError} WHERE id = ${message.id} AND status = 'pending'`;
    return [];
  });
  await dispatchBestEffort(
    ctx,
    ids.map((id) => ({ id, channel })),
  );
  // Given up on, the message is finished with too (apologised for).
  if (giveUp) ctx.notify(() => onHandled?.(channel, chatId, message.id));
  return giveUp;
}
