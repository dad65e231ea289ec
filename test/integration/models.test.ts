// Every Prisma model written and read back through the generated client on the real database: proves the @map names,
// relations, Decimal money, jsonb and timestamptz columns work end to end, and that ON DELETE CASCADE does what the
// seed says for an event.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { testDb, uniquePhone } from "../support/services.js";

const db = testDb();

// A Saturday afternoon in Dar es Salaam (UTC+3, no daylight saving), written with its offset on purpose.
const ceremonyStart = new Date("2026-08-15T14:00:00+03:00");
const ceremonyEnd = new Date("2026-08-15T23:00:00+03:00");

function uniqueEmail(name: string): string {
  return `${name}.${randomUUID().slice(0, 8)}@example.co.tz`;
}

async function newUser(name: string) {
  return db.user.create({ data: { name, phone: uniquePhone(), email: uniqueEmail(name.toLowerCase()), locale: "sw" } });
}

async function newEvent(organizerId: string, budget = "1500000.50") {
  return db.event.create({
    data: {
      organizer: { connect: { id: organizerId } },
      name: "Harusi ya Majaribio",
      type: "wedding",
      startTime: ceremonyStart,
      endTime: ceremonyEnd,
      location: "Mlimani City Hall, Dar es Salaam",
      budget: new Prisma.Decimal(budget),
      status: "confirmed",
      code: `HARUSI-${randomUUID().slice(0, 6).toUpperCase()}`,
    },
  });
}

describe("every model round-trips through the generated client", () => {
  it("creates one row of each of the 31 models with relations wired, and reads them back", async () => {
    const organizer = await newUser("Neema");
    const guest = await newUser("Baraka");
    const provider = await newUser("Hamisi");
    const event = await newEvent(organizer.id);

    const profile = await db.attendeeProfile.create({ data: { userId: guest.id, rsvpCode: `RSVP-${randomUUID()}` } });
    const service = await db.service.create({
      data: { userId: provider.id, name: "MC Hamisi", category: "MC", priceRange: "TZS 800,000 - 1,500,000" },
    });
    const slot = await db.serviceAvailability.create({
      data: { serviceId: service.id, startTime: ceremonyStart, endTime: ceremonyEnd, status: "booked" },
    });
    const review = await db.serviceReview.create({
      data: { serviceId: service.id, eventId: event.id, reviewerId: organizer.id, rating: 5, comment: "Hodari sana" },
    });
    const booking = await db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        price: new Prisma.Decimal("1200000"),
        deposit: new Prisma.Decimal("300000"),
        bookingStatus: "confirmed",
        respondedAt: new Date(),
      },
    });
    const eventGuest = await db.eventGuest.create({
      data: { eventId: event.id, userId: guest.id, rsvpStatus: "accepted", partySize: 3, respondedAt: new Date() },
    });
    const comment = await db.eventComment.create({
      data: { eventId: event.id, userId: guest.id, content: "Hongera!" },
    });
    const share = await db.eventShare.create({ data: { eventId: event.id, sharedBy: guest.id, platform: "WhatsApp" } });
    const pkg = await db.package.create({
      data: { name: "Kifurushi cha Dhahabu", price: new Prisma.Decimal("9500000") },
    });
    const packageService = await db.packageService.create({ data: { packageId: pkg.id, serviceId: service.id } });
    const task = await db.eventTask.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        assignedTo: provider.id,
        title: "Andaa ratiba ya MC",
        dueTime: ceremonyStart,
      },
    });
    const chat = await db.chatMessage.create({
      data: { eventId: event.id, senderId: organizer.id, recipientId: provider.id, message: "Karibu saa nane" },
    });
    const notification = await db.notification.create({
      data: { userId: guest.id, type: "schedule_update", content: "Sherehe inaanza saa nane mchana" },
    });
    const budgetItem = await db.eventBudgetItem.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        title: "MC",
        cost: new Prisma.Decimal("1200000"),
        paid: new Prisma.Decimal("300000"),
      },
    });
    const invitation = await db.invitation.create({
      data: {
        eventId: event.id,
        recipientPhone: guest.phone,
        recipientName: "Baraka",
        userId: guest.id,
        code: `INV-${randomUUID()}`,
        sentAt: new Date(),
      },
    });
    const session = await db.eventSession.create({
      data: {
        eventId: event.id,
        name: "Ibada ya ndoa",
        startTime: ceremonyStart,
        endTime: ceremonyEnd,
        location: "Azania Front",
      },
    });
    const venueMap = await db.venueMap.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        name: "Ukumbi",
        mapData: { pins: [{ label: "Jukwaa", x: 10, y: 4 }] },
      },
    });
    const contribution = await db.guestContribution.create({
      data: {
        eventId: event.id,
        userId: guest.id,
        kind: "pledge",
        amount: new Prisma.Decimal("50000"),
        currency: "TZS",
        content: "Mchango",
      },
    });
    const poll = await db.eventPoll.create({
      data: { eventId: event.id, question: "Chakula gani?", createdBy: organizer.id },
    });
    const option = await db.pollOption.create({ data: { pollId: poll.id, optionText: "Pilau", position: 1 } });
    const vote = await db.pollVote.create({ data: { pollId: poll.id, optionId: option.id, userId: guest.id } });
    const admin = await db.admin.create({ data: { name: "Msimamizi", email: uniqueEmail("admin") } });
    const dispute = await db.dispute.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        raisedBy: organizer.id,
        assignedAdmin: admin.id,
        description: "MC alichelewa",
      },
    });
    const identity = await db.channelIdentity.create({
      data: { userId: guest.id, channel: "simulator", externalId: guest.phone!, chatId: guest.phone! },
    });
    const conversation = await db.conversation.create({
      data: {
        channel: "simulator",
        chatId: `chat-${randomUUID()}`,
        userId: guest.id,
        flow: "rsvp",
        version: 1,
        state: { step: "party_size", eventId: event.id },
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const inbound = await db.inboundMessage.create({
      data: { channel: "simulator", externalId: randomUUID(), chatId: conversation.chatId, payload: { text: "ndiyo" } },
    });
    const outbound = await db.outboundMessage.create({
      data: {
        dedupeKey: `in:${inbound.id}:0`,
        userId: guest.id,
        notificationId: notification.id,
        channel: "simulator",
        chatId: conversation.chatId,
        body: "Asante! Mtakuja wangapi?",
        options: { choices: ["1", "2", "3"] },
      },
    });
    const reminder = await db.reminder.create({
      // Due far ahead: a reminder scheduler of another test file (they share the database) fires what is due.
      data: {
        key: `event:${event.id}:1440:${guest.id}`,
        kind: "event",
        eventId: event.id,
        userId: guest.id,
        runAt: new Date("2031-08-14T14:00:00+03:00"),
      },
    });

    const usher = await db.eventUsher.create({ data: { eventId: event.id, userId: guest.id } });
    const optOut = await db.optOut.create({ data: { userId: guest.id, eventId: event.id } });
    const quotaUse = await db.quotaUse.create({
      data: { userId: organizer.id, eventId: event.id, kind: "announcement" },
    });
    const collection = await db.paymentCollection.create({
      data: {
        code: `L-${event.id.slice(0, 5)}`,
        purpose: "pledge",
        eventId: event.id,
        userId: guest.id,
        contributionId: contribution.id,
        phone: "+255712000001",
        amount: "1000",
        currency: "TZS",
        provider: "sandbox",
        callbackToken: `t-${event.id}`,
      },
    });

    // The type makes this list complete: a model added to the schema without a row here fails the typecheck.
    const created: Record<Prisma.ModelName, string | bigint> = {
      User: organizer.id,
      AttendeeProfile: profile.id,
      Service: service.id,
      ServiceAvailability: slot.id,
      ServiceReview: review.id,
      Event: event.id,
      EventService: booking.id,
      EventGuest: eventGuest.id,
      EventComment: comment.id,
      EventShare: share.id,
      Package: pkg.id,
      PackageService: packageService.id,
      EventTask: task.id,
      ChatMessage: chat.id,
      Notification: notification.id,
      EventBudgetItem: budgetItem.id,
      Invitation: invitation.id,
      EventSession: session.id,
      VenueMap: venueMap.id,
      GuestContribution: contribution.id,
      EventPoll: poll.id,
      PollOption: option.id,
      PollVote: vote.id,
      Admin: admin.id,
      Dispute: dispute.id,
      ChannelIdentity: identity.id,
      Conversation: conversation.id,
      InboundMessage: inbound.id,
      OutboundMessage: outbound.id,
      Reminder: reminder.id,
      EventUsher: usher.id,
      OptOut: optOut.id,
      QuotaUse: quotaUse.id,
      PaymentCollection: collection.id,
    };
    expect(Object.keys(created).sort()).toEqual(Object.values(Prisma.ModelName).sort());

    const readEvent = await db.event.findUniqueOrThrow({
      where: { id: event.id },
      include: {
        organizer: true,
        guests: { include: { user: true } },
        services: { include: { service: { include: { user: true } } } },
        comments: true,
        shares: true,
        tasks: { include: { assignee: true, service: true } },
        chats: { include: { sender: true, recipient: true } },
        budgetItems: true,
        invitations: { include: { user: true } },
        sessions: true,
        venueMaps: true,
        contributions: true,
        polls: { include: { options: { include: { votes: { include: { user: true } } } }, creator: true } },
        reviews: { include: { reviewer: true } },
        disputes: { include: { admin: true, raiser: true } },
        reminders: true,
      },
    });
    expect(readEvent.organizer?.phone).toBe(organizer.phone);
    expect(readEvent.guests.map((g) => [g.user?.name, g.rsvpStatus, g.partySize])).toEqual([["Baraka", "accepted", 3]]);
    expect(readEvent.services[0]?.service?.user?.name).toBe("Hamisi");
    expect(readEvent.services[0]?.bookingStatus).toBe("confirmed");
    expect(readEvent.services[0]?.paymentStatus).toBe("pending");
    expect(readEvent.comments.map((c) => c.content)).toEqual(["Hongera!"]);
    expect(readEvent.shares.map((s) => s.platform)).toEqual(["WhatsApp"]);
    expect(readEvent.tasks[0]?.assignee?.id).toBe(provider.id);
    expect(readEvent.tasks[0]?.service?.category).toBe("MC");
    expect(readEvent.tasks[0]?.status).toBe("pending");
    expect(readEvent.chats[0]?.sender?.id).toBe(organizer.id);
    expect(readEvent.chats[0]?.recipient?.id).toBe(provider.id);
    expect(readEvent.chats[0]?.read).toBe(false);
    expect(readEvent.budgetItems[0]?.status).toBe("pending");
    expect(readEvent.invitations[0]?.user?.id).toBe(guest.id);
    expect(readEvent.invitations[0]?.rsvpStatus).toBe("pending");
    expect(readEvent.sessions.map((s) => s.name)).toEqual(["Ibada ya ndoa"]);
    expect(readEvent.venueMaps[0]?.mapData).toEqual({ pins: [{ label: "Jukwaa", x: 10, y: 4 }] });
    expect(readEvent.contributions[0]?.kind).toBe("pledge");
    expect(readEvent.polls[0]?.creator?.id).toBe(organizer.id);
    expect(readEvent.polls[0]?.options[0]?.votes[0]?.user?.id).toBe(guest.id);
    expect(readEvent.reviews[0]?.reviewer?.id).toBe(organizer.id);
    expect(readEvent.reviews[0]?.rating).toBe(5);
    expect(readEvent.disputes[0]?.admin?.id).toBe(admin.id);
    expect(readEvent.disputes[0]?.status).toBe("open");
    expect(readEvent.reminders[0]?.status).toBe("scheduled");
    expect(readEvent.timeZone).toBe("Africa/Dar_es_Salaam");
    expect(readEvent.currency).toBe("TZS");

    const readGuest = await db.user.findUniqueOrThrow({
      where: { id: guest.id },
      include: {
        attendeeProfiles: true,
        channelIdentities: true,
        notifications: { include: { deliveries: true } },
        outboundMessages: true,
      },
    });
    expect(readGuest.role).toBe("user");
    expect(readGuest.locale).toBe("sw");
    expect(readGuest.attendeeProfiles[0]?.rsvpCode).toBe(profile.rsvpCode);
    expect(readGuest.channelIdentities[0]?.externalId).toBe(guest.phone);
    expect(readGuest.notifications[0]?.isRead).toBe(false);
    expect(readGuest.notifications[0]?.deliveries[0]?.id).toBe(outbound.id);

    const readService = await db.service.findUniqueOrThrow({
      where: { id: service.id },
      include: { availability: true, packages: { include: { package: true } } },
    });
    expect(readService.isActive).toBe(true);
    expect(readService.availability[0]?.status).toBe("booked");
    expect(readService.packages[0]?.package?.name).toBe("Kifurushi cha Dhahabu");

    const readAdmin = await db.admin.findUniqueOrThrow({ where: { id: admin.id }, include: { disputes: true } });
    expect(readAdmin.disputes.map((d) => d.id)).toEqual([dispute.id]);

    const readConversation = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(readConversation.state).toEqual({ step: "party_size", eventId: event.id });
    const readInbound = await db.inboundMessage.findUniqueOrThrow({ where: { id: inbound.id } });
    expect(typeof readInbound.id).toBe("bigint");
    expect(readInbound.status).toBe("pending");
    expect(readInbound.payload).toEqual({ text: "ndiyo" });
    const readOutbound = await db.outboundMessage.findUniqueOrThrow({ where: { id: outbound.id } });
    expect(readOutbound.status).toBe("queued");
    expect(readOutbound.options).toEqual({ choices: ["1", "2", "3"] });
  });
});

describe("column types", () => {
  it("keeps money exact as Decimal (no float rounding)", async () => {
    const organizer = await newUser("Zawadi");
    const event = await newEvent(organizer.id, "1500000.50");
    const pledge = await db.guestContribution.create({
      data: {
        eventId: event.id,
        userId: organizer.id,
        kind: "pledge",
        amount: new Prisma.Decimal("0.10"),
        currency: "TZS",
      },
    });
    await db.guestContribution.update({
      where: { id: pledge.id },
      data: { paidAmount: { increment: new Prisma.Decimal("0.20") } },
    });

    const readEvent = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(readEvent.budget).toBeInstanceOf(Prisma.Decimal);
    expect(readEvent.budget?.toFixed(2)).toBe("1500000.50");
    expect(readEvent.budget?.equals("1500000.5")).toBe(true);
    const [raw] = await db.$queryRaw<
      { budget: string }[]
    >`SELECT budget::text AS budget FROM events WHERE id = ${event.id}::uuid`;
    expect(raw?.budget).toBe("1500000.50");

    // 0.1 + 0.2 is the classic float trap; numeric must give exactly 0.30.
    const readPledge = await db.guestContribution.findUniqueOrThrow({ where: { id: pledge.id } });
    expect(readPledge.amount?.plus(readPledge.paidAmount).toFixed(2)).toBe("0.30");
  });

  it("round-trips nested jsonb with Swahili text, numbers, nulls and arrays", async () => {
    const organizer = await newUser("Rehema");
    const event = await newEvent(organizer.id);
    const mapData = {
      zones: [
        {
          name: "Meza za familia",
          seats: 40,
          polygon: [
            [0, 0],
            [10, 0],
            [10, 5],
          ],
        },
      ],
      pins: [{ label: "Mlango mkuu", lat: -6.7924, lng: 39.2083 }],
      notes: null,
      vip: true,
    };
    const map = await db.venueMap.create({ data: { eventId: event.id, name: "Ramani", mapData } });
    const read = await db.venueMap.findUniqueOrThrow({ where: { id: map.id } });
    expect(read.mapData).toEqual(mapData);
    const [raw] = await db.$queryRaw<
      { kind: string }[]
    >`SELECT jsonb_typeof(map_data) AS kind FROM venue_maps WHERE id = ${map.id}::uuid`;
    expect(raw?.kind).toBe("object");
  });

  // Only under a UTC session: @prisma/adapter-pg 7.10 drops the offset both ways (prisma/orm#26786, #28629), so
  // createPrisma has to pin the session time zone for this to hold on a server whose default zone is not UTC.
  it("stores timestamps as UTC instants", async () => {
    const organizer = await newUser("Mwanaidi");
    const event = await newEvent(organizer.id);
    const [utc] = await db.$queryRaw<{ start: string }[]>`
      SELECT to_char(start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS start FROM events WHERE id = ${event.id}::uuid`;
    expect(utc?.start).toBe("2026-08-15T11:00:00");

    const read = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(read.startTime?.toISOString()).toBe("2026-08-15T11:00:00.000Z");
    // created_at comes from the server's now(), so this also covers instants the database made itself.
    expect(Math.abs(read.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe("ON DELETE CASCADE from an event", () => {
  async function eventWithDependants() {
    const organizer = await newUser("Khadija");
    const guest = await newUser("Said");
    const event = await newEvent(organizer.id);
    await db.eventGuest.create({ data: { eventId: event.id, userId: guest.id, rsvpStatus: "accepted" } });
    await db.eventSession.create({ data: { eventId: event.id, name: "Mapokezi" } });
    await db.invitation.create({ data: { eventId: event.id, recipientPhone: guest.phone } });
    const poll = await db.eventPoll.create({
      data: {
        eventId: event.id,
        question: "Muziki?",
        options: { create: [{ optionText: "Taarab" }, { optionText: "Bongo Flava" }] },
      },
      include: { options: true },
    });
    return { organizer, guest, event, poll };
  }

  it("removes the event's guests, sessions, invitations, polls and their options, and leaves the people", async () => {
    const { organizer, guest, event, poll } = await eventWithDependants();

    await db.event.delete({ where: { id: event.id } });

    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.eventSession.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.invitation.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.eventPoll.count({ where: { id: poll.id } })).toBe(0);
    expect(await db.pollOption.count({ where: { pollId: poll.id } })).toBe(0);
    expect(await db.user.count({ where: { id: { in: [organizer.id, guest.id] } } })).toBe(2);
  });

  it("is blocked by a cast vote, because the seed gives poll_votes.poll_id no ON DELETE rule", async () => {
    const { guest, event, poll } = await eventWithDependants();
    await db.pollVote.create({ data: { pollId: poll.id, optionId: poll.options[0]!.id, userId: guest.id } });

    await expect(db.event.delete({ where: { id: event.id } })).rejects.toThrow();
    expect(await db.event.count({ where: { id: event.id } })).toBe(1);
  });

  it("follows the organizer: deleting the user removes the events they organize", async () => {
    const organizer = await newUser("Mussa");
    const event = await newEvent(organizer.id);
    await db.eventSession.create({ data: { eventId: event.id, name: "Chakula" } });

    await db.user.delete({ where: { id: organizer.id } });

    expect(await db.event.count({ where: { id: event.id } })).toBe(0);
    expect(await db.eventSession.count({ where: { eventId: event.id } })).toBe(0);
  });
});
