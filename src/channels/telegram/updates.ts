// One Telegram update to the sink, the same for long polling and the webhook: translated, handed over, and a button's
// spinner stopped once the sink took it.
import type { Telegram } from "telegraf";
import type { Update } from "telegraf/types";
import type { Logger } from "../../logger.js";
import type { InboundSink } from "../channel.js";
import { toInboundEvent } from "./inbound.js";

export interface UpdateHandler {
  /** Hands one update to the sink; rejects (so it is offered again) exactly when the sink does. */
  handle(update: Update, to: InboundSink): Promise<void>;
  /** Waits for the callback answers in flight, so none is cut off mid-request at stop. */
  settle(): Promise<void>;
}

export function updateHandler(telegram: Telegram, log: Logger): UpdateHandler {
  /** Callback answers in flight, awaited at stop so none is cut off mid-request. */
  const pendingAnswers = new Set<Promise<void>>();

  /** Stops the button's spinner. A failure costs the person a spinner, not the update, so it is only logged. */
  function answerCallback(queryId: string): void {
    const answer = telegram
      .answerCbQuery(queryId)
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error, queryId }, "could not answer telegram callback query"))
      .finally(() => pendingAnswers.delete(answer));
    pendingAnswers.add(answer);
  }

  return {
    async handle(update, to) {
      let event: ReturnType<typeof toInboundEvent>;
      try {
        event = toInboundEvent(update);
      } catch (err) {
        // An update we cannot translate would fail the same way every time it is offered: acknowledge it, so it
        // cannot hold back the updates behind it, and say so in the log.
        log.error(
          { err, updateId: update.update_id },
          "telegram update could not be translated; acknowledged and dropped",
        );
        return;
      }
      if (event) await to(event);
      if ("callback_query" in update) answerCallback(update.callback_query.id);
    },

    async settle() {
      await Promise.allSettled([...pendingAnswers]);
    },
  };
}
