// The business number as Meta knows it, asked at start: proof that the token and the number id work, and the digits
// for wa.me links. A token Meta refuses at the first try stops start-up; Meta out of reach is asked again, with a
// doubling wait up to a minute, while the webhook takes messages.
import type { Logger } from "../../logger.js";
import type { GraphCalls } from "./calls.js";
import { CloudTokenRefusedError, type GraphClient } from "./graph.js";

export interface NumberProfile {
  /** Asks Meta (attempt 0 at start); failures retry in the background. */
  learn(attempt: number): Promise<void>;
  /** The number's digits, once Meta told them. */
  number(): string | undefined;
  /** Why Meta has not answered yet ("not started" before learn); undefined once it has. */
  connecting(): string | undefined;
  /** Stops asking again. */
  stop(): void;
}

export function numberProfile(deps: {
  graph: GraphClient;
  calls: GraphCalls;
  log: Logger;
  phoneNumberId: string;
  /** first wait before asking Meta again; doubles to a minute */
  retryDelayMs: number;
}): NumberProfile {
  const { graph, calls, log } = deps;
  let number: string | undefined;
  let connecting: string | undefined = "not started";
  let retryTimer: NodeJS.Timeout | undefined;

  async function learn(attempt: number): Promise<void> {
    try {
      const profile = await calls.call(() => graph.numberProfile());
      number = profile.displayPhoneNumber?.replace(/\D/g, "") || undefined;
      connecting = undefined;
      log.info(
        { number: profile.displayPhoneNumber, name: profile.verifiedName, quality: profile.qualityRating },
        "WhatsApp Cloud API number ready",
      );
    } catch (err) {
      const tokenRefused = calls.tokenRefused();
      if (tokenRefused && attempt === 0)
        throw new CloudTokenRefusedError(
          `WhatsApp Cloud refused WHATSAPP_CLOUD_TOKEN for number ${deps.phoneNumberId} (${tokenRefused}). Create a System User token with whatsapp_business_messaging and set it`,
        );
      connecting = err instanceof Error ? err.message.slice(0, 200) : String(err);
      const delay = Math.min(deps.retryDelayMs * 2 ** attempt, 60_000);
      if (attempt === 0)
        log.warn(
          { err, nextInMs: delay },
          "WhatsApp Cloud API cannot be reached yet; the webhook takes messages meanwhile, sends retry",
        );
      retryTimer = setTimeout(() => void learn(attempt + 1).catch(() => undefined), delay);
      retryTimer.unref();
    }
  }

  return {
    learn,
    number: () => number,
    connecting: () => connecting,
    stop() {
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
