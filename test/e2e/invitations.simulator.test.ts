// Events, invitations and RSVPs end to end through the simulator channel: the real engine, PostgreSQL, Redis and the
// outbound worker. An organizer creates an event and invites guests by number; each guest receives the invitation in
// their own language and answers with words, buttons or numbers; the organizer follows the answers; a stranger
// learns nothing. The rows are checked as well as what each person received.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const local = (e164: string) => `0${e164.slice(4)}`; // +255712345678 -> 0712345678
const texts = async (phone: string, n: number) => (await h.replies(phone, n)).map((m) => m.text);
const last = async (phone: string, n: number) => (await texts(phone, n))[n - 1]!;

async function newEvent(organizer: string, name: string, line: string): Promise<string> {
  await h.say(organizer, `/newevent ${line}`, name);
  const n = h.sent.to(organizer).length + 1;
  const created = await last(organizer, n);
  const code = /Its code is ([A-Z0-9-]+)\./.exec(created)?.[1] ?? /Namba yake ni ([A-Z0-9-]+)\./.exec(created)?.[1];
  if (!code) throw new Error(`no code in ${created}`);
  return code;
}

describe("an organizer invites guests and they answer", () => {
  it("creates the event, sends each guest the invitation in their language, records answers and shows the organizer", async () => {
    const neema = ukPhone();
    const [amina, juma, sam] = [uniquePhone(), uniquePhone(), ukPhone()];
    const stranger = ukPhone();

    await h.say(neema, "/newevent Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee Hall | 5m", "Neema");
    const created = await last(neema, 1);
    expect(created).toMatch(
      /^Your event is ready: Harusi ya Neema\n🗓 Sat 15 Feb 2031, 14:00\n📍 Diamond Jubilee Hall\nIts code is HARUSI-[A-Z0-9]{3}\./,
    );
    const code = /Its code is ([A-Z0-9-]+)\./.exec(created)![1]!;
    const event = await h.db.event.findUniqueOrThrow({ where: { code } });
    expect(event).toMatchObject({
      name: "Harusi ya Neema",
      type: "wedding",
      location: "Diamond Jubilee Hall",
      timeZone: "Africa/Dar_es_Salaam",
      status: "draft",
    });
    expect(event.startTime?.toISOString()).toBe("2031-02-15T11:00:00.000Z");
    expect(event.budget?.toString()).toBe("5000000");

    // Each bad or repeated entry is reported by itself; the good ones go out. The code is typed in lower case.
    await h.say(
      neema,
      `/invite ${code.toLowerCase()} ${local(amina)} Amina, ${juma} Juma; ${sam} Sam, ${local(amina)} Amina, hello`,
    );
    const report = await last(neema, 2);
    expect(report).toBe(
      [
        "Invited to Harusi ya Neema: 3.",
        "Not a phone number I can use, so not invited: hello",
        `Given twice (invited once): ${amina}`,
      ].join("\n"),
    );

    // Amina and Juma have Tanzanian numbers: Kiswahili, with the time read the Swahili way. Sam: English.
    const card = await last(amina, 1);
    expect(card).toBe(
      "Neema anakualika kwenye Harusi ya Neema.\n🗓 Jumamosi 15 Februari 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\n\nUtakuja?",
    );
    expect(h.sent.to(amina)[0]!.choices?.map((c) => c.label)).toEqual(["Ndiyo, nitakuja", "Hapana, sitaweza", "Labda"]);
    expect(await last(sam, 1)).toBe(
      "Neema invites you to Harusi ya Neema.\n🗓 Sat 15 Feb 2031, 14:00\n📍 Diamond Jubilee Hall\n\nWill you come?",
    );
    await h.replies(juma, 1);

    // Amina answers in words, outside any conversation; her party size is checked.
    await h.say(amina, "Ndiyo!");
    expect(await last(amina, 2)).toBe(
      "Vizuri sana! Mtakuja watu wangapi kwenye Harusi ya Neema kwa jumla, ukiwemo wewe? Gusa namba, au tuma namba kuanzia 1 hadi 20.",
    );
    for (const [i, bad] of ["0", "50", "two hundred"].entries()) {
      await h.say(amina, bad);
      expect(await last(amina, 3 + i)).toContain("kuanzia 1 hadi 20");
    }
    await h.say(amina, "3");
    expect(await last(amina, 6)).toBe(
      "Asante, Amina! Unakuja kwenye Harusi ya Neema, watu 3 kwa jumla.\n🗓 Jumamosi 15 Februari 2031, saa nane mchana (14:00)\n📍 Diamond Jubilee Hall\nUnaweza kubadilisha jibu lako kwa /jibu.",
    );

    // Juma taps No; Sam answers with the number of the third choice.
    await h.deliver(juma, { kind: "choice", value: h.sent.to(juma)[0]!.choices![1]!.value });
    expect(await last(juma, 2)).toBe(
      "Asante kwa kutujulisha, Juma. Tunasikitika hutaweza kuja kwenye Harusi ya Neema. Unaweza kubadilisha jibu lako kwa /jibu.",
    );
    await h.say(sam, "3");
    expect(await last(sam, 2)).toBe(
      `Noted: maybe. Please answer once you know, any time before Harusi ya Neema: /rsvp ${(await h.db.invitation.findFirstOrThrow({ where: { eventId: event.id, recipientPhone: sam } })).code}`,
    );

    // The organizer's view: no code needed with one upcoming event.
    await h.say(neema, "/guests");
    const guests = await last(neema, 3);
    expect(guests).toContain(
      "Harusi ya Neema (" +
        code +
        ") – Sat 15 Feb 2031, 14:00\n1 coming (3 people), 1 not coming, 1 maybe, 0 not answered.",
    );
    expect(guests).toContain(`• Amina ${amina} – coming, 3 people`);
    expect(guests).toContain(`• Juma ${juma} – not coming`);
    expect(guests).toContain(`• Sam ${sam} – maybe`);
    await h.say(neema, "/events");
    // Then the answers as a picture, titled in the organizer's language.
    const chart = await h.reply(neema, 4);
    expect(chart.text).toBe("📊 Harusi ya Neema – answers");
    expect(chart.document).toMatchObject({ mimeType: "image/png", filename: "Harusi-ya-Neema-answers.png" });
    expect(await last(neema, 5)).toContain(
      `• Harusi ya Neema (${code}) – Sat 15 Feb 2031, 14:00\n  1 coming (3 people), 1 not coming, 1 maybe, 0 not answered`,
    );

    // A stranger learns nothing: the same answer as for a code that does not exist.
    await h.say(stranger, `/guests ${code}`, "Stranger");
    await h.say(stranger, "/guests NOPE-123");
    const [refusal, unknown] = (await texts(stranger, 2)).slice(0, 2);
    expect(refusal).toBe(
      `I could not find an event "${code}" of yours. Send /events to see your events and their codes.`,
    );
    expect(unknown).toBe(
      'I could not find an event "NOPE-123" of yours. Send /events to see your events and their codes.',
    );

    // The organizer asks to be told of answers; Juma changes his mind.
    await h.say(neema, `/notify ${code} on`);
    expect(await last(neema, 6)).toBe("You will be told of each answer to Harusi ya Neema as it comes.");
    await h.say(juma, "/jibu");
    await h.say(juma, "ndiyo");
    await h.say(juma, "2");
    expect(await last(juma, 5)).toContain("Asante, Juma! Unakuja kwenye Harusi ya Neema, watu 2 kwa jumla.");
    expect(await last(neema, 7)).toBe(
      "Juma answered for Harusi ya Neema: coming, 2 people.\nSo far: 2 coming (5 in all), 0 not coming, 1 maybe, 0 not answered.",
    );

    // Invitations and guest rows always agree.
    await h.settle();
    const rows = await h.db.invitation.findMany({
      where: { eventId: event.id },
      include: { user: { include: { guestOf: { where: { eventId: event.id } } } } },
    });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const guest = row.user!.guestOf[0]!;
      expect(guest.rsvpStatus, row.recipientName!).toBe(row.rsvpStatus);
      expect(row.respondedAt?.getTime()).toBe(guest.respondedAt?.getTime());
    }
    expect(
      Object.fromEntries(rows.map((r) => [r.recipientName, [r.rsvpStatus, r.user!.guestOf[0]!.partySize]])),
    ).toEqual({ Amina: ["accepted", 3], Juma: ["accepted", 2], Sam: ["maybe", 1] });
    expect(await h.db.attendeeProfile.count({ where: { userId: { in: rows.map((r) => r.userId!) } } })).toBe(3);
  });

  it("greets a guest back by name with the invitation waiting for an answer, never by phone number", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Baraka", "Send-off ya Zawadi | send-off | 2031-03-01 16:00 | Mlimani City");
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${code} ${guest}`);
    await h.replies(guest, 1);
    await h.say(guest, "mambo");
    const greeting = await last(guest, 2);
    // The organizer gave no name and the guest never told theirs: no "Habari +2557...".
    expect(
      greeting.startsWith(
        "Habari!\nHaya yanakusubiri:\n• Mwaliko wa Send-off ya Zawadi (Jumamosi 1 Machi 2031, saa kumi jioni (16:00)): bado hujajibu.",
      ),
    ).toBe(true);
    await h.say(organizer, "hi");
    expect(await last(organizer, 3)).toContain(
      `Hello Baraka!\nHere is what waits for you:\n• Send-off ya Zawadi (${code}): 1 not answered, 0 coming. /guests ${code}`,
    );
  });

  it("refuses bad input in the person's language and writes nothing", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Party | other | 2020-01-01 10:00 | Home", "Asha");
    // What was valid is kept; the date is asked again.
    expect(await texts(organizer, 2)).toEqual([
      "I read that as Wed 1 Jan 2020, 10:00, which has already passed. Please send a date and time in the future.",
      "When does it start? Send the date and time, for example 2027-02-13 14:00 (or 13/02/2027 2:00pm). Times are in Africa/Dar_es_Salaam.",
    ]);
    await h.say(organizer, "someday");
    expect(await last(organizer, 3)).toBe(
      'I could not read "someday" as a date. Send the day and time, for example 2027-02-13 14:00, Saturday 2pm or Jumamosi ijayo saa nane mchana.',
    );
    await h.say(organizer, "/cancel");
    expect(await last(organizer, 4)).toBe("Stopped. Send /help whenever you need me.");
    expect(await h.db.event.count({ where: { name: "Party", organizer: { phone: organizer } } })).toBe(0);

    const code = await newEvent(organizer, "Asha", "Party ya Asha | other | 2031-05-01 18:00 | Home");
    await h.say(organizer, `/invite ${code} 12, hello`);
    expect(await last(organizer, h.sent.to(organizer).length + 1)).toContain("I found no phone number to invite.");
    expect(await h.db.invitation.count({ where: { event: { code } } })).toBe(0);

    // A cancelled event takes no answers.
    const guest = uniquePhone();
    await h.say(organizer, `/invite ${code} ${guest} Rehema`);
    await h.replies(guest, 1);
    await h.db.event.update({ where: { code }, data: { status: "cancelled" } });
    await h.deliver(guest, { kind: "choice", value: h.sent.to(guest)[0]!.choices![0]!.value });
    expect(await last(guest, 2)).toBe("Party ya Asha imeghairiwa, kwa hiyo haipokei majibu.");
    expect((await h.db.invitation.findFirstOrThrow({ where: { event: { code } } })).rsvpStatus).toBe("pending");
  });
});
