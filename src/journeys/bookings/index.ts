// A provider's view of the bookings of their services.
import { listProviderBookings } from "../../domain/overview.js";
import type { Journey } from "../journey.js";
import { sendList, whenText } from "../list.js";

export const bookingsJourney: Journey = {
  name: "bookings",
  commands: [
    {
      en: ["bookings"],
      sw: ["oda"],
      for: "provider",
      help: "help.line.bookings",
      async run(turn) {
        const rows = await listProviderBookings(await turn.db(), turn.user.id);
        sendList(turn, rows, { none: "bookings.none", header: "bookings.header" }, (b) =>
          turn.render({
            key: "bookings.item",
            params: {
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
