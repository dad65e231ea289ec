// Money and dates at the edges, on the real database: amounts past what numeric(14,2) holds are refused with a clear
// answer before any write, /budget sums every row, a pledge's over-payment check holds under concurrent payments,
// bookings clash by calendar day in the event's zone, an accept of a cancelled or past event is refused, and the door
// refuses a guest who declined or an event that was cancelled.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Tx } from "../../src/db/prisma.js";
import { addExpense, budgetOf } from "../../src/domain/budget.js";
import { scanPass } from "../../src/domain/checkins.js";
import { addContribution, recordPayment } from "../../src/domain/contributions.js";
import { createEvent } from "../../src/domain/events.js";
import { maxAmount } from "../../src/domain/money.js";
import { acceptBooking } from "../../src/domain/bookings.js";
import { addPackage } from "../../src/domain/packages.js";
import { AppError } from "../../src/errors.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { catalogues } from "../../src/i18n/index.js";
import { testDb, uniquePhone } from "../support/services.js";

const db = testDb();
const now = new Date("2031-01-10T09:00:00Z");
const tag = () => randomUUID().slice(0, 6).toUpperCase();

const newUser = (name: string) => db.user.create({ data: { name, phone: uniquePhone() } });
async function newEvent(
  organizerId: string,
  fields: Partial<{
    startTime: Date;
    status: "draft" | "confirmed" | "cancelled" | "completed";
    timeZone: string;
    name: string;
  }> = {},
) {
  return db.event.create({
    data: {
      organizerId,
      name: fields.name ?? "Harusi",
      startTime: fields.startTime ?? new Date("2031-06-14T11:00:00Z"),
      status: fields.status ?? "confirmed",
      timeZone: fields.timeZone ?? "Africa/Dar_es_Salaam",
      code: `HARUSI-${tag()}`,
    },
  });
}
async function newService() {
  const provider = await newUser("Hamisi");
  const service = await db.service.create({
    data: { userId: provider.id, name: "MC Hamisi", category: "MC", priceRange: "1M", code: `S-${tag()}` },
  });
  return { provider, service };
}
const book = (eventId: string, serviceId: string, status: "requested" | "confirmed" = "requested") =>
  db.eventService.create({ data: { eventId, serviceId, bookingStatus: status, code: `B-${tag()}` } });

/** Runs fn in a transaction and returns the AppError it threw (fails when it threw nothing or something else). */
async function refusal(fn: (tx: Tx) => Promise<unknown>): Promise<AppError> {
  try {
    await db.$transaction((tx) => fn(tx));
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("amounts capped to what numeric(14,2) holds", () => {
  it("is one limit, 999,999,999,999.99, answered in both languages", () => {
    expect(maxAmount.toString()).toBe("999999999999.99");
    expect(catalogues.en["amount.too_large"]).toContain("999,999,999,999.99");
    expect(catalogues.sw["amount.too_large"]).toContain("999,999,999,999.99");
  });

  it("refuses each amount written past the limit with amount.too_large and writes nothing", async () => {
    const organizer = await newUser("Neema");
    const event = await newEvent(organizer.id);
    const guest = await newUser("Amina");

    expect(
      (await refusal((tx) => addExpense(tx, { eventId: event.id, title: "Ukumbi", cost: 1e12, paid: 0 }))).code,
    ).toBe("amount.too_large");
    expect(
      (
        await refusal((tx) =>
          addContribution(tx, { eventId: event.id, userId: guest.id, kind: "pledge", amount: 1e12, currency: "TZS" }),
        )
      ).code,
    ).toBe("amount.too_large");
    expect(
      (
        await refusal((tx) =>
          createEvent(tx, {
            organizerId: organizer.id,
            name: "Sherehe",
            type: "party",
            startTime: now,
            location: "Dar",
            timeZone: "Africa/Dar_es_Salaam",
            budget: new Prisma.Decimal(1e12),
          }),
        )
      ).code,
    ).toBe("amount.too_large");

    const { provider, service } = await newService();
    const booking = await book(event.id, service.id);
    expect(
      (
        await refusal((tx) =>
          acceptBooking(tx, { userId: provider.id, typed: booking.code!, price: 1e12, deposit: 0, now }),
        )
      ).code,
    ).toBe("amount.too_large");
    const second = await db.service.create({
      data: { userId: provider.id, name: "DJ", category: "DJ", code: `S-${tag()}` },
    });
    expect(
      (
        await refusal((tx) =>
          addPackage(tx, {
            userId: provider.id,
            name: `Kifurushi ${tag()}`,
            price: 1e12,
            serviceCodes: [service.code!, second.code!],
          }),
        )
      ).code,
    ).toBe("amount.too_large");

    expect(await db.eventBudgetItem.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.guestContribution.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db.eventService.findUniqueOrThrow({ where: { id: booking.id } })).bookingStatus).toBe("requested");

    // The largest amount the column holds is taken.
    const item = await db.$transaction((tx) =>
      addExpense(tx, { eventId: event.id, title: "Ukumbi", cost: 999_999_999_999.99, paid: 0 }),
    );
    expect(item.cost!.toString()).toBe("999999999999.99");
  });

  it("refuses a confirmed over-payment that would take a pledge's paid total past the limit", async () => {
    const organizer = await newUser("Neema");
    const event = await newEvent(organizer.id);
    const guest = await newUser("Amina");
    const pledge = await db.guestContribution.create({
      data: {
        eventId: event.id,
        userId: guest.id,
        kind: "pledge",
        amount: new Prisma.Decimal("999999999999.99"),
        paidAmount: new Prisma.Decimal("999999999999"),
        currency: "TZS",
        code: `M-${tag()}`,
      },
    });
    const error = await refusal((tx) =>
      recordPayment(tx, { organizerId: organizer.id, typed: pledge.code!, amount: 5, confirmed: true }),
    );
    expect(error.code).toBe("amount.too_large");
  });
});

describe("/budget", () => {
  it("sums every expense, not the first 100", async () => {
    const organizer = await newUser("Neema");
    const event = await newEvent(organizer.id);
    await db.eventBudgetItem.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        eventId: event.id,
        title: `Kitu ${i}`,
        cost: new Prisma.Decimal("1000.10"),
        paid: new Prisma.Decimal("10"),
      })),
    });
    const { planned, paid } = await db.$transaction((tx) => budgetOf(tx, event.id));
    expect(planned.toString()).toBe("150015");
    expect(paid.toString()).toBe("1500");
  });
});

describe("a pledge's over-payment check", () => {
  it("lets only one of two concurrent payments of what is owed through", async () => {
    const organizer = await newUser("Neema");
    const event = await newEvent(organizer.id);
    const guest = await newUser("Amina");
    const pledge = await db.guestContribution.create({
      data: {
        eventId: event.id,
        userId: guest.id,
        kind: "pledge",
        amount: new Prisma.Decimal(50_000),
        currency: "TZS",
        code: `M-${tag()}`,
      },
    });
    const pay = (tx: Tx) =>
      recordPayment(tx, { organizerId: organizer.id, typed: pledge.code!, amount: 50_000, confirmed: false });

    // The first payment's transaction stays open until the second is seen waiting on a lock: without a lock the
    // second would read the unchanged total, pass the check and add its payment after the first commits.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let firstDone!: () => void;
    const firstPaid = new Promise<void>((resolve) => (firstDone = resolve));
    const first = db.$transaction(
      async (tx) => {
        await pay(tx);
        firstDone();
        await released;
      },
      { timeout: 20_000 },
    );
    await firstPaid;
    const second = db
      .$transaction((tx) => pay(tx), { timeout: 20_000 })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%guest_contributions%'`;
      if (row!.n > 0) break;
      if (Date.now() > deadline) throw new Error("the second payment never waited on a lock");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    await first;
    const outcome = await second;
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe("pledge.overpaid");
    expect((await db.guestContribution.findUniqueOrThrow({ where: { id: pledge.id } })).paidAmount.toString()).toBe(
      "50000",
    );
  });
});

describe("/accept", () => {
  it("clashes by calendar day in the event's zone, not within 12 hours", async () => {
    const organizer = await newUser("Neema");
    const { provider, service } = await newService();
    // Saturday 23:00 and Sunday 08:00 in Dar es Salaam: 9 hours apart, but two days.
    const saturdayNight = await newEvent(organizer.id, { startTime: new Date("2031-06-14T20:00:00Z") });
    const sundayMorning = await newEvent(organizer.id, { startTime: new Date("2031-06-15T05:00:00Z") });
    await book(saturdayNight.id, service.id, "confirmed");
    const sunday = await book(sundayMorning.id, service.id);
    await db.$transaction((tx) =>
      acceptBooking(tx, { userId: provider.id, typed: sunday.code!, price: 500_000, deposit: 100_000, now }),
    );
    expect((await db.eventService.findUniqueOrThrow({ where: { id: sunday.id } })).bookingStatus).toBe("confirmed");

    // Saturday 00:30 and Saturday 23:30: 23 hours apart, the same day.
    const other = await newService();
    const early = await newEvent(organizer.id, { startTime: new Date("2031-06-20T21:30:00Z"), name: "Send-off" });
    const late = await newEvent(organizer.id, { startTime: new Date("2031-06-21T20:30:00Z") });
    await book(early.id, other.service.id, "confirmed");
    const lateBooking = await book(late.id, other.service.id);
    const error = await refusal((tx) =>
      acceptBooking(tx, { userId: other.provider.id, typed: lateBooking.code!, price: 500_000, deposit: 0, now }),
    );
    expect(error.code).toBe("booking.service_taken");
    expect(error.params).toMatchObject({ event: "Send-off" });
  });

  it("refuses a booking for a cancelled or a past event, saying which", async () => {
    const organizer = await newUser("Neema");
    const { provider, service } = await newService();
    const cancelled = await book(
      (await newEvent(organizer.id, { status: "cancelled", name: "Harusi iliyoahirishwa" })).id,
      service.id,
    );
    const past = await book(
      (await newEvent(organizer.id, { startTime: new Date("2030-12-01T11:00:00Z"), name: "Harusi ya jana" })).id,
      service.id,
    );
    const accept = (code: string) =>
      refusal((tx) => acceptBooking(tx, { userId: provider.id, typed: code, price: 500_000, deposit: 0, now }));

    const cancelledError = await accept(cancelled.code!);
    expect(cancelledError.code).toBe("booking.event_cancelled");
    expect(cancelledError.params).toMatchObject({ event: "Harusi iliyoahirishwa" });
    const pastError = await accept(past.code!);
    expect(pastError.code).toBe("booking.event_over");
    expect(pastError.params).toMatchObject({ event: "Harusi ya jana" });
    for (const id of [cancelled.id, past.id])
      expect((await db.eventService.findUniqueOrThrow({ where: { id } })).bookingStatus).toBe("requested");
  });
});

describe("check-in at the door", () => {
  async function passOf(answer: "accepted" | "declined", status: "confirmed" | "cancelled" = "confirmed") {
    const organizer = await newUser("Neema");
    const event = await newEvent(organizer.id, { status, name: "Harusi ya Neema" });
    const guest = await newUser("Amina");
    const token = `IN-${tag()}${tag()}AB7D`.slice(0, 19);
    await db.invitation.create({
      data: {
        eventId: event.id,
        userId: guest.id,
        recipientPhone: guest.phone,
        sentAt: now,
        code: `I-${tag()}`,
        passToken: token,
      },
    });
    await db.eventGuest.create({ data: { eventId: event.id, userId: guest.id, rsvpStatus: answer } });
    return { organizer, token };
  }

  it("refuses the pass of a guest who declined", async () => {
    const { organizer, token } = await passOf("declined");
    const error = await refusal((tx) => scanPass(tx, { token, scannerId: organizer.id, now }));
    expect(error.code).toBe("scan.guest_declined");
    expect(error.params).toMatchObject({ guest: "Amina", event: "Harusi ya Neema" });
    expect((await db.invitation.findFirstOrThrow({ where: { passToken: token } })).checkedInAt).toBeNull();
  });

  it("refuses a pass for a cancelled event", async () => {
    const { organizer, token } = await passOf("accepted", "cancelled");
    const error = await refusal((tx) => scanPass(tx, { token, scannerId: organizer.id, now }));
    expect(error.code).toBe("scan.event_cancelled");
    expect((await db.invitation.findFirstOrThrow({ where: { passToken: token } })).checkedInAt).toBeNull();
  });

  it("still checks in a guest who accepted", async () => {
    const { organizer, token } = await passOf("accepted");
    expect(await db.$transaction((tx) => scanPass(tx, { token, scannerId: organizer.id, now }))).toMatchObject({
      kind: "checked",
      guest: "Amina",
    });
  });
});
