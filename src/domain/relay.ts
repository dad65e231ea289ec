// Messages between the organizer and the provider of a booking, relayed by Nuru so neither needs the other's number.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { asEitherSide } from "./bookings.js";
import { normaliseCode } from "./codes.js";

/**
 * A message between the organizer and the provider of a booking, kept in `chats` (marked read when the outbound
 * worker delivers it). The sender must be one of the two; the other is the recipient.
 */
export async function relayMessage(tx: Tx, options: { userId: string; typed: string; text: string }) {
  const code = normaliseCode(options.typed);
  const booking = code
    ? await tx.eventService.findFirst({
        where: asEitherSide(code, options.userId),
        select: {
          code: true,
          eventId: true,
          event: { select: { name: true, organizerId: true } },
          service: { select: { name: true, userId: true } },
        },
      })
    : null;
  const organizerId = booking?.event?.organizerId;
  const providerId = booking?.service?.userId;
  if (!booking?.eventId || !organizerId || !providerId)
    throw new AppError("relay.booking_not_found", { code: options.typed.trim().slice(0, 40) });
  const recipientId = options.userId === organizerId ? providerId : organizerId;
  const chat = await tx.chatMessage.create({
    data: { eventId: booking.eventId, senderId: options.userId, recipientId, message: options.text },
    select: { id: true },
  });
  return {
    chatMessageId: chat.id,
    recipientId,
    code: booking.code ?? "",
    event: booking.event?.name ?? "",
    service: booking.service?.name ?? "",
  };
}
