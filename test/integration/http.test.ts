// The HTTP app over a real socket, against the run's PostgreSQL and Redis. Outages are made with a TCP proxy in front
// of each service (test/support/tcp-proxy.ts), so the real servers other tests use are never stopped.
import type { AddressInfo } from "node:net";
import type { Express, Request, RequestHandler, Response } from "express";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSimulatorAdapter } from "../../src/channels/simulator/adapter.js";
import { whatsappQrHandler, type WhatsAppStatus } from "../../src/channels/whatsapp/index.js";
import { createPrisma } from "../../src/db/prisma.js";
import { createHttpApp, type HttpOptions } from "../../src/http/app.js";
import { operatorOnly } from "../../src/http/operator-auth.js";
import { webhookSecretGuard } from "../../src/channels/telegram/index.js";
import { createLogger } from "../../src/logger.js";
import { createRedis } from "../../src/redis.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { inject, testDb, testRedis } from "../support/services.js";

const logger = createLogger("silent");
const token = "operator_token-0123456789";
const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** Serves the app on 127.0.0.1 and returns its base URL. */
async function serve(app: Express): Promise<string> {
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function startApp(options: Partial<HttpOptions> = {}): Promise<string> {
  return serve(createHttpApp({ db: testDb(), redis: await testRedis(), logger, ...options }));
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** Asks until the answer has the wanted status, or fails with the last answer at the deadline. */
async function pollStatus(url: string, status: number, timeoutMs = 15_000): Promise<{ status: number; body: any }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    const answer = { status: response.status, body: await response.json() };
    if (answer.status === status) return answer;
    if (Date.now() > deadline) throw new Error(`${url} still answers ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function hostPort(url: string, defaultPort: number) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || defaultPort) };
}

describe("health and readiness", () => {
  it("answers /healthz and, with both services up, /readyz", async () => {
    const base = await startApp();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });
  });

  it("shows a blocked WhatsApp on /readyz with its reason, without taking the instance out of service", async () => {
    const base = await startApp({
      channelStatus: () => ({ whatsapp: "blocked: WhatsApp banned this number (TOS_BLOCK)" }),
    });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      postgres: "ok",
      redis: "ok",
      channels: { whatsapp: "blocked: WhatsApp banned this number (TOS_BLOCK)" },
    });
  });

  it("is not ready while Redis is away, and ready again when it is back", async () => {
    const proxy = await startTcpProxy(hostPort(inject("redisUrl"), 6379));
    closers.push(() => proxy.close());
    const redis: Redis = createRedis(proxy.url(inject("redisUrl")));
    redis.on("error", () => {}); // reconnect failures are the point of this test
    closers.push(async () => redis.disconnect());
    await redis.connect();
    const base = await serve(createHttpApp({ db: testDb(), redis, logger }));
    await pollStatus(`${base}/readyz`, 200);

    proxy.down();
    const down = await pollStatus(`${base}/readyz`, 503);
    expect(down.body).toMatchObject({ ready: false, postgres: "ok" });
    expect(down.body.redis).toMatch(/Redis/);

    proxy.up();
    expect((await pollStatus(`${base}/readyz`, 200)).body).toEqual({ ready: true, postgres: "ok", redis: "ok" });
  });

  it("is not ready while PostgreSQL is away, and ready again when it is back", async () => {
    const proxy = await startTcpProxy(hostPort(inject("databaseUrl"), 5432));
    closers.push(() => proxy.close());
    const db = createPrisma(proxy.url(inject("databaseUrl")), 2);
    closers.push(() => db.$disconnect());
    const base = await serve(createHttpApp({ db, redis: await testRedis(), logger }));
    await pollStatus(`${base}/readyz`, 200);

    proxy.down();
    const down = await pollStatus(`${base}/readyz`, 503);
    expect(down.body).toMatchObject({ ready: false, redis: "ok" });
    expect(down.body.postgres).toMatch(/PostgreSQL/);

    proxy.up();
    expect((await pollStatus(`${base}/readyz`, 200)).body).toEqual({ ready: true, postgres: "ok", redis: "ok" });
  });
});

describe("errors", () => {
  it("answers an unknown path with 404 JSON", async () => {
    const base = await startApp();
    const response = await fetch(`${base}/no/such/page`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: "not found" });
  });

  it("answers a malformed JSON body to the simulator with 400, not 500", async () => {
    const base = await startApp({ simulator: createSimulatorAdapter({ logger }).router() });
    const response = await fetch(`${base}/simulator/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"from": "+255712345678", "text": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/JSON/) });
  });
});

describe("operator pages", () => {
  const qrAdapter = {
    status: (): WhatsAppStatus => ({ state: "qr", qr: "2@fake-qr" }),
    qrSvg: async () => '<svg xmlns="http://www.w3.org/2000/svg" data-test="qr"></svg>',
  };

  it("asks for the operator password before showing the WhatsApp QR when OPERATOR_TOKEN is set", async () => {
    const base = await startApp({ whatsappQr: whatsappQrHandler(qrAdapter), operatorToken: token });
    const url = `${base}/whatsapp/qr`;

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm="Nuru operator"/);
    expect(await anonymous.text()).not.toContain("data-test");

    for (const wrong of [
      basic("operator", `${token}x`),
      basic("operator", token.slice(0, -1)),
      basic("admin", token),
      "Bearer " + token,
    ]) {
      const response = await fetch(url, { headers: { Authorization: wrong } });
      expect(response.status, wrong).toBe(401);
    }

    const operator = await fetch(url, { headers: { Authorization: basic("operator", token) } });
    expect(operator.status).toBe(200);
    expect(operator.headers.get("cache-control")).toBe("no-store");
    expect(await operator.text()).toContain('data-test="qr"');
  });

  it("shows the QR without a password only to this machine when OPERATOR_TOKEN is not set", async () => {
    const base = await startApp({ whatsappQr: whatsappQrHandler(qrAdapter) });
    const local = await fetch(`${base}/whatsapp/qr`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('data-test="qr"');

    // A reverse proxy on this machine also connects from loopback; what it forwards comes from elsewhere.
    const forwarded = await fetch(`${base}/whatsapp/qr`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
    expect(forwarded.status).toBe(403);
    expect((await forwarded.json()).error).toContain("OPERATOR_TOKEN");
  });

  it("refuses the QR to other machines when OPERATOR_TOKEN is not set", () => {
    // A socket's address cannot be chosen over a real connection, so the guard the app mounts is called directly.
    const cases: Array<[remoteAddress: string, headers: Record<string, string>, allowed: boolean]> = [
      ["203.0.113.7", {}, false],
      ["10.0.0.2", {}, false],
      ["::ffff:192.168.1.20", {}, false],
      ["127.0.0.2", {}, false],
      ["127.0.0.1", { forwarded: "for=203.0.113.7" }, false],
      ["127.0.0.1", {}, true],
      ["::1", {}, true],
      ["::ffff:127.0.0.1", {}, true],
    ];
    for (const [remoteAddress, headers, allowed] of cases) {
      const answer = callGuard(operatorOnly(undefined), remoteAddress, headers);
      expect(answer.passed, remoteAddress).toBe(allowed);
      if (!allowed) {
        expect(answer.status, remoteAddress).toBe(403);
        expect(JSON.stringify(answer.body), remoteAddress).toContain("set OPERATOR_TOKEN");
      }
    }
  });

  it("puts the simulator behind the operator password beside a real channel, and leaves it open alone", async () => {
    const simulator = () => createSimulatorAdapter({ logger }).router();
    const guarded = await startApp({ simulator: simulator(), operatorToken: token, protectSimulator: true });
    for (const path of ["/simulator/", "/simulator/api/chats"]) {
      expect((await fetch(`${guarded}${path}`)).status, path).toBe(401);
      expect(
        (await fetch(`${guarded}${path}`, { headers: { Authorization: basic("operator", "wrong-password-123") } }))
          .status,
        path,
      ).toBe(401);
      expect(
        (await fetch(`${guarded}${path}`, { headers: { Authorization: basic("operator", token) } })).status,
        path,
      ).toBe(200);
    }
    // Strangers' bodies are refused before they are parsed.
    const post = await fetch(`${guarded}/simulator/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ from: "+255712345678", text: "hi" }),
    });
    expect(post.status).toBe(401);

    const open = await startApp({ simulator: simulator() });
    expect((await fetch(`${open}/simulator/api/chats`)).status).toBe(200);
  });

  it("refuses to build an app whose simulator should be guarded without a password", async () => {
    const simulator = createSimulatorAdapter({ logger }).router();
    expect(() =>
      createHttpApp({ db: testDb(), redis: {} as Redis, logger, simulator, protectSimulator: true }),
    ).toThrow(/operatorToken/);
  });
});

/** Calls an express middleware with a stub request from remoteAddress; records what it answered or whether it passed. */
function callGuard(guard: RequestHandler, remoteAddress: string, headers: Record<string, string>) {
  const answer: { passed: boolean; status?: number; body?: unknown } = { passed: false };
  const req = { socket: { remoteAddress }, headers } as unknown as Request;
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    set: () => res,
    json(body: unknown) {
      answer.body = body;
      return res;
    },
  } as unknown as Response;
  void guard(req, res, () => {
    answer.passed = true;
  });
  return answer;
}

describe("Telegram webhook guard", () => {
  it("refuses a request without the right secret before reading its body", async () => {
    const secret = "webhook_secret-0123456789";
    let reached = 0;
    const base = await startApp({
      telegramWebhookGuard: webhookSecretGuard(secret),
      telegramWebhook: (_req, res) => {
        reached++;
        res.status(200).end();
      },
    });
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${base}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
    // Malformed JSON would be a 400 had it been parsed: 401 shows it never was.
    expect((await post({}, "{not json")).status).toBe(401);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": "wrong_secret-0123456789" }, "{not json")).status).toBe(
      401,
    );
    expect(reached).toBe(0);
    expect((await post({ "X-Telegram-Bot-Api-Secret-Token": secret }, '{"update_id":1}')).status).toBe(200);
    expect(reached).toBe(1);
  });
});
