// A stand-in for the whatsapp-web.js Client surface the adapter uses (no WhatsApp is reachable here). The network
// object holds what outlives one client: registered numbers, @lid mappings, the sent log. The adapter builds a new
// client on every reconnect, so tests reach the live one through network.current.
import { EventEmitter } from "node:events";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { createWhatsAppAdapter, type WhatsAppAdapter } from "../../src/channels/whatsapp/adapter.js";
import type { Logger } from "../../src/logger.js";
import type {
  WhatsAppChatLike,
  WhatsAppClientFactory,
  WhatsAppClientLike,
  WhatsAppContent,
  WhatsAppMessageLike,
  WhatsAppPollVoteLike,
  WhatsAppSendOptions,
  MediaLoader,
} from "../../src/channels/whatsapp/client.js";
import type { SentMessage } from "../contract/channel-contract.js";

// The library's own Message structure (CommonJS, loaded without the client or puppeteer).
const LibraryMessage = createRequire(import.meta.url)("whatsapp-web.js/src/structures/Message") as new (
  client: unknown,
  data: unknown,
) => unknown;

export interface FakeSent {
  chatId: string;
  content: WhatsAppContent;
  id: string;
  options?: WhatsAppSendOptions;
}

export class FakeWhatsAppNetwork {
  readonly clients: FakeWhatsAppClient[] = [];
  readonly sent: FakeSent[] = [];
  /** Phone digits WhatsApp does not know. */
  readonly unregistered = new Set<string>();
  /** lid jid -> phone jid, as getContactLidAndPhone reveals it. */
  readonly phoneOfLid = new Map<string, string>();
  lidLookups = 0;
  numberLookups = 0;
  /** When false, a new client waits for the test to call emitReady()/emitQr() instead of becoming ready at once. */
  autoReady = true;
  /** How many initialize() calls fail before one succeeds. */
  failInitialize = 0;
  /** Error message the next sendMessage throws (once). */
  nextSendError: string | undefined;
  /** Messages in chats not yet marked read (what getChats/fetchMessages show after a restart), by chat. */
  readonly unread = new Map<string, WhatsAppMessageLike[]>();
  /** Chats marked read (sendSeen), in order. */
  readonly seen: string[] = [];
  private seq = 0;
  private readonly clientWaiters: Array<{ count: number; resolve: () => void }> = [];

  readonly factory: WhatsAppClientFactory = () => {
    const client = new FakeWhatsAppClient(this);
    this.clients.push(client);
    for (const waiter of [...this.clientWaiters]) {
      if (this.clients.length >= waiter.count) {
        this.clientWaiters.splice(this.clientWaiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    return client;
  };

  get current(): FakeWhatsAppClient {
    const client = this.clients.at(-1);
    if (!client) throw new Error("the adapter has not built a client yet");
    return client;
  }

  /** Resolves once the adapter has built `count` clients (a reconnect builds a new one). */
  clientCount(count: number): Promise<void> {
    if (this.clients.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.clientWaiters.push({ count, resolve }));
  }

  nextId(): string {
    this.seq++;
    return `3EB0${this.seq.toString(16).toUpperCase().padStart(16, "0")}`;
  }

  sentTo(chatId: string): FakeSent[] {
    return this.sent.filter((s) => s.chatId === chatId);
  }
}

export interface IncomingMessage extends Partial<Omit<WhatsAppMessageLike, "id">> {
  from: string;
}

export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClientLike {
  initializeCalls = 0;
  destroyed = false;

  constructor(private readonly network: FakeWhatsAppNetwork) {
    super();
  }

  /** What getState() answers: "CONNECTED" while ready; "hang" never answers (a frozen page), "throw" rejects. */
  stateAnswer: string | null | "hang" | "throw" = "CONNECTED";
  /** destroy() never settles (a browser that will not close). */
  destroyHangs = false;
  /** puppeteer's Browser and Page, as far as the adapter watches them. */
  readonly pupBrowser = Object.assign(new EventEmitter(), {
    killed: false as NodeJS.Signals | false,
    process: () => ({ kill: (signal?: NodeJS.Signals) => ((this.pupBrowser.killed = signal ?? "SIGTERM"), true) }),
  });
  readonly pupPage = new EventEmitter();

  async initialize(): Promise<void> {
    this.initializeCalls++;
    if (this.network.failInitialize > 0) {
      this.network.failInitialize--;
      throw new Error("net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/ (fake)");
    }
    // As the library: initialize() returns once the page is injected; "ready" comes later, from the store syncing.
    if (this.network.autoReady) void Promise.resolve().then(() => !this.destroyed && this.emit("ready"));
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    if (this.destroyHangs) await new Promise(() => {});
  }

  async getState(): Promise<string | null> {
    if (this.stateAnswer === "hang") return new Promise(() => {});
    if (this.stateAnswer === "throw") throw new Error("Protocol error (Runtime.callFunctionOn): Target closed (fake)");
    return this.stateAnswer;
  }

  async sendMessage(
    chatId: string,
    content: WhatsAppContent,
    options?: WhatsAppSendOptions,
  ): Promise<{ id: { _serialized: string } }> {
    if (this.destroyed) throw new Error("Protocol error: Target closed (fake)");
    const error = this.network.nextSendError;
    if (error) {
      this.network.nextSendError = undefined;
      throw new Error(error);
    }
    const id = `true_${chatId}_${this.network.nextId()}`;
    this.network.sent.push({ chatId, content, id, ...(options ? { options } : {}) });
    return { id: { _serialized: id } };
  }

  async getNumberId(number: string): Promise<{ _serialized: string } | null> {
    this.network.numberLookups++;
    const digits = number.replace(/@.*$/, "");
    return this.network.unregistered.has(digits) ? null : { _serialized: `${digits}@c.us` };
  }

  async getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid?: string; pn?: string }>> {
    this.network.lidLookups++;
    return userIds.map((id) => {
      const pn = this.network.phoneOfLid.get(id);
      return pn ? { lid: id, pn } : { lid: id };
    });
  }

  async getChats(): Promise<WhatsAppChatLike[]> {
    return [...this.network.unread].map(([chatId, messages]) => ({
      id: { _serialized: chatId },
      unreadCount: messages.length,
      fetchMessages: async ({ limit }: { limit?: number }) => messages.slice(-(limit ?? messages.length)),
    }));
  }

  async sendSeen(chatId: string): Promise<boolean> {
    this.network.seen.push(chatId);
    this.network.unread.delete(chatId);
    return true;
  }

  /** A message that reached the phone while no client listened: only getChats/fetchMessages show it. */
  arrivedWhileAway(incoming: IncomingMessage): WhatsAppMessageLike {
    const message = this.buildMessage(incoming);
    this.network.unread.set(incoming.from, [...(this.network.unread.get(incoming.from) ?? []), message]);
    return message;
  }

  /**
   * A message as the library builds it: a real whatsapp-web.js Message over the raw model (`_data`) WhatsApp Web
   * hands it, so fields come out as the library makes them (a location's lat/lng and "name\naddress", a media's
   * caption as body, vCards from vcardList, notifyName only in _data).
   */
  private buildMessage(incoming: IncomingMessage): WhatsAppMessageLike {
    const fromMe = incoming.fromMe ?? false;
    const idPart = this.network.nextId();
    const raw: Record<string, unknown> = {
      id: { fromMe, remote: incoming.from, id: idPart, _serialized: `${fromMe}_${incoming.from}_${idPart}` },
      type: incoming.type ?? "chat",
      t: incoming.timestamp ?? Math.floor(Date.now() / 1000),
      from: incoming.from,
      to: incoming.to ?? "255700000001@c.us",
      ...(incoming.author ? { author: incoming.author } : {}),
      ...(incoming._data?.notifyName ? { notifyName: incoming._data.notifyName } : {}),
      ...(incoming.isStatus ? { isStatusV3: true } : {}),
    };
    if (incoming.hasMedia) Object.assign(raw, { directPath: "/v/t62.7118-24/fake", caption: incoming.body ?? "" });
    else raw.body = incoming.body ?? "";
    if (incoming.location) {
      const { latitude, longitude, name, address } = incoming.location;
      Object.assign(raw, {
        lat: latitude,
        lng: longitude,
        ...(name ? { loc: address ? `${name}\n${address}` : name } : {}),
      });
    }
    if (incoming.type === "multi_vcard") raw.vcardList = (incoming.vCards ?? []).map((vcard) => ({ vcard }));
    return new LibraryMessage(this, raw) as unknown as WhatsAppMessageLike;
  }

  /** The network delivers a message; returns the exact object, so it can be delivered again. It stays unread until
   * the adapter marks its chat seen. */
  emitMessage(incoming: IncomingMessage): WhatsAppMessageLike {
    const message = this.buildMessage(incoming);
    if (!message.fromMe)
      this.network.unread.set(incoming.from, [...(this.network.unread.get(incoming.from) ?? []), message]);
    this.emit("message", message);
    return message;
  }

  redeliver(message: WhatsAppMessageLike): void {
    this.emit("message", message);
  }

  emitVote(vote: WhatsAppPollVoteLike): void {
    this.emit("vote_update", vote);
  }

  /** The network's ticks on a message the bot sent (by the id sendMessage returned). */
  emitAck(sentId: string, ack: number): void {
    const sent = this.network.sent.find((s) => s.id === sentId);
    const message: WhatsAppMessageLike = {
      id: { _serialized: sentId, fromMe: true, remote: sent?.chatId ?? "" },
      from: "255700000001@c.us",
      to: sent?.chatId,
      fromMe: true,
      body: typeof sent?.content === "string" ? sent.content : "",
      type: "chat",
      hasMedia: false,
      timestamp: Math.floor(Date.now() / 1000),
    };
    this.emit("message_ack", message, ack);
  }

  emitQr(qr: string): void {
    this.emit("qr", qr);
  }

  emitReady(): void {
    this.emit("ready");
  }

  /** 1.34.7 sends LOGOUT, CONFLICT, UNPAIRED, UNLAUNCHED, TOS_BLOCK, SMB_TOS_BLOCK, PROXYBLOCK or DEPRECATED_VERSION. */
  emitDisconnected(reason = "UNPAIRED"): void {
    this.emit("disconnected", reason);
  }
}

/** What the person sees: the text, and the "1. Yes" lines under it as choice labels. */
export function parseNumberedChoices(text: string): SentMessage {
  const choiceLabels: string[] = [];
  const rest: string[] = [];
  for (const line of text.split("\n")) {
    const match = /^(\d+)\. (.+)$/.exec(line);
    if (match && Number(match[1]) === choiceLabels.length + 1) choiceLabels.push(match[2]!);
    else rest.push(line);
  }
  return { text: rest.join("\n").trim(), choiceLabels };
}

/** The real WhatsApp adapter over this fake network, as tests use it: no browser, no QR in the terminal, quick retries. */
export function fakeWhatsAppAdapter(
  network: FakeWhatsAppNetwork,
  options: { logger: Logger; minIntervalMs?: number; retryDelaysMs?: number[]; loadMedia?: MediaLoader },
): WhatsAppAdapter {
  return createWhatsAppAdapter({
    // A folder of its own: the adapter locks its session folder against a second process.
    sessionDir: mkdtempSync(path.join(os.tmpdir(), "nuru-wa-")),
    chromiumPath: "/nonexistent/chromium",
    minIntervalMs: options.minIntervalMs ?? 1500,
    logger: options.logger,
    clientFactory: network.factory,
    retryDelaysMs: options.retryDelaysMs ?? [5],
    printQrToTerminal: false,
    ...(options.loadMedia ? { loadMedia: options.loadMedia } : {}),
  });
}

/** Resolves once the adapter's session is ready: as in the library, "ready" comes after initialize() returns. */
export async function untilReady(adapter: WhatsAppAdapter, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (adapter.status().state !== "ready") {
    if (Date.now() > deadline) throw new Error(`WhatsApp did not become ready: ${JSON.stringify(adapter.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
