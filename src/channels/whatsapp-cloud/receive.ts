// What Meta POSTs to the webhook, once its signature is checked (webhook.ts): parsed, each message handed to the sink
// in Meta's order and each status to the delivery recorder. The 200 goes only once all of it was taken, else Meta
// delivers again and the inbound log drops what it already has.
import type { Logger } from "../../logger.js";
import type { DeliverySink, InboundSink } from "../channel.js";
import { parseWebhook, webhookSchema } from "./inbound.js";
import type { ReplyWindow } from "./window.js";

export type Receive = (rawBody: Buffer) => Promise<{ status: number; body?: string }>;

export function webhookReceiver(deps: {
  log: Logger;
  phoneNumberId: string;
  replyWindow: ReplyWindow;
  /** Where messages and statuses go while the adapter runs; no sink: not started (503, Meta retries). */
  targets: () => { sink?: InboundSink; onDelivery?: DeliverySink };
}): Receive {
  const { log, replyWindow } = deps;
  return async (rawBody) => {
    const to = deps.targets().sink;
    if (!to) return { status: 503 };
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      return { status: 400, body: "not JSON" };
    }
    const shape = webhookSchema.safeParse(json);
    if (!shape.success) {
      log.warn(
        { issues: shape.error.issues.slice(0, 3) },
        "whatsapp cloud webhook body is not a WhatsApp notification",
      );
      return { status: 400, body: "not a WhatsApp notification" };
    }
    const parsed = parseWebhook(shape.data, deps.phoneNumberId);
    if (parsed.skipped.length)
      log.info({ skipped: parsed.skipped.slice(0, 10) }, "whatsapp cloud: parts of a delivery Nuru does not act on");
    // In order: a chat's messages reach the log in the order Meta gives them.
    for (const event of parsed.events) {
      replyWindow.noteWrote(event.chatId, event.sentAt);
      await to(event);
    }
    for (const update of parsed.deliveries) {
      if (update.state === "held" && update.chatId) replyWindow.closeByMeta(update.chatId);
      await deps.targets().onDelivery?.(update);
    }
    return { status: 200 };
  };
}
