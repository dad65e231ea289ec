// The only place that reads process.env. Parsed once at start-up; a bad value stops the process with one line that
// names the variable and how to fix it (see ConfigError).
import { existsSync } from "node:fs";
import { z } from "zod";
import { parseQuietHours } from "./reminders/quiet.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(" or ")} URL`);

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Africa/Dar_es_Salaam");

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
  PUBLIC_URL: url(["http:", "https:"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Start of every Redis key and queue name; instances sharing one Redis need different prefixes. ":" separates parts. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
    .default("nuru"),
  /**
   * Password of the operator pages (user "operator"): the WhatsApp login QR, and the simulator when it runs beside a
   * real channel.
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

  /** Run the simulator too when a real channel is configured (it always runs when none is). */
  SIMULATOR_ENABLED: bool.optional(),

  DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code such as TZ or KE")
    .default("TZ"),
  DEFAULT_TIMEZONE: timeZone.default("Africa/Dar_es_Salaam"),
  DEFAULT_LOCALE: z.enum(["en", "sw"]).default("en"),
  /** A conversation idle this long is forgotten and the person starts over. */
  CONVERSATION_TTL_MINUTES: z.coerce.number().int().min(1).default(60 * 24),

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
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")} (set it in the environment or .env; see .env.example)`);
  }
  const config = parsed.data;
  if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError("Invalid configuration: TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not; set a random secret of 16+ characters");
  }
  const channels = enabledChannels(config);
  // The simulator believes whatever phone number is typed into it, so next to real people it would let anyone act as
  // any of them; it may only run there behind the operator password.
  if (channels.simulator && (channels.telegram || channels.whatsapp) && !config.OPERATOR_TOKEN) {
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
  return config;
}

/** Simulator pages need the operator password beside real channels and in production (see loadConfig). */
export function simulatorNeedsLogin(config: Config): boolean {
  const channels = enabledChannels(config);
  return channels.telegram || channels.whatsapp || config.NODE_ENV === "production";
}

/** Which channels run: the simulator always when no real channel is configured, so anyone can try every flow. */
export function enabledChannels(config: Config): { telegram: boolean; whatsapp: boolean; simulator: boolean } {
  const telegram = Boolean(config.TELEGRAM_BOT_TOKEN);
  const whatsapp = config.WHATSAPP_ENABLED;
  return { telegram, whatsapp, simulator: config.SIMULATOR_ENABLED ?? !(telegram || whatsapp) };
}
