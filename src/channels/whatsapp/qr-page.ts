// GET /whatsapp/qr: the operator links the bot's number by scanning this page with WhatsApp (Linked devices).
// Whoever scans it becomes the bot's number, so mount it behind the operator's authentication.
import type { Request, Response } from "express";
import type { WhatsAppAdapter } from "./adapter.js";
import type { WhatsAppState } from "./connection.js";

const STATE_LINES: Record<WhatsAppState, string> = {
  starting: "WhatsApp is starting; the QR code appears here in a moment.",
  qr: "Scan with WhatsApp on the bot's phone: Settings → Linked devices → Link a device.",
  ready: "WhatsApp is connected. Nothing to scan.",
  disconnected: "WhatsApp is disconnected and reconnecting; a QR code appears here if it needs a new scan.",
  blocked: "WhatsApp is stopped and will not retry:",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function whatsappQrHandler(adapter: Pick<WhatsAppAdapter, "status" | "qrSvg">) {
  return async (_req: Request, res: Response): Promise<void> => {
    const { state, reason } = adapter.status();
    const svg = state === "qr" ? await adapter.qrSvg() : undefined;
    // The QR changes about every 20 seconds and is a login credential: never cache it.
    res.set("Cache-Control", "no-store");
    res.type("html").send(qrPage(state, svg, reason));
  };
}

/** A page that reloads itself, so it follows the QR as it rotates and shows when the scan worked. */
export function qrPage(state: WhatsAppState, svg: string | undefined, reason?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${state === "ready" ? 30 : 5}">
<title>Nuru · WhatsApp login</title>
<style>body{font-family:system-ui,sans-serif;text-align:center;margin:2rem}svg{max-width:320px;height:auto}</style>
</head>
<body>
<h1>WhatsApp</h1>
<p data-state="${state}">${STATE_LINES[state]}${reason ? ` ${escapeHtml(reason)}` : ""}</p>
${svg ?? ""}
</body>
</html>
`;
}
