// What connection.ts needs to tell a dead WhatsApp Web session from a live one, and to clear one away: reasons no retry
// fixes, errors that mean the browser is gone, another instance taking the session, the browser's own death events,
// and a destroy that kills the browser when it hangs. The decisions (rebuild, block) stay in connection.ts.
import type { Logger } from "../../logger.js";
import { withTimeout } from "../../timeout.js";
import type { WhatsAppClientEvents, WhatsAppClientLike } from "./client.js";

/** Watchdog and health-check timings; the defaults are in connection.ts, tests shorten them. */
export interface LivenessOptions {
  /** A start that shows neither a QR nor ready within this is rebuilt (page.goto has no timeout in the library). */
  startTimeoutMs?: number;
  /** After a logout, the new QR must show within this, else the client is rebuilt. */
  logoutQrTimeoutMs?: number;
  /** How often a ready session is asked getState(), and how long it may take to answer. */
  healthIntervalMs?: number;
  healthTimeoutMs?: number;
  /** destroy() may take this long; then the browser process is killed. */
  destroyTimeoutMs?: number;
  /** CONFLICT this many times within conflictWindowMs: another instance uses the session; stop. */
  conflictLimit?: number;
  conflictWindowMs?: number;
}

/** Disconnect reasons that no retry fixes (whatsapp-web.js 1.34.7 WAState values). */
export const terminalReasons: Record<string, string> = {
  TOS_BLOCK: "WhatsApp banned this number (TOS_BLOCK)",
  SMB_TOS_BLOCK: "WhatsApp banned this business number (SMB_TOS_BLOCK)",
  DEPRECATED_VERSION: "WhatsApp refuses this WhatsApp Web version (DEPRECATED_VERSION): update whatsapp-web.js",
};

/** Errors of a send through a browser or page that is gone: the session is dead, not the message. */
export function isDeadSessionError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /Target closed|Session closed|Protocol error|Execution context was destroyed|Connection closed|browser has disconnected|detached Frame/i.test(
    message,
  );
}

/**
 * CONFLICT (another WhatsApp Web session took the number) counted over a sliding window: a few are WhatsApp's own
 * hiccups, many in a row are a second Nuru on the same session, which no retry fixes.
 */
export class ConflictCounter {
  private times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one now; the reason to block on when the window holds the limit, else undefined. */
  note(now: number): string | undefined {
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now];
    if (this.times.length < this.limit) return undefined;
    return `another WhatsApp Web session keeps taking this number (CONFLICT ${this.times.length} times in ${Math.round(this.windowMs / 60_000)} minutes): is a second Nuru using the same session?`;
  }
}

/** The puppeteer objects behind a real client (absent before initialize and in fakes without them). */
type Emitter = {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
};
type BrowserLike = Emitter & { process?(): { kill(signal?: NodeJS.Signals): boolean } | null };

/** Calls gone(what) when the client's browser disconnects or its page closes or crashes (the library says nothing). */
export function onBrowserDeath(client: WhatsAppClientLike, gone: (what: string) => () => void): void {
  const browser = client.pupBrowser as BrowserLike | null | undefined;
  const page = client.pupPage as Emitter | null | undefined;
  browser?.on("disconnected", gone("browser disconnected"));
  page?.on("close", gone("page closed"));
  page?.on("error", gone("page crashed"));
}

/** destroy() within timeoutMs; a browser that will not close is killed, so its profile is free again. */
export async function destroyClient(client: WhatsAppClientLike, timeoutMs: number, logger: Logger): Promise<void> {
  try {
    await withTimeout(client.destroy(), timeoutMs, "destroy()");
  } catch (err) {
    // A browser that already died cannot be closed; one that hangs is killed.
    logger.warn({ err }, "whatsapp: destroying the old client failed; killing its browser");
    try {
      (client.pupBrowser as BrowserLike | null | undefined)?.process?.()?.kill("SIGKILL");
    } catch (killErr) {
      logger.debug({ err: killErr }, "whatsapp: the browser process was already gone");
    }
  }
}

type LoggedEvents = Pick<WhatsAppClientEvents, "message_edit" | "message_revoke_everyone" | "message_ciphertext">;

/**
 * Nothing to act on, but never silent: an edit or a deletion of something Nuru already acted on, and a message
 * WhatsApp could not decrypt yet (it arrives as a normal message once the phone resends it).
 */
export function loggedOnlyHandlers(logger: Logger): LoggedEvents {
  return {
    message_edit: (message, newBody, prevBody) =>
      logger.info(
        {
          externalId: message.id._serialized,
          chat: message.from,
          prevBody: prevBody.slice(0, 200),
          newBody: newBody.slice(0, 200),
        },
        "whatsapp: a message was edited after it was read; the first text stands",
      ),
    message_revoke_everyone: (revoked, original) =>
      logger.info(
        { externalId: original?.id._serialized ?? revoked.id._serialized, chat: revoked.from },
        "whatsapp: a message was deleted for everyone after it was read",
      ),
    message_ciphertext: (message) =>
      logger.warn(
        { externalId: message.id._serialized, chat: message.from },
        'whatsapp: a message could not be decrypted yet ("waiting for this message"); it is read when it arrives',
      ),
  };
}
