// The HTTP side of webhook mode. Telegram retries any non-2xx answer, so the status codes here are the acknowledgement:
// 200 only once the sink has logged the update.
import { secretMatches } from "../secrets.js";
import type { RequestHandler } from "express";
import type { Update } from "telegraf/types";
import { z } from "zod";
import type { Logger } from "../../logger.js";

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

const user = z.looseObject({ id: z.number().int(), is_bot: z.boolean().optional(), first_name: z.string() });
const chat = z.looseObject({ id: z.number().int(), type: z.string() });
const message = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat,
  from: user.optional(),
});

/**
 * Just enough structure that toInboundEvent cannot trip over a malformed body; the rest is Telegram's documented shape
 * and passes through untouched.
 */
export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: z
    .looseObject({ id: z.string(), from: user, data: z.string().optional(), message: message.optional() })
    .optional(),
});

/**
 * Refuses a request without the right secret before its body is read: a stranger should not get to make the server
 * parse a megabyte of JSON. The webhook handler checks again (it may be mounted without this guard).
 */
export function webhookSecretGuard(secret: string): RequestHandler {
  return (req, res, next) => {
    if (!secretMatches(req.get(SECRET_HEADER), secret)) return void res.status(401).end();
    next();
  };
}

/**
 * Handles one update; resolves once it is safe to acknowledge, rejects when it must be offered again. Undefined means
 * the adapter is not started, so Telegram should come back later.
 */
export type UpdateProcessor = ((update: Update) => Promise<void>) | undefined;

export function createWebhookHandler(opts: {
  secret: string;
  processor: () => UpdateProcessor;
  logger: Logger;
}): RequestHandler {
  return async (req, res) => {
    if (!secretMatches(req.get(SECRET_HEADER), opts.secret)) {
      // Say nothing: whoever sent this is not Telegram.
      res.status(401).end();
      return;
    }
    const parsed = updateSchema.safeParse(req.body);
    if (!parsed.success) {
      opts.logger.warn({ issues: parsed.error.issues.slice(0, 5) }, "telegram webhook body is not an update");
      res.status(400).json({ error: "not a Telegram update" });
      return;
    }
    const processUpdate = opts.processor();
    if (!processUpdate) {
      res.status(503).end();
      return;
    }
    try {
      // The schema only checked the fields we read; the body is Telegram's Update.
      await processUpdate(parsed.data as unknown as Update);
      res.status(200).end();
    } catch (error) {
      opts.logger.warn(
        { err: error, updateId: parsed.data.update_id },
        "telegram update not taken; Telegram will retry",
      );
      res.status(500).end();
    }
  };
}
