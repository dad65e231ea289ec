// The authorization matrix: every organizer and provider command, tried by every wrong person (a guest of the event,
// another organizer, a provider of another service, a stranger), is refused in that person's language with the same
// answer as for a code that does not exist, and changes no row.
import { describe, expect, it } from "vitest";
import { t, type Locale } from "../../src/i18n/index.js";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();

/** Everything an organizer or provider command could change, as one comparable value. */
async function snapshot(eventId: string, serviceId: string, bookingCode: string) {
  const count = (table: string, column = "event_id", id = eventId) =>
    h.db
      .$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1::uuid`, id)
      .then((r) => r[0]!.n);
  return {
    event: await h.db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { name: true, status: true, startTime: true, location: true, notifyAnswers: true, budget: true },
    }),
    invitations: await count("invitations"),
    guests: await count("event_guests"),
    polls: await h.db.eventPoll.findMany({ where: { eventId }, select: { closedAt: true } }),
    sessions: await count("event_sessions"),
    venues: await count("venue_maps"),
    tasks: await h.db.eventTask.findMany({ where: { eventId }, select: { status: true } }),
    budget: await count("event_budget_items"),
    bookings: await h.db.eventService.findMany({ where: { eventId }, select: { bookingStatus: true, price: true } }),
    shares: await count("event_shares"),
    contributions: await h.db.guestContribution.findMany({ where: { eventId }, select: { paidAmount: true } }),
    chats: await count("chats"),
    disputes: await count("disputes"),
    reviews: await count("service_reviews"),
    service: await h.db.service.findUniqueOrThrow({ where: { id: serviceId }, select: { isActive: true } }),
    availability: await count("service_availability", "service_id", serviceId),
    booking: await h.db.eventService.findFirstOrThrow({
      where: { code: bookingCode },
      select: { bookingStatus: true },
    }),
  };
}

describe("who may do what", () => {
  it("refuses every organizer and provider command to every wrong person, in their language, changing nothing", async () => {
    // The world: Neema's event with a guest who accepted, a poll, a task, a pledge; Hamisi's service booked for it.
    const neema = ukPhone();
    await h.say(neema, "/newevent Harusi ya Neema | wedding | 2032-03-13 14:00 | Serena Hotel", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec((await h.replies(neema, 1))[0]!.text)![1]!;
    const guest = uniquePhone(); // Kiswahili
    await h.say(neema, `/invite ${code} ${guest} Amina`);
    await h.replies(guest, 1);
    await h.say(guest, "ndiyo");
    await h.say(guest, "2");
    await h.replies(guest, 3);
    await h.say(neema, `/poll ${code} Dish? | Pilau | Biryani`);
    await h.say(neema, `/task ${code} Cake | ${guest} Amina`);
    await h.say(guest, "/changia 50k");
    const hamisi = uniquePhone(); // a provider, Kiswahili
    await h.say(hamisi, "/addservice MC Hamisi | MCauth | 300k", "Hamisi");
    await h.replies(hamisi, 1);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    const service = await h.db.service.findFirstOrThrow({ where: { user: { phone: hamisi } } });
    await h.say(neema, `/book ${code} ${service.code}`);
    await h.settle();
    // Everything sent to the guest so far has arrived (invitation, party question, confirmation, poll, task, thanks),
    // so the matrix below reads the replies to its own messages.
    await h.replies(guest, 6);
    const poll = (await h.db.eventPoll.findFirstOrThrow({ where: { eventId: event.id } })).code!;
    const task = (await h.db.eventTask.findFirstOrThrow({ where: { eventId: event.id } })).code!;
    const pledge = (await h.db.guestContribution.findFirstOrThrow({ where: { eventId: event.id } })).code!;
    const booking = (await h.db.eventService.findFirstOrThrow({ where: { eventId: event.id } })).code!;

    // The wrong people: the guest, another organizer, another provider, a stranger.
    const other = ukPhone();
    await h.say(other, "/newevent Other party | other | 2032-03-13 10:00 | Home", "Baraka");
    await h.replies(other, 1);
    const otherProvider = uniquePhone();
    await h.say(otherProvider, "/addservice DJ Salma | DJ | 200k", "Salma");
    await h.replies(otherProvider, 1);
    const stranger = ukPhone();
    await h.say(stranger, "hi", "Stranger");
    await h.replies(stranger, 1);
    const people: { phone: string; locale: Locale }[] = [
      { phone: guest, locale: "sw" },
      { phone: other, locale: "en" },
      { phone: otherProvider, locale: "sw" },
      { phone: stranger, locale: "en" },
    ];

    const unknownEvent = (locale: Locale) => t(locale, "event.unknown_code", { code });
    const attempts: [string, (locale: Locale) => string][] = [
      [`/guests ${code}`, unknownEvent],
      [`/link ${code}`, unknownEvent],
      [`/invite ${code} ${uniquePhone()} X`, unknownEvent],
      [`/approve ${code} ${uniquePhone()}`, unknownEvent],
      [`/notify ${code} on`, unknownEvent],
      [`/poll ${code} Q? | a | b`, unknownEvent],
      [`/announce ${code} hello`, unknownEvent],
      [`/session ${code} S | 2032-03-13 14:00 | 2032-03-13 15:00`, unknownEvent],
      [`/venue ${code} -6.8, 39.2`, unknownEvent],
      [`/comments ${code}`, unknownEvent],
      [`/contributions ${code}`, unknownEvent],
      [`/editevent ${code} name Mine now`, unknownEvent],
      [`/confirm ${code}`, unknownEvent],
      [`/cancelevent ${code}`, unknownEvent],
      [`/complete ${code}`, unknownEvent],
      [`/task ${code} Steal the cake`, unknownEvent],
      [`/tasks ${code}`, unknownEvent],
      [`/expense ${code} Cake | 1000`, unknownEvent],
      [`/budget ${code}`, unknownEvent],
      [`/book ${code} ${service.code}`, unknownEvent],
      [`/closepoll ${poll}`, (l) => t(l, "poll.unknown", { code: poll })],
      [`/paid ${pledge} 1000`, (l) => t(l, "paid.unknown", { code: pledge })],
      [`/accept ${booking} 1000`, (l) => t(l, "booking.unknown", { code: booking })],
      [`/decline ${booking}`, (l) => t(l, "booking.unknown", { code: booking })],
      [`/pause ${service.code}`, (l) => t(l, "service.unknown", { code: service.code! })],
      [
        `/available ${service.code} 2032-03-13 08:00 | 2032-03-13 20:00`,
        (l) => t(l, "service.unknown", { code: service.code! }),
      ],
      [`/payment ${booking} deposit`, (l) => t(l, "payment.unknown", { code: booking })],
      [`/msg ${booking} hello`, (l) => t(l, "msg.unknown", { code: booking })],
      [`/review ${booking} 5`, (l) => t(l, "review.unknown", { code: booking })],
      [`/dispute ${booking} bad`, (l) => t(l, "dispute.unknown_booking", { code: booking })],
      [`/bookpackage ${code} Anything`, unknownEvent],
      [`/take D-NOPE1`, (l) => t(l, "dispute.unknown", { code: "D-NOPE1" })],
      [`/resolve D-NOPE1 done`, (l) => t(l, "dispute.unknown", { code: "D-NOPE1" })],
    ];
    const before = await snapshot(event.id, service.id, booking);
    for (const person of people) {
      for (const [text, expected] of attempts) {
        // /done of a task is the assignee's (the guest here) or the organizer's: tried by the others only.
        const seen = h.sent.to(person.phone).length;
        await h.say(person.phone, text);
        const reply = (await h.replies(person.phone, seen + 1))[seen]!.text;
        expect(reply, `${text} by ${person.phone}`).toBe(expected(person.locale));
      }
      if (person.phone !== guest) {
        const seen = h.sent.to(person.phone).length;
        await h.say(person.phone, `/done ${task}`);
        expect((await h.replies(person.phone, seen + 1))[seen]!.text).toBe(
          t(person.locale, "task.unknown", { code: task }),
        );
      }
    }
    await h.settle();
    expect(await snapshot(event.id, service.id, booking)).toEqual(before);
  });
});
