// What the chat processor's parts share: its options, its clock and its guarded observability hooks.
import type { Db } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Locale } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import type { Router } from "./router.js";
import type { ChatRef, NextMessage } from "./turn-store.js";

export interface ProcessorOptions {
  db: Db;
  router: Router;
  logger: Logger;
  defaultCountry: string;
  defaultLocale: Locale;
  /** batches (transactions) running at once in this process; keep well below the database pool size */
  concurrency?: number;
  /** chats handled per transaction at most */
  batchSize?: number;
  /** observability hook: a batch of these chats starts */
  onBatch?: (chats: ChatRef[]) => void;
  /** observability hook: a message was handled (or refused, or given up on) and its replies handed to the outbound queue */
  onHandled?: (channel: Channel, chatId: string, inboundId: bigint) => void;
  /** called after commit with the outbound rows to send; bulk: messages to other people (sent after replies) */
  dispatch: (channel: Channel, ids: bigint[], bulk: boolean) => Promise<void>;
  now?: () => Date;
}

export interface ProcessorContext {
  options: ProcessorOptions;
  now: () => Date;
  /** runs an observability hook; a hook that throws is logged, never breaks processing */
  notify: (hook: () => void) => void;
}

/** The turn that failed a batch, and why. */
export type Failure = { message: NextMessage; error: unknown };

export function processorContext(options: ProcessorOptions): ProcessorContext {
  return {
    options,
    now: options.now ?? (() => new Date()),
    notify(hook) {
      try {
        hook();
      } catch (err) {
        options.logger.warn({ err }, "a processor hook failed");
      }
    },
  };
}
