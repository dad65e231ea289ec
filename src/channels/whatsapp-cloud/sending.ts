// The two ways a payload goes out: as planned messages (text split to Meta's limits, media uploaded first) inside the
// person's 24 hours, or as an approved template outside them.
import type { Logger } from "../../logger.js";
import { HoldUntilTheyWriteError, type OutboundPayload } from "../channel.js";
import type { GraphCalls } from "./calls.js";
import { onceAMinute } from "./calls.js";
import type { GraphClient } from "./graph.js";
import { planSends, uploadedMediaMessage, type PlannedSend } from "./messages.js";
import { templateMessage, type TemplateSettings } from "./templates.js";

/** Payloads part-way through at most; the oldest is forgotten (its retry then sends every part again). */
const MAX_IN_PROGRESS = 10_000;

export interface CloudSending {
  /** Sends every planned part; resolves with the last message's id. */
  planned(chatId: string, payload: OutboundPayload): Promise<string | undefined>;
  /** The payload's template (it must have one). */
  template(chatId: string, payload: OutboundPayload): Promise<string>;
  /** "<name> (<language>): <why>" while Meta refuses a template, for /readyz. */
  templateRefused(): string | undefined;
}

export function cloudSending(deps: {
  graph: GraphClient;
  calls: GraphCalls;
  templates: TemplateSettings;
  log: Logger;
  now: () => number;
}): CloudSending {
  const { graph, log } = deps;
  const { call } = deps.calls;
  /** How far a payload sent as several messages got, by outbox row, so a retry does not send its first parts again. */
  const progress = new Map<string, { done: number; lastId?: string }>();
  let templateRefused: string | undefined;
  const templateLog = onceAMinute(deps.now);

  async function sendPart(chatId: string, planned: PlannedSend): Promise<string> {
    if ("message" in planned) return call(() => graph.sendMessage({ to: chatId, ...planned.message }));
    const mediaId = await call(() => graph.uploadMedia(planned.upload));
    return call(() =>
      graph.sendMessage({ to: chatId, ...uploadedMediaMessage(mediaId, planned.upload, planned.caption) }),
    );
  }

  return {
    async planned(chatId, payload) {
      const key = payload.ref;
      const done = key ? progress.get(key) : undefined;
      let lastId = done?.lastId;
      const sends = planSends(payload);
      for (let part = done?.done ?? 0; part < sends.length; part++) {
        lastId = await sendPart(chatId, sends[part]!);
        if (key && part < sends.length - 1) {
          progress.delete(key);
          progress.set(key, { done: part + 1, lastId });
          if (progress.size > MAX_IN_PROGRESS) progress.delete(progress.keys().next().value!);
        }
      }
      if (key) progress.delete(key);
      return lastId;
    },

    /** The template for someone outside their 24 hours; a template Meta refuses is the operator's to mend, and said so. */
    async template(chatId, payload) {
      const message = templateMessage(payload.template!, payload.choices, deps.templates);
      try {
        const id = await call(() => graph.sendMessage({ to: chatId, ...message }));
        templateRefused = undefined;
        return id;
      } catch (err) {
        if (err instanceof HoldUntilTheyWriteError) {
          const { name, language } = message.template as { name: string; language: { code: string } };
          templateRefused = `${name} (${language.code}): ${err.reason}`;
          if (templateLog()) {
            log.error(
              { template: name, language: language.code, reason: err.reason },
              "Meta refused a template: messages to people silent for 24 hours wait until they write. Check its name, language and approval in WhatsApp Manager (README lists the texts)",
            );
          }
        }
        throw err;
      }
    },

    templateRefused: () => templateRefused,
  };
}
