// A stand-in for the whatsapp-web.js Client surface the adapter uses (no WhatsApp is reachable here). The network
// object holds what outlives one client: registered numbers, @lid mappings, the sent log. The adapter builds a new
// client on every reconnect, so tests reach the live one through network.current.
import { EventEmitter } from "node:events";
import { createWhatsAppAdapter, type WhatsAppAdapter } from "../../src/channels/whatsapp/adapter.js";
import type { Logger } from "../../src/logger.js";
import type {
  WhatsAppClientFactory,
  WhatsAppClientLike,
  WhatsAppContent,
  WhatsAppMessageLike,
  WhatsAppPollVoteLike,
  WhatsAppSendOptions,
  MediaLoader,
} from "../../src/channels/whatsapp/client.js";
import type { SentMessage } from "../contract/channel-contract.js";

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

  async initialize(): Promise<void> {
    this.initializeCalls++;
    if (this.network.failInitialize > 0) {
      this.network.failInitialize--;
      throw new Error("net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/ (fake)");
    }
    if (this.network.autoReady) this.emit("ready");
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }

  async sendMessage(chatId: string, content: WhatsAppContent, options?: WhatsAppSendOptions): Promise<{ id: { _serialized: string } }> {
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

  /** The network delivers a message; returns the exact object, so it can be delivered again. */
  emitMessage(incoming: IncomingMessage): WhatsAppMessageLike {
    const message: WhatsAppMessageLike = {
      fromMe: false,
      body: "",
      type: "chat",
      hasMedia: false,
      timestamp: Math.floor(Date.now() / 1000),
      ...incoming,
      id: { fromMe: incoming.fromMe ?? false, remote: incoming.from, _serialized: "" },
    };
    message.id._serialized = `${message.fromMe}_${message.from}_${this.network.nextId()}`;
    this.emit("message", message);
    return message;
  }

  redeliver(message: WhatsAppMessageLike): void {
    this.emit("message", message);
  }

  emitVote(vote: WhatsAppPollVoteLike): void {
    this.emit("vote_update", vote);
  }

  emitQr(qr: string): void {
    this.emit("qr", qr);
  }

  emitReady(): void {
    this.emit("ready");
  }

  emitDisconnected(reason = "NAVIGATION"): void {
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
    sessionDir: "/nonexistent/session",
    chromiumPath: "/nonexistent/chromium",
    minIntervalMs: options.minIntervalMs ?? 1500,
    logger: options.logger,
    clientFactory: network.factory,
    retryDelaysMs: options.retryDelaysMs ?? [5],
    printQrToTerminal: false,
    ...(options.loadMedia ? { loadMedia: options.loadMedia } : {}),
  });
}
