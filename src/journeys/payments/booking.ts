// An organizer pays a booking's deposit or balance: /paybooking B-7K2QX deposit (/lipahuduma B-7K2QX amana).
import { normaliseCode } from "../../domain/codes.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { CommandHandler } from "../journey.js";
import { begin, countryOf, takePhone } from "./pledges.js";

const stepWords: Record<string, "deposit" | "balance"> = {
  deposit: "deposit",
  amana: "deposit",
  balance: "balance",
  salio: "balance",
};

export const payBookingCommand: CommandHandler = async (turn, args, tools) => {
  const [typedRef = "", typedStep = "", ...more] = args.trim().split(/\s+/);
  const step = stepWords[typedStep.toLowerCase()];
  const code = normaliseCode(typedRef);
  if (!code || !step) return turn.say("pay.booking_usage");
  const tx = await turn.db();
  const booking = await tx.eventService.findFirst({
    where: {
      code: { equals: code, mode: "insensitive" },
      bookingStatus: "confirmed",
      event: { organizerId: turn.user.id },
    },
    select: {
      id: true,
      code: true,
      price: true,
      deposit: true,
      depositPaidAt: true,
      paymentStatus: true,
      eventId: true,
      event: { select: { currency: true } },
    },
  });
  if (!booking?.eventId || !booking.event) return turn.say("pay.booking_unknown", { ref: typedRef.slice(0, 40) });
  const what = turn.render({ key: `pay.what.${step}` });
  const deposit = new Prisma.Decimal(booking.deposit ?? 0);
  const amount =
    step === "deposit"
      ? booking.depositPaidAt || (booking.paymentStatus ?? "pending") !== "pending"
        ? new Prisma.Decimal(0)
        : deposit
      : (booking.paymentStatus ?? "pending") !== "pending"
        ? new Prisma.Decimal(0)
        : new Prisma.Decimal(booking.price ?? 0).minus(booking.depositPaidAt ? deposit : 0);
  if (!amount.greaterThan(0)) return turn.say("pay.booking_nothing", { what, ref: booking.code ?? "" });
  const currency = booking.event.currency;
  const { phone } = takePhone(more.join(" "), countryOf[currency] ?? turn.env.defaultCountry);
  await begin(
    turn,
    { purpose: step, eventId: booking.eventId, currency, amount, bookingId: booking.id },
    phone,
    booking.code ?? "",
    tools,
  );
};
