// Handles chats' logged messages, each chat's one at a time and in order, many chats per transaction.
//
// A batch (chat-scheduler.ts decides which chats and when) handles the oldest pending message of each of its chats in
// one transaction: a handful of statements whatever its size (turn-store.ts). Within the process the scheduler keeps
// a chat in one batch at a time; across processes a PostgreSQL advisory lock per chat, taken in the batch's
// transaction, does the same, so two Nuru processes sharing the database never interleave one chat.
//
// A message is marked done in the same transaction as its effects: a crash leaves it pending, and the reconciler
// hands it back here. When one turn of a batch fails, what it did is undone (the savepoint it took before its first
// statement, the writes it held back) and the other turns go on (batch-turns.ts); after the commit the failing chat
// is handled again alone, where a refusal is answered and an error counted (processor-failures.ts). A batch that
// fails as a whole (its commit meets a conflict, the database goes away) is tried again chat by chat, or left for a
// retry (recover).
import type { Channel } from "../generated/prisma/client.js";
import { handleMessages, type HandledBatch } from "./batch-turns.js";
import { createChatScheduler, type Outcome } from "./chat-scheduler.js";
import { type Failure, type ProcessorContext, type ProcessorOptions, processorContext } from "./processor-context.js";
import { dispatchBestEffort, isTransient, recordFailure } from "./processor-failures.js";
import { chatLockKey, loadNextMessages, lockChats, type ChatRef, type NextMessage } from "./turn-store.js";

export type { ProcessorOptions } from "./processor-context.js";
export { isTransient, maxAttempts } from "./processor-failures.js";

/** Handles the oldest pending message of each chat in one transaction. Never rejects. */
type RunBatch = (chats: ChatRef[]) => Promise<Outcome[]>;

/** Locks the chats, loads their next messages and runs their turns, all in one transaction. */
async function runInTransaction(
  ctx: ProcessorContext,
  chats: ChatRef[],
  loaded: NextMessage[],
  onFailure: (f: Failure) => void,
): Promise<HandledBatch & { locked: boolean[] }> {
  return ctx.options.db.$transaction(
    async (tx) => {
      const locked = await lockChats(tx, chats);
      loaded.push(
        ...(await loadNextMessages(
          tx,
          chats.filter((_, i) => locked[i]),
        )),
      );
      return { locked, ...(await handleMessages(ctx, tx, loaded, onFailure)) };
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}

async function attempt(ctx: ProcessorContext, runBatch: RunBatch, chats: ChatRef[]): Promise<Outcome[]> {
  let failure: Failure | undefined;
  const loaded: NextMessage[] = [];
  let committed: HandledBatch & { locked: boolean[] };
  try {
    committed = await runInTransaction(ctx, chats, loaded, (f) => (failure = f));
  } catch (error) {
    // Alone, a commit that fails for a reason of its own (not the database's) is that message's failure: counted,
    // and in the end answered, rather than retried for ever in front of the chat's later messages.
    if (!failure && chats.length === 1 && loaded.length === 1 && !isTransient(error))
      failure = { message: loaded[0]!, error };
    return recover(ctx, runBatch, chats, failure, error);
  }
  await dispatchBestEffort(ctx, committed.outbox);
  const setAside = new Set(committed.setAside.map((m) => chatLockKey(m.chat)));
  const handled = loaded.filter((m) => !setAside.has(chatLockKey(m.chat)));
  for (const m of handled) ctx.notify(() => ctx.options.onHandled?.(m.chat.channel, m.chat.chatId, m.id));
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
 * After a rolled-back batch. A database failure leaves every chat pending, to be tried again shortly. A turn's
 * failure is the failing chat's alone: it is handled by itself and the rest again. A failed commit (a conflict with
 * another process, say) is retried chat by chat, so one chat's conflict cannot hold back the others.
 */
async function recover(
  ctx: ProcessorContext,
  runBatch: RunBatch,
  chats: ChatRef[],
  failure: Failure | undefined,
  error: unknown,
): Promise<Outcome[]> {
  const { logger } = ctx.options;
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
    const finished = await recordFailure(ctx, failure.message, failure.error);
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

export function createChatProcessor(options: ProcessorOptions) {
  const ctx = processorContext(options);
  const runBatch: RunBatch = (chats) =>
    attempt(ctx, runBatch, chats).catch((err: unknown): Outcome[] => {
      options.logger.warn({ err, chats: chats.length }, "chat processing interrupted; the reconciler will retry");
      return chats.map(() => "stop");
    });

  const scheduler = createChatScheduler({
    // Two: one batch in the database while the next runs its turns. More would start small batches sooner, each
    // paying the fixed cost of a transaction (~4 ms of CPU), which costs latency at moderate load (BENCHMARKS.md).
    concurrency: options.concurrency ?? 2,
    // 48: each turn that writes at once (not held back) does so in a subtransaction of its own, and PostgreSQL
    // tracks at most 64 of them per transaction cheaply; past that every other backend's visibility checks slow down.
    batchSize: options.batchSize ?? 48,
    logger: options.logger,
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
