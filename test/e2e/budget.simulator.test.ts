// The budget through the simulator: expenses as they come, bookings included, a warning when the plan goes over.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("the budget", () => {
  it("adds expenses, counts confirmed bookings, and warns when the plan goes over the budget", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2031-12-12 14:00 | Serena Hotel | 1m", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    await h.say(organizer, `/budget ${code}`);
    expect(await last(organizer, 2)).toBe(
      `No expenses or bookings in the budget of Harusi ya Neema yet. Add one with /expense ${code} Title | cost.`,
    );

    await h.say(organizer, `/expense ${code} Cake | lots`);
    expect(await last(organizer, 3)).toBe('"lots" is not an amount; send it like 500,000, 500k or 500 elfu.');
    await h.say(organizer, `/expense ${code} Cake | 100k | 200k`);
    expect(await last(organizer, 4)).toBe("What is paid cannot be more than the cost.");
    await h.say(organizer, `/expense ${code} Cake | 500k | 200 elfu`);
    expect(await last(organizer, 5)).toBe(
      "Added to the budget of Harusi ya Neema: Cake, TZS 500,000 (TZS 200,000 paid). Planned now TZS 500,000.",
    );

    const provider = await h.db.user.create({ data: { name: "Hamisi", phone: uniquePhone() } });
    const service = await h.db.service.create({ data: { userId: provider.id, name: "MC Hamisi", category: "MC" } });
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    await h.db.eventService.create({
      data: {
        eventId: event.id,
        serviceId: service.id,
        bookingStatus: "confirmed",
        price: 400000,
        deposit: 100000,
        depositPaidAt: new Date(),
      },
    });

    await h.say(organizer, `/expense ${code} Decor | 300,000`);
    expect(await last(organizer, 6)).toBe(
      "Added to the budget of Harusi ya Neema: Decor, TZS 300,000 (TZS 0 paid). Planned now TZS 1,200,000 – over the budget of TZS 1,000,000 by TZS 200,000.",
    );
    await h.say(organizer, `/bajeti ${code}`);
    expect(await last(organizer, 7)).toBe(
      "Budget of Harusi ya Neema:\nPlanned TZS 1,200,000, paid TZS 300,000, budget TZS 1,000,000.\n• Cake: TZS 500,000 (TZS 200,000 paid)\n• Decor: TZS 300,000 (TZS 0 paid)\n• MC Hamisi (booking): TZS 400,000 (TZS 100,000 paid)\n⚠️ The plan is over the budget by TZS 200,000.",
    );
    expect(await h.db.eventBudgetItem.count({ where: { eventId: event.id } })).toBe(2);
  });
});
