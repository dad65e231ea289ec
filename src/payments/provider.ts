// The payments port: what Nuru needs of a mobile-money provider, whoever it is (Safaricom Daraja, AzamPay, the
// built-in sandbox). Like a channel adapter it translates only: no database, no messages. One conformance suite
// (test/contract/payment-contract.ts) runs against every adapter.
//
// Callbacks are not signed by these providers, so a callback is never believed: parseCallback only says which
// collection it is about, and the money is recorded from status(), Nuru's own question to the provider.

/** Why a collection failed, in words both catalogues have (pay.reason.*). */
export type FailReason = "cancelled" | "no_answer" | "insufficient" | "wrong_pin" | "busy" | "other";

export interface CollectionRequest {
  /** the collection row's id: the idempotency key and the reference the provider is given */
  reference: string;
  /** short reference people see ("L-7K2QX"), where the provider shows one on the prompt */
  code: string;
  /** E.164, "+255712345678" */
  phone: string;
  /** whole units as a decimal string ("50000"); mobile money takes no cents */
  amount: string;
  currency: string;
  /** where the provider is to report (Daraja takes one per request; others have one registered URL) */
  callbackUrl?: string;
  /** a few words shown on the prompt where the provider has room for them */
  description: string;
}

export type CollectionState =
  | { state: "pending" }
  | { state: "paid"; code: string; receipt?: string; amount?: string; phone?: string }
  | { state: "failed"; code: string; reason: FailReason };

export interface CallbackReading {
  /** the provider's id of the collection, as the callback names it */
  providerRef: string;
  /** our reference, when the provider echoes it (AzamPay's externalId / utilityref) */
  reference?: string;
  /** what the callback claims: a hint to ask now, never the truth */
  claimed: "paid" | "failed";
  /** receipt and amount the callback carries (Daraja's status query has no receipt): kept only once status() agrees */
  receipt?: string;
  amount?: string;
  phone?: string;
}

export interface PaymentProvider {
  /** "mpesa", "azampay", "sandbox": stored on every collection, and the callback route's name */
  readonly name: string;
  /** currencies it collects (an event's currency picks its provider) */
  readonly currencies: readonly string[];
  /** Sends the PIN prompt to the phone; returns the provider's id of the collection. Throws PaymentProviderError when refused. */
  start(request: CollectionRequest): Promise<{ providerRef: string }>;
  /** Asks the provider where the collection stands. */
  status(collection: { providerRef: string; reference: string; phone: string }): Promise<CollectionState>;
  /** Reads a callback body; undefined when it is not one of this provider's callbacks. */
  parseCallback(body: unknown): CallbackReading | undefined;
}

/** The provider refused or could not be reached; `retry` when asking again later may work (a timeout, a 5xx). */
export class PaymentProviderError extends Error {
  override name = "PaymentProviderError";
  constructor(
    message: string,
    readonly retry: boolean,
    readonly reason: FailReason = "other",
  ) {
    super(message);
  }
}

/** Mobile money moves whole shillings: 50,000.00 -> "50000"; anything with cents is rounded up (never asks for less). */
export function wholeUnits(amount: string | number): string {
  const n = Number(amount);
  return String(Math.ceil(n - 1e-9));
}

/** "+254712345678" -> "254712345678": the form Daraja and AzamPay take. */
export const msisdn = (e164: string): string => e164.replace(/^\+/, "");
