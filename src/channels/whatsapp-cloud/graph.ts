// Meta's Graph API for one WhatsApp business number: sending messages, uploading media, reading the number's
// profile. Every refusal is sorted here into what the outbound worker does with it (see classifyGraphError).
import { HoldUntilTheyWriteError, PermanentSendError, RateLimitError } from "../channel.js";

export interface GraphOptions {
  token: string;
  phoneNumberId: string;
  apiRoot: string;
  apiVersion: string;
  /** ms before a request is given up (and retried by the worker) */
  timeoutMs?: number;
}

/** What the Graph API says when it refuses ({"error": {...}}). */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: { details?: string };
  fbtrace_id?: string;
}

/** The token was refused: expired, revoked or without the number's permission. Only the operator can mend it. */
export class CloudTokenRefusedError extends Error {
  override name = "CloudTokenRefusedError";
}

/** A refusal of the Graph API with Meta's code, before it is sorted. */
export class GraphError extends Error {
  override name = "GraphError";
  constructor(
    readonly status: number,
    readonly body: GraphErrorBody,
  ) {
    super(
      `WhatsApp Cloud API ${status}: ${body.code ?? "?"} ${body.message ?? ""}${body.error_data?.details ? ` (${body.error_data.details})` : ""}`.trim(),
    );
  }
}

// Meta's codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes), by what to do about them.
/** The whole number must slow down: throughput (130429), app or account call limits (4, 80007), spam limit (131048). */
const slowDown: Record<number, number> = { 130429: 2_000, 4: 60_000, 80007: 60_000, 131048: 5 * 60_000 };
/** Only this person must wait: the pair rate (about one message every six seconds to one person). */
const pairRate = 131056;
/** More than 24 hours since the person wrote: only a template goes now. */
const reEngagement = 131047;
/** The template is missing, not approved in this language, or its parameters do not fit it. */
const templateProblems = new Set([132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068, 132069]);
/** Never going to work for this message or number. */
const permanent = new Set([
  100, // invalid parameter
  131008, // required parameter missing
  131009, // parameter value not valid
  131021, // recipient is the sender
  131026, // undeliverable: not on WhatsApp, or an old app
  131030, // recipient not in the test number's allowed list
  131045, // number's certificate
  131051, // unsupported message type
  131052, // media download error (a link that does not answer)
  131053, // media upload error
  133010, // number not registered with the Cloud API
  130472, // the person is in a Meta experiment that stops business messages
]);
/** The token: expired or revoked (190), no permission for this number (10, 200). */
const tokenCodes = new Set([190, 10, 200]);

/**
 * What the outbound worker does with a refusal: RateLimitError (whole channel, or this chat only), Hold (send again
 * once the person writes), PermanentSendError, CloudTokenRefusedError (operator), or the error itself (retried).
 */
export function classifyGraphError(err: GraphError): Error {
  const code = err.body.code ?? 0;
  if (tokenCodes.has(code) || err.status === 401) return new CloudTokenRefusedError(err.message);
  if (code in slowDown) return new RateLimitError(slowDown[code]!);
  if (code === pairRate) return new RateLimitError(6_000, true);
  if (code === reEngagement) return new HoldUntilTheyWriteError(`more than 24 hours since they wrote (${err.message})`);
  if (templateProblems.has(code)) return new HoldUntilTheyWriteError(`template refused (${err.message})`);
  if (permanent.has(code)) return new PermanentSendError(err.message);
  // 131000 (something went wrong), 131016 (overloaded), 1 and 2 (service unavailable), 5xx: try again.
  if (err.status === 429) return new RateLimitError(2_000);
  return err;
}

export class GraphClient {
  private readonly base: string;
  constructor(private readonly options: GraphOptions) {
    this.base = `${options.apiRoot.replace(/\/+$/, "")}/${options.apiVersion}`;
  }

  /** POST /<number>/messages; resolves with the message id Meta gave it. */
  async sendMessage(message: Record<string, unknown>): Promise<string> {
    const body = await this.request("POST", `${this.options.phoneNumberId}/messages`, {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", ...message }),
    });
    const id = (body as { messages?: { id?: string }[] }).messages?.[0]?.id;
    if (!id) throw new Error("WhatsApp Cloud API answered without a message id");
    return id;
  }

  /** POST /<number>/media: uploads a file for a message to carry; resolves with the media id. */
  async uploadMedia(file: { filename: string; mimeType: string; bytes: Buffer }): Promise<string> {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", file.mimeType);
    form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.filename);
    const body = await this.request("POST", `${this.options.phoneNumberId}/media`, { body: form });
    const id = (body as { id?: string }).id;
    if (!id) throw new Error("WhatsApp Cloud API answered an upload without a media id");
    return id;
  }

  /** The number's public face, which also proves the token works. */
  async numberProfile(): Promise<{ displayPhoneNumber?: string; verifiedName?: string; qualityRating?: string }> {
    const body = (await this.request(
      "GET",
      `${this.options.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating`,
      {},
    )) as {
      display_phone_number?: string;
      verified_name?: string;
      quality_rating?: string;
    };
    return {
      displayPhoneNumber: body.display_phone_number,
      verifiedName: body.verified_name,
      qualityRating: body.quality_rating,
    };
  }

  private async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string | FormData },
  ): Promise<unknown> {
    const response = await fetch(`${this.base}/${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.options.token}`, ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const error = (parsed as { error?: GraphErrorBody } | undefined)?.error ?? { message: text.slice(0, 200) };
      throw new GraphError(response.status, error);
    }
    if (parsed === undefined)
      throw new Error(`WhatsApp Cloud API answered ${response.status} with a body that is not JSON`);
    return parsed;
  }
}
