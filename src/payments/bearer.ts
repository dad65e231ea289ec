// What Daraja and AzamPay share: a bearer token fetched once, kept until a minute before it expires, and fetched
// again once when the provider says 401 before its time (a token revoked early).
export interface BearerToken {
  value: string;
  /** when it expires, ms since the epoch */
  until: number;
}

export interface BearerClient {
  /** The token, fetched when there is none or it is about to expire: one request however many callers wait. */
  token(): Promise<string>;
  /** Sends with the token; a 401 drops it and sends once more with a new one. Returns the status and the JSON body. */
  send(request: (token: string) => Promise<Response>): Promise<{ status: number; body: Record<string, unknown> }>;
}

export function bearerClient(fetchToken: () => Promise<BearerToken>, now: () => Date): BearerClient {
  let cached: BearerToken | undefined;
  let fetching: Promise<string> | undefined;

  async function token(): Promise<string> {
    // A minute's margin: a token that expires between our check and the provider's would fail the request.
    if (cached && cached.until - 60_000 > now().getTime()) return cached.value;
    fetching ??= fetchToken()
      .then((t) => {
        cached = t;
        return t.value;
      })
      .finally(() => (fetching = undefined));
    return fetching;
  }

  async function send(request: (token: string) => Promise<Response>) {
    let res = await request(await token());
    if (res.status === 401) {
      cached = undefined;
      res = await request(await token());
    }
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  }

  return { token, send };
}
