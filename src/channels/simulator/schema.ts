// The simulator's HTTP API shapes and how a posted message becomes an InboundEvent. Validation is strict because the
// API is open to anyone with the link: a bad body gets a 400 saying what is wrong and never reaches the engine.
import { z } from "zod";
import type { InboundContent, InboundEvent } from "../channel.js";

/** E.164: "+", a country code that never starts with 0, 8 to 15 digits in all. A simulator chat id is such a phone. */
const e164 = /^\+[1-9]\d{7,14}$/;

export function isSimulatorPhone(value: string): boolean {
  return e164.test(value);
}

const phone = z.string().regex(e164, "must be a phone number in E.164 form, e.g. +255712345678");
/** Client ids and deep-link codes share Telegram's start-payload alphabet, so links work the same everywhere. */
const code = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, `${what} must be 1-64 of A-Z a-z 0-9 _ -`);

const contentKeys = ["text", "choice", "contact", "startPayload", "location"] as const;

export const inboundBodySchema = z
  .strictObject({
    from: phone,
    name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters").optional(),
    id: code("id").optional(),
    text: z
      .string()
      .min(1, "must not be empty")
      // WhatsApp's own limit: the engine answers anything over its text limit politely (src/channels/storable.ts),
      // as it does on every channel.
      .max(65_536, "must be at most 65536 characters")
      .refine((text) => /\S/.test(text), "must not be only spaces")
      .optional(),
    // 64 bytes, not characters: the Choice contract caps values at Telegram's callback_data size.
    choice: z
      .string()
      .min(1, "must not be empty")
      .refine((value) => Buffer.byteLength(value) <= 64, "must be at most 64 bytes")
      .optional(),
    contact: z.strictObject({ phone }).optional(),
    startPayload: code("startPayload").optional(),
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(80).optional(),
      })
      .optional(),
    /** What the page showed for it (a button's label rather than its value), kept for a reloaded page. */
    shown: z.string().max(300, "must be at most 300 characters").optional(),
  })
  .superRefine((body, ctx) => {
    const given = contentKeys.filter((key) => body[key] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          given.length === 0
            ? `give one of ${contentKeys.join(", ")}`
            : `give only one of ${contentKeys.join(", ")} (got ${given.join(" and ")})`,
      });
    }
  });

export type InboundBody = z.infer<typeof inboundBodySchema>;

/** One line a person can read, e.g. "from: must be a phone number ...; text: must not be empty". */
export function summariseIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function toInboundContent(body: InboundBody): InboundContent {
  if (body.text !== undefined) return { kind: "text", text: body.text };
  if (body.choice !== undefined) return { kind: "choice", value: body.choice };
  if (body.contact !== undefined)
    return { kind: "contact", phone: body.contact.phone, own: body.contact.phone === body.from };
  if (body.startPayload !== undefined) return { kind: "start", payload: body.startPayload };
  if (body.location !== undefined) return { kind: "location", ...body.location };
  throw new Error("unreachable: the schema requires exactly one content field");
}

/**
 * The phone is part of externalId because a client id is only unique for that client; two people's pages could both
 * pick "m1", and the engine drops repeats by externalId.
 */
export function toInboundEvent(body: InboundBody, clientId: string, now = new Date()): InboundEvent {
  return {
    channel: "simulator",
    externalId: `${body.from}:${clientId}`,
    chatId: body.from,
    sender: { externalId: body.from, phone: body.from, ...(body.name ? { name: body.name } : {}) },
    content: toInboundContent(body),
    sentAt: now,
  };
}

const phoneList = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(",") : []))
  .pipe(z.array(phone).max(20, "at most 20 phones"));

/** Query of the long-poll endpoints. */
export const pollQuerySchema = z.object({
  after: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(0),
  wait: z.coerce.number().min(0, "must be 0 or more").max(25, "must be at most 25 seconds").default(0),
  /** 1: also what the person sent (as the page showed it), for a page that was reloaded */
  mine: z.enum(["0", "1"]).default("0"),
});

export const multiPollQuerySchema = pollQuerySchema.extend({ phones: phoneList });

export const chatParamsSchema = z.object({ phone });
