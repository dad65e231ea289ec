// The chat channels: Telegram, WhatsApp Web, the WhatsApp Business Cloud API and the simulator (see enabledChannels).
import { z } from "zod";
import { bool, templateName, url } from "./fields.js";

export const channelSettings = {
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, "must look like 123456:ABC-DEF (the token @BotFather gives)")
    .optional(),
  TELEGRAM_API_ROOT: url(["http:", "https:"]).default("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_URL: url(["https:", "http:"]).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),

  /** The bot's @username, for t.me links organizers forward; asked of Telegram at start when unset. */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "must be the bot's username, e.g. NuruEventsBot")
    .transform((v) => v.replace(/^@/, ""))
    .optional(),

  WHATSAPP_ENABLED: bool.default(false),
  /** The bot's WhatsApp number, for wa.me click-to-chat links organizers forward (any format; stored as digits). */
  WHATSAPP_NUMBER: z
    .string()
    .regex(/^\+?[\d\s-]{8,20}$/, "must be the bot's WhatsApp number with its country code, e.g. +255712345678")
    .transform((v) => v.replace(/\D/g, ""))
    .optional(),
  WHATSAPP_SESSION_DIR: z.string().min(1).default(".wwebjs_auth"),
  /** WhatsApp bans numbers that message fast; one message per this many ms per chat, and per process overall. */
  WHATSAPP_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1500),
  /**
   * Messages to numbers that never wrote to the bot (invitations, above all) are what gets WhatsApp numbers banned:
   * upstream reports bans after ~20 in 30 minutes. They go out at about this many an hour, with jitter ...
   */
  WHATSAPP_FIRST_CONTACT_PER_HOUR: z.coerce.number().int().min(1).max(600).default(20),
  /** ... and at most this many a day (UTC); the rest wait for the next day. */
  WHATSAPP_FIRST_CONTACT_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(150),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /**
   * Run Chromium without its sandbox. Off: WhatsApp Web is a page from the internet and the sandbox keeps a broken
   * renderer away from the session and the environment. Only for hosts where the sandbox cannot start (README, "Docker").
   */
  CHROMIUM_NO_SANDBOX: bool.default(false),

  /** WhatsApp Business Cloud API (Meta's official API): the channel runs when the token is set. */
  WHATSAPP_CLOUD_TOKEN: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{20,1024}$/,
      "must be the access token Meta gives (a System User token, 20+ letters and digits)",
    )
    .optional(),
  /** The business number's id in Meta's API (WhatsApp Manager > API Setup), not the number itself. */
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,32}$/, "must be the Phone number ID Meta shows (digits), not the number")
    .optional(),
  /** The Meta app's secret, which signs every webhook call (X-Hub-Signature-256). */
  WHATSAPP_CLOUD_APP_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9]{16,128}$/, "must be the Meta app's App Secret (App settings > Basic)")
    .optional(),
  /** Any secret of yours, typed into the app's webhook settings too: Meta sends it back when it checks the URL. */
  WHATSAPP_CLOUD_VERIFY_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,256}$/, "must be 8-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
  WHATSAPP_CLOUD_API_VERSION: z
    .string()
    .regex(/^v\d{2}\.\d$/, "must be a Graph API version such as v24.0")
    .default("v24.0"),
  /** Meta's Graph API, or a proxy (or the fake in tests) in front of it. */
  WHATSAPP_CLOUD_API_ROOT: url(["https:", "http:"]).default("https://graph.facebook.com"),
  /** The number's throughput in messages a second (80 by default; Meta raises it to 1,000 on request). */
  WHATSAPP_CLOUD_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
  /**
   * New people a day the number may start conversations with (Meta's messaging limit: 250 for a new business, then
   * 1,000, 10,000, 100,000); invitations beyond it go the next day.
   */
  WHATSAPP_CLOUD_DAILY_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(250),
  /** Names of the approved templates for people who have not written for 24 hours (texts in README). */
  WHATSAPP_CLOUD_TEMPLATE_INVITATION: templateName.default("nuru_invitation"),
  WHATSAPP_CLOUD_TEMPLATE_REMINDER: templateName.default("nuru_reminder"),
  WHATSAPP_CLOUD_TEMPLATE_ANNOUNCEMENT: templateName.default("nuru_announcement"),
  /** ... and of the one telling someone silent for 24 hours that other messages wait until they reply */
  WHATSAPP_CLOUD_TEMPLATE_WAITING: templateName.default("nuru_waiting"),
  /** Meta's language code each Nuru language's templates were submitted in, e.g. en:en_US,sw:sw. */
  WHATSAPP_CLOUD_TEMPLATE_LANGUAGES: z
    .string()
    .regex(
      /^(en|sw):[a-z]{2,3}(_[A-Z]{2})?(,(en|sw):[a-z]{2,3}(_[A-Z]{2})?)*$/,
      "must be like en:en,sw:sw (Nuru's language:Meta's code)",
    )
    .transform((v) => Object.fromEntries(v.split(",").map((pair) => pair.split(":") as [string, string])))
    .default({ en: "en", sw: "sw" }),

  /** Run the simulator too when a real channel is configured (it always runs when none is). */
  SIMULATOR_ENABLED: bool.optional(),
};
