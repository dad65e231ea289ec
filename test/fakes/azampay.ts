// AzamPay's token, MNO checkout, transaction status and callback as a fetch function, from its documented payloads.
export function createAzamPayFake(options: {
  clientId: string;
  clientSecret: string;
  apiKey: string;
  tokenTtlSeconds?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, number>();
  const checkouts = new Map<
    string,
    {
      transactionId: string;
      externalId: string;
      msisdn: string;
      amount: string;
      provider: string;
      status?: "success" | "failure";
      message?: string;
    }
  >();
  let counter = 0;
  const stats = { tokens: 0, checkouts: 0, queries: 0 };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const fetchFake: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    if (url.pathname === "/AppRegistration/GenerateToken") {
      const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, string>;
      if (body.clientId !== options.clientId || body.clientSecret !== options.clientSecret)
        return json(423, {
          data: null,
          message: "Provided detail is not valid for this app or secret key has been expired",
          success: false,
          statusCode: 423,
        });
      const token = `az${++counter}`;
      const until = now() + (options.tokenTtlSeconds ?? 3600) * 1000;
      tokens.set(token, until);
      stats.tokens++;
      return json(200, {
        data: { accessToken: token, expire: new Date(until).toISOString() },
        message: "Token generated successfully",
        success: true,
        statusCode: 200,
      });
    }
    const bearer = headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
    if (!tokens.has(bearer) || tokens.get(bearer)! < now() || headers.get("x-api-key") !== options.apiKey)
      return json(401, { message: "Unauthorized", success: false });
    if (url.pathname === "/azampay/mno/checkout") {
      stats.checkouts++;
      const body = JSON.parse(String(init?.body ?? "{}")) as Record<string, string>;
      const transactionId = `AZ${++counter}`;
      checkouts.set(transactionId, {
        transactionId,
        externalId: body.externalId!,
        msisdn: body.accountNumber!,
        amount: body.amount!,
        provider: body.provider!,
      });
      return json(200, {
        transactionId,
        message: "Your request has been received and is being processed.",
        success: true,
      });
    }
    if (url.pathname === "/azampay/gettransactionstatus") {
      stats.queries++;
      const c = checkouts.get(url.searchParams.get("reference") ?? "");
      if (!c) return json(404, { message: "not found", success: false });
      return json(200, {
        data: {
          transactionstatus: c.status ?? "pending",
          message: c.message ?? "",
          reference: c.transactionId,
          fspReferenceId: c.status === "success" ? `FSP${c.transactionId}` : undefined,
          amount: c.amount,
          msisdn: c.msisdn,
        },
        success: true,
      });
    }
    return json(404, { message: "not found" });
  };
  return {
    fetch: fetchFake,
    checkouts,
    stats,
    answer(transactionId: string, outcome: "paid" | "cancelled") {
      const c = checkouts.get(transactionId)!;
      c.status = outcome === "paid" ? "success" : "failure";
      c.message = outcome === "paid" ? "Transaction successful" : "Transaction cancelled by user";
    },
    callbackBody(transactionId: string) {
      const c = checkouts.get(transactionId)!;
      return {
        msisdn: c.msisdn,
        amount: c.amount,
        message: c.message ?? "",
        utilityref: c.externalId,
        operator: c.provider,
        reference: c.transactionId,
        transactionstatus: c.status ?? "failure",
        submerchantAcc: null,
        fspReferenceId: `FSP${c.transactionId}`,
      };
    },
  };
}
