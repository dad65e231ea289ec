// The WhatsApp ChannelAdapter, built on whatsapp-web.js (WhatsApp Web in headless Chromium). It only translates:
// connection upkeep is in connection.ts, inbound translation in inbound.ts, holding refused messages in
// inbound-delivery.ts, sending in outbound.ts.
import QRCode from "qrcode";
import qrcodeTerminal from "qrcode-terminal";
import type { Logger } from "../../logger.js";
import type { ChannelAdapter, DeliverySink, InboundSink, OutboundPayload, RateLimits, SendResult } from "../channel.js";
import { PermanentSendError } from "../channel.js";
import {
  createRealClient,
  loadMediaFromUrl,
  makeLocation,
  makeMedia,
  makePoll,
  type MediaLoader,
  type WhatsAppClientFactory,
  type WhatsAppClientLike,
  type WhatsAppMessageLike,
} from "./client.js";
import { isDeadSessionError, WhatsAppConnection, type WhatsAppState } from "./connection.js";
import { chatOfMessage, chatOfVote, messageToEvent, voteToEvent, type InboundContext } from "./inbound.js";
import { InboundDelivery } from "./inbound-delivery.js";
import { LidDirectory } from "./lid-directory.js";
import type { LivenessOptions } from "./liveness.js";
import { SessionLock } from "./session-lock.js";
import { WhatsAppSender, whatsappRateLimits, withNumberedChoices } from "./outbound.js";

export interface WhatsAppAdapterOptions {
  /** LocalAuth keeps the linked session here, so a restart needs no new QR scan. */
  sessionDir: string;
  chromiumPath: string;
  /** CHROMIUM_NO_SANDBOX: run Chromium without its sandbox (an explicit opt-in; see chromiumArgs). */
  chromiumNoSandbox?: boolean;
  /** WHATSAPP_MIN_INTERVAL_MS: the pause between messages; see whatsappRateLimits. */
  minIntervalMs: number;
  logger: Logger;
  /** Tests pass a fake; the default builds a real whatsapp-web.js Client. */
  clientFactory?: WhatsAppClientFactory;
  /** Backoff for reconnecting and for re-offering messages the sink refused; the last value repeats. */
  retryDelaysMs?: number[];
  /** Draw the login QR on stderr for an operator at the terminal (default true; tests turn it off). */
  printQrToTerminal?: boolean;
  /** How a photo's bytes are fetched (default: its https URL); tests pass one that needs no network. */
  loadMedia?: MediaLoader;
  /** The budget for messages to people who never wrote (RateLimits.firstContact); none when absent. */
  firstContact?: { perHour: number; perDay: number };
  /** Watchdog and health-check timings (defaults in connection.ts); tests shorten them. */
  liveness?: LivenessOptions;
}

export interface WhatsAppStatus {
  state: WhatsAppState;
  /** The QR to scan, while state is "qr". */
  qr?: string;
  /** Why, while state is "blocked" (a ban, an outdated version, the session folder in use). */
  reason?: string;
}

export interface WhatsAppAdapter extends ChannelAdapter {
  readonly name: "whatsapp";
  status(): WhatsAppStatus;
  /** The login QR as an SVG document, while one is waiting to be scanned. */
  qrSvg(): Promise<string | undefined>;
  /** A native poll; votes come back as { kind: "poll_vote", pollRef: <this externalId> }. */
  sendPoll(chatId: string, question: string, options: string[], allowMultipleAnswers?: boolean): Promise<SendResult>;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/** WhatsApp allows at most 12 options in a poll. */
const MAX_POLL_OPTIONS = 12;

export function createWhatsAppAdapter(options: WhatsAppAdapterOptions): WhatsAppAdapter {
  return new WhatsAppChannel(options);
}

class WhatsAppChannel implements WhatsAppAdapter {
  readonly name = "whatsapp" as const;
  readonly rateLimits: RateLimits;
  private readonly logger: Logger;
  private readonly retryDelaysMs: readonly number[];
  private readonly lids: LidDirectory;
  private readonly sender: WhatsAppSender;
  private readonly connection: WhatsAppConnection;
  private readonly lock: SessionLock;
  private delivery: InboundDelivery | undefined;
  private onDelivery: DeliverySink | undefined;

  constructor(private readonly options: WhatsAppAdapterOptions) {
    this.logger = options.logger;
    this.rateLimits = whatsappRateLimits(options.minIntervalMs, options.firstContact);
    this.retryDelaysMs = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
    this.lids = new LidDirectory(this.logger);
    this.sender = new WhatsAppSender(this.logger);
    const createClient = options.clientFactory ?? createRealClient;
    this.lock = new SessionLock(options.sessionDir);
    this.connection = new WhatsAppConnection({
      createClient: () =>
        createClient({
          sessionDir: options.sessionDir,
          chromiumPath: options.chromiumPath,
          noSandbox: options.chromiumNoSandbox ?? false,
        }),
      reconnectDelaysMs: this.retryDelaysMs,
      logger: this.logger,
      ...options.liveness,
      onQr: (qr) => this.printQr(qr),
      onMessage: (client, message) => {
        if (message.fromMe) return; // our own sends echo back on some versions; never worth queueing
        this.delivery?.push(chatOfMessage(message), () => messageToEvent(this.context(client), message));
      },
      onVote: (client, vote) => {
        this.delivery?.push(chatOfVote(vote), () => voteToEvent(this.context(client), vote));
      },
      onAck: (message, ack) => this.acknowledged(message, ack),
      onReady: (client) => void this.recoverUnread(client),
    });
  }

  /** Resolves once the client is being built; login (QR or saved session) continues in the background. */
  async start(sink: InboundSink, onDelivery?: DeliverySink): Promise<void> {
    if (this.delivery) throw new Error("whatsapp adapter already started");
    this.onDelivery = onDelivery;
    this.delivery = new InboundDelivery(sink, this.retryDelaysMs, this.logger, (chatId) => this.markSeen(chatId));
    // Two processes on one session folder would throw each other off (CONFLICT) for ever: the second one stops.
    const holder = await this.lock.acquire();
    if (holder) return this.connection.block(holder);
    this.connection.start();
  }

  async stop(): Promise<void> {
    this.delivery?.stop();
    this.delivery = undefined;
    await this.connection.stop();
    await this.lock.release();
  }

  /**
   * requestPhone is ignored: WhatsApp already tells us the sender's number. Choices are numbered lines, or a native
   * poll when asked for (2 to 12 of them); a photo goes with the text as its caption; a pin follows the text.
   */
  async send(message: OutboundPayload): Promise<SendResult> {
    const client = this.connection.readyClient();
    try {
      return await this.sendWith(client, message);
    } catch (err) {
      // A dead browser fails every send the same way: rebuild it now instead of retrying into it for hours.
      if (isDeadSessionError(err)) this.connection.reportDead(client, err);
      throw err;
    }
  }

  private async sendWith(client: WhatsAppClientLike, message: OutboundPayload): Promise<SendResult> {
    const choices = message.choices ?? [];
    let result: SendResult;
    if (message.poll && choices.length >= 2 && choices.length <= MAX_POLL_OPTIONS) {
      result = await this.sendPoll(
        message.chatId,
        message.text,
        choices.map((c) => c.label),
        message.poll.allowMultiple,
      );
    } else if (message.photo) {
      const media = await (this.options.loadMedia ?? loadMediaFromUrl)(message.photo.ref).catch((err: unknown) => {
        throw new PermanentSendError(
          `the photo could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
      result = await this.sender.send(client, message.chatId, media, {
        caption: withNumberedChoices(message.text, message.choices),
      });
    } else if (message.document) {
      const { mimeType, base64, filename } = message.document;
      result = await this.sender.send(client, message.chatId, makeMedia(mimeType, base64, filename), {
        caption: withNumberedChoices(message.text, message.choices),
      });
    } else {
      result = await this.sender.send(client, message.chatId, withNumberedChoices(message.text, message.choices));
    }
    if (message.location) {
      const { latitude, longitude, name, address } = message.location;
      await this.sender.send(client, message.chatId, makeLocation(latitude, longitude, { name, address }));
    }
    return result;
  }

  async sendPoll(
    chatId: string,
    question: string,
    options: string[],
    allowMultipleAnswers = false,
  ): Promise<SendResult> {
    if (options.length < 2 || options.length > MAX_POLL_OPTIONS) {
      throw new PermanentSendError(`a WhatsApp poll needs 2 to ${MAX_POLL_OPTIONS} options, got ${options.length}`);
    }
    const client = this.connection.readyClient();
    return this.sender.send(client, chatId, makePoll(question, options, allowMultipleAnswers));
  }

  status(): WhatsAppStatus {
    const { qr, blockedReason } = this.connection;
    return { state: this.connection.state, ...(qr ? { qr } : {}), ...(blockedReason ? { reason: blockedReason } : {}) };
  }

  async qrSvg(): Promise<string | undefined> {
    const qr = this.connection.qr;
    return qr ? QRCode.toString(qr, { type: "svg", margin: 2, width: 320 }) : undefined;
  }

  /**
   * What arrived while Nuru was down: whatsapp-web.js does not emit it again, so on every ready the unread chats are
   * read back (up to 100 messages each) and go through the normal pipeline. The inbound log drops what it already
   * has; a chat is marked read only once its messages are logged (markSeen), so a crash before that leaves them
   * unread for the next start to find.
   */
  private async recoverUnread(client: WhatsAppClientLike): Promise<void> {
    try {
      const chats = (await client.getChats()).filter((c) => c.unreadCount > 0).slice(0, 500);
      let messages = 0;
      for (const chat of chats) {
        const unread = await chat.fetchMessages({ limit: Math.min(chat.unreadCount, 100) });
        for (const message of unread) {
          if (message.fromMe || message.id.fromMe) continue;
          messages++;
          this.delivery?.push(chatOfMessage(message), () => messageToEvent(this.context(client), message));
        }
      }
      if (messages)
        this.logger.info(
          { chats: chats.length, messages },
          "whatsapp: read back messages that arrived while Nuru was away",
        );
    } catch (err) {
      this.logger.warn({ err }, "whatsapp: could not read back unread chats; they stay unread for the next start");
    }
  }

  private markSeen(chatId: string): void {
    let client: WhatsAppClientLike;
    try {
      client = this.connection.readyClient();
    } catch {
      return; // not connected: the chat stays unread, and is read back at the next ready
    }
    client
      .sendSeen(chatId)
      .catch((err: unknown) => this.logger.debug({ err, chatId }, "whatsapp: could not mark a chat read"));
  }

  /** WhatsApp's ticks on our messages, for their outbound rows: delivered (2), read or played (3, 4), failed (-1). */
  private acknowledged(message: WhatsAppMessageLike, ack: number): void {
    if (!(message.fromMe || message.id.fromMe) || !this.onDelivery) return;
    const state = ack === -1 ? "failed" : ack === 2 ? "delivered" : ack >= 3 ? "read" : undefined;
    if (!state) return;
    const update = {
      externalId: message.id._serialized,
      state,
      at: new Date(),
      ...(state === "failed" ? { detail: "WhatsApp could not deliver it (ack error)" } : {}),
    } as const;
    this.onDelivery(update).catch((err: unknown) =>
      this.logger.warn({ err, ...update }, "whatsapp: could not record a delivery tick"),
    );
  }

  private context(client: WhatsAppClientLike): InboundContext {
    return { client, lids: this.lids, logger: this.logger };
  }

  private printQr(qr: string): void {
    if (this.options.printQrToTerminal === false) return;
    // stderr, so the JSON log stream on stdout stays machine-readable.
    qrcodeTerminal.generate(qr, { small: true }, (art) => process.stderr.write(`${art}\n`));
  }
}
