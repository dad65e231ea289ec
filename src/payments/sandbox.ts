// The built-in sandbox provider: where no mobile-money account is configured (the simulator, a try-out), the person
// plays their own phone. The chat shows "I entered my PIN" / "Cancel" under the prompt message and the tap is the
// phone's answer (src/journeys/payments). No money moves; receipts start with "SBX" so nobody mistakes one for M-Pesa's.
// The phones' answers live in this process: after a restart an unanswered prompt is simply asked again by the tap,
// or found unanswered by the reconciler, as a real prompt would be.
import { randomCode } from "../domain/codes.js";
import type { CollectionRequest, CollectionState, PaymentProvider } from "./provider.js";

export interface SandboxProvider extends PaymentProvider {
  /** The person tapped "I entered my PIN" (paid) or "Cancel" on the prompt of this collection. */
  answer(providerRef: string, outcome: "paid" | "cancelled"): void;
}

/** A prompt nobody answered fails as a real one does (M-Pesa gives up after about a minute). */
const unansweredAfterMs = 3 * 60_000;

export function createSandboxProvider(options: { currencies?: string[]; now?: () => number } = {}): SandboxProvider {
  const now = options.now ?? Date.now;
  const prompts = new Map<
    string,
    { request: CollectionRequest; at: number; outcome?: "paid" | "cancelled"; receipt?: string }
  >();
  return {
    name: "sandbox",
    currencies: options.currencies ?? ["TZS", "KES", "UGX", "RWF", "USD"],
    async start(request) {
      // The collection's own id is the sandbox's reference: a restart can still answer the prompt by it.
      const providerRef = `SBX-${request.reference}`;
      if (!prompts.has(providerRef)) prompts.set(providerRef, { request, at: now() });
      return { providerRef };
    },
    async status({ providerRef, phone }): Promise<CollectionState> {
      const prompt = prompts.get(providerRef);
      if (!prompt) return { state: "pending" };
      if (prompt.outcome === "paid")
        return { state: "paid", code: "0", receipt: prompt.receipt!, amount: prompt.request.amount, phone };
      if (prompt.outcome === "cancelled") return { state: "failed", code: "1032", reason: "cancelled" };
      if (now() - prompt.at > unansweredAfterMs) return { state: "failed", code: "1037", reason: "no_answer" };
      return { state: "pending" };
    },
    parseCallback() {
      return undefined;
    },
    answer(providerRef, outcome) {
      const prompt = prompts.get(providerRef);
      if (!prompt || prompt.outcome) return;
      prompt.outcome = outcome;
      if (outcome === "paid") prompt.receipt = `SBX${randomCode(7)}`;
    },
  };
}
