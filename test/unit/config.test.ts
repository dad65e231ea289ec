// loadConfig on plain objects (no .env is read for them): defaults, one readable line per bad value, and which
// channels run.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, configSchema, enabledChannels, loadConfig } from "../../src/config.js";

const operatorToken = "op-token_0123456789abcdef";
const botToken = "123456:ABC-def_ghi";

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("gives the defaults that run the simulator demo on this machine", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/nuru",
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_PREFIX: "nuru",
      PORT: 3000,
      LOG_LEVEL: "info",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      WHATSAPP_ENABLED: false,
      WHATSAPP_MIN_INTERVAL_MS: 1500,
      DEFAULT_COUNTRY: "TZ",
      DEFAULT_TIMEZONE: "Africa/Dar_es_Salaam",
      DEFAULT_LOCALE: "en",
      CONVERSATION_TTL_MINUTES: 1440,
      ENGINE_BATCHES: 2,
      ENGINE_BATCH_SIZE: 48,
    });
    expect(config.OPERATOR_TOKEN).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads given values and treats empty ones as unset", () => {
    const config = loadConfig({
      PORT: "8080",
      WHATSAPP_ENABLED: "yes",
      OPERATOR_TOKEN: operatorToken,
      TELEGRAM_BOT_TOKEN: "",
    });
    expect(config.PORT).toBe(8080);
    expect(config.WHATSAPP_ENABLED).toBe(true);
    expect(config.OPERATOR_TOKEN).toBe(operatorToken);
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  const invalid: Array<[name: string, env: Record<string, string>]> = [
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/nuru" }],
    ["DATABASE_URL", { DATABASE_URL: "not a url" }],
    ["REDIS_URL", { REDIS_URL: "http://127.0.0.1:6379" }],
    ["PORT", { PORT: "abc" }],
    ["PORT", { PORT: "70000" }],
    ["PORT", { PORT: "-1" }],
    ["TELEGRAM_BOT_TOKEN", { TELEGRAM_BOT_TOKEN: "not-a-token" }],
    [
      "TELEGRAM_WEBHOOK_SECRET",
      { TELEGRAM_BOT_TOKEN: botToken, TELEGRAM_WEBHOOK_URL: "https://nuru.example.com/telegram/webhook" },
    ],
    ["DEFAULT_COUNTRY", { DEFAULT_COUNTRY: "tz" }],
    ["DEFAULT_TIMEZONE", { DEFAULT_TIMEZONE: "Mars/Olympus_Mons" }],
    ["OPERATOR_TOKEN", { OPERATOR_TOKEN: "short" }],
    ["OPERATOR_TOKEN", { OPERATOR_TOKEN: "has spaces in it, sixteen+" }],
    ["REDIS_PREFIX", { REDIS_PREFIX: "nuru:e2e" }],
    ["OPERATOR_TOKEN", { SIMULATOR_ENABLED: "true", TELEGRAM_BOT_TOKEN: botToken }],
    ["OPERATOR_TOKEN", { SIMULATOR_ENABLED: "true", WHATSAPP_ENABLED: "true" }],
    ["OPERATOR_TOKEN", { NODE_ENV: "production" }],
    ["ENGINE_BATCHES", { ENGINE_BATCHES: "0" }],
    ["ENGINE_BATCH_SIZE", { ENGINE_BATCH_SIZE: "64" }],
  ];
  it.each(invalid)("refuses a bad %s with one line naming it", (name, env) => {
    const error = configError(env);
    expect(error.message).toContain(name);
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).toMatch(/^Invalid configuration: /);
  });

  it("names every bad variable in the same single line", () => {
    const error = configError({ PORT: "abc", DEFAULT_COUNTRY: "Tanzania" });
    expect(error.message).toMatch(/PORT.*DEFAULT_COUNTRY|DEFAULT_COUNTRY.*PORT/);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it("lets the simulator run beside a real channel once OPERATOR_TOKEN is set", () => {
    const config = loadConfig({
      SIMULATOR_ENABLED: "true",
      TELEGRAM_BOT_TOKEN: botToken,
      OPERATOR_TOKEN: operatorToken,
    });
    expect(enabledChannels(config)).toEqual({ telegram: true, whatsapp: false, whatsappCloud: false, simulator: true });
  });
});

describe("simulatorNeedsLogin", () => {
  it("is off for the local demo, on beside a real channel and in production", async () => {
    const { simulatorNeedsLogin } = await import("../../src/config.js");
    expect(simulatorNeedsLogin(loadConfig({}))).toBe(false);
    expect(simulatorNeedsLogin(loadConfig({ NODE_ENV: "production", OPERATOR_TOKEN: operatorToken }))).toBe(true);
    expect(simulatorNeedsLogin(loadConfig({ TELEGRAM_BOT_TOKEN: botToken }))).toBe(true);
  });

  it("is on whenever OPERATOR_TOKEN is set, so a simulator that may listen widely always asks for it", async () => {
    const { simulatorNeedsLogin } = await import("../../src/config.js");
    expect(simulatorNeedsLogin(loadConfig({ OPERATOR_TOKEN: operatorToken }))).toBe(true);
  });
});

describe("listenHost", () => {
  it("keeps an open simulator on this machine: 127.0.0.1 unless OPERATOR_TOKEN is set", async () => {
    const { listenHost } = await import("../../src/config.js");
    expect(listenHost(loadConfig({}))).toBe("127.0.0.1");
    expect(listenHost(loadConfig({ NODE_ENV: "test" }))).toBe("127.0.0.1");
    // With the password (the simulator then asks for it), or without a simulator, every interface.
    expect(listenHost(loadConfig({ OPERATOR_TOKEN: operatorToken }))).toBeUndefined();
    expect(listenHost(loadConfig({ TELEGRAM_BOT_TOKEN: botToken }))).toBeUndefined();
    expect(listenHost(loadConfig({ SIMULATOR_ENABLED: "false" }))).toBeUndefined();
    expect(listenHost(loadConfig({ HOST: "::1" }))).toBe("::1");
    expect(listenHost(loadConfig({ HOST: "0.0.0.0", OPERATOR_TOKEN: operatorToken }))).toBe("0.0.0.0");
  });

  it("refuses HOST on other interfaces for a simulator without a password, in one line", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20"]) {
      const error = configError({ HOST: host });
      expect(error.message).toContain("OPERATOR_TOKEN");
      expect(error.message).toContain(`HOST=${host}`);
      expect(error.message).not.toMatch(/[\r\n]/);
    }
    expect(configError({ HOST: "my laptop" }).message).toContain("HOST must be an IP address");
  });
});

describe("enabledChannels", () => {
  const channels = (env: Record<string, string>) => enabledChannels(loadConfig(env));

  it("runs only the simulator when no real channel is configured", () => {
    expect(channels({})).toEqual({ telegram: false, whatsapp: false, whatsappCloud: false, simulator: true });
  });
  it("turns the simulator off by default once a real channel is configured", () => {
    expect(channels({ TELEGRAM_BOT_TOKEN: botToken })).toEqual({
      telegram: true,
      whatsapp: false,
      whatsappCloud: false,
      simulator: false,
    });
    expect(channels({ WHATSAPP_ENABLED: "true" })).toEqual({
      telegram: false,
      whatsapp: true,
      whatsappCloud: false,
      simulator: false,
    });
    expect(channels({ TELEGRAM_BOT_TOKEN: botToken, WHATSAPP_ENABLED: "1" })).toEqual({
      telegram: true,
      whatsapp: true,
      whatsappCloud: false,
      simulator: false,
    });
  });
  it("runs WhatsApp Cloud when its token is set, and insists on the rest of its settings", () => {
    const cloud = {
      WHATSAPP_CLOUD_TOKEN: "EAAG" + "x".repeat(40),
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: "106540352242922",
      WHATSAPP_CLOUD_APP_SECRET: "0123456789abcdef0123456789abcdef",
      WHATSAPP_CLOUD_VERIFY_TOKEN: "my-verify-token",
    };
    expect(channels(cloud)).toEqual({ telegram: false, whatsapp: false, whatsappCloud: true, simulator: false });
    expect(() => loadConfig({ WHATSAPP_CLOUD_TOKEN: cloud.WHATSAPP_CLOUD_TOKEN })).toThrow(
      /WHATSAPP_CLOUD_PHONE_NUMBER_ID, WHATSAPP_CLOUD_APP_SECRET, WHATSAPP_CLOUD_VERIFY_TOKEN are not/,
    );
    expect(() => loadConfig({ ...cloud, WHATSAPP_CLOUD_PHONE_NUMBER_ID: "+255712345678" })).toThrow(
      /WHATSAPP_CLOUD_PHONE_NUMBER_ID must be the Phone number ID/,
    );
    expect(() => loadConfig({ ...cloud, SIMULATOR_ENABLED: "true" })).toThrow(/OPERATOR_TOKEN/);
    expect(
      loadConfig({ ...cloud, WHATSAPP_CLOUD_TEMPLATE_LANGUAGES: "en:en_US,sw:sw" }).WHATSAPP_CLOUD_TEMPLATE_LANGUAGES,
    ).toEqual({ en: "en_US", sw: "sw" });
    expect(() => loadConfig({ ...cloud, WHATSAPP_CLOUD_TEMPLATE_LANGUAGES: "english" })).toThrow(/en:en,sw:sw/);
  });
  it("follows an explicit SIMULATOR_ENABLED", () => {
    expect(channels({ SIMULATOR_ENABLED: "false" })).toEqual({
      telegram: false,
      whatsapp: false,
      whatsappCloud: false,
      simulator: false,
    });
    expect(channels({ SIMULATOR_ENABLED: "false", TELEGRAM_BOT_TOKEN: botToken })).toEqual({
      telegram: true,
      whatsapp: false,
      whatsappCloud: false,
      simulator: false,
    });
  });
});

describe(".env.example", () => {
  it("lists every configuration variable, commented out", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = [...text.matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(Object.keys(configSchema.shape)));
    expect(text).not.toMatch(/^[A-Z][A-Z0-9_]*=/m);
  });

  it("shows defaults that loadConfig accepts", () => {
    const text = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const env = Object.fromEntries([...text.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });
});
