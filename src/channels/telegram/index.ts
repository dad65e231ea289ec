export {
  createTelegramAdapter,
  TELEGRAM_RATE_LIMITS,
  TelegramTokenRefusedError,
  type TelegramAdapter,
  type TelegramAdapterOptions,
} from "./adapter.js";
export { toInboundEvent } from "./inbound.js";
export { SECRET_HEADER, webhookSecretGuard } from "./webhook.js";
