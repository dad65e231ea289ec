// AzamPay's MNO checkout (Tanzania): one contract reaches M-Pesa (Vodacom), Mixx by Yas (Tigo Pesa), Airtel Money,
// HaloPesa and AzamPesa; the payer's network is told by their number.
//   token    POST {auth}/AppRegistration/GenerateToken { appName, clientId, clientSecret } -> data.accessToken, data.expire
//   start    POST {api}/azampay/mno/checkout { accountNumber, amount, currency, externalId, provider } -> transactionId
//   status   GET  {api}/azampay/gettransactionstatus?reference=<transactionId>&bankName=<provider>
//   callback POST (one URL registered with AzamPay) { msisdn, amount, utilityref, reference, transactionstatus, message, operator }
// The callback is not signed: it only says which collection to ask about.
import { bearerClient } from "./bearer.js";
import {
  PaymentProviderError,
  msisdn,
  wholeUnits,
  type CallbackReading,
  type CollectionState,
  type FailReason,
  type PaymentProvider,
} from "./provider.js";

export type TanzanianNetwork = "Mpesa" | "Tigo" | "Airtel" | "Halopesa" | "Azampesa";

/**
 * The wallet behind a Tanzanian number, by its prefix (TCRA's allocation): Vodacom 074-076, Yas (Tigo) 065/067/071/077,
 * Airtel 068/069/078, Halotel 061/062. Numbers moved between networks keep their prefix, so a ported number may be
 * wrong: AzamPay then refuses and the person is asked to try again.
 */
export function tanzanianNetwork(e164: string): TanzanianNetwork | undefined {
  const m = /^\+255(\d{2})\d{7}$/.exec(e164);
  if (!m) return undefined;
  const prefix = m[1]!;
  if (["74", "75", "76"].includes(prefix)) return "Mpesa";
  if (["65", "67", "71", "77"].includes(prefix)) return "Tigo";
  if (["68", "69", "78"].includes(prefix)) return "Airtel";
  if (["61", "62"].includes(prefix)) return "Halopesa";
  return undefined;
}

export interface AzamPayOptions {
  appName: string;
  clientId: string;
  clientSecret: string;
  /** X-API-Key from the merchant portal */
  apiKey: string;
  /** https://authenticator-sandbox.azampay.co.tz or https://authenticator.azampay.co.tz */
  authRoot: string;
  /** https://sandbox.azampay.co.tz or https://checkout.azampay.co.tz */
  apiRoot: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** AzamPay's words for a failure, as reasons both catalogues have. */
export function azamReason(message: string): FailReason {
  const m = message.toLowerCase();
  if (/cancel|reject|declin/.test(m)) return "cancelled";
  if (/timeout|timed out|expired|no response/.test(m)) return "no_answer";
  if (/insufficient|balance/.test(m)) return "insufficient";
  if (/pin/.test(m)) return "wrong_pin";
  return "other";
}

/** Reads AzamPay's transaction status answer. */
export function readAzamStatus(status: number, body: Record<string, unknown>): CollectionState {
  if (status >= 500) return { state: "pending" };
  const data = (body.data ?? body) as Record<string, unknown>;
  const said = String(data.transactionstatus ?? data.status ?? "").toLowerCase();
  if (said === "success" || said === "successful" || said === "completed") {
    return {
      state: "paid",
      code: "success",
      ...(data.fspReferenceId || data.reference ? { receipt: String(data.fspReferenceId ?? data.reference) } : {}),
      ...(data.amount !== undefined ? { amount: String(data.amount) } : {}),
      ...(data.msisdn ? { phone: `+${String(data.msisdn)}` } : {}),
    };
  }
  if (said === "failure" || said === "failed")
    return { state: "failed", code: "failure", reason: azamReason(String(data.message ?? "")) };
  return { state: "pending" };
}

/** Reads AzamPay's callback; undefined when the body is not one. */
export function parseAzamCallback(raw: unknown): CallbackReading | undefined {
  const cb = raw as Record<string, unknown> | undefined;
  if (!cb || typeof cb.reference !== "string" || typeof cb.transactionstatus !== "string") return undefined;
  return {
    providerRef: cb.reference,
    ...(typeof cb.utilityref === "string" ? { reference: cb.utilityref } : {}),
    claimed: cb.transactionstatus.toLowerCase() === "success" ? "paid" : "failed",
    ...(cb.amount !== undefined ? { amount: String(cb.amount) } : {}),
    ...(cb.msisdn !== undefined ? { phone: `+${String(cb.msisdn)}` } : {}),
  };
}

/** AzamPay's token (app name, client id and secret) and its API calls with the X-API-Key beside it. */
function azamClient(options: AzamPayOptions, http: typeof fetch, now: () => Date) {
  const client = bearerClient(async () => {
    const res = await http(`${options.authRoot}/AppRegistration/GenerateToken`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        appName: options.appName,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
      }),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: { accessToken?: string; expire?: string } };
    if (!res.ok || !body.data?.accessToken)
      throw new PaymentProviderError(`AzamPay token refused (HTTP ${res.status})`, res.status >= 500);
    const expire = Date.parse(body.data.expire ?? "");
    return { value: body.data.accessToken, until: Number.isFinite(expire) ? expire : now().getTime() + 3_600_000 };
  }, now);
  return (path: string, init: { method: "GET" | "POST"; body?: object }) =>
    client.send((token) =>
      http(`${options.apiRoot}${path}`, {
        method: init.method,
        headers: { Authorization: `Bearer ${token}`, "X-API-Key": options.apiKey, "Content-Type": "application/json" },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      }),
    );
}

export function createAzamPayProvider(options: AzamPayOptions): PaymentProvider {
  const request = azamClient(options, options.fetch ?? fetch, options.now ?? (() => new Date()));
  return {
    name: "azampay",
    currencies: ["TZS"],
    async start(req) {
      const provider = tanzanianNetwork(req.phone);
      if (!provider)
        throw new PaymentProviderError(
          `no Tanzanian mobile-money network for ${req.phone.slice(0, 7)}…`,
          false,
          "other",
        );
      const { status, body } = await request("/azampay/mno/checkout", {
        method: "POST",
        body: {
          accountNumber: msisdn(req.phone),
          amount: wholeUnits(req.amount),
          currency: "TZS",
          externalId: req.reference,
          provider,
          additionalProperties: { code: req.code },
        },
      });
      if (status >= 200 && status < 300 && body.success === true && typeof body.transactionId === "string")
        return { providerRef: body.transactionId };
      throw new PaymentProviderError(
        `AzamPay refused the checkout: ${String(body.message ?? status)}`,
        status >= 500 || status === 429,
        azamReason(String(body.message ?? "")),
      );
    },
    async status({ providerRef, phone }): Promise<CollectionState> {
      const bank = encodeURIComponent(tanzanianNetwork(phone) ?? "");
      const { status, body } = await request(
        `/azampay/gettransactionstatus?reference=${encodeURIComponent(providerRef)}&bankName=${bank}`,
        { method: "GET" },
      );
      return readAzamStatus(status, body);
    },
    parseCallback: parseAzamCallback,
  };
}
