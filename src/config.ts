// The only place that reads process.env. Parsed once at start-up; a bad value stops the process with one line that
// names the variable and how to fix it (see ConfigError).
import { existsSync } from "node:fs";
import { z } from "zod";
import { parseQuietHours } from "./reminders/quiet.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a ${protocols.join(" or ")} URL`,
  );

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Africa/Dar_es_Salaam");

const templateName = z
  .string()
  .regex(/^[a-z0-9_]{1,512}$/, "must be a template name as WhatsApp Manager shows it (a-z, 0-9, _)");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(["postgresql:", "postgres:"]).default("postgresql://postgres@127.0.0.1:5432/nuru"),
  REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535")
    .transform(Number)
    .pipe(z.number().max(65535, "must be a port number from 0 to 65535"))
    .default(3000),
  /**
   * The address the HTTP server listens on. Unset: 127.0.0.1 while the simulator runs open (no OPERATOR_TOKEN), since
   * it believes any phone number typed into it; every interface otherwise.
   */
  HOST: z
    .string()
    .regex(
      /^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|localhost)$/,
      "must be an IP address such as 127.0.0.1, 0.0.0.0 or ::",
    )
    .optional(),
  PUBLIC_URL: url(["http:", "https:"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Start of every Redis key and queue name; instances sharing one Redis need different prefixes. ":" separates parts. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
    .default("nuru"),
  /**
   * Password of the operator pages (user "operator"): the WhatsApp login QR, /metrics, /admin/queues, /readyz's
   * details, and the simulator whenever it is set.
   */
  OPERATOR_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),

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

  // Quotas: what one person may send through the business's number (src/domain/quotas.ts). Counted over the last 24 hours.
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

  // Mobile money (src/payments, README "Mobile money"). An event's currency picks the provider: KES M-Pesa (Daraja), TZS AzamPay.
  /** The built-in sandbox plays the payer's phone for currencies no provider collects (on by default except in production). */
  PAYMENTS_SANDBOX: bool.optional(),
  /** A collection open this many seconds without a callback is asked about at the provider. */
  PAYMENTS_RECONCILE_AFTER_SECONDS: z.coerce.number().int().min(10).max(86_400).default(120),
  MPESA_CONSUMER_KEY: z.string().optional(),
  MPESA_CONSUMER_SECRET: z.string().optional(),
  /** Paybill (or head-office) shortcode, BusinessShortCode. */
  MPESA_SHORTCODE: z
    .string()
    .regex(/^\d{5,7}$/, "must be the 5-7 digit shortcode Safaricom gave")
    .optional(),
  MPESA_PASSKEY: z.string().optional(),
  /** A till number (Buy Goods) to pay into instead of the paybill shortcode. */
  MPESA_TILL: z
    .string()
    .regex(/^\d{5,7}$/, "must be the 5-7 digit till number")
    .optional(),
  MPESA_API_ROOT: url(["https:", "http:"]).default("https://sandbox.safaricom.co.ke"),
  AZAMPAY_APP_NAME: z.string().optional(),
  AZAMPAY_CLIENT_ID: z.string().optional(),
  AZAMPAY_CLIENT_SECRET: z.string().optional(),
  AZAMPAY_API_KEY: z.string().optional(),
  AZAMPAY_AUTH_ROOT: url(["https:", "http:"]).default("https://authenticator-sandbox.azampay.co.tz"),
  AZAMPAY_API_ROOT: url(["https:", "http:"]).default("https://sandbox.azampay.co.tz"),
  /** The secret last part of the callback URL registered with AzamPay (/payments/azampay/callback/<secret>). */
  AZAMPAY_CALLBACK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{24,128}$/, "must be 24-128 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads `.env` (when present) and the environment; throws ConfigError: one line naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = ".env"): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    // One line however many problems: start-up failures are read in terminals and log collectors.
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message.replace(/\s+/g, " ")}`);
    throw new ConfigError(
      `Invalid configuration: ${lines.join("; ")} (set it in the environment or .env; see .env.example)`,
    );
  }
  const config = parsed.data;
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      "Invalid configuration: TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; set a random secret of 16+ characters",
    );
  }
  if (config.WHATSAPP_CLOUD_TOKEN) {
    const missing = (
      ["WHATSAPP_CLOUD_PHONE_NUMBER_ID", "WHATSAPP_CLOUD_APP_SECRET", "WHATSAPP_CLOUD_VERIFY_TOKEN"] as const
    ).filter((k) => !config[k]);
    if (missing.length)
      throw new ConfigError(
        `Invalid configuration: WHATSAPP_CLOUD_TOKEN is set but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not (see README, "WhatsApp Cloud API")`,
      );
  }
  const channels = enabledChannels(config);
  // The simulator believes whatever phone number is typed into it, so next to real people it would let anyone act as
  // any of them; it may only run there behind the operator password.
  if (
    channels.simulator &&
    (channels.telegram || channels.whatsapp || channels.whatsappCloud) &&
    !config.OPERATOR_TOKEN
  ) {
    throw new ConfigError(
      "Invalid configuration: SIMULATOR_ENABLED=true next to a real chat channel needs OPERATOR_TOKEN (16+ characters of A-Z, a-z, 0-9, _ and -), or turn the simulator off",
    );
  }
  // In production the database holds real people even with the simulator alone (a demo deployment reaching it), so
  // the same rule holds there.
  if (channels.simulator && config.NODE_ENV === "production" && !config.OPERATOR_TOKEN) {
    throw new ConfigError(
      "Invalid configuration: the simulator in NODE_ENV=production needs OPERATOR_TOKEN (16+ characters of A-Z, a-z, 0-9, _ and -), or set SIMULATOR_ENABLED=false",
    );
  }
  // An open simulator lets whoever reaches the port write as any number (an admin's included) and read every chat:
  // it stays on this machine unless the operator password guards it.
  if (channels.simulator && !config.OPERATOR_TOKEN && config.HOST && !isLoopback(config.HOST)) {
    throw new ConfigError(
      `Invalid configuration: HOST=${config.HOST} would open the simulator (no password) to other machines; set OPERATOR_TOKEN (16+ characters of A-Z, a-z, 0-9, _ and -), or leave HOST unset`,
    );
  }
  return config;
}

const isLoopback = (host: string) =>
  host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * Where the HTTP server listens: HOST when set; otherwise this machine only (127.0.0.1) while the simulator runs
 * without a password, every interface (undefined: Node's default) when it does not run or has one.
 */
export function listenHost(config: Config): string | undefined {
  if (config.HOST) return config.HOST;
  return enabledChannels(config).simulator && !config.OPERATOR_TOKEN ? "127.0.0.1" : undefined;
}

/**
 * Simulator pages need the operator password whenever one is set (it may then listen on every interface), beside real
 * channels and in production (see loadConfig).
 */
export function simulatorNeedsLogin(config: Config): boolean {
  const channels = enabledChannels(config);
  return (
    Boolean(config.OPERATOR_TOKEN) ||
    channels.telegram ||
    channels.whatsapp ||
    channels.whatsappCloud ||
    config.NODE_ENV === "production"
  );
}

/** Which channels run: the simulator always when no real channel is configured, so anyone can try every flow. */
export function enabledChannels(config: Config): {
  telegram: boolean;
  whatsapp: boolean;
  whatsappCloud: boolean;
  simulator: boolean;
} {
  const telegram = Boolean(config.TELEGRAM_BOT_TOKEN);
  const whatsapp = config.WHATSAPP_ENABLED;
  const whatsappCloud = Boolean(config.WHATSAPP_CLOUD_TOKEN);
  return {
    telegram,
    whatsapp,
    whatsappCloud,
    simulator: config.SIMULATOR_ENABLED ?? !(telegram || whatsapp || whatsappCloud),
  };
}
