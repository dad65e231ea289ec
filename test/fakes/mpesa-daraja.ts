// Safaricom Daraja's M-Pesa Express as a fetch function, from its documented payloads: OAuth tokens that expire, STK
// push checked for its password (base64(shortcode + passkey + timestamp)), the STK push query ("being processed"
// until the person answers), and the stkCallback bodies Safaricom posts.
/** Daraja sandbox-style credentials (the passkey is the public test one Safaricom documents for shortcode 174379). */
export const darajaSecrets = {
  consumerKey: "key",
  consumerSecret: "secret",
  shortcode: "174379",
  passkey: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
};

export interface DarajaPush {
  checkoutRequestId: string;
  amount: number;
  phone: string;
  callbackUrl: string;
  reference: string;
  result?: number;
  receipt?: string;
}

export function createDarajaFake(options: {
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  passkey: string;
  tokenTtlSeconds?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, number>();
  const pushes = new Map<string, DarajaPush>();
  let counter = 0;
  const stats = { tokens: 0, pushes: 0, queries: 0, refusedTokens: 0 };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

  const fetchFake: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    if (url.pathname === "/oauth/v1/generate") {
      const expected = `Basic ${Buffer.from(`${options.consumerKey}:${options.consumerSecret}`).toString("base64")}`;
      if (headers.get("authorization") !== expected)
        return json(400, { errorCode: "400.008.01", errorMessage: "Invalid Authentication passed" });
      const token = `tok${++counter}`;
      tokens.set(token, now() + (options.tokenTtlSeconds ?? 3599) * 1000);
      stats.tokens++;
      return json(200, { access_token: token, expires_in: String(options.tokenTtlSeconds ?? 3599) });
    }
    const bearer = headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!tokens.has(bearer) || tokens.get(bearer)! < now()) {
      stats.refusedTokens++;
      return json(401, { requestId: "x", errorCode: "404.001.03", errorMessage: "Invalid Access Token" });
    }
    const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, string | number>;
    const password = Buffer.from(`${options.shortcode}${options.passkey}${body.Timestamp}`).toString("base64");
    if (body.Password !== password || body.BusinessShortCode !== options.shortcode)
      return json(400, { errorCode: "400.002.02", errorMessage: "Bad Request - Invalid Password" });
    if (url.pathname === "/mpesa/stkpush/v1/processrequest") {
      stats.pushes++;
      const checkoutRequestId = `ws_CO_${Date.now()}${++counter}`;
      pushes.set(checkoutRequestId, {
        checkoutRequestId,
        amount: Number(body.Amount),
        phone: String(body.PhoneNumber),
        callbackUrl: String(body.CallBackURL),
        reference: String(body.AccountReference),
      });
      return json(200, {
        MerchantRequestID: `m-${counter}`,
        CheckoutRequestID: checkoutRequestId,
        ResponseCode: "0",
        ResponseDescription: "Success. Request accepted for processing",
        CustomerMessage: "Success. Request accepted for processing",
      });
    }
    if (url.pathname === "/mpesa/stkpushquery/v1/query") {
      stats.queries++;
      const push = pushes.get(String(body.CheckoutRequestID));
      if (!push) return json(400, { errorCode: "400.002.02", errorMessage: "Bad Request - Invalid CheckoutRequestID" });
      if (push.result === undefined)
        return json(500, {
          requestId: "x",
          errorCode: "500.001.1001",
          errorMessage: "The transaction is being processed",
        });
      return json(200, {
        ResponseCode: "0",
        ResponseDescription: "The service request has been accepted successsfully",
        MerchantRequestID: "m",
        CheckoutRequestID: push.checkoutRequestId,
        ResultCode: String(push.result),
        ResultDesc: push.result === 0 ? "The service request is processed successfully." : "Request cancelled by user",
      });
    }
    return json(404, { errorMessage: "not found" });
  };

  return {
    fetch: fetchFake,
    pushes,
    stats,
    /** the person answered the prompt: 0 paid, 1032 cancelled, 1 not enough money, 2001 wrong PIN, 1037 no answer */
    answer(checkoutRequestId: string, result: number): void {
      const push = pushes.get(checkoutRequestId)!;
      push.result = result;
      if (result === 0) push.receipt = `NLJ${String(++counter).padStart(7, "0")}`;
    },
    /** The body Safaricom posts to CallBackURL (overrides to forge one). */
    callbackBody(checkoutRequestId: string, overrides: { amount?: number; phone?: string; result?: number } = {}) {
      const push = pushes.get(checkoutRequestId)!;
      const result = overrides.result ?? push.result ?? 0;
      return {
        Body: {
          stkCallback: {
            MerchantRequestID: "m",
            CheckoutRequestID: checkoutRequestId,
            ResultCode: result,
            ResultDesc: result === 0 ? "The service request is processed successfully." : "Request cancelled by user",
            ...(result === 0
              ? {
                  CallbackMetadata: {
                    Item: [
                      { Name: "Amount", Value: overrides.amount ?? push.amount },
                      { Name: "MpesaReceiptNumber", Value: push.receipt ?? "FORGED0001" },
                      { Name: "TransactionDate", Value: 20311219102115 },
                      { Name: "PhoneNumber", Value: Number(overrides.phone ?? push.phone) },
                    ],
                  },
                }
              : {}),
          },
        },
      };
    },
  };
}
