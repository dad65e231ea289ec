// A provider's view of the bookings of their services.
import { listProviderBookings } from "../../domain/overview.js";
import { listOrganizerBookings } from "../../domain/bookings.js";
import type { BookingStatus, PaymentStatus } from "../../generated/prisma/enums.js";
import { label, plural, type PlainKey } from "../../i18n/index.js";
import type { Journey } from "../journey.js";
import { formatMoney, whenText } from "../format.js";
import { sendList } from "../replies.js";

export const bookingsJourney: Journey = {
  name: "bookings",
  commands: [
    {
      en: ["bookings"],
      sw: ["oda"],
      for: "everyone",
      help: "help.line.bookings",
      async run(turn) {
        // Both sides: requests for the person's services, and bookings they made for their events.
        const tx = await turn.db();
        const rows = await listProviderBookings(tx, turn.user.id);
        const mine = await listOrganizerBookings(tx, turn.user.id);
        if (mine.length) {
          const lines = mine.map((b) =>
            turn.render({
              key: "bookings.org_item",
              params: {
                code: b.code ?? "-",
                service: b.service?.name ?? "-",
                event: b.event?.name ?? "-",
                status: label(organizerStatus(b.bookingStatus)),
                price: b.price
                  ? turn.render({ key: "bookings.price", params: { price: formatMoney(b.price, b.event?.currency) } })
                  : "",
                // Money is only asked of a confirmed booking: a declined request has no "payment pending".
                payment:
                  b.bookingStatus === "confirmed"
                    ? turn.render({ key: "bookings.payment", params: { status: paymentStatus(b.paymentStatus) } })
                    : "",
              },
            }),
          );
          turn.send({ text: { text: [turn.render({ key: "bookings.org_header" }), ...lines].join("\n") } });
          if (!rows.length) return;
        }
        sendList(turn, rows, { none: "bookings.none", header: "bookings.header" }, (b) =>
          turn.render({
            key: "bookings.item",
            params: {
              code: b.code ?? "-",
              service: b.service?.name ?? "-",
              event: b.event?.name ?? "-",
              when: whenText(turn, b.event?.startTime, b.event?.timeZone ?? turn.timeZone),
              status: turn.render({ key: `booking.status.${b.bookingStatus}` }),
            },
          }),
        );
      },
    },
  ],
  async nextSteps(turn) {
    const waiting = await (await turn.db()).eventService.count({
      where: { service: { userId: turn.user.id }, bookingStatus: "requested" },
    });
    return waiting ? [plural(turn.locale, "bookings.waiting", waiting)] : [];
  },
};

/** The organizer's side: a request waits for the provider, not for the organizer. */
export function organizerStatus(status: BookingStatus): PlainKey {
  return status === "requested" ? "booking.org_status.requested" : `booking.status.${status}`;
}

/** A payment's state as words (a booking without one has nothing paid yet). */
export function paymentStatus(status: PaymentStatus | null | undefined) {
  return label(`payment.status.${status ?? "pending"}`);
}
