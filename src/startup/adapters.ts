// The chat channels Nuru runs, built from the configuration (enabledChannels), and what the rest of start-up asks of
// them: their status for /readyz, and starting each with the engine's sink and its delivery recorder.
import type { ChannelAdapter, FirstContactChannel, InboundSink } from "../channels/channel.js";
import { createSimulatorAdapter, type SimulatorAdapter } from "../channels/simulator/adapter.js";
import { createTelegramAdapter, type TelegramAdapter } from "../channels/telegram/index.js";
import { createWhatsAppAdapter, type WhatsAppAdapter } from "../channels/whatsapp/index.js";
import { createWhatsAppCloudAdapter, type WhatsAppCloudAdapter } from "../channels/whatsapp-cloud/index.js";
import { enabledChannels, type Config } from "../config.js";
import type { Db } from "../db/prisma.js";
import { lastWroteOn } from "../domain/users.js";
import type { Channel } from "../generated/prisma/client.js";
import { deliveryRecorder } from "../jobs/delivery.js";
import { releasingSink } from "../jobs/held.js";
import type { Logger } from "../logger.js";
import type { CloudHolding } from "./held.js";

export interface Adapters {
  /** Every running channel, in the order they start. */
  adapters: ChannelAdapter[];
  telegram?: TelegramAdapter;
  whatsapp?: WhatsAppAdapter;
  whatsappCloud?: WhatsAppCloudAdapter;
  simulator?: SimulatorAdapter;
}

export function buildAdapters(config: Config, logger: Logger, db: Db): Adapters {
  const enabled = enabledChannels(config);
  const telegram = enabled.telegram ? telegramAdapter(config, logger) : undefined;
  const whatsapp = enabled.whatsapp ? whatsappAdapter(config, logger) : undefined;
  const whatsappCloud = enabled.whatsappCloud ? whatsappCloudAdapter(config, logger, db) : undefined;
  const simulator = enabled.simulator ? createSimulatorAdapter({ logger }) : undefined;
  const adapters = [telegram, whatsapp, whatsappCloud, simulator].filter((a): a is NonNullable<typeof a> => !!a);
  return { adapters, telegram, whatsapp, whatsappCloud, simulator };
}

function telegramAdapter(config: Config, logger: Logger): TelegramAdapter {
  return createTelegramAdapter({
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    webhook: config.TELEGRAM_WEBHOOK_URL
      ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET! }
      : undefined,
    logger,
  });
}

function whatsappAdapter(config: Config, logger: Logger): WhatsAppAdapter {
  return createWhatsAppAdapter({
    sessionDir: config.WHATSAPP_SESSION_DIR,
    chromiumPath: config.CHROMIUM_PATH,
    chromiumNoSandbox: config.CHROMIUM_NO_SANDBOX,
    minIntervalMs: config.WHATSAPP_MIN_INTERVAL_MS,
    firstContact: { perHour: config.WHATSAPP_FIRST_CONTACT_PER_HOUR, perDay: config.WHATSAPP_FIRST_CONTACT_PER_DAY },
    logger,
  });
}

function whatsappCloudAdapter(config: Config, logger: Logger, db: Db): WhatsAppCloudAdapter {
  return createWhatsAppCloudAdapter({
    token: config.WHATSAPP_CLOUD_TOKEN!,
    phoneNumberId: config.WHATSAPP_CLOUD_PHONE_NUMBER_ID!,
    appSecret: config.WHATSAPP_CLOUD_APP_SECRET!,
    verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN!,
    apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
    apiVersion: config.WHATSAPP_CLOUD_API_VERSION,
    messagesPerSecond: config.WHATSAPP_CLOUD_MESSAGES_PER_SECOND,
    dailyNewConversations: config.WHATSAPP_CLOUD_DAILY_LIMIT,
    templates: {
      names: {
        invitation: config.WHATSAPP_CLOUD_TEMPLATE_INVITATION,
        reminder: config.WHATSAPP_CLOUD_TEMPLATE_REMINDER,
        announcement: config.WHATSAPP_CLOUD_TEMPLATE_ANNOUNCEMENT,
        waiting: config.WHATSAPP_CLOUD_TEMPLATE_WAITING,
      },
      languages: config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGES,
    },
    lastInboundAt: lastWroteOn(db, "whatsapp_cloud"),
    logger,
  });
}

/** Channels that may write first, best first (Telegram may not). */
const firstContactOrder: FirstContactChannel[] = ["whatsapp_cloud", "whatsapp", "simulator"];

/** Who can write to someone who never wrote, best first, and the budget the first of them keeps. */
export function firstContactOf(adapters: ChannelAdapter[]) {
  const running = adapters.map((a) => a.name as Channel);
  const order = firstContactOrder.filter((c) => running.includes(c));
  const budget = adapters.find((a) => a.name === order[0])?.rateLimits.firstContact;
  return { order, budget };
}

/** Each real channel's state for /readyz; undefined when only the simulator runs. */
export function channelStatus({ telegram, whatsapp, whatsappCloud }: Adapters) {
  if (!(whatsapp || telegram || whatsappCloud)) return undefined;
  return () => {
    const status: Record<string, string> = {};
    if (telegram) status.telegram = telegram.status();
    if (whatsappCloud) status.whatsapp_cloud = whatsappCloud.status();
    if (whatsapp) {
      const { state, reason } = whatsapp.status();
      status.whatsapp = reason ? `${state}: ${reason}` : state;
    }
    return status;
  };
}

/** Starts every channel in turn; WhatsApp Cloud's sink first releases what was held for the person who writes. */
export async function startAdapters(
  { adapters, whatsappCloud }: Adapters,
  sink: InboundSink,
  cloud: CloudHolding,
  db: Db,
  logger: Logger,
): Promise<void> {
  for (const adapter of adapters) {
    const isCloud = adapter === whatsappCloud;
    const deliveries = isCloud ? { requeue: cloud.requeue, onHeld: cloud.onHeld } : {};
    await adapter.start(
      isCloud ? releasingSink(sink, cloud.held, logger) : sink,
      deliveryRecorder(db, adapter.name as Channel, deliveries),
    );
  }
}
