// The whole service as a person runs it: `node --import tsx src/main.ts` in a child process with only environment
// variables, a database it has to create and migrate itself, a chat through the simulator's HTTP API, and a clean
// stop on SIGTERM. Then the start-up failures a person can cause, each of which must be one readable line.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it, type ExpectStatic } from "vitest";
import { configSchema } from "../../src/config.js";
import { t } from "../../src/i18n/index.js";
import { createRedis } from "../../src/redis.js";
import { inject } from "../support/services.js";
import {
  APP_SECRET,
  inboundWebhook,
  PHONE_NUMBER_ID,
  startFakeMeta,
  text,
  VERIFY_TOKEN,
} from "../fakes/whatsapp-cloud.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const runTag = `${inject("runId")}_${randomBytes(3).toString("hex")}`;
const dbName = `nuru_e2e_${runTag}`;
const redisPrefix = `nuru-e2e-${runTag}`;
const urlOf = (name: string) => {
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${name}`;
  return url.toString();
};
const databaseUrl = urlOf(dbName);
/** The database two processes share in the scale-out test. */
const sharedDbName = `${dbName}_shared`;

interface Service {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
}

const started: Service[] = [];

afterAll(async () => {
  // A failed test may leave its service running; only processes this file started are stopped, by their own handle.
  for (const service of started)
    if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill("SIGKILL");
  await Promise.all(started.map((s) => s.exited));
  await Promise.all([dropDatabase(), deleteRedisKeys()]);
});

async function dropDatabase() {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  try {
    for (const name of [dbName, sharedDbName]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** The queues and pacing keys the service left under its own prefix. */
async function deleteRedisKeys() {
  const redis = createRedis(inject("redisUrl"));
  await redis.connect();
  try {
    for await (const keys of redis.scanStream({ match: `${redisPrefix}*`, count: 500 })) {
      if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
    }
  } finally {
    await redis.quit();
  }
}

/**
 * Starts the service with exactly these settings: every configuration variable is set (empty means unset), so
 * neither this shell's environment nor a developer's .env can add a chat channel or change a default.
 */
function startService(settings: Record<string, string>): Service {
  const blank = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, ""]));
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    ...blank,
    LOG_LEVEL: "warn",
    ...settings,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  // "close" rather than "exit": it also waits for the output pipes, so stderr is complete when it resolves.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const service = { child, stdout: () => stdout, stderr: () => stderr, exited };
  started.push(service);
  return service;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with the exit code, or fails if the process is still running after timeoutMs. */
async function exitWithin(service: Service, timeoutMs: number): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running after ${timeoutMs} ms; stderr: ${service.stderr()}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([service.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until fn returns a value; fails at the deadline, or at once if the service died meanwhile. */
async function eventually<T>(
  service: Service,
  what: string,
  timeoutMs: number,
  fn: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.child.exitCode !== null)
      throw new Error(`the service exited (${service.child.exitCode}) before ${what}: ${service.stderr()}`);
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `no ${what} within ${timeoutMs} ms; stderr: ${service.stderr()}; last logs: ${service.stdout().slice(-1500)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Posts a message to a service's simulator until it is taken (202); each carries its own id, so a retry is not taken twice. */
function simulatorSay(service: Service, base: string, phone: string, text: string, id: string): Promise<true> {
  return eventually(service, `the simulator taking "${text}"`, 10_000, async () => {
    const response = await fetch(`${base}/simulator/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ from: phone, text, id }),
    });
    // 409: the HTTP server is up a moment before the simulator channel starts; the page retries too.
    if (response.status === 409) return undefined;
    if (response.status !== 202) throw new Error(`${response.status}: ${await response.text()}`);
    return true;
  });
}

interface BotMessage {
  seq: number;
  text: string;
}

describe("the service", () => {
  it("creates its database, chats through the simulator and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const service = startService({
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject("redisUrl"),
      // Its own queues and keys, so another Nuru on this Redis cannot take its jobs.
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
    });

    await eventually(service, "answer on /healthz", 30_000, async () =>
      (await fetch(`${base}/healthz`)).ok ? true : undefined,
    );
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });

    // A +44 number is greeted in English.
    const phone = `+447400${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    const say = (text: string, id: string) => simulatorSay(service, base, phone, text, id);
    /** Long-polls the chat until the bot has said `text`. */
    const botSays = (text: string, after: number) =>
      eventually(service, `the bot saying "${text}"`, 20_000, async () => {
        const response = await fetch(
          `${base}/simulator/api/chats/${encodeURIComponent(phone)}/messages?after=${after}&wait=10`,
        );
        const messages = (await response.json()) as BotMessage[];
        return messages.find((m) => m.text === text);
      });

    await say("Hello", "e2e-1");
    const welcome = await botSays(t("en", "welcome.new"), 0);
    await say("Amina Mushi", "e2e-2");
    await botSays(t("en", "welcome.named", { name: "Amina Mushi" }), welcome.seq);

    service.child.kill("SIGTERM");
    expect(await exitWithin(service, 20_000)).toBe(0);
    expect(service.stderr()).toBe("");
  });

  it("stops when the npm that started it exits (a process manager's SIGTERM to `npm start` is not passed on)", async () => {
    const port = await freePort();
    const blank = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, ""]));
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      ...blank,
      LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      // What npm sets for the scripts it runs.
      npm_lifecycle_event: "start",
    };
    // A stand-in for npm: a parent that starts Nuru and waits for it.
    const parent = spawn("sh", ["-c", `"${process.execPath}" --import tsx src/main.ts & echo $!; wait`], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "ignore"],
    });
    const pid = await new Promise<number>((resolve) =>
      parent.stdout!.once("data", (chunk: Buffer) => resolve(Number(String(chunk).trim()))),
    );
    // Gone, or a zombie nobody reaps (an orphan's new parent here may not reap): either way it no longer runs.
    const alive = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
      } catch {
        return false;
      }
    };
    try {
      const deadline = Date.now() + 30_000;
      while (
        !(await fetch(`http://127.0.0.1:${port}/healthz`)
          .then((r) => r.ok)
          .catch(() => false))
      ) {
        if (Date.now() > deadline) throw new Error("Nuru did not start");
        await new Promise((r) => setTimeout(r, 100));
      }
      parent.kill("SIGKILL"); // npm gone, as after the SIGTERM it does not pass on
      const gone = Date.now() + 25_000;
      while (alive() && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      expect(alive()).toBe(false);
    } finally {
      if (alive()) process.kill(pid, "SIGKILL");
    }
  });
});

describe("the service on WhatsApp Cloud API", () => {
  it("takes Meta's signed webhook calls and answers through the Graph API, with its state on /readyz", async () => {
    const meta = await startFakeMeta({ statuses: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    meta.webhookUrl = `${base}/whatsapp-cloud/webhook`;
    const service = startService({
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: redisPrefix,
      PORT: String(port),
      WHATSAPP_CLOUD_TOKEN: meta.token,
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
      WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_CLOUD_API_ROOT: meta.apiRoot,
    });
    try {
      const ready = await eventually(service, "WhatsApp Cloud ready on /readyz", 30_000, async () => {
        const body = (await (await fetch(`${base}/readyz`)).json()) as { channels?: Record<string, string> };
        return body.channels?.whatsapp_cloud === "ready" ? body : undefined;
      });
      expect(ready).toEqual({ ready: true, postgres: "ok", redis: "ok", channels: { whatsapp_cloud: "ready" } });
      const check = await fetch(
        `${meta.webhookUrl}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`,
      );
      expect(await check.text()).toBe("42");
      // The simulator is off beside a real channel.
      expect((await fetch(`${base}/simulator/`)).status).toBe(404);

      const waId = `447400${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
      const hello = inboundWebhook({ waId, name: "Amina Mushi" }, text("Hello"));
      expect(await meta.callWebhook(hello, { signature: "sha256=" + "0".repeat(64) })).toEqual([401]);
      expect(await meta.callWebhook(hello)).toEqual([200]);
      const welcome = await eventually(service, "the welcome on WhatsApp", 20_000, async () => meta.shownTo(waId)[0]);
      // The network told the name, so Nuru does not ask it: the help comes at once, and WhatsApp's note on slashes.
      expect(welcome.text).toMatch(/^Here is what you can do with Nuru, Amina Mushi/);
      expect(welcome.text).toContain(t("en", "help.whatsapp_no_slash"));
    } finally {
      service.child.kill("SIGTERM");
      expect(await exitWithin(service, 20_000)).toBe(0);
      await meta.close();
    }
    expect(service.stderr()).toBe("");
  });
});

describe("two processes on one database and Redis", () => {
  it("handle each chat's messages once and in order, whichever process each message reaches", async () => {
    const settings = {
      DATABASE_URL: urlOf(sharedDbName),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: `${redisPrefix}-shared`,
    };
    // The first creates and migrates the database; the second starts on it.
    const ports = [await freePort(), await freePort()];
    const first = startService({ ...settings, PORT: String(ports[0]) });
    await eventually(first, "answer on /healthz", 30_000, async () =>
      (await fetch(`http://127.0.0.1:${ports[0]}/healthz`)).ok ? true : undefined,
    );
    const second = startService({ ...settings, PORT: String(ports[1]) });
    await eventually(second, "answer on /readyz", 30_000, async () =>
      (await fetch(`http://127.0.0.1:${ports[1]}/readyz`)).ok ? true : undefined,
    );
    const services = [first, second];

    // Each chat asks for the language question and answers it by number, twice, its messages going to the two
    // processes in turn. Handled out of order, "2" would come before its question and not be understood.
    const script = ["/language", "2", "/language", "1"];
    const phones = Array.from(
      { length: 6 },
      (_, i) => `+447700${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}${i}`,
    );
    const post = (i: number, phone: string, text: string, id: string) =>
      simulatorSay(services[i % 2]!, `http://127.0.0.1:${ports[i % 2]}`, phone, text, id);
    await Promise.all(
      phones.map(async (phone, p) => {
        for (const [i, text] of script.entries()) await post(i + p, phone, text, `pair-${phone.slice(1)}-${i}`);
      }),
    );

    const db = new pg.Client({ connectionString: urlOf(sharedDbName) });
    await db.connect();
    try {
      const expected = [
        t("en", "language.ask"),
        t("sw", "language.set"),
        t("sw", "language.ask"),
        t("en", "language.set"),
      ];
      for (const phone of phones) {
        const bodies = await eventually(first, `four replies to ${phone}, sent`, 20_000, async () => {
          const rows = await db.query<{ body: string; status: string }>(
            "SELECT body, status FROM outbound_messages WHERE chat_id = $1 ORDER BY id",
            [phone],
          );
          return rows.rows.length >= 4 && rows.rows.every((r) => r.status === "sent")
            ? rows.rows.map((r) => r.body)
            : undefined;
        });
        expect(bodies).toEqual(expected);
      }
      const inbound = await db.query<{ status: string; count: string }>(
        "SELECT status, count(*) FROM inbound_messages GROUP BY status",
      );
      expect(inbound.rows).toEqual([{ status: "done", count: String(phones.length * script.length) }]);
    } finally {
      await db.end();
    }

    for (const service of services) service.child.kill("SIGTERM");
    expect(await Promise.all(services.map((s) => exitWithin(s, 20_000)))).toEqual([0, 0]);
  });
});

// One after another: on a two-core machine four Node start-ups side by side take as long as in a row, and each
// process's own time is what "fails quickly" is about.
describe("start-up failures", () => {
  /** Starts the service, expects exit code 1 and returns its one stderr line. */
  async function failsWithOneLine(expect: ExpectStatic, settings: Record<string, string>): Promise<string> {
    const service = startService(settings);
    expect(await exitWithin(service, 15_000)).toBe(1);
    const lines = service
      .stderr()
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines, service.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/^Nuru cannot start: /);
    return lines[0]!;
  }

  it("names PostgreSQL and DATABASE_URL when the database server does not answer", async ({ expect }) => {
    const line = await failsWithOneLine(expect, {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:1/${dbName}`,
      REDIS_URL: inject("redisUrl"),
    });
    expect(line).toContain("PostgreSQL");
    expect(line).toContain("DATABASE_URL");
  });

  it("names PORT when it is not a port number", async ({ expect }) => {
    const line = await failsWithOneLine(expect, { PORT: "abc" });
    expect(line).toContain("PORT");
  });

  it("names Redis and REDIS_URL when Redis does not answer", async ({ expect }) => {
    const line = await failsWithOneLine(expect, { DATABASE_URL: databaseUrl, REDIS_URL: "redis://127.0.0.1:1" });
    expect(line).toContain("Redis");
    expect(line).toContain("REDIS_URL");
  });

  it("names WHATSAPP_CLOUD_TOKEN when Meta refuses it", async ({ expect }) => {
    const meta = await startFakeMeta();
    meta.tokenExpired = true;
    try {
      const line = await failsWithOneLine(expect, {
        DATABASE_URL: databaseUrl,
        REDIS_URL: inject("redisUrl"),
        REDIS_PREFIX: redisPrefix,
        PORT: String(await freePort()),
        WHATSAPP_CLOUD_TOKEN: meta.token,
        WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
        WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
        WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
        WHATSAPP_CLOUD_API_ROOT: meta.apiRoot,
      });
      expect(line).toContain("WHATSAPP_CLOUD_TOKEN");
      expect(line).toContain("Session has expired");
    } finally {
      await meta.close();
    }
  });

  it("refuses the simulator beside a real channel without OPERATOR_TOKEN", async ({ expect }) => {
    const line = await failsWithOneLine(expect, { SIMULATOR_ENABLED: "true", WHATSAPP_ENABLED: "true" });
    expect(line).toContain("OPERATOR_TOKEN");
  });
});
