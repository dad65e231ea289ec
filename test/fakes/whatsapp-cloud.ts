// A local stand-in for Meta: the Graph API a WhatsApp Cloud number sends with, and the webhook calls Meta makes.
// Written from Meta's documented payloads (developers.facebook.com/docs/whatsapp/cloud-api: messages, media,
// webhooks/payload-examples, support/error-codes). Like Meta it checks the bearer token, answers errors in its
// {"error": {...}} shape, accepts free text to someone silent for 24 hours and then reports it failed with 131047 by
// webhook, knows which templates are approved in which language, signs its webhook calls with the app secret and
// calls again while they are not answered 200.
import { createHmac, randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { templateTexts } from "../../src/channels/whatsapp-cloud/templates.js";
import type { TemplateKind } from "../../src/channels/channel.js";

export const PHONE_NUMBER_ID = "106540352242922";
export const DISPLAY_NUMBER = "+255 700 000 777";
export const APP_SECRET = "0123456789abcdef0123456789abcdef";
export const VERIFY_TOKEN = "nuru-verify-token";
export const API_VERSION = "v24.0";

/** A message as the Graph API received it (the JSON body of POST /messages). */
export interface GraphSent {
  id: string;
  to: string;
  type: string;
  body: Record<string, any>;
  at: number;
}

/** What the person's phone shows for a message: its words and the buttons or list rows under it. */
export interface Shown {
  text: string;
  choiceLabels: string[];
  /** the values behind the buttons (ids, or a template's quick-reply payloads) */
  choiceValues: string[];
  type: string;
  template?: string;
}

export interface FakeMeta {
  apiRoot: string;
  token: string;
  /** every message the API took, oldest first */
  sent: GraphSent[];
  uploads: Map<string, { filename: string; mimeType: string; bytes: Buffer }>;
  /** messages to the person, as their phone shows them (not those Meta later failed) */
  shownTo(waId: string): Shown[];
  /** templates approved, as "name:language" */
  approved: Set<string>;
  /** numbers that are not on WhatsApp: refused at once with 131026 */
  refused: Set<string>;
  /** the token expired (every call answers 401, code 190) */
  tokenExpired: boolean;
  /** messages refused with 130429 because the number's throughput was exceeded */
  throughputRefusals: number;
  /** the next calls to this number answer with these Meta error codes, one each (0: that call goes through) */
  failNext(to: string, ...codes: number[]): void;
  /** the person wrote now (opens their 24 hours) */
  wrote(waId: string, atMs?: number): void;
  /** whether a free-text message to the person is outside their 24 hours */
  windowClosed(waId: string): boolean;
  /** where Meta calls with messages and statuses */
  webhookUrl?: string;
  /** Meta calls the webhook with this body, signed (or with the given signature), until it answers 200 (or attempts run out) */
  callWebhook(body: unknown, options?: { signature?: string; attempts?: number }): Promise<number[]>;
  /** status webhooks in flight (sent for each message Meta took) */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const codes: Record<number, { status: number; message: string; type?: string }> = {
  190: { status: 401, message: "Error validating access token: Session has expired.", type: "OAuthException" },
  130429: { status: 400, message: "Rate limit hit" },
  131056: { status: 400, message: "(Business Account, Consumer Account) pair rate limit hit" },
  131047: { status: 400, message: "Re-engagement message" },
  131026: { status: 400, message: "Message undeliverable" },
  131000: { status: 500, message: "Something went wrong" },
  132001: { status: 404, message: "Template name does not exist in the translation" },
  132000: { status: 400, message: "Number of parameters does not match the expected number of params" },
  100: { status: 400, message: "Invalid parameter" },
};

function errorBody(code: number) {
  const known = codes[code] ?? { status: 400, message: "Error" };
  return {
    status: known.status,
    body: {
      error: {
        message: `(#${code}) ${known.message}`,
        type: known.type ?? "OAuthException",
        code,
        error_data: { messaging_product: "whatsapp", details: known.message },
        fbtrace_id: "A" + randomUUID().slice(0, 8),
      },
    },
  };
}

export function sign(raw: string, secret = APP_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
}

/** The envelope of every webhook call (field "messages"), for this number. */
export function envelope(value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: DISPLAY_NUMBER.replace(/\D/g, ""), phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A person's message as Meta delivers it: `message` is the type-specific part ({type: "text", text: {...}}). */
export function inboundWebhook(
  person: { waId: string; name?: string },
  message: Record<string, unknown>,
  options: { id?: string; atMs?: number; phoneNumberId?: string } = {},
) {
  return envelope(
    {
      contacts: [{ profile: { name: person.name ?? "Mgeni" }, wa_id: person.waId }],
      messages: [
        {
          from: person.waId,
          id: options.id ?? `wamid.${randomUUID().replace(/-/g, "")}`,
          timestamp: String(Math.floor((options.atMs ?? Date.now()) / 1000)),
          ...message,
        },
      ],
    },
    options.phoneNumberId,
  );
}

export const text = (body: string) => ({ type: "text", text: { body } });
export const buttonReply = (id: string, title: string) => ({
  type: "interactive",
  interactive: { type: "button_reply", button_reply: { id, title } },
});
export const listReply = (id: string, title: string) => ({
  type: "interactive",
  interactive: { type: "list_reply", list_reply: { id, title, description: "" } },
});
export const templateButton = (payload: string, label: string) => ({
  type: "button",
  button: { payload, text: label },
  context: { from: PHONE_NUMBER_ID, id: "wamid.template" },
});

export function statusWebhook(statuses: { id: string; status: string; recipient: string; errorCode?: number }[]) {
  return envelope({
    statuses: statuses.map((s) => ({
      id: s.id,
      status: s.status,
      timestamp: String(Math.floor(Date.now() / 1000)),
      recipient_id: s.recipient,
      ...(s.errorCode
        ? {
            errors: [
              {
                code: s.errorCode,
                title: codes[s.errorCode]?.message ?? "Error",
                message: codes[s.errorCode]?.message,
                error_data: { details: codes[s.errorCode]?.message },
              },
            ],
          }
        : {}),
    })),
  });
}

/** What the phone shows for one message the API took. */
export function shown(message: GraphSent): Shown {
  const b = message.body;
  if (b.type === "text") return { type: "text", text: b.text.body, choiceLabels: [], choiceValues: [] };
  if (b.type === "interactive") {
    const i = b.interactive;
    if (i.type === "button")
      return {
        type: "buttons",
        text: i.body.text,
        choiceLabels: i.action.buttons.map((x: any) => x.reply.title),
        choiceValues: i.action.buttons.map((x: any) => x.reply.id),
      };
    const rows = i.action.sections.flatMap((s: any) => s.rows);
    return {
      type: "list",
      text: i.body.text,
      choiceLabels: rows.map((r: any) => r.description ?? r.title),
      choiceValues: rows.map((r: any) => r.id),
    };
  }
  if (b.type === "template") {
    const t = b.template;
    const kind = (Object.keys(templateTexts) as TemplateKind[]).find((k) => t.name.endsWith(k)) ?? "reminder";
    const lang = t.language.code.startsWith("sw") ? "sw" : "en";
    const texts = templateTexts[kind][lang];
    const params: string[] = t.components.find((c: any) => c.type === "body")?.parameters.map((p: any) => p.text) ?? [];
    const body = texts.body.replace(/\{\{(\d+)\}\}/g, (_m, n) => params[Number(n) - 1] ?? "");
    const payloads = t.components.filter((c: any) => c.type === "button").map((c: any) => c.parameters[0].payload);
    return {
      type: "template",
      template: t.name,
      text: body,
      choiceLabels: texts.buttons ?? [],
      choiceValues: payloads,
    };
  }
  const caption = b[b.type]?.caption ?? "";
  return { type: b.type, text: caption, choiceLabels: [], choiceValues: [] };
}

export async function startFakeMeta(
  options: { enforceWindow?: boolean; statuses?: boolean; throughputPerSecond?: number } = {},
): Promise<FakeMeta> {
  const app = express();
  const token = `EAAG${randomUUID().replace(/-/g, "")}`;
  const lastWrote = new Map<string, number>();
  const failures = new Map<string, number[]>();
  const failedIds = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let nextMedia = 900_000_000_000;
  /** times of the messages taken in the last second, for the number's throughput (130429 beyond it, as Meta) */
  const recent: number[] = [];

  const fake: FakeMeta = {
    apiRoot: "",
    token,
    sent: [],
    uploads: new Map(),
    approved: new Set(
      ["invitation", "reminder", "announcement", "waiting"].flatMap((k) => [`nuru_${k}:en`, `nuru_${k}:sw`]),
    ),
    refused: new Set(),
    tokenExpired: false,
    throughputRefusals: 0,
    shownTo: (waId) => fake.sent.filter((m) => m.to === waId && !failedIds.has(m.id)).map(shown),
    failNext(to, ...list) {
      failures.set(to, [...(failures.get(to) ?? []), ...list]);
    },
    wrote(waId, atMs = Date.now()) {
      lastWrote.set(waId, atMs);
    },
    windowClosed(waId) {
      const at = lastWrote.get(waId);
      return at === undefined || Date.now() - at > 24 * 3600_000;
    },
    async callWebhook(body, opts = {}) {
      if (!fake.webhookUrl) throw new Error("no webhook URL set on the fake");
      // A person's message opens their 24 hours.
      const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
      for (const entry of list((body as any)?.entry))
        for (const change of list(entry?.changes))
          for (const m of list(change?.value?.messages))
            if (typeof m?.from === "string") fake.wrote(m.from, Number(m.timestamp) * 1000 || Date.now());
      const raw = JSON.stringify(body);
      const statuses: number[] = [];
      // Meta calls again (with backoff, for up to 7 days) while the answer is not 200; here, quickly.
      for (let attempt = 0; attempt < (opts.attempts ?? 20); attempt++) {
        const res = await fetch(fake.webhookUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Hub-Signature-256": opts.signature ?? sign(raw) },
          body: raw,
        });
        statuses.push(res.status);
        await res.arrayBuffer();
        if (res.status === 200 || res.status === 401 || res.status === 400) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      return statuses;
    },
    async settle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await fake.settle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  /** Meta tells the business what became of a message, a moment after it took it. */
  function report(statuses: Parameters<typeof statusWebhook>[0]) {
    if (!fake.webhookUrl) return;
    const call = new Promise((r) => setTimeout(r, 5))
      .then(() => fake.callWebhook(statusWebhook(statuses)))
      .catch(() => undefined);
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  }

  app.use((req, res, next) => {
    if (fake.tokenExpired || req.get("authorization") !== `Bearer ${token}`) {
      const { status, body } = errorBody(190);
      return void res.status(status).json(body);
    }
    next();
  });

  app.get(`/:version/${PHONE_NUMBER_ID}`, (_req, res) => {
    res.json({
      display_phone_number: DISPLAY_NUMBER,
      verified_name: "Nuru Events",
      quality_rating: "GREEN",
      id: PHONE_NUMBER_ID,
    });
  });

  app.post(`/:version/${PHONE_NUMBER_ID}/messages`, express.json({ limit: "1mb" }), (req, res) => {
    const body = req.body as Record<string, any>;
    const to = String(body.to ?? "");
    if (body.messaging_product !== "whatsapp" || !/^\d{7,15}$/.test(to) || typeof body.type !== "string") {
      const { status, body: error } = errorBody(100);
      return void res.status(status).json(error);
    }
    if (options.throughputPerSecond) {
      const now = Date.now();
      while (recent.length && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= options.throughputPerSecond) {
        fake.throughputRefusals++;
        const { status, body: error } = errorBody(130429);
        return void res.status(status).json(error);
      }
      recent.push(now);
    }
    const queued = failures.get(to);
    const failure = queued?.shift();
    if (failure) {
      const { status, body: error } = errorBody(failure);
      return void res.status(status).json(error);
    }
    if (fake.refused.has(to)) {
      const { status, body: error } = errorBody(131026);
      return void res.status(status).json(error);
    }
    if (body.type === "template" && !fake.approved.has(`${body.template?.name}:${body.template?.language?.code}`)) {
      const { status, body: error } = errorBody(132001);
      return void res.status(status).json(error);
    }
    if (body.type === "template") {
      // The approved text's {{n}} and the parameters sent must agree (132000), and none may hold a line break (100).
      const kind = (Object.keys(templateTexts) as TemplateKind[]).find((k) => String(body.template.name).endsWith(k))!;
      const wanted = (templateTexts[kind].en.body.match(/\{\{\d+\}\}/g) ?? []).length;
      const params: { text?: string }[] =
        body.template.components?.find((c: any) => c.type === "body")?.parameters ?? [];
      const code = params.length !== wanted ? 132000 : params.some((p) => /\n|\t| {5}/.test(p.text ?? "")) ? 100 : 0;
      if (code) {
        const { status, body: error } = errorBody(code);
        return void res.status(status).json(error);
      }
    }
    if (body.type === "text" && String(body.text?.body ?? "").length > 4096) {
      const { status, body: error } = errorBody(100);
      return void res.status(status).json(error);
    }
    const id = `wamid.${randomUUID().replace(/-/g, "")}`;
    fake.sent.push({ id, to, type: body.type, body, at: Date.now() });
    // Outside the person's 24 hours only a template goes; Meta takes anything else and then reports it failed.
    if (options.enforceWindow && body.type !== "template" && fake.windowClosed(to)) {
      failedIds.add(id);
      report([{ id, status: "failed", recipient: to, errorCode: 131047 }]);
    } else if (options.statuses) {
      report([
        { id, status: "sent", recipient: to },
        { id, status: "delivered", recipient: to },
      ]);
    }
    res.json({ messaging_product: "whatsapp", contacts: [{ input: to, wa_id: to }], messages: [{ id }] });
  });

  app.post(
    `/:version/${PHONE_NUMBER_ID}/media`,
    express.raw({ type: "multipart/form-data", limit: "20mb" }),
    async (req, res) => {
      // Parsed back with the platform's own multipart reader.
      const form = await new Response(new Uint8Array(req.body as Buffer), {
        headers: { "Content-Type": req.get("content-type") ?? "" },
      }).formData();
      const file = form.get("file");
      // Meta's supported media types (developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types), in part.
      const supported =
        /^(text\/plain|application\/pdf|application\/(msword|vnd\.ms-excel|vnd\.ms-powerpoint|vnd\.openxmlformats-officedocument\.[a-z.]+)|image\/(jpeg|png|webp)|audio\/(ogg|mpeg|aac)|video\/(mp4|3gpp))$/;
      if (
        form.get("messaging_product") !== "whatsapp" ||
        !(file instanceof Blob) ||
        !supported.test(String(form.get("type")))
      ) {
        const { status, body } = errorBody(100);
        return void res.status(status).json(body);
      }
      const id = String(nextMedia++);
      fake.uploads.set(id, {
        filename: (file as File).name,
        mimeType: String(form.get("type")),
        bytes: Buffer.from(await file.arrayBuffer()),
      });
      res.json({ id });
    },
  );

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
