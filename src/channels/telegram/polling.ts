// Long polling under our control. Telegram keeps an update until a getUpdates call carries an offset past it, so the
// offset is the acknowledgement: it moves past an update only after the sink has logged it.
import { setTimeout as sleep } from "node:timers/promises";
import type { Telegram } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../../logger.js";

/** Only what Nuru maps; Telegram then neither sends nor stores edits, channel posts, reactions and the like for us. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Network backoff stops growing here, so a long outage is noticed within half a minute of its end. */
const MAX_BACKOFF_MS = 30_000;
/** Beyond the long-poll timeout, how long a silent connection may hang before we give up on it and poll again. */
const STALL_GRACE_MS = 15_000;
/** The parting confirmation at stop is a courtesy; shutdown must not wait long for it. */
const CONFIRM_TIMEOUT_MS = 2_000;

export interface PollerOptions {
  telegram: Telegram;
  /** Resolves once the update is logged (acknowledge it); rejects when it must be offered again. */
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  timeoutSeconds: number;
  retryDelayMs: number;
}

export interface Poller {
  /** Ends the loop promptly (aborts the pending long poll) and waits until it has ended. */
  stop(): Promise<void>;
}

/** telegraf types the signal with the abort-controller shim's class; node-fetch accepts Node's built-in one. */
type TelegrafSignal = NonNullable<Parameters<Telegram["callApi"]>[2]>["signal"];
const asTelegrafSignal = (signal: AbortSignal) => signal as unknown as TelegrafSignal;

/** Waits ms, or less when the signal aborts; never rejects. */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

export function startPolling(opts: PollerOptions): Poller {
  const stopping = new AbortController();
  const { signal } = stopping;
  const log = opts.logger;

  async function fetchUpdates(offset: number | undefined): Promise<Update[]> {
    const stalled = AbortSignal.timeout(opts.timeoutSeconds * 1000 + STALL_GRACE_MS);
    return opts.telegram.callApi(
      "getUpdates",
      { offset, timeout: opts.timeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
      { signal: asTelegrafSignal(AbortSignal.any([signal, stalled])) },
    );
  }

  /** Offers a refused update again until the sink takes it; false when stopped first (it stays with Telegram). */
  async function offerAgain(update: Update): Promise<boolean> {
    for (let attempt = 2; !signal.aborted; attempt++) {
      await pause(opts.retryDelayMs, signal);
      if (signal.aborted) break;
      try {
        await opts.handle(update);
        return true;
      } catch (error) {
        log.warn({ err: error, updateId: update.update_id, attempt }, "telegram update not taken; offering it again");
      }
    }
    return false;
  }

  /** Tells Telegram about the last offset so a restart does not replay updates already logged (they would be dropped
   * as repeats anyway, but cost a round trip each). Best effort. */
  async function confirm(offset: number): Promise<void> {
    try {
      await opts.telegram.callApi(
        "getUpdates",
        { offset, timeout: 0, limit: 1, allowed_updates: [...ALLOWED_UPDATES] },
        { signal: asTelegrafSignal(AbortSignal.timeout(CONFIRM_TIMEOUT_MS)) },
      );
    } catch (error) {
      log.debug({ err: error, offset }, "could not confirm the last telegram offset at stop");
    }
  }

  async function loop(): Promise<void> {
    let offset: number | undefined;
    let confirmedOffset: number | undefined;
    let failures = 0;
    polling: while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await fetchUpdates(offset);
        confirmedOffset = offset;
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        const delayMs = Math.min(opts.retryDelayMs * 2 ** (failures - 1), MAX_BACKOFF_MS);
        log.warn({ err: error, failures, delayMs }, "telegram getUpdates failed; retrying");
        await pause(delayMs, signal);
        continue;
      }
      // Offered all at once, so the engine logs them with one write (in this order); the offset then moves past
      // each in turn, an update that was not taken being offered again until it is.
      const firstTries = updates.map((update) =>
        opts.handle(update).then(
          () => true,
          (error: unknown) => {
            log.warn(
              { err: error, updateId: update.update_id, attempt: 1 },
              "telegram update not taken; offering it again",
            );
            return false;
          },
        ),
      );
      for (const [i, update] of updates.entries()) {
        if (!(await firstTries[i]) && !(await offerAgain(update))) break polling;
        // Never move backwards: a repeated older update must not un-acknowledge newer ones.
        offset = Math.max(offset ?? 0, update.update_id + 1);
      }
    }
    if (offset !== undefined && offset !== confirmedOffset) await confirm(offset);
  }

  const running = loop().catch((error: unknown) => {
    // loop() catches what it expects; reaching here is a bug, and polling has stopped.
    log.error({ err: error }, "telegram polling loop crashed");
  });

  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
