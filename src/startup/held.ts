// What WhatsApp Cloud held for someone silent for 24 hours goes once they write again (src/jobs/held.ts): the pieces
// the outbound workers, the delivery recorder and the channel's sink share.
import type { WhatsAppCloudAdapter } from "../channels/whatsapp-cloud/index.js";
import type { Db } from "../db/prisma.js";
import { heldReleaser, onHeldFor, type HeldReleaser } from "../jobs/held.js";
import type { OutboundDispatcher } from "../jobs/outbound.js";
import type { Logger } from "../logger.js";

export interface CloudHolding {
  held: HeldReleaser;
  /** Queues WhatsApp Cloud outbox rows again. */
  requeue: (ids: bigint[]) => Promise<void>;
  /** For the outbound worker and the delivery recorder: a message was just held (absent without WhatsApp Cloud). */
  onHeld?: (chatId: string) => Promise<void>;
}

export function cloudHolding(
  db: Db,
  logger: Logger,
  dispatcher: OutboundDispatcher,
  whatsappCloud: WhatsAppCloudAdapter | undefined,
): CloudHolding {
  const requeue = (ids: bigint[]) =>
    dispatcher.dispatch(
      "whatsapp_cloud",
      ids.map((id) => ({ id })),
    );
  const held = heldReleaser({ db, channel: "whatsapp_cloud", logger, dispatch: requeue });
  return { held, requeue, ...(whatsappCloud ? { onHeld: onHeldFor(held, whatsappCloud.windowOpen) } : {}) };
}
