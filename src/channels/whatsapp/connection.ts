// Keeps one WhatsApp Web session alive: builds the client, follows its login state (QR, ready), and when the session
// drops or the browser fails to start, throws the client away and builds a new one after a backoff. A fresh client
// per attempt is more reliable than re-initializing a destroyed one, and LocalAuth keeps the login on disk, so no
// new QR scan is needed unless WhatsApp ended the session.
//
// The library does not say when its browser dies (a Chromium crash emits nothing: the client stays "ready" while
// inbound stops and sends fail), so liveness is checked here: the browser's and page's own events, a periodic
// getState() with a timeout, sends failing with a dead session, a start that never reaches a QR or ready, and a
// logout that never shows a new QR. Each is answered with a clean rebuild. Reasons WhatsApp will not change its mind
// about (a ban, an outdated client, another instance taking the session again and again) stop the retrying and show
// as "blocked" with the reason, for /readyz and the QR page: retrying a ban every minute is what makes it permanent.
// The signs themselves (reasons, errors, browser events, destroying) are in liveness.ts.
import type { Logger } from "../../logger.js";
import { withTimeout } from "../../timeout.js";
import type {
  WhatsAppClientEvents,
  WhatsAppClientLike,
  WhatsAppEventName,
  WhatsAppMessageLike,
  WhatsAppPollVoteLike,
} from "./client.js";
import {
  ConflictCounter,
  destroyClient,
  loggedOnlyHandlers,
  onBrowserDeath,
  terminalReasons,
  type LivenessOptions,
} from "./liveness.js";

export { isDeadSessionError } from "./liveness.js";

export type WhatsAppState = "starting" | "qr" | "ready" | "disconnected" | "blocked";

export interface ConnectionOptions extends LivenessOptions {
  createClient: () => WhatsAppClientLike;
  /** Wait before the 1st, 2nd, ... reconnect; the last value repeats. Reset once a session is ready. */
  reconnectDelaysMs: readonly number[];
  logger: Logger;
  onQr: (qr: string) => void;
  onReady?: (client: WhatsAppClientLike) => void;
  onMessage: (client: WhatsAppClientLike, message: WhatsAppMessageLike) => void;
  onVote: (client: WhatsAppClientLike, vote: WhatsAppPollVoteLike) => void;
  onAck?: (message: WhatsAppMessageLike, ack: number) => void;
}

/** Thrown by send() while no session is ready; an ordinary error, so the outbound worker retries later. */
export class WhatsAppNotReadyError extends Error {
  override name = "WhatsAppNotReadyError";
}

type Detach = () => void;

export class WhatsAppConnection {
  private currentState: WhatsAppState = "starting";
  private latestQr: string | undefined;
  private reason: string | undefined;
  private client: WhatsAppClientLike | undefined;
  private detach: Detach | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private health: NodeJS.Timeout | undefined;
  private failedAttempts = 0;
  private readonly conflicts: ConflictCounter;
  private running = false;

  constructor(private readonly options: ConnectionOptions) {
    this.conflicts = new ConflictCounter(options.conflictLimit ?? 3, options.conflictWindowMs ?? 10 * 60_000);
  }

  get state(): WhatsAppState {
    return this.currentState;
  }

  /** Why the session is blocked (a ban, an outdated version, another instance), while state is "blocked". */
  get blockedReason(): string | undefined {
    return this.currentState === "blocked" ? this.reason : undefined;
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
    this.clearTimers();
    const client = this.release();
    if (this.currentState !== "blocked") this.currentState = "disconnected";
    await this.destroyQuietly(client);
  }

  /** Stops for good with the reason (a ban, the session folder taken): no retry helps. */
  block(reason: string): void {
    this.options.logger.error({ reason }, "whatsapp: blocked; not retrying (fix the cause, then restart Nuru)");
    this.reason = reason;
    this.running = false;
    this.clearTimers();
    const client = this.release();
    this.currentState = "blocked";
    void this.destroyQuietly(client);
  }

  /** The client, when a session is ready to send. */
  readyClient(): WhatsAppClientLike {
    if (this.currentState !== "ready" || !this.client) {
      const why = this.currentState === "blocked" ? `blocked: ${this.reason}` : this.currentState;
      throw new WhatsAppNotReadyError(`WhatsApp is not connected (state: ${why}); will retry`);
    }
    return this.client;
  }

  /** A send found the session dead (its browser or page is gone): rebuild, unless that is already under way. */
  reportDead(client: WhatsAppClientLike, err: unknown): void {
    if (this.client !== client) return;
    this.options.logger.error({ err }, "whatsapp: the browser session is dead; rebuilding it");
    this.reconnect();
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
    this.arm(this.options.startTimeoutMs ?? 180_000, "the WhatsApp Web start showed neither a QR code nor ready");
    client.initialize().catch((err: unknown) => {
      // Events of a client we already replaced are stale, and so is its failure.
      if (this.client !== client) return;
      this.options.logger.error({ err }, "whatsapp: starting the WhatsApp Web session failed");
      this.reconnect();
    });
  }

  /** A watchdog: unless disarmed (a QR, ready) within ms, the client is rebuilt. */
  private arm(ms: number, why: string): void {
    clearTimeout(this.watchdog);
    const client = this.client;
    this.watchdog = setTimeout(() => {
      if (this.client !== client || !this.running) return;
      this.options.logger.error({ timeoutMs: ms }, `whatsapp: ${why}; rebuilding the client`);
      this.reconnect();
    }, ms);
    this.watchdog.unref?.();
  }

  private listen(client: WhatsAppClientLike): Detach {
    const { logger } = this.options;
    const handlers: { [E in WhatsAppEventName]: WhatsAppClientEvents[E] } = {
      qr: (qr) => {
        clearTimeout(this.watchdog);
        this.currentState = "qr";
        this.latestQr = qr;
        logger.info("whatsapp: scan the QR code to link this number (terminal or GET /whatsapp/qr)");
        this.options.onQr(qr);
      },
      ready: () => {
        clearTimeout(this.watchdog);
        // The library may say ready twice (upstream #3785): the second changes nothing.
        if (this.currentState === "ready") return;
        this.currentState = "ready";
        this.latestQr = undefined;
        this.failedAttempts = 0;
        logger.info("whatsapp: session ready");
        this.watchBrowser(client);
        this.options.onReady?.(client);
      },
      message: (message) => this.options.onMessage(client, message),
      vote_update: (vote) => this.options.onVote(client, vote),
      disconnected: (reason) => {
        const terminal = terminalReasons[reason];
        if (terminal) return this.block(terminal);
        this.currentState = "disconnected";
        if (reason === "LOGOUT") {
          // The library handles a logout itself: it clears the session and shows a new QR in the same browser.
          // Destroying that browser now would make its own recovery fail with an unhandled rejection; but if no QR
          // comes, that recovery failed, and the client is rebuilt.
          logger.warn("whatsapp: logged out from the phone; waiting for a new QR scan");
          this.stopHealth();
          this.arm(this.options.logoutQrTimeoutMs ?? 120_000, "no new QR code came after the logout");
          return;
        }
        const conflicting = reason === "CONFLICT" ? this.conflicts.note(Date.now()) : undefined;
        if (conflicting) return this.block(conflicting);
        logger.warn({ reason }, "whatsapp: disconnected; reconnecting");
        this.reconnect();
      },
      ...loggedOnlyHandlers(logger),
      message_ack: (message, ack) => this.options.onAck?.(message, ack),
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

  /** While ready: the browser's and page's own death, and a periodic getState() that must answer in time. */
  private watchBrowser(client: WhatsAppClientLike): void {
    const gone = (what: string) => () => {
      if (this.client !== client || !this.running) return;
      this.options.logger.error({ what }, "whatsapp: the browser went away; rebuilding the client");
      this.reconnect();
    };
    onBrowserDeath(client, gone);
    this.stopHealth();
    const every = this.options.healthIntervalMs ?? 30_000;
    const timeout = this.options.healthTimeoutMs ?? 10_000;
    this.health = setInterval(() => {
      if (this.client !== client || this.currentState !== "ready") return;
      withTimeout(client.getState(), timeout, "getState()")
        .then((state) => {
          if (this.client !== client || this.currentState !== "ready") return;
          if (state === "CONNECTED") return;
          // Anything else while "ready" is a session that went away without an event; a terminal one stops.
          const terminal = state ? terminalReasons[state] : undefined;
          if (terminal) return this.block(terminal);
          this.options.logger.error({ state }, "whatsapp: the session is no longer connected; rebuilding the client");
          this.reconnect();
        })
        .catch((err: unknown) => {
          if (this.client !== client) return;
          this.options.logger.error({ err }, "whatsapp: the browser does not answer; rebuilding the client");
          this.reconnect();
        });
    }, every);
    this.health.unref?.();
  }

  private stopHealth(): void {
    clearInterval(this.health);
    this.health = undefined;
  }

  private clearTimers(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.stopHealth();
  }

  /** Tear the current client down and build a new one after the backoff (once the old one is gone). */
  private reconnect(): void {
    const client = this.release();
    this.currentState = "disconnected";
    this.stopHealth();
    clearTimeout(this.watchdog);
    // The next Chromium must not find the profile still locked by this one: build it after the old one is gone.
    void this.destroyQuietly(client).then(() => this.scheduleReconnect());
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    const delays = this.options.reconnectDelaysMs;
    const delayMs = delays[Math.min(this.failedAttempts, delays.length - 1)] ?? 5000;
    this.failedAttempts++;
    this.options.logger.info({ delayMs, attempt: this.failedAttempts }, "whatsapp: reconnect scheduled");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.running && !this.client) this.connect();
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

  /** destroy(), given destroyTimeoutMs; a browser that will not close is killed, so its profile is free again. */
  private async destroyQuietly(client: WhatsAppClientLike | undefined): Promise<void> {
    if (client) await destroyClient(client, this.options.destroyTimeoutMs ?? 15_000, this.options.logger);
  }
}
