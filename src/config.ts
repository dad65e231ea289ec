// The only place that reads process.env. Parsed once at start-up; a bad value stops the process with one line that
// names the variable and how to fix it (see ConfigError). The variables are declared by area in src/config/.
import { existsSync } from "node:fs";
import { z } from "zod";
import { channelSettings } from "./config/channels.js";
import { conversationSettings } from "./config/conversations.js";
import { paymentSettings } from "./config/payments.js";
import { quotaSettings } from "./config/quotas.js";
import { serverSettings } from "./config/server.js";

// One schema, the areas in the order .env.example lists them: a bad configuration's one line names its variables in
// this order.
export const configSchema = z.object({
  ...serverSettings,
  ...channelSettings,
  ...conversationSettings,
  ...quotaSettings,
  ...paymentSettings,
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

/**
 * Whether npm started this process (`npm start` sets npm_lifecycle_event): then Nuru watches for npm going away, since
 * npm exits on SIGTERM without passing it on (src/startup/shutdown.ts). Not part of the schema: npm sets it, not the
 * operator.
 */
export function startedByNpm(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.npm_lifecycle_event);
}
