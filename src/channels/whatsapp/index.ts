export { createWhatsAppAdapter } from "./adapter.js";
export { whatsappRateLimits } from "./outbound.js";
export type { WhatsAppAdapter, WhatsAppAdapterOptions, WhatsAppStatus } from "./adapter.js";
export type { WhatsAppClientFactory, WhatsAppClientLike } from "./client.js";
export type { WhatsAppState } from "./connection.js";
export { WhatsAppNotReadyError } from "./connection.js";
export { whatsappQrHandler } from "./qr-page.js";
