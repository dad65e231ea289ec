// Session upkeep against a fake shaped like whatsapp-web.js 1.34.7: "ready" comes after initialize() returns, the
// disconnect reasons are the library's, the browser and page can die without the client saying so. QR and status,
// reconnecting after a drop or a failed start (only once the old browser is gone), watchdogs on a start or a logout
// that hangs, a health check that catches a frozen or dead browser, reasons that stop the retrying (a ban, an
// outdated version, another instance), a browser that will not close, and one process per session folder.
// Timings are pure logic, so those tests use fake timers.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createWhatsAppAdapter,
  type WhatsAppAdapter,
  type WhatsAppAdapterOptions,
} from "../../src/channels/whatsapp/adapter.js";
import { WhatsAppNotReadyError } from "../../src/channels/whatsapp/connection.js";
import { qrPage, whatsappQrHandler } from "../../src/channels/whatsapp/qr-page.js";
import { FakeWhatsAppNetwork } from "../fakes/whatsapp-client.js";

const adapters: WhatsAppAdapter[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(adapters.splice(0).map((a) => a.stop()));
});

const liveness = {
  startTimeoutMs: 60_000,
  logoutQrTimeoutMs: 30_000,
  healthIntervalMs: 10_000,
  healthTimeoutMs: 2_000,
  destroyTimeoutMs: 5_000,
};

function setup(retryDelaysMs = [100, 1000], extra: Partial<WhatsAppAdapterOptions> = {}) {
  const network = new FakeWhatsAppNetwork();
  const adapter = createWhatsAppAdapter({
    sessionDir: mkdtempSync(path.join(os.tmpdir(), "nuru-wa-")),
    chromiumPath: "/nonexistent/chromium",
    minIntervalMs: 1500,
    logger: pino({ level: "silent" }),
    clientFactory: network.factory,
    retryDelaysMs,
    printQrToTerminal: false,
    liveness,
    ...extra,
  });
  adapters.push(adapter);
  return { network, adapter };
}

/** Starts and lets the fake's "ready" (which, as in the library, comes after initialize returns) arrive. */
async function startReady(adapter: WhatsAppAdapter): Promise<void> {
  await adapter.start(async () => {});
  await vi.advanceTimersByTimeAsync(0);
  expect(adapter.status().state).toBe("ready");
}

const text = (chatId: string) => ({ chatId, text: "hello" });

describe("whatsapp login", () => {
  it("keeps the latest QR while waiting for a scan and forgets it once ready", async () => {
    const { network, adapter } = setup();
    network.autoReady = false;
    await adapter.start(async () => {});
    expect(adapter.status()).toEqual({ state: "starting" });
    expect(await adapter.qrSvg()).toBeUndefined();

    network.current.emitQr("2@first-qr");
    network.current.emitQr("2@second-qr");
    expect(adapter.status()).toEqual({ state: "qr", qr: "2@second-qr" });
    expect(await adapter.qrSvg()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    network.current.emitReady();
    expect(adapter.status()).toEqual({ state: "ready" });
    expect(await adapter.qrSvg()).toBeUndefined();
    // The library may say ready twice: nothing changes.
    network.current.emitReady();
    expect(network.clients).toHaveLength(1);
  });

  it("serves the QR page with the SVG while scanning and a status line otherwise", async () => {
    const { network, adapter } = setup();
    network.autoReady = false;
    await adapter.start(async () => {});
    network.current.emitQr("2@page-qr");

    const response = { headers: {} as Record<string, string>, kind: "", body: "" };
    const res = {
      set: (name: string, value: string) => ((response.headers[name] = value), res),
      type: (kind: string) => ((response.kind = kind), res),
      send: (body: string) => ((response.body = body), res),
    };
    await whatsappQrHandler(adapter)({} as never, res as never);
    expect(response.kind).toBe("html");
    expect(response.headers["Cache-Control"]).toBe("no-store");
    expect(response.body).toContain("<svg");
    expect(response.body).toContain('data-state="qr"');

    expect(qrPage("ready", undefined)).toContain("WhatsApp is connected");
    expect(qrPage("ready", undefined)).not.toContain("<svg");
    expect(qrPage("blocked", undefined, "WhatsApp banned this number (TOS_BLOCK) <b>")).toContain(
      "WhatsApp is stopped and will not retry: WhatsApp banned this number (TOS_BLOCK) &#60;b&#62;",
    );
  });
});

describe("whatsapp reconnect", () => {
  it("builds a new client after a disconnect, once the old one is destroyed and the backoff has passed", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100, 1000]);
    await startReady(adapter);
    const first = network.current;

    first.emitDisconnected("UNPAIRED");
    expect(adapter.status().state).toBe("disconnected");
    await vi.advanceTimersByTimeAsync(99);
    expect(first.destroyed).toBe(true);
    expect(network.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.clients).toHaveLength(2);
    expect(network.current.initializeCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(adapter.status().state).toBe("ready");
    // The old client is no longer listened to.
    expect(first.listenerCount("message")).toBe(0);
  });

  it("retries a failed start with growing delays, and resets them once ready", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100, 1000]);
    network.failInitialize = 2;
    await adapter.start(async () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(network.clients).toHaveLength(1);
    expect(network.clients[0]!.destroyed).toBe(true);

    await vi.advanceTimersByTimeAsync(100);
    expect(network.clients).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(network.clients).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.clients).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(adapter.status().state).toBe("ready");

    network.current.emitDisconnected();
    await vi.advanceTimersByTimeAsync(100);
    expect(network.clients).toHaveLength(4);
  });

  it("does not reconnect after stop(), and destroys the client", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup();
    await startReady(adapter);
    network.current.emitDisconnected();
    await adapter.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(network.clients).toHaveLength(1);
    expect(network.current.destroyed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(adapter.status().state).toBe("disconnected");
  });

  it("stop() destroys a connected client and stops listening to it", async () => {
    const { network, adapter } = setup();
    await adapter.start(async () => {});
    await new Promise((r) => setImmediate(r));
    const client = network.current;
    await adapter.stop();
    expect(client.destroyed).toBe(true);
    expect(client.listenerCount("disconnected")).toBe(0);
    client.emitDisconnected();
    expect(network.clients).toHaveLength(1);
  });
});

describe("whatsapp watchdogs", () => {
  it("rebuilds a start that shows neither a QR nor ready (page.goto has no timeout in the library)", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    network.autoReady = false;
    await adapter.start(async () => {});
    await vi.advanceTimersByTimeAsync(59_999);
    expect(network.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 100);
    expect(network.clients).toHaveLength(2);
    expect(network.clients[0]!.destroyed).toBe(true);
    // A QR disarms it: waiting for a person to scan is not hanging.
    network.current.emitQr("2@scan-me");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(network.clients).toHaveLength(2);
  });

  it("waits for the library's own new QR after a logout, and rebuilds the client when none comes", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    network.current.emitDisconnected("LOGOUT");
    expect(adapter.status().state).toBe("disconnected");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(network.clients).toHaveLength(1);
    expect(network.current.destroyed).toBe(false);
    network.current.emitQr("2@after-logout");
    expect(adapter.status()).toEqual({ state: "qr", qr: "2@after-logout" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(network.clients).toHaveLength(1);

    // A second logout whose recovery never shows a QR (the library's LOGOUT path rejects, un-awaited).
    network.current.emitReady();
    network.current.emitDisconnected("LOGOUT");
    await vi.advanceTimersByTimeAsync(30_000 + 100);
    expect(network.clients).toHaveLength(2);
  });

  it.each([
    ["a frozen page (getState never answers)", "hang"],
    ["a dead page (getState rejects with Target closed)", "throw"],
    ["a session gone without an event (getState says UNPAIRED)", "UNPAIRED"],
  ] as const)("rebuilds on %s, caught by the health check", async (_what, answer) => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(network.clients).toHaveLength(1);
    network.current.stateAnswer = answer;
    await vi.advanceTimersByTimeAsync(10_000 + 2_000 + 100);
    expect(network.clients).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(0);
    expect(adapter.status().state).toBe("ready");
  });

  it.each([
    [
      "the browser disconnecting (a Chromium crash)",
      (c: FakeWhatsAppNetwork["current"]) => c.pupBrowser.emit("disconnected"),
    ],
    ["the page closing", (c: FakeWhatsAppNetwork["current"]) => c.pupPage.emit("close")],
    ["the page crashing", (c: FakeWhatsAppNetwork["current"]) => c.pupPage.emit("error", new Error("Page crashed!"))],
  ])("rebuilds on %s, which the client itself never reports", async (_what, kill) => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    kill(network.current);
    expect(adapter.status().state).toBe("disconnected");
    await vi.advanceTimersByTimeAsync(100);
    expect(network.clients).toHaveLength(2);
  });

  it("rebuilds when a send fails with a dead session, instead of retrying into it for hours", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    network.nextSendError =
      "Protocol error (Runtime.callFunctionOn): Session closed. Most likely the page has been closed.";
    await expect(adapter.send(text("255712345678@c.us"))).rejects.toThrow("Session closed");
    expect(adapter.status().state).toBe("disconnected");
    await vi.advanceTimersByTimeAsync(100);
    expect(network.clients).toHaveLength(2);
    // An ordinary failure does not.
    await vi.advanceTimersByTimeAsync(0);
    network.nextSendError = "some passing trouble";
    await expect(adapter.send(text("255712345678@c.us"))).rejects.toThrow("some passing trouble");
    expect(adapter.status().state).toBe("ready");
  });

  it("kills the browser of a client that will not close, then builds the next one", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    const stuck = network.current;
    stuck.destroyHangs = true;
    stuck.emitDisconnected("UNPAIRED");
    await vi.advanceTimersByTimeAsync(4_999);
    expect(stuck.pupBrowser.killed).toBe(false);
    expect(network.clients).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(stuck.pupBrowser.killed).toBe("SIGKILL");
    await vi.advanceTimersByTimeAsync(100);
    expect(network.clients).toHaveLength(2);
  });
});

describe("whatsapp reasons that stop the retrying", () => {
  it.each([
    ["TOS_BLOCK", "WhatsApp banned this number (TOS_BLOCK)"],
    ["SMB_TOS_BLOCK", "WhatsApp banned this business number (SMB_TOS_BLOCK)"],
    ["DEPRECATED_VERSION", "WhatsApp refuses this WhatsApp Web version (DEPRECATED_VERSION): update whatsapp-web.js"],
  ])("stops on %s and says why", async (reason, why) => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    network.current.emitDisconnected(reason);
    expect(adapter.status()).toEqual({ state: "blocked", reason: why });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(network.clients).toHaveLength(1);
    expect(network.current.destroyed).toBe(true);
    await expect(adapter.send(text("255712345678@c.us"))).rejects.toThrow(WhatsAppNotReadyError);
    await expect(adapter.send(text("255712345678@c.us"))).rejects.toThrow(`blocked: ${why}`);
  });

  it("stops after CONFLICT three times in ten minutes (another instance on the session), not after one", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100]);
    await startReady(adapter);
    for (let i = 0; i < 2; i++) {
      network.current.emitDisconnected("CONFLICT");
      await vi.advanceTimersByTimeAsync(100);
      await vi.advanceTimersByTimeAsync(0);
      expect(adapter.status().state).toBe("ready");
    }
    network.current.emitDisconnected("CONFLICT");
    expect(adapter.status().state).toBe("blocked");
    expect(adapter.status().reason).toMatch(/another WhatsApp Web session keeps taking this number \(CONFLICT 3 times/);
  });

  it("lets one process use a session folder: a second one stops with the reason; a dead holder's lock is taken over", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "nuru-wa-lock-"));
    const first = setup([100], { sessionDir: dir });
    const second = setup([100], { sessionDir: dir });
    await first.adapter.start(async () => {});
    await second.adapter.start(async () => {});
    expect(second.adapter.status().state).toBe("blocked");
    expect(second.adapter.status().reason).toContain(`is in use by process ${process.pid} on ${os.hostname()}`);
    expect(second.network.clients).toHaveLength(0);
    await first.adapter.stop();

    // A lock left by a process that died is taken over.
    writeFileSync(path.join(dir, "nuru.lock"), `${os.hostname()} 2147483646`);
    const third = setup([100], { sessionDir: dir });
    await third.adapter.start(async () => {});
    expect(third.network.clients).toHaveLength(1);
  });
});
