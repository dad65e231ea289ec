// Each role sees only its own: an organizer their events, a provider the bookings of their services, a guest the
// events they are invited to. Two of everything is created, so a query that forgot its owner would show the other's.
// Driven through the real engine and outbound worker (simulator channel) against the test database.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { uniquePhone } from "../support/services.js";

const h = await startHarness();
const db = h.db;
const tag = randomUUID().slice(0, 6).toUpperCase();

async function person(name: string) {
  return db.user.create({ data: { name: `${name} ${tag}`, phone: uniquePhone(), locale: "en" } });
}

/** Two organizers with an event each, a provider booked for each event, a guest of each event. */
async function twoWorlds() {
  const worlds = [];
  for (const side of ["A", "B"]) {
    const organizer = await person(`Organizer${side}`);
    const event = await db.event.create({
      data: {
        organizerId: organizer.id,
        name: `Event ${side} ${tag}`,
        code: `EV${side}-${tag}`,
        location: `Hall ${side}`,
        status: "confirmed",
      },
    });
    const provider = await person(`Provider${side}`);
    const service = await db.service.create({
      data: { userId: provider.id, name: `Service ${side} ${tag}`, category: "mc" },
    });
    await db.eventService.create({ data: { eventId: event.id, serviceId: service.id, bookingStatus: "confirmed" } });
    const guest = await person(`Guest${side}`);
    await db.eventGuest.create({ data: { eventId: event.id, userId: guest.id } });
    worlds.push({ organizer, event, provider, service, guest });
  }
  return { a: worlds[0]!, b: worlds[1]! };
}

const { a, b } = await twoWorlds();

/** Sends one command as this person and returns the bot's answer. */
async function ask(phone: string | null, text: string): Promise<string> {
  const before = h.sent.to(phone!).length;
  await h.say(phone!, text);
  return (await h.replies(phone!, before + 1))[before]!.text;
}

describe("each role sees only its own", () => {
  it("shows an organizer their own events and not another organizer's", async () => {
    const answerA = await ask(a.organizer.phone, "/events");
    expect(answerA).toContain(`Event A ${tag} (EVA-${tag})`);
    expect(answerA).not.toContain(`Event B ${tag}`);

    const answerB = await ask(b.organizer.phone, "/events");
    expect(answerB).toContain(`Event B ${tag}`);
    expect(answerB).not.toContain(`Event A ${tag}`);
  });

  it("shows a provider the bookings of their own services only", async () => {
    const answer = await ask(a.provider.phone, "/bookings");
    expect(answer).toContain(`Service A ${tag} for Event A ${tag}`);
    expect(answer).not.toContain(`Service B ${tag}`);
    expect(answer).not.toContain(`Event B ${tag}`);
  });

  it("shows a guest the events they are a guest of only", async () => {
    const answer = await ask(b.guest.phone, "/invitations");
    expect(answer).toContain(`Event B ${tag}`);
    expect(answer).toContain("Hall B");
    expect(answer).not.toContain(`Event A ${tag}`);
  });

  it("shows nothing of an event to its organizer's provider view or its guest's organizer view", async () => {
    // The organizer sees the bookings made for their own event (not as requests for services of their own), never
    // another organizer's.
    const bookings = await ask(a.organizer.phone, "/bookings");
    expect(bookings).toContain(
      `Bookings for your events:\n• - Service A ${tag} for Event A ${tag} – confirmed, payment pending`,
    );
    expect(bookings).not.toContain(`Service B ${tag}`);
    // A guest organizes nothing.
    expect(await ask(a.guest.phone, "/events")).toBe(
      "You have not created any events yet. Send /newevent to plan one.",
    );
    // A provider booked for an event is not its guest.
    expect(await ask(b.provider.phone, "/invitations")).toBe(
      "You have no invitations yet. If you got an invitation code, send /start CODE.",
    );
  });
});
