// M-Pesa Express (Safaricom Daraja, Kenya): the STK push that puts a PIN prompt on the payer's phone.
//   token   GET  /oauth/v1/generate?grant_type=client_credentials   (Basic consumer key:secret) -> access_token, expires_in
//   start   POST /mpesa/stkpush/v1/processrequest                    -> CheckoutRequestID
//   status  POST /mpesa/stkpushquery/v1/query                        -> ResultCode (0 paid, 1032 cancelled ...)
//   callback Body.stkCallback { CheckoutRequestID, ResultCode, CallbackMetadata.Item[Amount, MpesaReceiptNumber, PhoneNumber] }
// Password = base64(shortcode + passkey + timestamp), timestamp YYYYMMDDHHmmss in Kenyan time. The query does not
// carry the receipt, so the callback's receipt is kept once the query has said the payment went through.
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

export interface MpesaOptions {
  consumerKey: string;
  consumerSecret: string;
  /** the paybill or head-office shortcode (BusinessShortCode) */
  shortcode: string;
  passkey: string;
  /** https://sandbox.safaricom.co.ke or https://api.safaricom.co.ke */
  apiRoot: string;
  /** CustomerPayBillOnline (paybill) or CustomerBuyGoodsOnline (till: partyB is the till number) */
  transactionType?: "CustomerPayBillOnline" | "CustomerBuyGoodsOnline";
  partyB?: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** Daraja's result codes, as reasons both catalogues have. */
export function mpesaReason(code: string | number): FailReason {
  switch (String(code)) {
    case "1032":
      return "cancelled";
    case "1037":
    case "1019":
      return "no_answer";
    case "1":
      return "insufficient";
    case "2001":
      return "wrong_pin";
    case "1001":
      return "busy";
    default:
      return "other";
  }
}

/** YYYYMMDDHHmmss in East Africa Time (UTC+3, no daylight saving), as Daraja checks it. */
export function darajaTimestamp(at: Date): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Reads Daraja's STK push query answer. "Being processed" comes as an error (500.001.1001): not answered yet. */
export function readStkQuery(status: number, body: Record<string, unknown>): CollectionState {
  if (status >= 500 || body.errorCode || body.ResultCode === undefined) return { state: "pending" };
  const code = String(body.ResultCode);
  return code === "0" ? { state: "paid", code } : { state: "failed", code, reason: mpesaReason(code) };
}

/** Reads Daraja's callback (Body.stkCallback); undefined when the body is not one. */
export function parseStkCallback(raw: unknown): CallbackReading | undefined {
  const cb = (raw as { Body?: { stkCallback?: Record<string, unknown> } } | undefined)?.Body?.stkCallback;
  if (!cb || typeof cb.CheckoutRequestID !== "string" || cb.ResultCode === undefined) return undefined;
  const items = (
    (cb.CallbackMetadata as { Item?: { Name: string; Value?: unknown }[] } | undefined)?.Item ?? []
  ).filter((i) => i && typeof i.Name === "string");
  const item = (name: string) => items.find((i) => i.Name === name)?.Value;
  const receipt = item("MpesaReceiptNumber");
  const amount = item("Amount");
  const phone = item("PhoneNumber");
  return {
    providerRef: cb.CheckoutRequestID,
    claimed: String(cb.ResultCode) === "0" ? "paid" : "failed",
    ...(receipt !== undefined ? { receipt: String(receipt).slice(0, 40) } : {}),
    ...(amount !== undefined ? { amount: String(amount) } : {}),
    ...(phone !== undefined ? { phone: `+${String(phone)}` } : {}),
  };
}

/** Daraja's OAuth token: Basic consumer key:secret, kept for its expires_in. */
function darajaClient(options: MpesaOptions, http: typeof fetch, now: () => Date) {
  const client = bearerClient(async () => {
    const basic = Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString("base64");
    const res = await http(`${options.apiRoot}/oauth/v1/generate?grant_type=client_credentials`, {
      headers: { Authorization: `Basic ${basic}` },
    });
    if (!res.ok) throw new PaymentProviderError(`Daraja token refused (HTTP ${res.status})`, res.status >= 500);
    const body = (await res.json()) as { access_token?: string; expires_in?: string | number };
    if (!body.access_token) throw new PaymentProviderError("Daraja token answer without access_token", true);
    return { value: body.access_token, until: now().getTime() + Number(body.expires_in ?? 3599) * 1000 };
  }, now);
  return (path: string, payload: object) =>
    client.send((token) =>
      http(`${options.apiRoot}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify(payload),
      }),
    );
}

export function createMpesaProvider(options: MpesaOptions): PaymentProvider {
  const now = options.now ?? (() => new Date());
  const call = darajaClient(options, options.fetch ?? fetch, now);
  const secrets = () => {
    const timestamp = darajaTimestamp(now());
    return {
      BusinessShortCode: options.shortcode,
      Password: Buffer.from(`${options.shortcode}${options.passkey}${timestamp}`).toString("base64"),
      Timestamp: timestamp,
    };
  };

  return {
    name: "mpesa",
    currencies: ["KES"],
    async start(request) {
      const phone = msisdn(request.phone);
      const { status, body } = await call("/mpesa/stkpush/v1/processrequest", {
        ...secrets(),
        TransactionType: options.transactionType ?? "CustomerPayBillOnline",
        Amount: Number(wholeUnits(request.amount)),
        PartyA: phone,
        PartyB: options.partyB ?? options.shortcode,
        PhoneNumber: phone,
        CallBackURL: request.callbackUrl,
        // Daraja shows at most 12 characters of the reference and 13 of the description on the prompt.
        AccountReference: request.code.slice(0, 12),
        TransactionDesc: request.description.slice(0, 13),
      });
      const ok = status >= 200 && status < 300 && String(body.ResponseCode) === "0";
      if (ok && typeof body.CheckoutRequestID === "string") return { providerRef: body.CheckoutRequestID };
      throw new PaymentProviderError(
        `Daraja refused the STK push: ${String(body.errorMessage ?? body.ResponseDescription ?? status)}`,
        status >= 500 || status === 429,
      );
    },
    async status({ providerRef }): Promise<CollectionState> {
      const { status, body } = await call("/mpesa/stkpushquery/v1/query", {
        ...secrets(),
        CheckoutRequestID: providerRef,
      });
      return readStkQuery(status, body);
    },
    parseCallback: parseStkCallback,
  };
}
