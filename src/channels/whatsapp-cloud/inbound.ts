// Meta's webhook body -> InboundEvents and DeliveryUpdates. Pure, so every mapping rule is unit-tested without a
// network. The shapes are Meta's documented ones (developers.facebook.com/docs/whatsapp/cloud-api/webhooks); each
// message is checked on its own, so one Nuru cannot read does not cost the others in the same delivery.
import { z } from "zod";
import type { DeliveryUpdate, InboundContent, InboundEvent } from "../channel.js";

const media = z.looseObject({
  id: z.string().min(1),
  caption: z.string().optional(),
  mime_type: z.string().optional(),
  filename: z.string().optional(),
});

const message = z.looseObject({
  from: z.string().regex(/^\d{5,20}$/),
  id: z.string().min(1).max(256),
  timestamp: z.string().regex(/^\d{1,12}$/),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
    })
    .optional(),
  /** a tap on a template's quick-reply button */
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  image: media.optional(),
  video: media.optional(),
  audio: media.optional(),
  document: media.optional(),
  sticker: media.optional(),
});

const status = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().regex(/^\d{1,12}$/),
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

/** The envelope; messages and statuses stay unknown here and are checked one by one. */
export const webhookSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z
              .looseObject({ phone_number_id: z.string(), display_phone_number: z.string().optional() })
              .optional(),
            contacts: z
              .array(
                z.looseObject({
                  wa_id: z.string().optional(),
                  profile: z.looseObject({ name: z.string().optional() }).optional(),
                }),
              )
              .optional(),
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
            errors: z.array(z.unknown()).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type WebhookBody = z.infer<typeof webhookSchema>;

type Message = z.infer<typeof message>;

/** Message types that are not someone talking to Nuru: reactions to its messages, and WhatsApp's own notices. */
const NOT_FROM_A_PERSON = new Set(["reaction", "system", "ephemeral", "request_welcome"]);

const digits = (value: string) => value.replace(/\D/g, "");

function contentOf(m: Message): InboundContent | undefined {
  switch (m.type) {
    case "text":
      return m.text ? { kind: "text", text: m.text.body } : undefined;
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return reply
        ? { kind: "choice", value: reply.id }
        : { kind: "refused", reason: "unsupported", detail: `interactive ${m.interactive?.type ?? ""}`.slice(0, 40) };
    }
    case "button":
      // A template's quick reply: its payload is the value Nuru put behind it; without one, its words.
      if (m.button?.payload) return { kind: "choice", value: m.button.payload };
      return m.button?.text ? { kind: "text", text: m.button.text } : undefined;
    case "location":
      return m.location && Number.isFinite(m.location.latitude) && Number.isFinite(m.location.longitude)
        ? {
            kind: "location",
            latitude: m.location.latitude,
            longitude: m.location.longitude,
            ...(m.location.name ? { name: m.location.name } : {}),
            ...(m.location.address ? { address: m.location.address } : {}),
          }
        : undefined;
    case "contacts": {
      // One contact per event; of several shared at once the first with a number is taken (the engine asks for one).
      for (const card of m.contacts ?? []) {
        const number = card.phones?.find((p) => p.wa_id || p.phone);
        const raw = number?.wa_id ? `+${digits(number.wa_id)}` : number?.phone;
        if (!raw) continue;
        const name = card.name?.formatted_name?.trim();
        return { kind: "contact", phone: raw, own: digits(raw) === m.from, ...(name ? { name } : {}) };
      }
      return undefined;
    }
    case "image":
    case "video":
    case "audio":
    case "document":
    case "sticker": {
      const file = m[m.type];
      if (!file) return undefined;
      const mediaType = m.type === "image" ? "photo" : m.type;
      return { kind: "media", mediaType, ref: file.id, ...(file.caption ? { caption: file.caption } : {}) };
    }
    default:
      if (NOT_FROM_A_PERSON.has(m.type)) return undefined;
      // "unsupported" (a view-once photo, a poll made in the app), "order", and types Meta adds later.
      return { kind: "refused", reason: "unsupported", detail: m.type.slice(0, 40) };
  }
}

export interface ParsedWebhook {
  events: InboundEvent[];
  deliveries: DeliveryUpdate[];
  /** what could not be read (logged by the adapter): message ids or reasons */
  skipped: string[];
  /** changes for another business number on the same app (an operator running two), left alone */
  otherNumbers: number;
}

/** "path message" of a refused part, for the log. */
const firstIssue = (error: z.ZodError) => `${error.issues[0]?.path.join(".")} ${error.issues[0]?.message}`;

/** What one webhook delivery carries for this business number. */
export function parseWebhook(body: WebhookBody, phoneNumberId: string): ParsedWebhook {
  const parsed: ParsedWebhook = { events: [], deliveries: [], skipped: [], otherNumbers: 0 };
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = change.value;
      if (value.metadata && value.metadata.phone_number_id !== phoneNumberId) {
        parsed.otherNumbers++;
        continue;
      }
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id ?? "", c.profile?.name?.trim() ?? ""]));
      for (const raw of value.messages ?? []) {
        const m = message.safeParse(raw);
        if (!m.success) {
          parsed.skipped.push(`message: ${firstIssue(m.error)}`);
          continue;
        }
        const content = contentOf(m.data);
        if (!content) {
          parsed.skipped.push(`${m.data.type} ${m.data.id}`);
          continue;
        }
        const name = names.get(m.data.from);
        parsed.events.push({
          channel: "whatsapp_cloud",
          externalId: m.data.id,
          chatId: m.data.from,
          sender: { externalId: m.data.from, phone: `+${m.data.from}`, ...(name ? { name } : {}) },
          content,
          sentAt: new Date(Number(m.data.timestamp) * 1000),
        });
      }
      for (const raw of value.statuses ?? []) {
        const s = status.safeParse(raw);
        if (!s.success) {
          parsed.skipped.push(`status: ${firstIssue(s.error)}`);
          continue;
        }
        const update = deliveryOf(s.data);
        if (update) parsed.deliveries.push(update);
      }
    }
  }
  return parsed;
}

function deliveryOf(s: z.infer<typeof status>): DeliveryUpdate | undefined {
  const at = new Date(Number(s.timestamp) * 1000);
  const chat = s.recipient_id ? { chatId: s.recipient_id } : {};
  if (s.status === "delivered" || s.status === "read") return { externalId: s.id, state: s.status, at, ...chat };
  if (s.status !== "failed") return undefined; // "sent" is recorded when the API took it; "deleted", "warning"
  const error = s.errors?.[0];
  const detail = error
    ? `${error.code ?? "?"} ${error.title ?? ""}${error.error_data?.details ? `: ${error.error_data.details}` : ""}`.trim()
    : undefined;
  // 131047: it was sent outside the 24 hours; 132xxx: its template was refused. Either way it goes again, as it is,
  // when the person next writes.
  const code = error?.code ?? 0;
  const held = code === 131047 || (code >= 132000 && code < 133000);
  return { externalId: s.id, state: held ? "held" : "failed", at, ...chat, ...(detail ? { detail } : {}) };
}
