// What follows a confirmed booking: the organizer records payments (the provider is told), the two exchange
// messages through Nuru, and once the event is completed the organizer rates the service.
import { rateBooking } from "../../domain/reviews.js";
import { relayMessage } from "../../domain/relay.js";
import { recordBookingPayment, type PaymentStep } from "../../domain/booking-payments.js";
import type { Turn } from "../../engine/turn.js";
import { message, render } from "../../i18n/index.js";
import type { CommandHandler } from "../journey.js";
import { tidingsOf } from "../replies.js";

/** Rates the booking and says so: typed (/review B-7K2QX 5 great) or tapped (the stars after the event). */
async function rate(turn: Turn, typed: string, rating: number, comment?: string): Promise<void> {
  const { service } = await rateBooking(await turn.db(), {
    userId: turn.user.id,
    typed,
    rating,
    ...(comment ? { comment } : {}),
  });
  turn.say("review.saved", { service, rating, code: typed.toUpperCase() });
}

export const reviewCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([1-9]\d*)(?:\s+([\s\S]+))?$/.exec(args.trim());
  if (!m) return turn.say("review.usage");
  await rate(turn, m[1]!, Number(m[2]), m[3]?.trim().slice(0, 1000));
};

/** The stars asked for when an event is completed (lifecycle journey): "review:B-7K2QX:5". */
export async function reviewChoice(turn: Turn, value: string): Promise<void> {
  const m = /^review:([A-Za-z0-9_-]+):([1-5])$/.exec(value);
  if (!m) return turn.say("choice.expired");
  await rate(turn, m[1]!, Number(m[2]));
}

export const msgCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+([\s\S]+)$/.exec(args.trim());
  if (!m || m[2]!.length > 2000) return turn.say("msg.usage");
  const text = m[2]!.trim();
  const relayed = await relayMessage(await turn.db(), { userId: turn.user.id, typed: m[1]!, text });
  const params = { name: turn.user.name, service: relayed.service, event: relayed.event, text, code: relayed.code };
  await turn.tell(
    { userIds: [relayed.recipientId] },
    tidingsOf("relayed", undefined, message("msg.relayed", params), {
      readReceipt: { chatMessageId: relayed.chatMessageId },
    }),
  );
  turn.say("msg.sent", { code: relayed.code });
};

const steps: Record<string, PaymentStep> = {
  deposit: "deposit",
  amana: "deposit",
  balance: "balance",
  salio: "balance",
  full: "balance",
  refund: "refund",
  rudisha: "refund",
};

export const paymentCommand: CommandHandler = async (turn, args) => {
  const m = /^(\S+)\s+(\S+)$/.exec(args.trim());
  const step = m ? steps[m[2]!.toLowerCase()] : undefined;
  if (!m || !step) return turn.say("payment.usage");
  const booking = await recordBookingPayment(await turn.db(), {
    userId: turn.user.id,
    typed: m[1]!,
    step,
    now: turn.now,
  });
  const service = booking.service?.name ?? "";
  if (booking.service?.userId) {
    await turn.tell(
      { userIds: [booking.service.userId] },
      {
        type: "payment",
        eventId: booking.event?.id,
        message: (locale) => ({
          text: render(locale, {
            key: "payment.notice",
            params: {
              event: booking.event?.name ?? "",
              service,
              step: render(locale, { key: `payment.step.${step}` }),
            },
          }),
        }),
      },
    );
  }
  turn.say("payment.recorded", {
    code: booking.code ?? "",
    service,
    step: turn.render({ key: `payment.step.${step}` }),
  });
};
