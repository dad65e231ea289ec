// How conversations go: who people are assumed to be at first, how long Nuru remembers, how much it handles at once,
// when reminders keep quiet and how long messages are kept.
import { z } from "zod";
import { parseQuietHours } from "../reminders/quiet.js";
import { timeZone } from "./fields.js";

export const conversationSettings = {
  DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code such as TZ or KE")
    .default("TZ"),
  DEFAULT_TIMEZONE: timeZone.default("Africa/Dar_es_Salaam"),
  DEFAULT_LOCALE: z.enum(["en", "sw"]).default("en"),
  /** A conversation idle this long is forgotten and the person starts over. */
  CONVERSATION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(60 * 24),

  /** Transactions handling chats at once in this process; two suit two cores (BENCHMARKS.md). */
  ENGINE_BATCHES: z.coerce.number().int().min(1).max(8).default(2),
  /**
   * Chats per transaction at most. At most 60: a turn that writes at once does so in a subtransaction of its own, and
   * PostgreSQL tracks 64 per transaction cheaply.
   */
  ENGINE_BATCH_SIZE: z.coerce.number().int().min(1).max(60).default(48),

  /** Reminders that can wait are not sent in these hours of the reader's zone ("off" to send at any hour). */
  QUIET_HOURS: z
    .string()
    .refine((v) => parseQuietHours(v) !== undefined, "must be like 21:00-08:00, or off")
    .default("21:00-08:00"),

  /** Inbound and outbound messages are deleted this many days after they were handled (0: kept for ever). */
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  /** Files Nuru sent (exports, charts, entry passes, kept inside the outbox) are dropped after this many days (0: kept). */
  FILE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
};
