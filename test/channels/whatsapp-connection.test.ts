// Session upkeep: QR and status, reconnecting after a drop or a failed start, and staying down after stop().
// Reconnect delays are pure timing logic, so those tests use fake timers.
import { pino } from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWhatsAppAdapter, type WhatsAppAdapter } from "../../src/channels/whatsapp/adapter.js";
import { qrPage, whatsappQrHandler } from "../../src/channels/whatsapp/qr-page.js";
import { FakeWhatsAppNetwork } from "../fakes/whatsapp-client.js";

let adapter: WhatsAppAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  vi.useRealTimers();
});

function setup(retryDelaysMs = [100, 1000]) {
  const network = new FakeWhatsAppNetwork();
  adapter = createWhatsAppAdapter({
    sessionDir: "/nonexistent/session",
    chromiumPath: "/nonexistent/chromium",
    minIntervalMs: 1500,
    logger: pino({ level: "silent" }),
    clientFactory: network.factory,
    retryDelaysMs,
    printQrToTerminal: false,
  });
  return { network, adapter };
}

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
  });
});

describe("whatsapp reconnect", () => {
  it("builds a new client after a disconnect, waiting the backoff, and is ready again", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup([100, 1000]);
    await adapter.start(async () => {});
    const first = network.current;
    expect(adapter.status().state).toBe("ready");

    first.emitDisconnected("CONFLICT");
    expect(adapter.status().state).toBe("disconnected");
    expect(first.destroyed).toBe(true);
    vi.advanceTimersByTime(99);
    expect(network.clients).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(network.clients).toHaveLength(2);
    expect(network.current.initializeCalls).toBe(1);
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
    expect(adapter.status().state).toBe("ready");

    network.current.emitDisconnected();
    vi.advanceTimersByTime(100);
    expect(network.clients).toHaveLength(4);
  });

  it("waits for the library's own new QR after a logout instead of destroying its browser", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup();
    await adapter.start(async () => {});
    network.current.emitDisconnected("LOGOUT");
    expect(adapter.status().state).toBe("disconnected");
    vi.advanceTimersByTime(10_000);
    expect(network.clients).toHaveLength(1);
    expect(network.current.destroyed).toBe(false);
    network.current.emitQr("2@after-logout");
    expect(adapter.status()).toEqual({ state: "qr", qr: "2@after-logout" });
  });

  it("does not reconnect after stop(), and destroys the client", async () => {
    vi.useFakeTimers();
    const { network, adapter } = setup();
    await adapter.start(async () => {});
    network.current.emitDisconnected();
    await adapter.stop();
    vi.advanceTimersByTime(10_000);
    expect(network.clients).toHaveLength(1);
    expect(network.current.destroyed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(adapter.status().state).toBe("disconnected");
  });

  it("stop() destroys a connected client and stops listening to it", async () => {
    const { network, adapter } = setup();
    await adapter.start(async () => {});
    const client = network.current;
    await adapter.stop();
    expect(client.destroyed).toBe(true);
    expect(client.listenerCount("disconnected")).toBe(0);
    client.emitDisconnected();
    expect(network.clients).toHaveLength(1);
  });
});
