// Which chats are handled when, in this process. Chats with work wait in `ready` (in arrival order); up to
// `concurrency` batches run at once, each taking up to `batchSize` ready chats. A chat is in at most one batch at a
// time; asked for again meanwhile, it goes back to `ready` when its batch ends, as it does when more messages wait,
// so a flood in one chat cannot starve the others. Batches form by themselves: when the load is light a batch holds
// the one chat that just spoke, and under load every chat that arrived while the running batches worked.
// What a batch does is the processor's (chat-processor.ts); this module only keeps the order and the promises.
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import { chatLockKey, type ChatRef } from "./turn-store.js";

/** What became of a chat in a batch. */
export type Outcome =
  /** a message was handled (or given up on) and another may wait */
  | "more"
  /** nothing pending is left */
  | "idle"
  /** leave the chat to the reconciler: a counted failure waits before its next try, or the retries ran out */
  | "stop"
  /** another process holds the chat: try again shortly */
  | "locked"
  /** the database failed (connection, deadlock): try again a little later */
  | "transient";

/**
 * When a chat is tried again by this process before the reconciler's turn: held by another process (every 25 ms, for
 * up to 5 s), or its batch hit a transient failure such as a deadlock between two batches (three times, 0.5 s apart).
 */
const retryPolicy = { locked: { delayMs: 25, tries: 200 }, transient: { delayMs: 500, tries: 3 } } as const;

export interface SchedulerOptions {
  concurrency: number;
  batchSize: number;
  logger: Logger;
  /** handles the next message of each chat; one outcome per chat, in order; must not reject */
  run: (chats: ChatRef[]) => Promise<Outcome[]>;
  /** observability hook: a batch of these chats starts */
  onBatch?: (chats: ChatRef[]) => void;
}

export function createChatScheduler(options: SchedulerOptions) {
  const { concurrency, batchSize, logger } = options;
  const ready = new Map<string, ChatRef>(); // in arrival order
  const running = new Set<string>();
  const again = new Set<string>(); // asked for while running
  const delayed = new Map<string, NodeJS.Timeout>();
  const retries = new Map<string, number>();
  const waiters = new Map<string, (() => void)[]>();
  let idleWaiters: (() => void)[] = [];
  let batches = 0;
  let pumpQueued = false;

  function settle(key: string, chat: ChatRef, outcome: Outcome): void {
    running.delete(key);
    if (outcome === "locked" || outcome === "transient") {
      const policy = retryPolicy[outcome];
      const tries = (retries.get(key) ?? 0) + 1;
      retries.set(key, tries);
      if (tries < policy.tries) {
        delayed.set(
          key,
          setTimeout(() => {
            delayed.delete(key);
            ready.set(key, chat);
            pump();
          }, policy.delayMs),
        );
        return;
      }
      logger.warn({ chat: key, outcome }, "chat not handled after several tries; the reconciler will retry");
    }
    retries.delete(key);
    if (outcome === "more" || again.delete(key)) {
      ready.set(key, chat);
      return;
    }
    const done = waiters.get(key) ?? [];
    waiters.delete(key);
    for (const resolve of done) resolve();
  }

  function pump(): void {
    while (batches < concurrency && ready.size) {
      const chats: [string, ChatRef][] = [];
      for (const entry of ready) {
        chats.push(entry);
        if (chats.length >= batchSize) break;
      }
      for (const [key] of chats) {
        ready.delete(key);
        running.add(key);
      }
      batches++;
      try {
        options.onBatch?.(chats.map(([, chat]) => chat));
      } catch (err) {
        logger.warn({ err }, "the onBatch hook failed");
      }
      void options.run(chats.map(([, chat]) => chat)).then((outcomes) => {
        batches--;
        chats.forEach(([key, chat], i) => settle(key, chat, outcomes[i]!));
        pump();
        if (!batches && !ready.size && !delayed.size) {
          const waiting = idleWaiters;
          idleWaiters = [];
          for (const resolve of waiting) resolve();
        }
      });
    }
  }

  /** Process every pending message of the chat; resolves when this process has nothing more to do for it. */
  function processChat(channel: Channel, chatId: string): Promise<void> {
    const chat = { channel, chatId };
    const key = chatLockKey(chat);
    const done = new Promise<void>((resolve) => waiters.set(key, [...(waiters.get(key) ?? []), resolve]));
    if (running.has(key)) again.add(key);
    else if (!delayed.has(key)) ready.set(key, chat);
    // On the next microtask, so the chats of messages logged by one write (handed over together) share a batch.
    if (!pumpQueued) {
      pumpQueued = true;
      queueMicrotask(() => {
        pumpQueued = false;
        pump();
      });
    }
    return done;
  }

  /** Resolves when every chat this process is working on is idle (used for clean shutdown). */
  function idle(): Promise<void> {
    if (!batches && !ready.size && !delayed.size) return Promise.resolve();
    return new Promise((resolve) => idleWaiters.push(resolve));
  }

  return { processChat, idle };
}

export type ChatScheduler = ReturnType<typeof createChatScheduler>;
