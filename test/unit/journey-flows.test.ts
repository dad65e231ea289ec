// The pure logic of the event and invitation flows, and what they read from people's words: no database.
import { describe, expect, it } from "vitest";
import { parseAmount, parseEventDate, parseEventType } from "../../flows/event-input.js";
import { contributeFlow } from "../../flows/contribute.flow.js";
import { inviteFlow } from "../../flows/invite.flow.js";
import { venueFlow } from "../../flows/venue.flow.js";
import { newEventFlow, type NewEventState } from "../../flows/newevent.flow.js";
import { readChoice, rsvpFlow, type InvitationCard, type RsvpState } from "../../flows/rsvp.flow.js";
import type { Effect, FlowContext, Step } from "../../flows/types.js";
import { readGuestList } from "../../src/journeys/events/invite-list.js";
import { splitCode } from "../../src/journeys/event-code.js";
import { swahiliTime } from "../../src/i18n/swahili-time.js";

const now = new Date("2026-12-01T09:00:00Z");
const ctx: FlowContext = { locale: "en", userName: "Neema", timeZone: "Africa/Dar_es_Salaam", now };
const keys = (step: Step<unknown>) =>
  step.effects.map((e: Effect<unknown>) =>
    e.type === "reply" ? ("key" in e.reply.text ? e.reply.text.key : e.reply.text.text) : e.action.type,
  );

describe("reading an RSVP", () => {
  // The words themselves are read by src/language (test/unit/language-rsvp.test.ts); here what the buttons carry.
  it("reads the answer a button carries, codes in any case", () => {
    expect(readChoice("rsvp:harusi-7k2:yes")).toEqual({ code: "HARUSI-7K2", answer: "accepted" });
    expect(readChoice("rsvp:HARUSI-7K2")).toEqual({ code: "HARUSI-7K2", answer: undefined });
    expect(readChoice("rsvp:x y:yes")).toBeUndefined();
    expect(readChoice("rsvp:HARUSI-7K2:yes:3")).toEqual({ code: "HARUSI-7K2", answer: "accepted", party: 3 });
    expect(readChoice("rsvp:HARUSI-7K2:no:3")).toBeUndefined();
  });
});

describe("the RSVP flow", () => {
  const card: InvitationCard = {
    code: "HNB-ABC123",
    event: "Harusi ya Neema",
    host: "Neema",
    when: "Sat 13 Feb 2027, 14:00",
    where: "Diamond Jubilee",
  };
  const other: InvitationCard = { ...card, code: "SEND-XYZ", event: "Send-off ya Amina" };

  it("shows the invitation with Yes / No / Maybe, then asks how many come on yes", () => {
    const start = rsvpFlow.start(ctx, { cards: [card] });
    expect(start.state).toEqual({ step: "answer", card });
    expect(start.effects[0]).toMatchObject({
      reply: {
        text: { key: "invitation.card", params: { event: "Harusi ya Neema" } },
        choices: [
          { value: "rsvp:HNB-ABC123:yes" },
          { value: "rsvp:HNB-ABC123:no" },
          { value: "rsvp:HNB-ABC123:maybe" },
        ],
      },
    });
    const yes = rsvpFlow.handle(start.state!, { kind: "text", text: "Ndiyo" }, ctx);
    expect(yes.state).toEqual({ step: "party", card });
    expect(keys(yes)).toEqual(["rsvp.ask_party"]);
  });

  it("records the party size within 1..20 and confirms with the details", () => {
    const party: RsvpState = { step: "party", card };
    for (const [bad, key] of [
      ["0", "rsvp.party_invalid"],
      ["50", "rsvp.party_too_many"],
      ["two hundred", "rsvp.party_invalid"],
      ["lots", "rsvp.party_invalid"],
    ]) {
      const step = rsvpFlow.handle(party, { kind: "text", text: bad! }, ctx);
      expect(step.state, bad).toEqual(party);
      expect(keys(step), bad).toEqual([key]);
    }
    const good = rsvpFlow.handle(party, { kind: "text", text: "3" }, ctx);
    expect(good.state).toBeNull();
    expect(good.effects[0]).toMatchObject({
      type: "action",
      action: { type: "recordRsvp", input: { code: "HNB-ABC123", answer: "accepted", partySize: 3 } },
    });
    const then = good.effects[0]!.type === "action" ? good.effects[0]!.then! : () => ({ effects: [] });
    const follow = then({
      event: "Harusi ya Neema",
      when: "w",
      where: "p",
      party: "3 people",
      name: "Juma",
      code: "HNB-ABC123",
    });
    expect(follow.effects?.[0]).toMatchObject({
      reply: { text: { key: "rsvp.accepted", params: { party: "3 people", name: "Juma" } } },
    });
  });

  it("lets the guest change their mind at the party question", () => {
    const step = rsvpFlow.handle({ step: "party", card }, { kind: "text", text: "hapana" }, ctx);
    expect(step.effects[0]).toMatchObject({
      action: { type: "recordRsvp", input: { answer: "declined", partySize: 1 } },
    });
  });

  it("records no and maybe at once, from a button or words", () => {
    const start = rsvpFlow.start(ctx, { cards: [card] });
    expect(
      rsvpFlow.handle(start.state!, { kind: "choice", value: "rsvp:HNB-ABC123:no" }, ctx).effects[0],
    ).toMatchObject({ action: { input: { answer: "declined" } } });
    expect(rsvpFlow.handle(start.state!, { kind: "text", text: "labda" }, ctx).effects[0]).toMatchObject({
      action: { input: { answer: "maybe" } },
    });
    const nonsense = rsvpFlow.handle(start.state!, { kind: "text", text: "keki" }, ctx);
    expect(nonsense.state).toEqual(start.state);
    expect(keys(nonsense)).toEqual(["rsvp.answer_invalid", "invitation.card"]);
  });

  it("asks which invitation when several are open, keeping an answer already given", () => {
    const start = rsvpFlow.start(ctx, { cards: [card, other], answer: "accepted" });
    expect(start.state).toEqual({ step: "which", cards: [card, other], answer: "accepted" });
    expect(start.effects[0]).toMatchObject({
      reply: { choices: [{ value: "rsvp:HNB-ABC123:yes" }, { value: "rsvp:SEND-XYZ:yes" }] },
    });
    const picked = rsvpFlow.handle(start.state!, { kind: "choice", value: "rsvp:SEND-XYZ:yes" }, ctx);
    expect(picked.state).toEqual({ step: "party", card: other });
    expect(keys(rsvpFlow.handle(start.state!, { kind: "text", text: "the first" }, ctx))).toEqual([
      "rsvp.which_invalid",
    ]);
  });

  it("says so when nothing is open", () => {
    expect(keys(rsvpFlow.start(ctx, { cards: [] }))).toEqual(["rsvp.none_open"]);
  });
});

describe("creating an event", () => {
  it("asks step by step and creates it with what was given", () => {
    let step: Step<NewEventState> = newEventFlow.start(ctx, {});
    expect(keys(step)).toEqual(["newevent.ask_name"]);
    const answers: [string, string][] = [
      ["Harusi ya Neema", "newevent.ask_type"],
      ["harusi", "newevent.ask_when"],
      ["2027-02-13 14:00", "newevent.ask_place"],
      ["Diamond Jubilee Hall", "newevent.ask_budget"],
    ];
    for (const [text, next] of answers) {
      step = newEventFlow.handle(step.state!, { kind: "text", text }, ctx);
      expect(keys(step), text).toEqual([next]);
    }
    step = newEventFlow.handle(step.state!, { kind: "text", text: "5m" }, ctx);
    expect(step.state).toBeNull();
    expect(step.effects[0]).toMatchObject({
      action: {
        type: "createEvent",
        input: {
          name: "Harusi ya Neema",
          type: "wedding",
          startTime: "2027-02-13T11:00:00.000Z",
          location: "Diamond Jubilee Hall",
          budget: 5_000_000,
        },
      },
    });
  });

  it("refuses a date in the past or not a date, and keeps asking", () => {
    const state: NewEventState = { step: "when", draft: { name: "X event", type: "wedding" } };
    expect(keys(newEventFlow.handle(state, { kind: "text", text: "2020-01-01 10:00" }, ctx))).toEqual([
      "newevent.when_past",
    ]);
    expect(keys(newEventFlow.handle(state, { kind: "text", text: "someday" }, ctx))).toEqual(["newevent.when_invalid"]);
    // A day without its time is not refused: its time is asked for (test/unit/language-values.test.ts has the rest).
    expect(keys(newEventFlow.handle(state, { kind: "text", text: "next saturday" }, ctx))).toEqual([
      "newevent.when_ask_time",
    ]);
    expect(keys(newEventFlow.handle(state, { kind: "text", text: "2027-02-30 10:00" }, ctx))).toEqual([
      "newevent.when_invalid",
    ]);
  });

  it("takes one line, keeps what is valid and asks only for the rest", () => {
    const all = newEventFlow.start(ctx, {
      parts: ["Send-off ya Amina", "send-off", "13/03/2027 4:30pm", "Mlimani City"],
    });
    expect(all.state).toBeNull();
    expect(all.effects[0]).toMatchObject({
      action: { input: { type: "sendoff", startTime: "2027-03-13T13:30:00.000Z", budget: null } },
    });
    const badDate = newEventFlow.start(ctx, {
      parts: ["Send-off ya Amina", "send-off", "someday", "Mlimani City", "2m"],
    });
    expect(badDate.state).toEqual({
      step: "when",
      draft: { name: "Send-off ya Amina", type: "sendoff", location: "Mlimani City", budget: 2_000_000 },
    });
    expect(keys(badDate)).toEqual(["newevent.when_invalid", "newevent.ask_when"]);
  });
});

describe("what organizers type", () => {
  it.each([
    ["2027-02-13 14:00", "2027-02-13T11:00:00.000Z"],
    ["13/02/2027 14:00", "2027-02-13T11:00:00.000Z"],
    ["13.02.2027 2:00pm", "2027-02-13T11:00:00.000Z"],
    ["2027-02-13 2pm", "2027-02-13T11:00:00.000Z"],
  ])("reads %j in the organizer's zone", (text, iso) => {
    expect(parseEventDate(text, "Africa/Dar_es_Salaam")?.toISOString()).toBe(iso);
  });

  // Tuesday 1 December 2026, 10:00 in Dar es Salaam (07:00 UTC).
  const now = new Date("2026-12-01T07:00:00Z");
  it.each([
    ["20.12 2pm", "2026-12-20T11:00:00.000Z"],
    ["20/12 14:00", "2026-12-20T11:00:00.000Z"],
    ["15.11 9am", "2027-11-15T06:00:00.000Z"], // 15 November has passed this year
    ["today 18:00", "2026-12-01T15:00:00.000Z"],
    ["leo saa 1 usiku", "2026-12-01T16:00:00.000Z"], // 19:00
    ["tomorrow 2pm", "2026-12-02T11:00:00.000Z"],
    ["kesho saa 8 mchana", "2026-12-02T11:00:00.000Z"], // Swahili time: the 8th hour of daylight is 14:00
    ["kesho saa nane mchana", "2026-12-02T11:00:00.000Z"],
    ["kesho saa 2 asubuhi", "2026-12-02T05:00:00.000Z"], // 08:00
    ["kesho saa 4 usiku", "2026-12-02T19:00:00.000Z"], // 22:00
    ["kesho saa 6 usiku", "2026-12-01T21:00:00.000Z"], // midnight at the start of the 2nd
    ["keshokutwa saa tatu na nusu asubuhi", "2026-12-03T06:30:00.000Z"], // 09:30
    ["kesho saa tatu kasoro robo asubuhi", "2026-12-02T05:45:00.000Z"], // 08:45
    ["kesho saa 8", "2026-12-02T11:00:00.000Z"], // no part of the day: by day
    ["kesho saa 14:00", "2026-12-02T11:00:00.000Z"], // over 12 is the 24-hour clock
    ["2027-02-13 saa 4 asubuhi", "2027-02-13T07:00:00.000Z"],
  ])("reads %j relative to today, in the zone", (text, iso) => {
    expect(parseEventDate(text, "Africa/Dar_es_Salaam", now)?.toISOString()).toBe(iso);
  });

  it.each([
    "2027-02-13",
    "2027-02-13 14",
    "2027-13-01 10:00",
    "31/02/2027 10:00",
    "2027-02-13 25:00",
    "tomorrow",
    "kesho saa 13 mchana",
    "kesho saa 8 asubuhi",
    "31.02 10:00",
    "kesho saa kumi na tatu",
  ])("refuses %j", (text) => {
    expect(parseEventDate(text, "Africa/Dar_es_Salaam", now)).toBeUndefined();
  });

  // A past date is read as what it is; the caller says it has passed (src/language/dates.ts).
  it("reads a past date as the past instant", () => {
    expect(parseEventDate("yesterday 10:00", "Africa/Dar_es_Salaam", now)?.toISOString()).toBe(
      "2026-11-30T07:00:00.000Z",
    );
  });

  it.each([
    ["5,000,000", 5_000_000],
    ["5000000", 5_000_000],
    ["5m", 5_000_000],
    ["5 milioni", 5_000_000],
    ["milioni 5", 5_000_000],
    ["500k", 500_000],
    ["500 elfu", 500_000],
    ["2.5m", 2_500_000],
    ["TZS 1,200,000", 1_200_000],
  ] as const)("reads the amount %j", (text, n) => {
    expect(parseAmount(text)).toBe(n);
  });

  it.each([
    ["50,000", 50_000],
    ["50000", 50_000],
    ["50k", 50_000],
    ["50 elfu", 50_000],
    ["elfu hamsini", 50_000],
    ["laki tano", 500_000],
    ["elfu kumi na tano", 15_000],
    ["milioni mbili", 2_000_000],
    ["elfu mia mbili", 200_000],
  ] as const)("reads the pledge %j", (text, n) => {
    expect(parseAmount(text)).toBe(n);
  });

  it.each(["lots", "5,00", "1.5", "", "elfu", "elfu nyingi", "-5000"])("refuses the amount %j", (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it("reads kinds of event in both languages and keeps other kinds as typed", () => {
    expect(parseEventType("Harusi")).toBe("wedding");
    expect(parseEventType("msiba")).toBe("burial");
    expect(parseEventType("type:corporate")).toBe("corporate");
    expect(parseEventType("Graduation party")).toBe("Graduation party");
    expect(parseEventType("!!")).toBeUndefined();
  });

  it("reads a guest list entry by entry, reporting bad and repeated numbers apart", () => {
    const list = readGuestList(
      "0712345678 Amina, +255 754 111 222 Juma; Mama Neema 0713-000-111\nnot a number, 12, 0712 345 678 Amina again",
      "TZ",
    );
    expect(list.guests).toEqual([
      { phone: "+255712345678", name: "Amina" },
      { phone: "+255754111222", name: "Juma" },
      { phone: "+255713000111", name: "Mama Neema" },
    ]);
    expect(list.invalid).toEqual(["not a number", "12"]);
    expect(list.duplicates).toEqual(["+255712345678"]);
  });

  it("tells an event code from a guest list at the start of the arguments", () => {
    expect(splitCode("HARUSI-7K2 0712345678 Amina")).toEqual({ code: "HARUSI-7K2", rest: "0712345678 Amina" });
    expect(splitCode("0712345678 Amina")).toEqual({ rest: "0712345678 Amina" });
    expect(splitCode("harusi-7k2")).toEqual({ code: "harusi-7k2", rest: "" });
  });

  it("invites shared contacts one by one until the organizer is done", () => {
    const start = inviteFlow.start(ctx, { code: "HARUSI-7K2", event: "Harusi" });
    const contact = inviteFlow.handle(
      start.state!,
      { kind: "contact", phone: "+255712345678", own: false, name: "Mama" },
      ctx,
    );
    expect(contact.effects[0]).toMatchObject({
      action: {
        type: "inviteGuests",
        input: { code: "HARUSI-7K2", contact: { phone: "+255712345678", name: "Mama" } },
      },
    });
    const then = contact.effects[0]!.type === "action" ? contact.effects[0]!.then! : () => ({});
    expect(then({ invited: 1 })).toEqual({ state: { code: "HARUSI-7K2", event: "Harusi", invited: 1 } });
    const done = inviteFlow.handle(
      { code: "HARUSI-7K2", event: "Harusi", invited: 4 },
      { kind: "text", text: "Tayari" },
      ctx,
    );
    expect(done.state).toBeNull();
    expect(done.effects[0]).toMatchObject({ reply: { text: { key: "invite.done", params: { count: 4 } } } });
  });
});

describe("contributing", () => {
  const start = () => contributeFlow.start(ctx, { code: "HARUSI-7K2", event: "Harusi" });

  it("offers a well-wish, a photo or a pledge, and takes each", () => {
    const first = start();
    expect(first.state).toEqual({ step: "kind", code: "HARUSI-7K2", event: "Harusi" });
    expect(first.effects[0]).toMatchObject({
      reply: {
        choices: [{ value: "contribute:message" }, { value: "contribute:photo" }, { value: "contribute:pledge" }],
      },
    });
    const wish = contributeFlow.handle(first.state!, { kind: "choice", value: "contribute:message" }, ctx);
    expect(keys(wish)).toEqual(["contribute.ask_message"]);
    expect(contributeFlow.handle(wish.state!, { kind: "text", text: "Hongera!" }, ctx).effects[0]).toMatchObject({
      action: { type: "addContribution", input: { kind: "message", content: "Hongera!" } },
    });
    const photo = contributeFlow.handle(
      first.state!,
      { kind: "media", mediaType: "photo", ref: "file-1", caption: "Sisi" },
      ctx,
    );
    expect(photo.effects[0]).toMatchObject({
      action: { input: { kind: "photo", mediaUrl: "file-1", content: "Sisi" } },
    });
    const pledge = contributeFlow.handle(first.state!, { kind: "text", text: "elfu hamsini" }, ctx);
    expect(pledge.effects[0]).toMatchObject({ action: { input: { kind: "pledge", amount: 50_000 } } });
  });

  it("refuses an amount with letters or below zero, and keeps asking", () => {
    const pledge = contributeFlow.start(ctx, { code: "HARUSI-7K2", event: "Harusi", kind: "pledge" });
    for (const bad of ["abc", "-5000", "0"]) {
      const step = contributeFlow.handle(pledge.state!, { kind: "text", text: bad }, ctx);
      expect(step.state, bad).toEqual({ step: "pledge", code: "HARUSI-7K2", event: "Harusi" });
      expect(keys(step), bad).toEqual(["contribute.amount_invalid"]);
    }
  });
});

describe("setting the venue's pin", () => {
  it("takes a shared location or typed coordinates, and asks again for anything else", () => {
    const start = venueFlow.start(ctx, { code: "HARUSI-7K2", event: "Harusi" });
    expect(keys(start)).toEqual(["venue.ask"]);
    const shared = venueFlow.handle(
      start.state!,
      { kind: "location", latitude: -6.79, longitude: 39.2, name: "Ukumbi" },
      ctx,
    );
    expect(shared.effects[0]).toMatchObject({
      action: { type: "setVenue", input: { code: "HARUSI-7K2", latitude: -6.79, longitude: 39.2, name: "Ukumbi" } },
    });
    expect(venueFlow.handle(start.state!, { kind: "text", text: "-6.7924, 39.2083" }, ctx).effects[0]).toMatchObject({
      action: { input: { latitude: -6.7924, longitude: 39.2083 } },
    });
    for (const bad of ["95, 39", "Dar es Salaam", "1,2,3"])
      expect(keys(venueFlow.handle(start.state!, { kind: "text", text: bad }, ctx)), bad).toEqual(["venue.ask"]);
  });
});

describe("Swahili time", () => {
  it.each([
    [7, 0, "saa moja asubuhi"],
    [10, 0, "saa nne asubuhi"],
    [14, 0, "saa nane mchana"],
    [18, 30, "saa kumi na mbili na nusu jioni"],
    [19, 0, "saa moja usiku"],
    [0, 0, "saa sita usiku"],
    [6, 0, "saa kumi na mbili asubuhi"],
    [9, 15, "saa tatu na robo asubuhi"],
    [16, 45, "saa kumi na moja kasoro robo jioni"],
    [11, 10, "saa tano na dakika 10 asubuhi"],
    [5, 0, "saa kumi na moja alfajiri"],
  ])("reads %d:%d as %j", (h, m, text) => {
    expect(swahiliTime(h, m)).toBe(text);
  });
});
