// An organizer on a phone creates events step by step without a slash, answering "when?" in Kiswahili the way people
// say it ("Jumamosi ijayo saa nane mchana", "kesho kutwa saa 10 jioni"); a time alone is answered with a question for
// the day, never with "not upcoming". The harness runs on the real clock, so the expected days are worked out here
// from today in the event's zone.
import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { uniquePhone } from "../support/services.js";

const h = await startHarness();
const zone = "Africa/Dar_es_Salaam";
const texts = async (phone: string, from: number, to: number) =>
  (await h.replies(phone, to)).slice(from - 1, to).map((m) => m.text);

/** The instant of the day `days` from today in Dar es Salaam, at the given wall-clock hour there. */
function dayAt(days: number, hour: number): Date {
  const today = new TZDate(Date.now(), zone);
  return new Date(
    new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + days, hour, 0, 0, zone).getTime(),
  );
}

/** Days from today to next week's Saturday (weeks start on Monday), as "Jumamosi ijayo" is read. */
function toNextWeeksSaturday(): number {
  const weekday = new TZDate(Date.now(), zone).getDay();
  const mondayBased = (d: number) => (d + 6) % 7;
  return mondayBased(6) - mondayBased(weekday) + 7;
}

async function createStepByStep(
  organizer: string,
  name: string,
  when: string[],
): Promise<{ replies: string[]; code: string }> {
  await h.say(organizer, "tukiompya", "Neema");
  let n = 1;
  const answers = [name, "harusi", ...when, "Diamond Jubilee Hall", "ruka"];
  for (const answer of answers) {
    await h.replies(organizer, n);
    await h.say(organizer, answer);
    n++;
  }
  const replies = (await h.replies(organizer, n)).map((m) => m.text);
  const code = /Namba yake ni ([A-Z0-9-]+)\./.exec(replies[n - 1]!)?.[1];
  expect(code, replies.join("\n---\n")).toBeTruthy();
  return { replies, code: code! };
}

describe("creating an event in everyday Kiswahili", () => {
  it("takes 'Jumamosi ijayo saa nane mchana' as next week's Saturday at 14:00 in the event's zone", async () => {
    const organizer = uniquePhone();
    const { code } = await createStepByStep(organizer, "Harusi ya Neema na Baraka", ["Jumamosi ijayo saa nane mchana"]);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event.startTime?.toISOString()).toBe(dayAt(toNextWeeksSaturday(), 14).toISOString());
    expect(event.timeZone).toBe(zone);
  });

  it("takes 'kesho kutwa saa 10 jioni' as the day after tomorrow at 16:00", async () => {
    const organizer = uniquePhone();
    const { code } = await createStepByStep(organizer, "Send-off ya Amina", ["kesho kutwa saa 10 jioni"]);
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event.startTime?.toISOString()).toBe(dayAt(2, 16).toISOString());
  });

  it("asks which day for 'saa 9 alasiri' alone, then takes the day", async () => {
    const organizer = uniquePhone();
    await h.say(organizer, "tukiompya", "Neema");
    await h.replies(organizer, 1);
    await h.say(organizer, "Kikao cha kamati");
    await h.replies(organizer, 2);
    await h.say(organizer, "mkutano");
    await h.replies(organizer, 3);
    await h.say(organizer, "saa 9 alasiri");
    const [asked] = await texts(organizer, 4, 4);
    expect(asked).toBe(
      "saa tisa mchana (15:00): siku gani? (mfano kesho, Jumamosi ijayo, tarehe 20 Desemba au 2027-02-13)",
    );
    expect(asked).not.toMatch(/imeshapita|passed/);
    await h.say(organizer, "kesho");
    const [place] = await texts(organizer, 5, 5);
    expect(place).toBe("Litafanyika wapi? (ukumbi, mfano Diamond Jubilee Hall, Dar es Salaam)");
    await h.say(organizer, "Ukumbi wa Karimjee");
    await h.replies(organizer, 6);
    await h.say(organizer, "ruka");
    const [created] = await texts(organizer, 7, 7);
    const code = /Namba yake ni ([A-Z0-9-]+)\./.exec(created!)![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event.startTime?.toISOString()).toBe(dayAt(1, 15).toISOString());
  });
});
