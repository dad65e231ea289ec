// Quotas: what one person may send through the business's number (src/domain/quotas.ts). Counted over the last 24 hours.
import { z } from "zod";

export const quotaSettings = {
  /** Numbers one /invite message may hold. */
  INVITES_PER_MESSAGE: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Invitations one organizer may send a day, all their events together. */
  INVITES_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(500),
  /** A new organizer's invitations in all, until NEW_ORGANIZER_ANSWERS of their guests have answered. */
  NEW_ORGANIZER_INVITES: z.coerce.number().int().min(1).max(1_000_000).default(50),
  NEW_ORGANIZER_ANSWERS: z.coerce.number().int().min(0).max(10_000).default(5),
  /** Announcements (/announce) one event may send a day. */
  ANNOUNCEMENTS_PER_EVENT_PER_DAY: z.coerce.number().int().min(1).max(1_000).default(3),
  /** Characters an announcement may hold. */
  ANNOUNCEMENT_MAX_LENGTH: z.coerce.number().int().min(50).max(4_000).default(1_000),
  /** Share (percent) of the channel's daily first-contact budget one organizer may use, so nobody spends everyone's day. */
  FIRST_CONTACT_SHARE_PERCENT: z.coerce.number().int().min(1).max(100).default(25),
  /** Codes one person may try a day that open nothing (guessing event links). */
  UNKNOWN_CODES_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(10),
};
