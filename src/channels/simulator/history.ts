// What the bot said in each simulator chat, kept in memory so the web page can show it and long-poll for more.
// History is per process and NOT persisted: a restart forgets it. The durable record of every message the bot sent
// is the outbound_messages table in Postgres; this is only the "screen" of the simulated phones.
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Choice } from "../channel.js";

export interface StoredMessage {
  /** Increases with every message in any chat, so one `after` works for one chat or for several. */
  seq: number;
  text: string;
  choices?: Choice[];
  requestPhone?: boolean;
  /** ISO time the bot sent it (or the person wrote it). */
  at: string;
  /** Set on what the person sent (kept so a reloaded page shows both sides); absent on the bot's messages. */
  mine?: { clientId: string };
  /** A file the bot sent with it (an export), downloaded from api/files/<id>. */
  document?: StoredFile;
}

export interface StoredFile {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
}

export interface ChatSummary {
  phone: string;
  /** Name the person last gave when writing in. */
  name?: string;
  lastAt: string;
}

interface Chat {
  messages: StoredMessage[];
  name?: string;
  lastAt: Date;
}

export interface HistoryLimits {
  /** Messages kept per chat; older ones are dropped. */
  perChat: number;
  /** Chats kept; the least recently active is forgotten first, so a flood of made-up numbers cannot exhaust memory. */
  chats: number;
}

/** Emitted to wake every waiter at once (adapter stopping), so open long-polls answer instead of hanging. */
const releaseAll = Symbol("releaseAll");

export class ChatHistory {
  private readonly chats = new Map<string, Chat>();
  /** One event per phone: a long-poll listens only to the chats it asked about. */
  private readonly arrivals = new EventEmitter().setMaxListeners(0);
  private waiting = 0;
  private lastSeq: number;
  /** Files the bot sent, newest last; bounded like the chats (the outbox keeps them for good). */
  private readonly files = new Map<string, StoredFile & { bytes: Buffer }>();

  /**
   * Sequence numbers start at the boot time in ms rather than 1, so a page left open across a restart (tsx watch
   * restarts on every save) asks for `after` an old seq that is below every new one and keeps seeing new messages.
   */
  constructor(
    private readonly limits: HistoryLimits,
    firstSeq: number = Date.now(),
  ) {
    for (const [key, value] of Object.entries(limits)) {
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`history limit ${key} must be a positive integer`);
    }
    this.lastSeq = firstSeq - 1;
  }

  append(phone: string, message: Omit<StoredMessage, "seq" | "at">, now = new Date()): StoredMessage {
    const stored: StoredMessage = { seq: ++this.lastSeq, ...message, at: now.toISOString() };
    const chat = this.touch(phone, now);
    chat.messages.push(stored);
    if (chat.messages.length > this.limits.perChat) chat.messages.splice(0, chat.messages.length - this.limits.perChat);
    this.arrivals.emit(phone);
    return stored;
  }

  /**
   * The person wrote in: the chat shows up in the chat list even before the bot answers, and what they sent is kept
   * (as the page showed it) for a page that is reloaded. It wakes no long-poll: only the bot's answers do.
   */
  noteInbound(
    phone: string,
    name: string | undefined,
    sent?: { text: string; clientId: string },
    now = new Date(),
  ): void {
    const chat = this.touch(phone, now);
    if (name) chat.name = name;
    // A page's retry of the same message (same id) is kept once.
    if (!sent || chat.messages.some((m) => m.mine?.clientId === sent.clientId)) return;
    chat.messages.push({
      seq: ++this.lastSeq,
      text: sent.text,
      at: now.toISOString(),
      mine: { clientId: sent.clientId },
    });
    if (chat.messages.length > this.limits.perChat) chat.messages.splice(0, chat.messages.length - this.limits.perChat);
  }

  /** Messages to this chat with seq > after, oldest first; with `mine`, the person's own among them. */
  after(phone: string, after: number, mine = false): StoredMessage[] {
    const messages = this.chats.get(phone)?.messages ?? [];
    // Messages are in seq order, so search from the end: pollers usually ask for the last few.
    let start = messages.length;
    while (start > 0 && messages[start - 1]!.seq > after) start--;
    const found = messages.slice(start);
    return mine ? found : found.filter((m) => !m.mine);
  }

  /** Every chat, most recently active first (the Map keeps them in activity order, see touch()). */
  chatsByRecency(): ChatSummary[] {
    return [...this.chats].reverse().map(([phone, chat]) => ({
      phone,
      ...(chat.name ? { name: chat.name } : {}),
      lastAt: chat.lastAt.toISOString(),
    }));
  }

  /**
   * Resolves as soon as one of the phones has a message with seq > after, when waitMs passes, when signal aborts
   * (the client went away) or when releaseWaiters() is called; the caller then reads after(). Never rejects.
   */
  waitForArrival(phones: readonly string[], after: number, waitMs: number, signal: AbortSignal): Promise<void> {
    const alreadyThere = phones.some((phone) => this.after(phone, after).length > 0);
    if (alreadyThere || waitMs <= 0 || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        this.waiting--;
        clearTimeout(timer);
        for (const phone of phones) this.arrivals.off(phone, finish);
        this.arrivals.off(releaseAll, finish);
        signal.removeEventListener("abort", finish);
        resolve();
      };
      this.waiting++;
      const timer = setTimeout(finish, waitMs);
      for (const phone of phones) this.arrivals.on(phone, finish);
      this.arrivals.on(releaseAll, finish);
      signal.addEventListener("abort", finish);
    });
  }

  /** Keeps a file the bot sent, for the page to download; returns what the page shows of it. */
  keepFile(document: { filename: string; mimeType: string; base64: string }): StoredFile {
    const bytes = Buffer.from(document.base64, "base64");
    const stored = { id: randomUUID(), filename: document.filename, mimeType: document.mimeType, size: bytes.length };
    this.files.set(stored.id, { ...stored, bytes });
    while (this.files.size > this.limits.chats) this.files.delete(this.files.keys().next().value!);
    return stored;
  }

  file(id: string): (StoredFile & { bytes: Buffer }) | undefined {
    return this.files.get(id);
  }

  /** Answers every open long-poll now (with whatever is there), e.g. so an HTTP server can close. */
  releaseWaiters(): void {
    this.arrivals.emit(releaseAll);
  }

  /** Long-polls currently waiting; lets tests prove that a client going away leaves nothing behind. */
  waiterCount(): number {
    return this.waiting;
  }

  private touch(phone: string, now: Date): Chat {
    const chat: Chat = this.chats.get(phone) ?? { messages: [], lastAt: now };
    chat.lastAt = now;
    // Re-inserting moves the chat to the end of the Map's order, which makes the first key the least recently active.
    this.chats.delete(phone);
    this.chats.set(phone, chat);
    if (this.chats.size > this.limits.chats) this.chats.delete(this.chats.keys().next().value!);
    return chat;
  }
}
