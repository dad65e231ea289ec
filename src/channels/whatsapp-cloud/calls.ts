// Every Graph API call goes through here: a refusal is sorted into what the outbound worker does with it
// (classifyGraphError), and a refused token, which only the operator can mend, pauses the channel and is remembered
// for /readyz until a call succeeds again.
import type { Logger } from "../../logger.js";
import { RateLimitError } from "../channel.js";
import { classifyGraphError, CloudTokenRefusedError, GraphError } from "./graph.js";

/** True at most once a minute: for log lines every message of a queue would repeat. */
export function onceAMinute(now: () => number): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    if (now() - last <= 60_000) return false;
    last = now();
    return true;
  };
}

export interface GraphCalls {
  call<T>(work: () => Promise<T>): Promise<T>;
  /** Why Meta refused the token on the last call, while it does. */
  tokenRefused(): string | undefined;
}

export function graphCalls(log: Logger, now: () => number): GraphCalls {
  let tokenRefused: string | undefined;
  // Every queued message would say the same: the operator's error is logged once a minute at most.
  const tokenLog = onceAMinute(now);

  function tokenProblem(err: CloudTokenRefusedError): never {
    tokenRefused = err.message;
    if (tokenLog()) {
      log.error(
        { reason: err.message },
        "WhatsApp Cloud refused the token (expired, revoked or without this number): messages wait. Set WHATSAPP_CLOUD_TOKEN to a new System User token and restart",
      );
    }
    // Every send would fail the same way: the channel pauses a minute and tries again; nothing is lost meanwhile.
    throw new RateLimitError(60_000);
  }

  return {
    async call(work) {
      try {
        const result = await work();
        tokenRefused = undefined;
        return result;
      } catch (err) {
        if (!(err instanceof GraphError)) throw err;
        const sorted = classifyGraphError(err);
        if (sorted instanceof CloudTokenRefusedError) tokenProblem(sorted);
        throw sorted;
      }
    },
    tokenRefused: () => tokenRefused,
  };
}
