// Handles chats' logged messages, each chat's one at a time and in order, many chats per transaction.
//
// A batch (chat-scheduler.ts decides which chats and when) handles the oldest pending message of each of its chats in
// one transaction: a handful of statements whatever its size (turn-store.ts). Within the process the scheduler keeps
// a chat in one batch at a time; across processes a PostgreSQL advisory lock per chat, taken in the batch's
// transaction, does the same, so two Nuru processes sharing the database never interleave one chat.
//
// A message is marked done in the same transaction as its effects: a crash leaves it pending, and the reconciler
// hands it back here. When one turn of a batch fails, what it did is undone (the savepoint it took before its first
// statement, the writes it held back) and the other turns go on; after the commit the failing chat is handled again
// alone, where a refusal is answered and an error counted (recordFailure). A batch that fails as a whole (its commit
// meets a conflict, the database goes away) is tried again chat by chat, or left for a retry (recover).
import type { InboundEvent } from "../channels/channel.js";
import { storableText } from "../channels/storable.js";
import type { Db, Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import { isDataError } from "../db/errors.js";
import { AppError } from "../errors.js";
import { isLocale, render, t, type Locale, type Message } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import { normalisePhone } from "../domain/phones.js";
import { localeForPhone } from "../domain/users.js";
import { parseStoredEvent } from "./inbound-log.js";
import { conversationMember } from "./conversation-store.js";
import { writeOutbox } from "./outbox.js";
import type { Router } from "./router.js";
import { lookUpUnseenPhones, type UnseenPhones } from "./senders.js";
import {
  commitBatch,
  chatLockKey,
  loadNextMessages,
  lockChats,
  type ChatRef,
  type NextMessage,
  type TurnResult,
} from "./turn-store.js";
import { TurnWrites } from "./turn-writes.js";
import { TurnScope } from "./turn.js";
import { createChatScheduler, type Outcome } from "./chat-scheduler.js";

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

export interface ProcessorOptions {
  db: Db;
  router: Router;
  logger: Logger;
  defaultCountry: string;
  defaultLocale: Locale;
  /** batches (transactions) running at once in this process; keep well below the database pool size */
  concurrency?: number;
  /** chats handled per transaction at most */
  batchSize?: number;
  /** observability hook: a batch of these chats starts */
  onBatch?: (chats: ChatRef[]) => void;
  /** observability hook: a message was handled (or refused, or given up on) and its replies handed to the outbound queue */
  onHandled?: (channel: Channel, chatId: string, inboundId: bigint) => void;
  /** called after commit with the outbound rows to send; bulk: messages to other people (sent after replies) */
  dispatch: (channel: Channel, ids: bigint[], bulk: boolean) => Promise<void>;
  now?: () => Date;
}

type Failure = { message: NextMessage; error: unknown };

export function createChatProcessor(options: ProcessorOptions) {
  const { db, router, logger } = options;
  const now = options.now ?? (() => new Date());

  /** Observability hooks must not break processing. */
  function notify(hook: () => void): void {
    try {
      hook();
    } catch (err) {
      logger.warn({ err }, "a processor hook failed");
    }
  }

  /** Handles the oldest pending message of each chat in one transaction. Never rejects. */
  function runBatch(chats: ChatRef[]): Promise<Outcome[]> {
    return attempt(chats).catch((err: unknown): Outcome[] => {
      logger.warn({ err, chats: chats.length }, "chat processing interrupted; the reconciler will retry");
      return chats.map(() => "stop");
    });
  }

  async function attempt(chats: ChatRef[]): Promise<Outcome[]> {
    let failure: Failure | undefined;
    let loaded: NextMessage[] = [];
    let committed: { locked: boolean[]; outbox: { id: bigint; channel: Channel }[]; setAside: NextMessage[] };
    try {
      committed = await db.$transaction(
        async (tx) => {
          const locked = await lockChats(tx, chats);
          loaded = await loadNextMessages(
            tx,
            chats.filter((_, i) => locked[i]),
          );
          return { locked, ...(await handleMessages(tx, loaded, (f) => (failure = f))) };
        },
        { timeout: 15_000, maxWait: 10_000 },
      );
    } catch (error) {
      // Alone, a commit that fails for a reason of its own (not the database's) is that message's failure: counted,
      // and in the end answered, rather than retried for ever in front of the chat's later messages.
      if (!failure && chats.length === 1 && loaded.length === 1 && !isTransient(error))
        failure = { message: loaded[0]!, error };
      return recover(chats, failure, error);
    }
    await dispatchBestEffort(committed.outbox);
    const setAside = new Set(committed.setAside.map((m) => chatLockKey(m.chat)));
    const handled = loaded.filter((m) => !setAside.has(chatLockKey(m.chat)));
    for (const m of handled) notify(() => options.onHandled?.(m.chat.channel, m.chat.chatId, m.id));
    // A chat whose turn failed is handled again alone, where a refusal is answered and an error counted.
    const alone = new Map<string, Outcome>();
    for (const m of committed.setAside) alone.set(chatLockKey(m.chat), (await runBatch([m.chat]))[0]!);
    const byKey = new Map(handled.map((m) => [chatLockKey(m.chat), m]));
    return chats.map((chat, i) => {
      const key = chatLockKey(chat);
      if (!committed.locked[i]) return "locked";
      return alone.get(key) ?? (byKey.get(key)?.more ? "more" : "idle");
    });
  }

  /**
   * Routes every message, then commits all the turns in one statement. A turn that fails is undone (its savepoint,
   * its held-back writes) and the others go on: a refusal is answered in the same commit; an unexpected error's
   * message is set aside, left pending, to be tried alone. Alone, such a turn aborts the batch, for recover.
   */
  async function handleMessages(tx: Tx, messages: NextMessage[], onFailure: (f: Failure) => void) {
    const setAside: NextMessage[] = [];
    if (!messages.length) return { outbox: [], setAside };
    const events = messages.map((m) => parseStoredEvent(m.payload));
    const phones = await lookUpUnseenPhones(
      tx,
      messages.map((m, i) => ({ event: events[i]!, person: m.person })),
      options.defaultCountry,
    );
    const writes = new TurnWrites();
    const preloads = await preload(tx, messages, events, phones);
    const results: TurnResult[] = [];
    for (const [i, message] of messages.entries()) {
      const scope = new TurnScope(tx, writes);
      try {
        const turn = await router.route(scope, events[i]!, message.id, now(), {
          person: message.person,
          conversation: message.conversation,
          phones,
          preloads,
        });
        await scope.release();
        results.push({
          inboundId: message.id,
          chat: message.chat,
          memberId: conversationMember(events[i]!),
          senderId: events[i]!.sender.externalId,
          userId: turn.user.id,
          replies: turn.replies,
          told: turn.told,
          conversationChanged: turn.conversationChanged,
          conversation: turn.conversation,
        });
      } catch (error) {
        const refused = error instanceof AppError;
        if (isTransient(error) || (!refused && messages.length === 1)) {
          onFailure({ message, error });
          throw error; // roll back everything the batch wrote; recover takes it from there
        }
        await scope.rollback();
        if (refused) results.push(refusal(message, events[i]!, error, writes));
        else setAside.push(message);
      }
    }
    // Journeys' held-back rows (an RSVP per turn), one statement per writer for the whole batch.
    for (const [name, rows] of writes.deferredRows())
      if (rows.length) await options.router.registry.writers.get(name)!(tx, rows);
    const told = results.flatMap((r) =>
      r.told.map((row) => ({ id: row.id, channel: row.channel as Channel, bulk: true })),
    );
    return { outbox: [...told, ...(await commitBatch(tx, results, writes.held()))], setAside };
  }

  /**
   * Runs each journey preloader once for the batch, for the people whose message it wants (known people, and people
   * met by phone who are linked this turn), so turns read what they need without a statement each.
   */
  async function preload(tx: Tx, messages: NextMessage[], events: InboundEvent[], phones: UnseenPhones) {
    const loaded = new Map<string, Map<string, unknown>>();
    for (const [name, preloader] of options.router.registry.preloaders) {
      const ids = new Set<string>();
      for (const [i, m] of messages.entries()) {
        const event = events[i]!;
        const phone = event.sender.phone ? phones.e164.get(event.sender.phone) : undefined;
        const id = m.person?.id ?? (phone ? phones.holders.get(phone)?.id : undefined);
        if (id && preloader.wants({ event, conversation: m.conversation })) ids.add(id);
      }
      if (ids.size) loaded.set(name, await preloader.load(tx, [...ids], now()));
    }
    return loaded;
  }

  /**
   * After a rolled-back batch. A database failure leaves every chat pending, to be tried again shortly. A turn's
   * failure is the failing chat's alone: it is handled by itself and the rest again. A failed commit (a conflict with
   * another process, say) is retried chat by chat, so one chat's conflict cannot hold back the others.
   */
  async function recover(chats: ChatRef[], failure: Failure | undefined, error: unknown): Promise<Outcome[]> {
    if (isTransient(error)) {
      logger.warn(
        { err: error, chats: chats.length },
        "transient failure; the messages stay pending and are tried again",
      );
      return chats.map(() => "transient");
    }
    if (chats.length === 1) {
      if (!failure) {
        logger.warn(
          { err: error, chat: chatLockKey(chats[0]!) },
          "chat processing interrupted; the reconciler will retry",
        );
        return ["stop"];
      }
      const finished = await recordFailure(failure.message, failure.error);
      // After a counted failure the next try is the reconciler's, seconds later, not an immediate repeat.
      return [finished ? "more" : "stop"];
    }
    const failing = failure ? chatLockKey(failure.message.chat) : undefined;
    if (!failing) {
      const outcomes: Outcome[] = [];
      for (const chat of chats) outcomes.push(...(await runBatch([chat])));
      return outcomes;
    }
    const others = chats.filter((c) => chatLockKey(c) !== failing);
    const [alone, rest] = await Promise.all([
      runBatch(chats.filter((c) => chatLockKey(c) === failing)),
      runBatch(others),
    ]);
    const byKey = new Map<string, Outcome>([
      [failing, alone[0]!],
      ...others.map((c, i) => [chatLockKey(c), rest[i]!] as const),
    ]);
    return chats.map((c) => byKey.get(chatLockKey(c))!);
  }

  /**
   * Replies are already safe in the outbox; queueing them is best effort. With Redis away, ioredis would hold the
   * call until it returns, and this batch's chats with it; the reconciler re-dispatches what is still queued.
   */
  async function dispatchBestEffort(rows: { id: bigint; channel: Channel; bulk?: boolean }[]): Promise<void> {
    if (!rows.length) return;
    const groups = new Map<string, { channel: Channel; bulk: boolean; ids: bigint[] }>();
    for (const row of rows) {
      const key = `${row.channel}:${Boolean(row.bulk)}`;
      const group = groups.get(key) ?? { channel: row.channel, bulk: Boolean(row.bulk), ids: [] };
      group.ids.push(row.id);
      groups.set(key, group);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), dispatchTimeoutMs);
    });
    try {
      const sent = Promise.all([...groups.values()].map((g) => options.dispatch(g.channel, g.ids, g.bulk)));
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
   * An unexpected error is counted; after maxAttempts the person gets an apology instead of silence. Returns whether
   * the message is finished with (so the chat may move on). Only looks the person up: a failed turn must not create
   * or merge accounts on its way out. (Refusals never get here: they are answered within their batch, see
   * handleMessages.)
   */
  async function recordFailure(message: NextMessage, error: unknown): Promise<boolean> {
    const { channel, chatId } = message.chat;
    const event = parseStoredEvent(message.payload);
    const attempts = message.attempts + 1;
    logger.error({ err: error, inboundId: String(message.id), attempts }, "handling an inbound message failed");
    const giveUp = attempts >= maxAttempts;
    const lastError = storableText(String(error)).slice(0, 500);
    const ids = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chatLockKey(message.chat)}, 0))`;
        if (!giveUp) {
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
        const locale = isLocale(identity?.user.locale) ? identity.user.locale : options.defaultLocale;
        const text = t(locale, "error.too_many_failures", {
          text: event.content.kind === "text" ? event.content.text.slice(0, 40) : "…",
        });
        return writeOutbox(tx, { channel, chatId, userId: identity?.user.id }, message.id, [{ text }]);
      })
      .catch(async (err: unknown) => {
        // The apology itself refused as data: the message is still finished with, so it cannot come back for ever.
        if (!giveUp || !isDataError(err)) throw err;
        logger.error(
          { err, inboundId: String(message.id) },
          "could not write the apology for a failed message; marked failed without one",
        );
        await db.$executeRaw`UPDATE inbound_messages SET status = 'failed', attempts = ${attempts}, last_error = ${lastError} WHERE id = ${message.id} AND status = 'pending'`;
        return [];
      });
    await dispatchBestEffort(ids.map((id) => ({ id, channel })));
    // Given up on, the message is finished with too (apologised for).
    if (giveUp) notify(() => options.onHandled?.(channel, chatId, message.id));
    return giveUp;
  }

  /**
   * A refused turn's result: its own writes undone by the caller, it answers with the refusal in the person's
   * language and ends the conversation it interrupted, so the person is not stuck in it. It speaks for the person as
   * loaded with the message (a person the refused turn would have created or merged does not exist).
   */
  function refusal(message: NextMessage, event: InboundEvent, error: AppError, writes: TurnWrites): TurnResult {
    // Someone not stored yet: the person an earlier turn of this batch created for them, else their number's language.
    const person = message.person ?? writes.resolvedFor(event.channel, event.sender.externalId);
    const phone = event.sender.phone ? normalisePhone(event.sender.phone, options.defaultCountry) : undefined;
    const locale = person
      ? isLocale(person.locale)
        ? person.locale
        : options.defaultLocale
      : localeForPhone(phone, options.defaultLocale);
    let text: string;
    try {
      text = render(locale, { key: error.code, params: error.params } as Message);
    } catch {
      text = t(locale, "error.generic"); // a refusal code without a message is a bug, but the person still hears back
    }
    return {
      inboundId: message.id,
      chat: message.chat,
      memberId: conversationMember(event),
      senderId: event.sender.externalId,
      userId: person?.id ?? null,
      replies: [{ text }],
      told: [],
      conversationChanged: true,
      conversation: undefined,
    };
  }

  const scheduler = createChatScheduler({
    // Two: one batch in the database while the next runs its turns. More would start small batches sooner, each
    // paying the fixed cost of a transaction (~4 ms of CPU), which costs latency at moderate load (BENCHMARKS.md).
    concurrency: options.concurrency ?? 2,
    // 48: each turn that writes at once (not held back) does so in a subtransaction of its own, and PostgreSQL
    // tracks at most 64 of them per transaction cheaply; past that every other backend's visibility checks slow down.
    batchSize: options.batchSize ?? 48,
    logger,
    run: runBatch,
    onBatch: options.onBatch,
  });

  return {
    /** Process every pending message of the chat; resolves when this process has nothing more to do for it. */
    processChat: (channel: Channel, chatId: string) => scheduler.processChat(channel, chatId),
    /** Resolves when every chat this process is working on is idle (used for clean shutdown). */
    idle: () => scheduler.idle(),
  };
}

export type ChatProcessor = ReturnType<typeof createChatProcessor>;
