// Keeps one WhatsApp Web session alive: builds the client, follows its login state (QR, ready), and when the session
// drops or the browser fails to start, throws the client away and builds a new one after a backoff. A fresh client
// per attempt is more reliable than re-initializing a destroyed one, and LocalAuth keeps the login on disk, so no
// new QR scan is needed unless WhatsApp ended the session.
import type { Logger } from "../../logger.js";
import type {
  WhatsAppClientEvents,
  WhatsAppClientLike,
  WhatsAppEventName,
  WhatsAppMessageLike,
  WhatsAppPollVoteLike,
} from "./client.js";

export type WhatsAppState = "starting" | "qr" | "ready" | "disconnected";

export interface ConnectionOptions {
  createClient: () => WhatsAppClientLike;
  /** Wait before the 1st, 2nd, ... reconnect; the last value repeats. Reset once a session is ready. */
  reconnectDelaysMs: readonly number[];
  logger: Logger;
  onQr: (qr: string) => void;
  onMessage: (client: WhatsAppClientLike, message: WhatsAppMessageLike) => void;
  onVote: (client: WhatsAppClientLike, vote: WhatsAppPollVoteLike) => void;
}

/** Thrown by send() while no session is ready; an ordinary error, so the outbound worker retries later. */
export class WhatsAppNotReadyError extends Error {
  override name = "WhatsAppNotReadyError";
}

type Detach = () => void;

export class WhatsAppConnection {
  private currentState: WhatsAppState = "starting";
  private latestQr: string | undefined;
  private client: WhatsAppClientLike | undefined;
  private detach: Detach | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  private running = false;

  constructor(private readonly options: ConnectionOptions) {}

  get state(): WhatsAppState {
    return this.currentState;
  }

  /** The QR to scan, while the session waits for one. */
  get qr(): string | undefined {
    return this.currentState === "qr" ? this.latestQr : undefined;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const client = this.release();
    this.currentState = "disconnected";
    await this.destroyQuietly(client);
  }

  /** The client, when a session is ready to send. */
  readyClient(): WhatsAppClientLike {
    if (this.currentState !== "ready" || !this.client) {
      throw new WhatsAppNotReadyError(`WhatsApp is not connected (state: ${this.currentState}); will retry`);
    }
    return this.client;
  }

  private connect(): void {
    this.currentState = "starting";
    this.latestQr = undefined;
    let client: WhatsAppClientLike;
    try {
      client = this.options.createClient();
    } catch (err) {
      this.options.logger.error({ err }, "whatsapp: could not create the client");
      this.scheduleReconnect();
      return;
    }
    this.client = client;
    this.detach = this.listen(client);
    client.initialize().catch((err: unknown) => {
      // Events of a client we already replaced are stale, and so is its failure.
      if (this.client !== client) return;
      this.options.logger.error({ err }, "whatsapp: starting the WhatsApp Web session failed");
      this.reconnect();
    });
  }

  private listen(client: WhatsAppClientLike): Detach {
    const { logger } = this.options;
    const handlers: { [E in WhatsAppEventName]: WhatsAppClientEvents[E] } = {
      qr: (qr) => {
        this.currentState = "qr";
        this.latestQr = qr;
        logger.info("whatsapp: scan the QR code to link this number (terminal or GET /whatsapp/qr)");
        this.options.onQr(qr);
      },
      ready: () => {
        this.currentState = "ready";
        this.latestQr = undefined;
        this.failedAttempts = 0;
        logger.info("whatsapp: session ready");
      },
      message: (message) => this.options.onMessage(client, message),
      vote_update: (vote) => this.options.onVote(client, vote),
      disconnected: (reason) => {
        this.currentState = "disconnected";
        if (reason === "LOGOUT") {
          // The library handles a logout itself: it clears the session and shows a new QR in the same browser.
          // Destroying that browser now would make its own recovery fail with an unhandled rejection.
          logger.warn("whatsapp: logged out from the phone; waiting for a new QR scan");
          return;
        }
        logger.warn({ reason }, "whatsapp: disconnected; reconnecting");
        this.reconnect();
      },
      auth_failure: (message) => {
        // LocalAuth never reports this; a strategy that does has already destroyed the client, so start over.
        logger.error({ message }, "whatsapp: the saved session was refused; reconnecting");
        this.reconnect();
      },
    };
    for (const event of Object.keys(handlers) as WhatsAppEventName[]) client.on(event, handlers[event]);
    return () => {
      for (const event of Object.keys(handlers) as WhatsAppEventName[]) client.removeListener(event, handlers[event]);
    };
  }

  /** Tear the current client down and build a new one after the backoff. */
  private reconnect(): void {
    const client = this.release();
    this.currentState = "disconnected";
    void this.destroyQuietly(client);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    const delays = this.options.reconnectDelaysMs;
    const delayMs = delays[Math.min(this.failedAttempts, delays.length - 1)] ?? 5000;
    this.failedAttempts++;
    this.options.logger.info({ delayMs, attempt: this.failedAttempts }, "whatsapp: reconnect scheduled");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.running) this.connect();
    }, delayMs);
  }

  /** Forget the current client and stop listening to it; returns it for destroying. */
  private release(): WhatsAppClientLike | undefined {
    const client = this.client;
    this.detach?.();
    this.detach = undefined;
    this.client = undefined;
    return client;
  }

  private async destroyQuietly(client: WhatsAppClientLike | undefined): Promise<void> {
    if (!client) return;
    try {
      await client.destroy();
    } catch (err) {
      // A browser that already died cannot be closed; there is nothing left to release.
      this.options.logger.debug({ err }, "whatsapp: destroying the old client failed");
    }
  }
}
