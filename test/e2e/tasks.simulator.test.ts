// Tasks through the simulator: the organizer gives a task to someone by phone, who is told, lists it, moves it on;
// the organizer sees them overdue first and is told when one is done; nobody else can touch a task.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("tasks", () => {
  it("gives, lists, moves on and finishes tasks, telling the assignee and the organizer", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2031-11-14 14:00 | Serena Hotel", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const helper = uniquePhone();

    await h.say(organizer, `/task ${code} Collect the cake | 0${helper.slice(4)} Juma | 2031-11-13 18:00`);
    const created = await last(organizer, 2);
    const task = /Task (T-[A-Z0-9]+) added/.exec(created)![1]!;
    expect(created).toBe(
      `Task ${task} added to Harusi ya Neema: Collect the cake – for Juma – due Thu 13 Nov 2031, 18:00.`,
    );
    // The helper has never written: told on the first channel that can write first, in their number's language.
    expect(await last(helper, 1)).toBe(
      `Neema amekupa kazi ya Harusi ya Neema: Collect the cake – mwisho Alhamisi 13 Novemba 2031, saa kumi na mbili jioni (18:00).\nUkianza: /naendelea ${task}. Ikikamilika: /imekwisha ${task}`,
    );

    await h.say(organizer, `/task ${code} Book the photographer`);
    const second = /Task (T-[A-Z0-9]+) added/.exec(await last(organizer, 3))![1]!;
    // A task past its due time is listed first, as overdue.
    await h.db.eventTask.update({ where: { code: second }, data: { dueTime: new Date(Date.now() - 60_000) } });
    await h.say(organizer, `/task ${code} x | 0712`);
    expect(await last(organizer, 4)).toContain("Send the event's code and the task");
    await h.say(organizer, `/task ${code} Chairs | not a phone`);
    expect(await last(organizer, 5)).toBe('"not a phone" is not a phone number I can give the task to.');
    await h.say(organizer, `/tasks ${code}`);
    const list = await last(organizer, 6);
    expect(list.split("\n")[0]).toBe("Tasks of Harusi ya Neema:");
    expect(list.split("\n")[1]).toMatch(new RegExp(`^• ${second} Book the photographer – OVERDUE – due `));
    expect(list.split("\n")[2]).toBe(`• ${task} Collect the cake – to do – for Juma – due Thu 13 Nov 2031, 18:00`);

    // Nobody else may move it; the assignee moves it on; the organizer is told when it is done.
    const stranger = ukPhone();
    await h.say(stranger, `/done ${task}`, "Stranger");
    expect(await last(stranger, 1)).toBe(
      `I could not find a task "${task}" of yours. Send /mytasks (or /tasks CODE) to see the references.`,
    );
    await h.say(helper, "/kazizangu");
    expect(await last(helper, 2)).toBe(
      `Kazi zako:\n• ${task} Collect the cake (Harusi ya Neema) – haijaanza – mwisho Alhamisi 13 Novemba 2031, saa kumi na mbili jioni (18:00)`,
    );
    await h.say(helper, `/naendelea ${task}`);
    expect(await last(helper, 3)).toBe(`"Collect the cake" inaendelea. Tuma /imekwisha ${task} ikikamilika.`);
    await h.say(helper, `/imekwisha ${task.toLowerCase()}`);
    expect(await last(helper, 4)).toBe('"Collect the cake" imekamilika. Asante!');
    expect(await last(organizer, 7)).toBe("Juma finished a task for Harusi ya Neema: Collect the cake.");
    await h.say(helper, `/done ${task}`);
    expect(await last(helper, 5)).toBe('"Collect the cake" tayari imekamilika.');
    expect((await h.db.eventTask.findUniqueOrThrow({ where: { code: task } })).status).toBe("completed");
  });
});
