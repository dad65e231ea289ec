// An organizer books a service for their event; its provider is asked with Accept / Decline buttons, accepts with a
// price and deposit (asked in a conversation when not typed) or declines, and the organizer is told either way.
import { parseAmount } from "../../../flows/event-input.js";
import { forms } from "../../../flows/form.flow.js";
import { isSeparated, readAmounts, splitFields } from "../../language/fields.js";
import { countAnswers, type OrganizerEvent } from "../../domain/events.js";
import {
  acceptBooking,
  checkOpen,
  declineBooking,
  findProviderBooking,
  requestBooking,
} from "../../domain/bookings.js";
import type { Turn } from "../../engine/turn.js";
import { formatDateTime } from "../../i18n/dates.js";
import { counted, message, render } from "../../i18n/index.js";
import type { CommandHandler, CommandTools } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { formatMoney } from "../format.js";
import { tidingsOf } from "../replies.js";

/** Sends the provider the request with the event's details and Accept / Decline buttons. */
export async function askProvider(
  turn: Turn,
  event: OrganizerEvent,
  booking: { code: string | null },
  service: { name: string; userId: string | null },
  guests: number,
  note?: string,
): Promise<void> {
  if (!service.userId) return;
  await turn.tell(
    { userIds: [service.userId] },
    {
      type: "booking_request",
      eventId: event.id,
      message: (locale) => ({
        text: render(locale, {
          key: "book.request",
          params: {
            code: booking.code ?? "",
            organizer: turn.user.name,
            service: service.name,
            event: event.name,
            when: event.startTime
              ? formatDateTime(event.startTime, event.timeZone, locale)
              : render(locale, { key: "when.unknown" }),
            where: event.location || render(locale, { key: "where.unknown" }),
            guests: counted("book.guests", guests),
            note: note ? render(locale, { key: "book.note", params: { note } }) : "",
          },
        }),
        choices: [
          { label: render(locale, { key: "book.choice.accept" }), value: `booking:${booking.code}:accept` },
          { label: render(locale, { key: "book.choice.decline" }), value: `booking:${booking.code}:decline` },
        ],
      }),
    },
  );
}

/** How many people are coming to the event, for the provider's request. */
export async function headcountOf(turn: Turn, eventId: string): Promise<number> {
  return (await countAnswers(await turn.db(), [eventId])).get(eventId)?.headcount ?? 0;
}

export const bookCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const m = /^(\S+)(?:\s+([\s\S]+))?$/.exec(rest);
  if (!code || !m) return turn.say("book.usage");
  const tx = await turn.db();
  const event = await organizerEvent(turn, code);
  const note = m[2]?.trim().slice(0, 300);
  const { booking, service } = await requestBooking(tx, { eventId: event.id, typed: m[1]!, ...(note ? { note } : {}) });
  await askProvider(turn, event, booking, service, await headcountOf(turn, event.id), note);
  turn.say("book.sent", { service: service.name, event: event.name, code: booking.code ?? "" });
};

export async function decline(turn: Turn, typed: string): Promise<void> {
  const booking = await declineBooking(await turn.db(), { userId: turn.user.id, typed, now: turn.now });
  if (booking.event?.organizerId) {
    const params = { service: booking.service?.name ?? "", event: booking.event.name };
    await turn.tell(
      { userIds: [booking.event.organizerId] },
      tidingsOf("booking_declined", booking.event.id, message("booking.declined_notice", params)),
    );
  }
  turn.say("booking.declined", { code: booking.code ?? "" });
}

/**
 * Accepting without a price (the Accept button, or "/accept B-7K2QX"): the provider is asked the price, then the
 * deposit, in a conversation. The request is checked first, so one already answered is said at once.
 */
export async function askPrice(turn: Turn, typed: string, tools: CommandTools): Promise<void> {
  const booking = await findProviderBooking(await turn.db(), { userId: turn.user.id, typed });
  checkOpen(booking);
  const about = {
    code: booking.code ?? typed.toUpperCase(),
    service: booking.service?.name ?? "",
    event: booking.event?.name ?? "",
  };
  await tools.startFlow(turn, forms.accept.name, { about, values: [] });
}

export const acceptCommand: CommandHandler = async (turn, args, tools) => {
  // "B-7K2QX 500,000 100,000", the amounts on their own lines, or the reference alone (then asked).
  const m = /^(\S+)(?:\s+([\s\S]+))?$/.exec(args.trim());
  if (!m) return turn.say("booking.accept_usage");
  if (!m[2]) return askPrice(turn, m[1]!, tools);
  const amounts = isSeparated(m[2]) ? splitFields(m[2]) : readAmounts(m[2]);
  const price = amounts?.[0] ? parseAmount(amounts[0]) : undefined;
  const deposit = amounts?.[1] ? parseAmount(amounts[1]) : 0;
  if (!amounts || amounts.length > 2 || price === undefined || deposit === undefined || price <= 0)
    return turn.say("booking.accept_usage");
  await accept(turn, m[1]!, price, deposit);
};

export async function accept(turn: Turn, typed: string, price: number, deposit: number): Promise<void> {
  const booking = await acceptBooking(await turn.db(), { userId: turn.user.id, typed, price, deposit, now: turn.now });
  const money = (n: number) => formatMoney(n, booking.event?.currency ?? "TZS");
  if (booking.event?.organizerId) {
    const params = {
      service: booking.service?.name ?? "",
      event: booking.event.name,
      price: money(price),
      deposit: money(deposit),
    };
    await turn.tell(
      { userIds: [booking.event.organizerId] },
      tidingsOf("booking_accepted", booking.event.id, message("booking.accepted_notice", params)),
    );
  }
  turn.say("booking.accepted", {
    code: booking.code ?? "",
    service: booking.service?.name ?? "",
    event: booking.event?.name ?? "",
    price: money(price),
    deposit: money(deposit),
  });
}
