// English catalogue. Every key must exist in sw.ts too (the type of sw.ts enforces it, test/unit/i18n.test.ts checks
// placeholders). {name} placeholders are filled by t(); keep messages short: they are read on phones.
export const en = {
  "welcome.new": "Karibu! Welcome to Nuru, the easy way to run and attend events on your phone. What is your name?",
  "welcome.back": "Welcome back, {name}! Send /help to see what you can do.",
  "welcome.named": "Nice to meet you, {name}! Send /help to see what you can do.",
  "onboarding.name_invalid": "Please send your name (2 to 60 letters), for example: Neema Mushi.",

  "help.header": "Here is what you can do with Nuru, {name}:",
  "help.general": "/help – this list\n/language en|sw – change language (Kiswahili: /lugha sw)\n/cancel – stop what you are doing\n/start CODE – open an invitation with its code",
  "help.guest": "As a guest:\n/invitations – your invitations and where and when they are",
  "help.organizer": "As an organizer:\n/events – your events with their codes",
  "help.provider": "As a service provider:\n/bookings – booking requests for your services",
  "help.whatsapp_no_slash": "On WhatsApp you can leave out the /, e.g. send: help",

  "unknown.input": "Sorry, I did not understand \"{text}\". Send /help to see what you can do.",
  "unknown.media": "Thank you! I cannot do anything with that here yet. Send /help to see what you can do.",
  "inbound.too_long": "Your message is too long for me ({length} characters; I read at most {max}). Please send it in shorter parts.",
  "inbound.unstorable": "Sorry, I could not read your last message. Please send it again as plain text.",
  "choice.expired": "That button is from an earlier question. Send /help to start again.",

  "cancel.done": "Stopped. Send /help whenever you need me.",
  "cancel.nothing": "There is nothing to stop. Send /help to see what you can do.",

  "language.set": "Language set to English.",
  "language.ask": "Which language do you want?",
  "language.invalid": "I know English (en) and Kiswahili (sw). Send /language en or /language sw.",
  "language.choice.en": "English",
  "language.choice.sw": "Kiswahili",

  "conversation.expired": "Our earlier conversation timed out, so let us start again.",
  "conversation.upgraded": "Nuru was updated and I lost track of what we were doing, sorry. Please start again.",

  "link.invitation": "You are linked to your invitation to {event}. Send /invitations to see it.",
  "link.invalid_code": "I could not find an invitation with the code \"{code}\". Check the code in your invitation, or ask the organizer to send it again.",
  "link.phone_saved": "Thank you, your number {phone} is saved.",
  "link.phone_invalid": "That does not look like a phone number I can use: {phone}.",
  "link.contact_not_own": "Please share your own number with the button, not someone else's contact.",
  "link.phone_taken": "That number is already linked to another account. If it is yours, ask the organizer for help.",
  "link.ask_phone": "Share your phone number so I can find your invitations.",
  "link.ask_phone_button": "Share my phone number",
  "link.ask_phone_for_invitation": "To open your invitation, share your phone number with the button below, so I know it was sent to you.",
  "link.already_claimed": "This invitation has already been opened by someone else. Ask the organizer to invite you.",
  "link.other_number": "This invitation was sent to another phone number. Ask the organizer to invite your number {phone}.",

  "invitations.none": "You have no invitations yet. If you got an invitation code, send /start CODE.",
  "invitations.header": "Your invitations:",
  "invitations.item": "• {event} – {when} at {where} ({status})",
  "events.none": "You have not created any events yet.",
  "events.header": "Your events:",
  "events.item": "• {event} (code {code}) – {when}, {guests} guests",
  "bookings.none": "You have no booking requests.",
  "bookings.header": "Booking requests for your services:",
  "bookings.item": "• {service} for {event} on {when} – {status}",
  "when.unknown": "date to be announced",
  "where.unknown": "venue to be announced",
  "rsvp.status.pending": "not answered yet",
  "rsvp.status.accepted": "coming",
  "rsvp.status.declined": "not coming",
  "booking.status.requested": "waiting for your answer",
  "booking.status.confirmed": "confirmed",
  "booking.status.declined": "declined",
  "booking.status.cancelled": "cancelled",

  "error.generic": "Sorry, something went wrong on our side. Please try again in a moment.",
  "error.too_many_failures": "Sorry, I could not handle your message \"{text}\". Our team has been told.",
} as const;

export type MessageKey = keyof typeof en;
