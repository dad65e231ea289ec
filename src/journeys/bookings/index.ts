// A provider's view of the bookings of their services.
import { listProviderBookings } from "../../domain/overview.js";
import { listOrganizerBookings } from "../../domain/services.js";
import type { Journey } from "../journey.js";
import { formatMoney, sendList, whenText } from "../list.js";

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
                status: turn.render({ key: `booking.status.${b.bookingStatus}` }),
                price: b.price ? turn.render({ key: "bookings.price", params: { price: formatMoney(b.price, b.event?.currency) } }) : "",
                payment: turn.render({ key: `payment.status.${b.paymentStatus ?? "pending"}` }),
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
    const waiting = await (await turn.db()).eventService.count({ where: { service: { userId: turn.user.id }, bookingStatus: "requested" } });
    return waiting ? [turn.render({ key: "bookings.waiting", params: { count: waiting } })] : [];
  },
};
