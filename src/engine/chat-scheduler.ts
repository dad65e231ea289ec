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

/** The scheduler's bookkeeping; createChatScheduler hands out processChat and idle. */
class Scheduler {
  private readonly ready = new Map<string, ChatRef>(); // in arrival order
  private readonly running = new Set<string>();
  private readonly again = new Set<string>(); // asked for while running
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly retries = new Map<string, number>();
  private readonly waiters = new Map<string, (() => void)[]>();
  private idleWaiters: (() => void)[] = [];
  private batches = 0;
  private pumpQueued = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** A locked or transient chat is tried again after a while; true when it was (and nothing else is to do now). */
  private retryLater(key: string, chat: ChatRef, outcome: "locked" | "transient"): boolean {
    const policy = retryPolicy[outcome];
    const tries = (this.retries.get(key) ?? 0) + 1;
    this.retries.set(key, tries);
    if (tries < policy.tries) {
      this.delayed.set(
        key,
        setTimeout(() => {
          this.delayed.delete(key);
          this.ready.set(key, chat);
          this.pump();
        }, policy.delayMs),
      );
      return true;
    }
    this.options.logger.warn({ chat: key, outcome }, "chat not handled after several tries; the reconciler will retry");
    return false;
  }

  private settle(key: string, chat: ChatRef, outcome: Outcome): void {
    this.running.delete(key);
    if ((outcome === "locked" || outcome === "transient") && this.retryLater(key, chat, outcome)) return;
    this.retries.delete(key);
    if (outcome === "more" || this.again.delete(key)) {
      this.ready.set(key, chat);
      return;
    }
    const done = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const resolve of done) resolve();
  }

  /** Takes up to batchSize ready chats, in arrival order, and marks them running. */
  private takeBatch(): [string, ChatRef][] {
    const chats: [string, ChatRef][] = [];
    for (const entry of this.ready) {
      chats.push(entry);
      if (chats.length >= this.options.batchSize) break;
    }
    for (const [key] of chats) {
      this.ready.delete(key);
      this.running.add(key);
    }
    return chats;
  }

  private finishBatch(chats: [string, ChatRef][], outcomes: Outcome[]): void {
    this.batches--;
    chats.forEach(([key, chat], i) => this.settle(key, chat, outcomes[i]!));
    this.pump();
    if (!this.batches && !this.ready.size && !this.delayed.size) {
      const waiting = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiting) resolve();
    }
  }

  private pump(): void {
    const { concurrency, logger } = this.options;
    while (this.batches < concurrency && this.ready.size) {
      const chats = this.takeBatch();
      this.batches++;
      try {
        this.options.onBatch?.(chats.map(([, chat]) => chat));
      } catch (err) {
        logger.warn({ err }, "the onBatch hook failed");
      }
      void this.options.run(chats.map(([, chat]) => chat)).then((outcomes) => this.finishBatch(chats, outcomes));
    }
  }

  processChat(channel: Channel, chatId: string): Promise<void> {
    const chat = { channel, chatId };
    const key = chatLockKey(chat);
    const done = new Promise<void>((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), resolve]));
    if (this.running.has(key)) this.again.add(key);
    else if (!this.delayed.has(key)) this.ready.set(key, chat);
    // On the next microtask, so the chats of messages logged by one write (handed over together) share a batch.
    if (!this.pumpQueued) {
      this.pumpQueued = true;
      queueMicrotask(() => {
        this.pumpQueued = false;
        this.pump();
      });
    }
    return done;
  }

  idle(): Promise<void> {
    if (!this.batches && !this.ready.size && !this.delayed.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

export function createChatScheduler(options: SchedulerOptions) {
  const scheduler = new Scheduler(options);
  return {
    /** Process every pending message of the chat; resolves when this process has nothing more to do for it. */
    processChat: (channel: Channel, chatId: string) => scheduler.processChat(channel, chatId),
    /** Resolves when every chat this process is working on is idle (used for clean shutdown). */
    idle: () => scheduler.idle(),
  };
}

export type ChatScheduler = ReturnType<typeof createChatScheduler>;
