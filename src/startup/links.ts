// The links /link hands organizers to forward (t.me and wa.me): from the configuration, else learnt from the channels
// once they are up, since Telegram and Meta may answer only after start-up.
import { setTimeout as sleep } from "node:timers/promises";
import type { TelegramAdapter } from "../channels/telegram/index.js";
import type { WhatsAppCloudAdapter } from "../channels/whatsapp-cloud/index.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";

export interface Links {
  telegramBot?: string;
  whatsappNumber?: string;
}

/** Filled in later, in place, by the two functions below: the engine holds this very object. */
export function linksFromConfig(config: Config): Links {
  return { telegramBot: config.TELEGRAM_BOT_USERNAME, whatsappNumber: config.WHATSAPP_NUMBER };
}

/** Without WHATSAPP_NUMBER, wa.me links use the Cloud API number, once Meta has told it (it may answer after start-up). */
export function followCloudNumber(links: Links, whatsappCloud: WhatsAppCloudAdapter): void {
  if (links.whatsappNumber) return;
  Object.defineProperty(links, "whatsappNumber", { get: () => whatsappCloud.displayNumber(), enumerable: true });
}

/** The bot's @username for /link's t.me links, asked until Telegram answers (it may be unreachable at start-up). */
export async function learnTelegramUsername(
  telegram: TelegramAdapter,
  links: Links,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      links.telegramBot = await telegram.username();
      return;
    } catch (err) {
      if (attempt === 0)
        logger.warn(
          { err },
          "could not ask Telegram for the bot's username yet; /link leaves Telegram links out until it answers (or set TELEGRAM_BOT_USERNAME)",
        );
      await sleep(Math.min(1000 * 2 ** attempt, 60_000), undefined, { signal }).catch(() => undefined);
    }
  }
}
