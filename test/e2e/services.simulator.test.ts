// Services and bookings through the simulator, and the double-booking guarantee under concurrent accepts.
import { describe, expect, it } from "vitest";
import { acceptBooking } from "../../src/domain/bookings.js";
import { startHarness } from "../support/engine-harness.js";
import { waitFor } from "../support/until.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = (phone: string, n: number) => h.reply(phone, n);

async function newEvent(organizer: string, name: string, when: string): Promise<string> {
  await h.say(organizer, `/newevent ${name} | wedding | ${when} | Serena Hotel`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec((await h.replies(organizer, 1))[0]!.text)![1]!;
}

describe("services and bookings", () => {
  it("lists a provider's service, lets an organizer book it, and the provider accept or decline from the phone", async () => {
    const provider = ukPhone();
    // A category of this test's own: the database is shared with other files that list MCs too.
    const category = `MC${Math.random().toString(36).slice(2, 7)}`;
    await h.say(provider, `/addservice MC Hamisi | ${category} | 300k-600k | Bilingual MC`, "Hamisi");
    const added = (await last(provider, 1)).text;
    const service = /reference is (S-[A-Z0-9]+)\./.exec(added)![1]!;
    await h.say(provider, `/available ${service} 2032-01-10 08:00 | 2032-01-10 22:00`);
    expect((await last(provider, 2)).text).toBe(`MC Hamisi is free Sat 10 Jan 2032, 08:00 – Sat 10 Jan 2032, 22:00.`);

    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Neema", "2032-01-10 14:00");
    await h.say(organizer, `/services ${category} 2032-01-10`);
    expect((await last(organizer, 2)).text).toContain(
      `• ${service} MC Hamisi (${category}, 300k-600k) – no ratings yet`,
    );
    await h.say(organizer, `/book ${code} ${service.toLowerCase()} Ceremony and reception`);
    const sent = (await last(organizer, 3)).text;
    const booking = /\((B-[A-Z0-9]+)\)/.exec(sent)![1]!;
    expect(sent).toBe(`Asked MC Hamisi for Harusi ya Neema (${booking}). You will be told when they answer.`);
    const request = await last(provider, 3);
    expect(request.text).toBe(
      `Booking request ${booking}: Neema asks MC Hamisi for Harusi ya Neema – Sat 10 Jan 2032, 14:00, Serena Hotel, 0 guests expected.\nNote: Ceremony and reception\nAccept: /accept ${booking} PRICE [DEPOSIT] · Decline: /decline ${booking}`,
    );
    expect(request.choices?.map((c) => c.label)).toEqual(["Accept", "Decline"]);

    // Someone else cannot answer it; the button asks for the price; the provider accepts with price and deposit.
    const stranger = ukPhone();
    await h.say(stranger, `/accept ${booking} 500k`, "Stranger");
    expect((await last(stranger, 1)).text).toBe(
      `I could not find a booking request "${booking}" for your services. Send /bookings to see them.`,
    );
    await h.deliver(provider, { kind: "choice", value: request.choices![0]!.value });
    expect((await last(provider, 4)).text).toBe(
      `What is your price for MC Hamisi at Harusi ya Neema (${booking})? For example 800,000`,
    );
    await h.say(provider, `/accept ${booking} 500k 600k`);
    expect((await last(provider, 5)).text).toBe("The deposit cannot be more than the price.");
    await h.say(provider, `/accept ${booking} 500k 100k`);
    expect((await last(provider, 6)).text).toBe(
      `You accepted ${booking}: MC Hamisi for Harusi ya Neema, TZS 500,000 (TZS 100,000 deposit).`,
    );
    expect((await last(organizer, 4)).text).toBe(
      "MC Hamisi accepted your booking for Harusi ya Neema: TZS 500,000, deposit TZS 100,000.",
    );
    const row = await h.db.eventService.findFirstOrThrow({ where: { code: booking } });
    expect(row).toMatchObject({ bookingStatus: "confirmed" });
    expect(row.price?.toString()).toBe("500000");
    expect(await h.db.serviceAvailability.count({ where: { service: { code: service }, status: "booked" } })).toBe(1);

    // That day is taken now: /services leaves it out, and a second organizer's request that day cannot be accepted.
    await h.say(organizer, `/services ${category} 2032-01-10`);
    expect((await last(organizer, 5)).text).toBe(`No services found for "${category} 2032-01-10".`);
    const other = ukPhone();
    const otherCode = await newEvent(other, "Send-off ya Asha", "2032-01-10 18:00");
    await h.say(other, `/book ${otherCode} ${service}`);
    const second = /\((B-[A-Z0-9]+)\)/.exec((await last(other, 2)).text)![1]!;
    await h.replies(provider, 7);
    await h.say(provider, `/accept ${second} 400k`);
    expect((await last(provider, 8)).text).toBe(
      "MC Hamisi is already booked that day for Harusi ya Neema, so this request cannot be accepted.",
    );
    await h.say(provider, `/decline ${second}`);
    expect((await last(provider, 9)).text).toBe(`You declined ${second}.`);
    expect((await last(other, 3)).text).toBe(
      "MC Hamisi declined your booking request for Send-off ya Asha. Try another with /services.",
    );

    await h.say(provider, "/myservices");
    expect((await last(provider, 10)).text).toBe(
      `Your services:\n• ${service} MC Hamisi (${category}, 300k-600k) – no ratings yet, upcoming bookings: 1`,
    );

    // Payments: the deposit, then the balance, each once; the provider is told; /bookings shows it from both sides.
    await h.say(organizer, `/payment ${booking} deposit`);
    expect((await last(organizer, 6)).text).toBe(`Recorded for ${booking} (MC Hamisi): deposit paid.`);
    expect((await last(provider, 11)).text).toBe("Harusi ya Neema recorded a payment for MC Hamisi: deposit paid.");
    await h.say(organizer, `/payment ${booking} deposit`);
    expect((await last(organizer, 7)).text).toContain(
      `Booking ${booking}: deposit paid so far, so "deposit paid" cannot be recorded now.`,
    );
    await h.say(organizer, `/payment ${booking} balance`);
    expect((await last(organizer, 8)).text).toBe(`Recorded for ${booking} (MC Hamisi): paid in full.`);
    await h.replies(provider, 12);
    await h.say(organizer, "/bookings");
    expect((await last(organizer, 9)).text).toBe(
      `Bookings for your events:\n• ${booking} MC Hamisi for Harusi ya Neema – confirmed, TZS 500,000, payment completed`,
    );
    const paidRow = await h.db.eventService.findFirstOrThrow({ where: { code: booking } });
    expect(paidRow.paymentStatus).toBe("completed");
    expect(paidRow.depositPaidAt).not.toBeNull();

    // Messages between the two sides of the booking, kept in chats; a stranger cannot use the booking.
    await h.say(organizer, `/msg ${booking} Please arrive by 13:00`);
    expect((await last(organizer, 10)).text).toBe(`Passed on to the other side of ${booking}.`);
    expect((await last(provider, 13)).text).toBe(
      `✉️ Neema (MC Hamisi, Harusi ya Neema): Please arrive by 13:00\nReply: /msg ${booking} your words`,
    );
    await h.say(provider, `/msg ${booking} Sawa, nitafika saa saba`);
    await last(provider, 14);
    expect((await last(organizer, 11)).text).toBe(
      `✉️ Hamisi (MC Hamisi, Harusi ya Neema): Sawa, nitafika saa saba\nReply: /msg ${booking} your words`,
    );
    await h.say(stranger, `/msg ${booking} hello`);
    expect((await last(stranger, 2)).text).toBe(
      `I could not find a booking "${booking}" of yours. Send /bookings to see yours.`,
    );
    const chats = await h.db.chatMessage.findMany({
      where: { event: { code } },
      orderBy: { createdAt: "asc" },
      select: { message: true, read: true },
    });
    // Marked read when delivered to the other side.
    await h.settle();
    await waitFor(
      async () =>
        (await h.db.chatMessage.count({ where: { event: { code }, read: false } })) === 0 ? true : undefined,
      "both marked read",
    );
    expect(chats.map((c) => c.message)).toEqual(["Please arrive by 13:00", "Sawa, nitafika saa saba"]);

    // Rated once the event is completed: not before; then with the stars, and again with words.
    await h.say(organizer, `/review ${booking} 5`);
    expect((await last(organizer, 12)).text).toBe(
      "Harusi ya Neema is not completed yet; services are rated once it is.",
    );
    await h.say(organizer, `/confirm ${code}`);
    await h.say(organizer, `/complete ${code}`);
    // The event is still to come: completing it asks first.
    await h.say(organizer, "yes");
    const ask = await last(organizer, 16);
    expect(ask.text).toBe("How was MC Hamisi at Harusi ya Neema? Rate it from 1 to 5.");
    expect(ask.choices?.map((c) => c.label)).toEqual(["★", "★★", "★★★", "★★★★", "★★★★★"]);
    await h.deliver(organizer, { kind: "choice", value: ask.choices![4]!.value });
    expect((await last(organizer, 17)).text).toBe(
      `Thank you: MC Hamisi rated 5/5. To add words: /review ${booking} 5 your comment`,
    );
    await h.say(organizer, `/review ${booking} 4 Great energy, a little late`);
    await last(organizer, 18);
    const reviews = await h.db.serviceReview.findMany({ where: { service: { code: service } } });
    expect(reviews.map((r) => [r.rating, r.comment])).toEqual([[4, "Great energy, a little late"]]);
    await h.say(provider, "/myservices");
    expect((await last(provider, 15)).text).toContain("rated 4.0/5");
  });

  it("bundles a provider's services into a package that an organizer books as one", async () => {
    const provider = ukPhone();
    const tag = Math.random().toString(36).slice(2, 7);
    await h.say(provider, `/addservice Picha ${tag} | Photo | 400k`, "Studio");
    await h.say(provider, `/addservice Video ${tag} | Video | 600k`);
    const codes = (await h.replies(provider, 2)).map((m) => /reference is (S-[A-Z0-9]+)\./.exec(m.text)![1]!);
    await h.say(provider, `/addpackage Harusi ${tag} | 900k | ${codes[0]}`);
    expect((await last(provider, 3)).text).toBe(
      "A package bundles two or more of your own services; not yours or unknown: -",
    );
    await h.say(provider, `/addpackage Harusi ${tag} | 900k | ${codes.join(", ")}`);
    expect((await last(provider, 4)).text).toBe(`Package Harusi ${tag} is listed at TZS 900,000.`);

    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Zawadi", "2032-05-01 14:00");
    await h.say(organizer, "/packages");
    expect((await last(organizer, 2)).text).toContain(`• Harusi ${tag}: Picha ${tag} + Video ${tag} – TZS 900,000`);
    await h.say(organizer, `/bookpackage ${code} harusi ${tag}`);
    const booked = (await last(organizer, 3)).text;
    expect(booked).toMatch(
      new RegExp(
        `^Asked for the package Harusi ${tag} for Harusi ya Zawadi: B-[A-Z0-9]+ Picha ${tag}, B-[A-Z0-9]+ Video ${tag}\\. Each provider answers their part\\.$`,
      ),
    );
    const requests = (await h.replies(provider, 6)).slice(4).map((m) => m.text);
    expect(requests.every((t) => t.startsWith("Booking request B-") && t.includes("Note: Harusi " + tag))).toBe(true);
    expect(await h.db.eventService.count({ where: { event: { code } } })).toBe(2);
  });

  it("confirms exactly one of two requests for the same day accepted at the same moment", async () => {
    const provider = await h.db.user.create({ data: { name: "DJ Salma", phone: uniquePhone() } });
    const service = await h.db.service.create({
      data: {
        userId: provider.id,
        name: "DJ Salma",
        category: "DJ",
        code: `S-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
      },
    });
    const requests = [];
    for (const name of ["Harusi A", "Harusi B", "Harusi C", "Harusi D"]) {
      const organizer = await h.db.user.create({ data: { name: `Org ${name}`, phone: uniquePhone() } });
      const event = await h.db.event.create({
        data: {
          organizerId: organizer.id,
          name,
          startTime: new Date("2032-02-14T11:00:00Z"),
          code: `E${Math.random().toString(36).slice(2, 8).toUpperCase()}-1`,
        },
      });
      requests.push(
        await h.db.eventService.create({
          data: {
            eventId: event.id,
            serviceId: service.id,
            code: `B-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
          },
        }),
      );
    }
    const results = await Promise.allSettled(
      requests.map((r) =>
        h.db.$transaction((tx) =>
          acceptBooking(tx, { userId: provider.id, typed: r.code!, price: 300000, deposit: 0, now: new Date() }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      ["booking.service_taken", "booking.service_taken", "booking.service_taken"],
    );
    expect(await h.db.eventService.count({ where: { serviceId: service.id, bookingStatus: "confirmed" } })).toBe(1);
  });
});
