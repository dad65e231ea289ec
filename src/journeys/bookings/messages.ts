// A provider's bookings (the full services-and-bookings journey comes with the organizer and provider issue).
export const en = {
  "help.line.bookings": "/bookings – booking requests for your services",
  "bookings.none": "You have no booking requests.",
  "bookings.header": "Booking requests for your services:",
  "bookings.item": "• {service} for {event} on {when} – {status}",
  "bookings.waiting": "• {count} booking request(s) wait for your answer: /bookings",
  "booking.status.requested": "waiting for your answer",
  "booking.status.confirmed": "confirmed",
  "booking.status.declined": "declined",
  "booking.status.cancelled": "cancelled",
} as const;

export const sw: Record<keyof typeof en, string> = {
  "help.line.bookings": "/oda – maombi ya huduma zako",
  "bookings.none": "Huna maombi ya huduma.",
  "bookings.header": "Maombi ya huduma zako:",
  "bookings.item": "• {service} kwa {event} tarehe {when} – {status}",
  "bookings.waiting": "• Maombi {count} ya huduma yanasubiri jibu lako: /oda",
  "booking.status.requested": "inasubiri jibu lako",
  "booking.status.confirmed": "imethibitishwa",
  "booking.status.declined": "imekataliwa",
  "booking.status.cancelled": "imesitishwa",
};
