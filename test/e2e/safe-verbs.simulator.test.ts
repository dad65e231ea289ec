// The verbs that stop or move an event, made safe (issue 20): /kamilisha before the event asks first and says what
// stops; a cancel or a completion is undone within a day (and refused after it, with the reason); /ahirisha is a
// real postponement that moves the event with its reminders and tells the people concerned the new date, each in
// their language. Guests' answers are written straight to the database: answering is the invitations' tests' subject.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;
/** The reply with the moment an undo is possible until (a day from now) replaced: it moves with the clock. */
const untilAny = (text: string) => text.replace(/(before|kabla ya) [^.]+\.$/, "$1 <time>.");
const day = 24 * 60 * 60 * 1000;
const zone = "Africa/Dar_es_Salaam";

/** "2026-12-05 14:00" in the event's zone, some days from now. */
const daysAhead = (days: number) => `${format(new TZDate(Date.now() + days * day, zone), "yyyy-MM-dd")} 14:00`;

/**
 * An event with three invited guests: Amina (Swahili, coming), John (English, maybe), Juma (Swahili, not coming), and
 * a booked provider (English). The organizer's replies so far: 2.
 */
async function eventWithGuests(organizer: string, name: string, when: string) {
  await h.say(organizer, `/newevent ${name} | wedding | ${when} | Serena Hotel`, "Neema");
  const code = /\b([A-Z0-9]+-[A-Z0-9]{3,})\.\s/.exec(await last(organizer, 1))![1]!;
  const [amina, john, juma] = [uniquePhone(), ukPhone(), uniquePhone()];
  await h.say(organizer, `/invite ${code} ${amina} Amina, ${john} John, ${juma} Juma`);
  await last(organizer, 2);
  for (const guest of [amina, john, juma]) await h.replies(guest, 1);
  const event = await h.db.event.findUniqueOrThrow({ where: { code } });
  // Each guest's answer and language as if they had answered (a guest invited by a Swahili speaker starts in Swahili).
  const answer = async (phone: string, rsvpStatus: "accepted" | "maybe" | "declined", locale: "en" | "sw") => {
    const user = await h.db.user.update({ where: { phone }, data: { locale } });
    await h.db.eventGuest.updateMany({ where: { eventId: event.id, userId: user.id }, data: { rsvpStatus } });
  };
  await answer(amina, "accepted", "sw");
  await answer(john, "maybe", "en");
  await answer(juma, "declined", "sw");
  const provider = await h.db.user.create({ data: { name: "DJ Kim", phone: ukPhone(), locale: "en" } });
  const service = await h.db.service.create({ data: { userId: provider.id, name: "DJ Kim", category: "DJ" } });
  await h.db.eventService.create({ data: { eventId: event.id, serviceId: service.id, bookingStatus: "confirmed" } });
  return { code, id: event.id, amina, john, juma, provider: provider.phone! };
}

const statusOf = async (code: string) => (await h.db.event.findUniqueOrThrow({ where: { code } })).status;
/** Minutes before the start of each scheduled guest reminder. */
async function eventReminders(code: string) {
  const event = await h.db.event.findUniqueOrThrow({ where: { code } });
  const rows = await h.db.reminder.findMany({ where: { eventId: event.id, kind: "event", status: "scheduled" } });
  return rows.map((r) => (event.startTime!.getTime() - r.runAt.getTime()) / 60_000).sort((a, b) => b - a);
}

describe("completing before the event has ended", () => {
  it("/kamilisha two days before asks first: hapana keeps it, ndiyo completes, /tengua brings it back", async () => {
    const organizer = uniquePhone();
    const { code } = await eventWithGuests(organizer, "Harusi ya Neema", daysAhead(2));
    await h.say(organizer, `/thibitisha ${code}`);
    expect(await last(organizer, 3)).toBe("Harusi ya Neema imethibitishwa.");
    expect(await eventReminders(code)).toEqual([1440, 180]);

    await h.say(organizer, `/kamilisha ${code}`);
    const ask = await h.reply(organizer, 4);
    expect(ask.text).toMatch(
      /^Harusi ya Neema bado haijaisha \(.+\)\. Uiweke kuwa imekamilika sasa\? Vikumbusho kwa wageni vitasimama, wageni hawataweza kupata pasi ya kuingilia, na majibu hayataweza kubadilishwa tena\.$/,
    );
    expect(ask.choices?.map((c) => c.label)).toEqual(["Ndiyo, imekamilika", "Hapana, bado"]);
    await h.say(organizer, "hapana");
    expect(await last(organizer, 5)).toBe(
      "Harusi ya Neema haijawekwa kuwa imekamilika: vikumbusho, pasi na majibu vinaendelea.",
    );
    expect(await statusOf(code)).toBe("confirmed");

    await h.say(organizer, `/kamilisha ${code}`);
    await last(organizer, 6);
    await h.say(organizer, "ndiyo");
    expect(untilAny(await last(organizer, 7))).toBe(
      `Harusi ya Neema imewekwa kuwa imekamilika. Asante kwa kuiendesha na Nuru! Umebadili nia? Tuma /tengua ${code} kabla ya <time>.`,
    );
    expect(await statusOf(code)).toBe("completed");
    expect(await eventReminders(code)).toEqual([]);
    // The booked DJ is rated from the phone, as after any completion.
    expect(await last(organizer, 8)).toBe("DJ Kim walikuwaje kwenye Harusi ya Neema? Toa alama kuanzia 1 hadi 5.");

    await h.say(organizer, `/tengua ${code}`);
    expect(await last(organizer, 9)).toBe(
      "Harusi ya Neema iko katika hali ya imethibitishwa tena: vikumbusho, pasi na majibu vinafanya kazi kama awali.",
    );
    expect(await statusOf(code)).toBe("confirmed");
    expect(await eventReminders(code)).toEqual([1440, 180]);
    await h.say(organizer, `/tengua ${code}`);
    expect(await last(organizer, 10)).toBe("Harusi ya Neema iko katika hali ya imethibitishwa: hakuna cha kutengua.");
  });
});

describe("postponing", () => {
  it("/ahirisha asks the new date, moves the event and its reminders, and tells guests and providers in their language", async () => {
    const organizer = uniquePhone();
    const { code, amina, john, juma, provider } = await eventWithGuests(
      organizer,
      "Harusi ya Zawadi",
      "2031-10-10 14:00",
    );

    await h.say(organizer, `/ahirisha ${code}`);
    expect(await last(organizer, 3)).toBe(
      'Unaisogeza Harusi ya Zawadi (sasa ni Ijumaa 10 Oktoba 2031, saa nane mchana (14:00)) hadi lini? Tuma tarehe na saa mpya, kama 2027-02-20 14:00 au "Jumamosi ijayo saa nane mchana". Kama tarehe mpya bado haijajulikana, tuma "bado haijulikani".',
    );
    await h.say(organizer, "baada ya harusi ya kaka");
    expect(await last(organizer, 4)).toMatch(/^Sijaweza kusoma "baada ya harusi ya kaka" kama tarehe na saa\./);
    await h.say(organizer, "15/11/2031 saa nane mchana");
    const ask = await h.reply(organizer, 5);
    expect(ask.text).toBe(
      "Uisogeze Harusi ya Zawadi kutoka Ijumaa 10 Oktoba 2031, saa nane mchana (14:00) hadi Jumamosi 15 Novemba 2031, saa nane mchana (14:00)? Wageni wanaokuja au huenda wakaja na watoa huduma waliowekwa watajulishwa; majibu yao na pasi zao zinabaki halali.",
    );
    expect(ask.choices?.map((c) => c.label)).toEqual(["Ndiyo, isogeze", "Hapana, tarehe ibaki"]);
    await h.say(organizer, "ndiyo");
    expect(await last(organizer, 6)).toBe(
      "Harusi ya Zawadi sasa itakuwa Jumamosi 15 Novemba 2031, saa nane mchana (14:00). Watu 3 wamejulishwa.",
    );

    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event.startTime?.toISOString()).toBe("2031-11-15T11:00:00.000Z");
    expect(event.status).toBe("draft");
    expect(await eventReminders(code)).toEqual([10080, 1440, 180]);

    expect(await last(amina, 2)).toBe(
      "Harusi ya Zawadi imeahirishwa na Neema: sasa itakuwa Jumamosi 15 Novemba 2031, saa nane mchana (14:00). Jibu lako na pasi yako ya kuingilia bado ni halali. Jibu /taarifa kwa maelezo.",
    );
    expect(await last(john, 2)).toBe(
      "Harusi ya Zawadi has been postponed by Neema: it is now on Sat 15 Nov 2031, 14:00. Your answer and your entry pass stay valid. Reply /info for the details.",
    );
    expect(await last(provider, 1)).toBe(
      "Harusi ya Zawadi has been postponed by Neema: it is now on Sat 15 Nov 2031, 14:00. Your answer and your entry pass stay valid. Reply /info for the details.",
    );
    await h.settle();
    expect(h.sent.to(juma)).toHaveLength(1);

    // The pass of a guest who is coming works at the new date.
    await h.say(amina, `/pasi ${code}`);
    expect(await last(amina, 3)).toContain("Jumamosi 15 Novemba 2031");
  });

  it("/postpone to a date not known yet keeps the guests' answers and says the date will be announced", async () => {
    const organizer = ukPhone();
    const { code, amina } = await eventWithGuests(organizer, "Kitchen party ya Rehema", "2031-10-10 14:00");
    await h.say(organizer, `/postpone ${code}`);
    await last(organizer, 3);
    await h.say(organizer, "not yet known");
    expect(await last(organizer, 4)).toBe(
      "Postpone Kitchen party ya Rehema (Fri 10 Oct 2031, 14:00) to a date to be announced? The guests who are coming or may come and the booked providers will be told; their answers stay valid.",
    );
    await h.say(organizer, "yes");
    expect(await last(organizer, 5)).toBe(
      `Kitchen party ya Rehema is postponed; its new date is to be announced (/editevent ${code} when …). 3 people were told.`,
    );
    expect(await last(amina, 2)).toBe(
      "Kitchen party ya Rehema imeahirishwa na Neema. Tarehe mpya itatangazwa; jibu lako bado ni halali.",
    );
    expect((await h.db.event.findUniqueOrThrow({ where: { code } })).startTime).toBeNull();
    expect(await eventReminders(code)).toEqual([]);
  });
});

describe("undoing a cancel", () => {
  it("within the day brings the event back and tells the people told of the cancellation", async () => {
    const organizer = ukPhone();
    const { code, amina, john, juma, provider } = await eventWithGuests(
      organizer,
      "Send-off ya Asha",
      "2031-10-10 14:00",
    );
    await h.say(organizer, `/confirm ${code}`);
    await last(organizer, 3);
    await h.say(organizer, `/cancelevent ${code}`);
    await last(organizer, 4);
    await h.say(organizer, "yes");
    expect(untilAny(await last(organizer, 5))).toBe(
      `Send-off ya Asha is cancelled. 3 people were told. Changed your mind? Send /undo ${code} before <time>.`,
    );
    expect(await last(amina, 2)).toBe(
      "Send-off ya Asha (Ijumaa 10 Oktoba 2031, saa nane mchana (14:00)) imeghairiwa na Neema. Tunasikitika.",
    );
    expect(await eventReminders(code)).toEqual([]);

    // Without a code: the organizer's one event changed within the day.
    await h.say(organizer, "/undo");
    expect(await last(organizer, 6)).toBe("Send-off ya Asha is back on: it is confirmed again. 3 people were told.");
    expect(await statusOf(code)).toBe("confirmed");
    expect(await eventReminders(code)).toEqual([10080, 1440, 180]);
    expect(await last(amina, 3)).toBe(
      "Habari njema: Send-off ya Asha (Ijumaa 10 Oktoba 2031, saa nane mchana (14:00)) itafanyika tena, Neema ameirudisha. Jibu lako bado lipo. Jibu /taarifa kwa maelezo.",
    );
    expect(await last(john, 3)).toBe(
      "Good news: Send-off ya Asha (Fri 10 Oct 2031, 14:00) is on again, Neema has brought it back. Your answer stands. Reply /info for the details.",
    );
    expect(await last(provider, 2)).toContain("is on again");
    await h.settle();
    expect(h.sent.to(juma)).toHaveLength(1);
    await h.say(organizer, "/undo");
    expect(await last(organizer, 7)).toBe("You have no event cancelled or marked as done in the last 24 hours.");

    // Cancel and undo again the same day: refused, so guests are not messaged again and again.
    await h.say(organizer, `/cancelevent ${code}`);
    await last(organizer, 8);
    await h.say(organizer, "yes");
    await last(organizer, 9);
    await h.say(organizer, `/undo ${code}`);
    expect(await last(organizer, 10)).toBe(
      "Send-off ya Asha was already brought back once today, and its guests told each time. To change it again, use /postpone or /editevent; /undo works again tomorrow.",
    );
    expect(await statusOf(code)).toBe("cancelled");
  });

  it("after a day is refused with the reason", async () => {
    const organizer = uniquePhone();
    const { code } = await eventWithGuests(organizer, "Harusi ya Baraka", "2031-10-10 14:00");
    await h.say(organizer, `/ghairi ${code}`);
    expect(await last(organizer, 3)).toBe(
      "Ughairi Harusi ya Baraka? Wageni wanaokuja na watoa huduma waliowekwa watajulishwa.",
    );
    await h.say(organizer, "ndiyo");
    await last(organizer, 4);
    // A day and a bit later (the harness cannot move the clock: the change is moved back instead).
    await h.db.event.update({ where: { code }, data: { statusChangedAt: new Date(Date.now() - day - 60_000) } });
    await h.say(organizer, `/tengua ${code}`);
    expect(await last(organizer, 5)).toMatch(
      /^Harusi ya Baraka ilibadilishwa .+, zaidi ya siku moja iliyopita, kwa hiyo haiwezi kutenguliwa tena\.$/,
    );
    expect(await statusOf(code)).toBe("cancelled");
  });
});
