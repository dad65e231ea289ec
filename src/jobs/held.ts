// Messages a network takes only after the person writes again (WhatsApp Cloud: more than 24 hours since they wrote,
// and no approved template for the message) wait in the outbox as "held". The person's next message releases them:
// they are queued again as that message is logged, so they go out before its answer (the worker keeps a chat's
// order: the answer waits for the earlier rows). So that they do not wait for ever, the person is told once a
// day by the "waiting" template that messages wait until they reply (ring).
import type { InboundSink } from "../channels/channel.js";
import { templateTexts } from "../channels/whatsapp-cloud/templates.js";
import type { Db } from "../db/prisma.js";
import type { Row } from "../db/rows.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";

export interface HeldReleaser {
  /** Queues again what waited for this chat's person; resolves with how many. */
  release(chatId: string): Promise<number>;
  /**
   * Queues again every held message that has a template (held because Meta refused the template): at start-up, so
   * an operator who has had the templates approved restarts Nuru and what waited goes out.
   */
  retryTemplates(): Promise<number>;
  /**
   * Something is held for this chat: queue the "waiting" template for its person (at most once a UTC day), so they
   * know to reply. Resolves with whether one was queued.
   */
  ring(chatId: string): Promise<boolean>;
}

/** The outbox key of a chat's "waiting" note of the day: one a day, and found again to be dropped once they write. */
const waitingKey = (chatId: string, day: string) => `waiting:${chatId}:${day}`;

export function heldReleaser(options: {
  db: Db;
  channel: Channel;
  dispatch: (ids: bigint[]) => Promise<void>;
  logger: Logger;
}): HeldReleaser {
  const { db, channel } = options;
  /** Queues rows for sending; a failed dispatch leaves them queued, and the reconciler sends queued rows without a job. */
  const queue = (ids: bigint[], what: string) =>
    options
      .dispatch(ids)
      .catch((err: unknown) => options.logger.warn({ err }, `could not queue ${what}; the reconciler will`));
  return {
    async release(chatId) {
      // One indexed statement (channel, chat_id, id) that finds nothing on nearly every message.
      const rows = await db.$queryRaw<Row<"outbound_messages", "id">[]>`
        WITH released AS (
          UPDATE outbound_messages SET status = 'queued', not_before = NULL, last_error = NULL
          WHERE channel = ${channel}::channel AND chat_id = ${chatId} AND status = 'held' AND dedupe_key NOT LIKE 'waiting:%'
          RETURNING id
        ),
        -- a "waiting" note not sent yet says nothing to someone who just wrote
        dropped AS (
          UPDATE outbound_messages SET status = 'failed', last_error = 'not needed: they wrote first'
          WHERE channel = ${channel}::channel AND chat_id = ${chatId} AND status IN ('held', 'queued') AND dedupe_key LIKE 'waiting:%'
        )
        SELECT id FROM released`;
      if (!rows.length) return 0;
      const ids = rows.map((r) => r.id).sort((a, b) => (a < b ? -1 : 1));
      options.logger.info({ channel, count: ids.length }, "the person wrote again: sending what was held for them");
      await queue(ids, "released messages");
      return ids.length;
    },
    async ring(chatId) {
      const day = new Date().toISOString().slice(0, 10);
      const text = (locale: "en" | "sw") => templateTexts.waiting[locale].body.replace("{{1}}", "{name}");
      const rows = await db.$queryRaw<Row<"outbound_messages", "id">[]>`
        INSERT INTO outbound_messages (dedupe_key, channel, chat_id, user_id, body, options)
        SELECT ${waitingKey(chatId, day)}, h.channel, h.chat_id, h.user_id,
          replace(CASE WHEN u.locale = 'sw' THEN ${text("sw")} ELSE ${text("en")} END, '{name}', coalesce(u.name, '')),
          jsonb_build_object('template', jsonb_build_object('kind', 'waiting', 'locale', CASE WHEN u.locale = 'sw' THEN 'sw' ELSE 'en' END, 'params', jsonb_build_array(coalesce(u.name, ''))))
        FROM (SELECT channel, chat_id, user_id FROM outbound_messages
              WHERE channel = ${channel}::channel AND chat_id = ${chatId} AND status = 'held' AND dedupe_key NOT LIKE 'waiting:%'
              ORDER BY id DESC LIMIT 1) h
        LEFT JOIN users u ON u.id = h.user_id
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id`;
      if (!rows.length) return false;
      await queue(
        rows.map((r) => r.id),
        "the waiting note",
      );
      return true;
    },
    async retryTemplates() {
      const rows = await db.$queryRaw<Row<"outbound_messages", "id">[]>`
        UPDATE outbound_messages SET status = 'queued', last_error = NULL
        WHERE channel = ${channel}::channel AND status = 'held' AND options ? 'template'
        RETURNING id`;
      if (!rows.length) return 0;
      options.logger.info({ channel, count: rows.length }, "trying the held messages that have a template again");
      await queue(
        rows.map((r) => r.id),
        "held messages",
      );
      return rows.length;
    },
  };
}

/**
 * For the outbound worker's onHeld: a message was just held. If the chat's person wrote meanwhile (their message's
 * release ran before the hold was written), it is released now; else they are told that messages wait.
 */
export function onHeldFor(
  held: HeldReleaser,
  windowOpen: (chatId: string) => Promise<boolean>,
): (chatId: string) => Promise<void> {
  return async (chatId) => {
    if (await windowOpen(chatId)) await held.release(chatId);
    else await held.ring(chatId);
  };
}

/**
 * The engine's sink for a channel with a reply window: what was held for the chat is released once the person
 * writes (a release that fails is logged; their next message tries again). The release's one statement is sent
 * before the message is logged and runs beside it: the answer to the message is written only after the message is
 * logged and then handled, by which time what was held is queued ahead of it (waiting for it, in sequence, cost a
 * third of the webhook's intake: npm run bench:cloud).
 */
export function releasingSink(sink: InboundSink, held: HeldReleaser, logger: Logger): InboundSink {
  return async (event) => {
    const releasing = held
      .release(event.chatId)
      .catch(
        (err: unknown) => void logger.warn({ err }, "could not release held messages; the person's next message will"),
      );
    try {
      await sink(event);
    } finally {
      await releasing;
    }
  };
}
