// Every refusal the bot can give, by what happened (`<area>.<what>`), and the message that tells the person. Code and
// words are kept apart so logs and metrics count happenings, not phrasings: two places that refuse for the same reason
// throw the same code, and one message may tell several happenings (a poll that is not yours reads as one not found,
// so a code reveals nothing). A code must be thrown somewhere and its message exist in both catalogues (a unit test
// checks both).
import type { MessageKey } from "./i18n/index.js";

export const refusals = {
  // Amounts of money
  "amount.too_large": "amount.too_large",

  // Availability of a service
  "availability.ends_before_start": "available.ends_first",

  // Bookings of a service for an event
  "booking.already_open": "book.already",
  "booking.deposit_over_price": "booking.deposit_over_price",
  "booking.event_cancelled": "booking.event_cancelled",
  "booking.event_over": "booking.event_past",
  "booking.not_found": "booking.unknown",
  "booking.not_open": "booking.not_open",
  "booking.service_not_found": "book.unknown_service",
  "booking.service_paused": "book.paused",
  "booking.service_taken": "booking.clash",

  // Payments on a booking, recorded by hand
  "booking_payment.booking_not_found": "payment.unknown",
  "booking_payment.booking_not_confirmed": "payment.not_confirmed",
  "booking_payment.step_out_of_order": "payment.out_of_order",

  // Guests' contributions and the payments of a pledge
  "contribution.amount_invalid": "contribute.amount_invalid",
  "pledge.not_found": "paid.unknown",
  "pledge.overpaid": "paid.above_pledge",

  // Disputes
  "dispute.booking_not_found": "dispute.unknown_booking",
  "dispute.closed": "dispute.closed",
  "dispute.not_found": "dispute.unknown",

  // An organizer's events and their lifecycle
  "event.closed": "lifecycle.closed",
  "event.move_not_allowed": "lifecycle.not_allowed",
  "event.none_upcoming": "event.none_upcoming",
  "event.not_found": "event.unknown_code",
  "event.several_upcoming": "event.which",
  "event.edit_value_unreadable": "edit.value_invalid",
  "undo.ambiguous": "lifecycle.undo_which",
  "undo.expired": "lifecycle.undo_expired",
  "undo.limit": "lifecycle.undo_limit",

  // Event information (programme, venue) for anyone asking
  "info.event_not_found": "info.unknown_event",
  "info.none_upcoming": "info.no_event",
  "info.several_upcoming": "info.which",
  "session.ends_before_start": "session.ends_first",
  "session.when_unreadable": "session.when_invalid",

  // The budget
  "expense.amount_unreadable": "expense.amount_invalid",
  "expense.paid_over_cost": "expense.paid_over_cost",

  // Invitations: sending, opening by code, approving requests
  "invitation.already_claimed": "link.already_claimed",
  "invitation.event_closed": "invite.event_closed",
  "invitation.not_found": "link.invalid_code",
  "invitation.other_number": "link.other_number",
  "invitation.request_not_found": "approve.no_request",

  // Entry passes and check-in
  "pass.ambiguous": "pass.which",
  "pass.not_found": "pass.unknown",
  "pass.not_coming": "pass.none",
  "scan.event_cancelled": "scan.cancelled",
  "scan.guest_declined": "scan.declined",
  "usher.phone_unreadable": "usher.phone_invalid",

  // Packages of services
  "package.not_found": "package.unknown",
  "package.services_not_found": "package.services_invalid",

  // A person's phone number
  "phone.linked_elsewhere": "link.phone_taken",
  "phone.unreadable": "link.phone_invalid",

  // Polls
  "poll.closed": "poll.closed",
  "poll.closing_unreadable": "poll.closes_invalid",
  "poll.not_found": "poll.unknown",
  "poll.not_organizer": "poll.unknown",
  "poll.option_count_invalid": "poll.option_count",
  "poll.option_not_found": "poll.unknown_option",
  "poll.option_repeated": "poll.option_twice",
  "poll.question_missing": "poll.usage",
  "poll.text_too_long": "poll.too_long",

  // Privacy: what is only said in a private chat
  "privacy.needs_private_chat": "privacy.private_only",

  // Messages relayed between organizer and provider
  "relay.booking_not_found": "msg.unknown",

  // Reminders
  "reminder.offsets_unreadable": "reminders.offsets_invalid",

  // Reviews
  "review.booking_not_found": "review.unknown",
  "review.event_not_over": "review.not_yet",
  "review.rating_out_of_range": "review.rating_invalid",

  // Answers to an invitation
  "rsvp.event_cancelled": "rsvp.event_cancelled",
  "rsvp.event_started": "rsvp.event_started",
  "rsvp.invitation_not_found": "rsvp.unknown_invitation",
  "rsvp.party_size_invalid": "rsvp.party_invalid",

  // The service catalogue
  "service.not_found": "service.unknown",

  // Tasks
  "task.already_done": "task.already_done",
  "task.assignee_unreadable": "task.assignee_invalid",
  "task.due_past": "task.due_invalid",
  "task.due_unreadable": "task.due_invalid",
  "task.not_found": "task.unknown",
} as const satisfies Record<string, MessageKey>;

/** What happened, for logs and metrics. */
export type RefusalCode = keyof typeof refusals;
/** The message that tells a refusal. */
export type RefusalKey<C extends RefusalCode> = (typeof refusals)[C];
