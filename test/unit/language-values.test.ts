// The readers of values (src/language/dates.ts with its Swahili chrono parsers, src/language/money.ts) and what the
// new-event flow does with half a date. The corpus (test/fixtures/understanding/{dates,money}.jsonl) measures breadth;
// these pin the rules: zones, the week's edges, month and year rollover, confidence.
import { describe, expect, it } from "vitest";
import { readEventWhen } from "../../flows/event-input.js";
import { newEventFlow, type NewEventState } from "../../flows/newevent.flow.js";
import type { FlowContext, Step } from "../../flows/types.js";
import { readDateTime, type DateTimeValue } from "../../src/language/dates.js";
import { readMoney } from "../../src/language/money.js";

const dar = "Africa/Dar_es_Salaam";
const at = (raw: string, now: string, timeZone = dar) => {
  const r = readDateTime(raw, { timeZone, now: new Date(now) });
  return r && r.confidence >= 0.8 ? show(r.value) : undefined;
};
const show = (v: DateTimeValue) =>
  v.kind === "instant"
    ? v.at.toISOString()
    : v.kind === "date"
      ? v.date
      : `${v.hour}:${String(v.minute).padStart(2, "0")}`;

describe("reading dates in the event's zone", () => {
  // Tuesday 1 December 2026, 10:00 in East Africa.
  const tuesday = "2026-12-01T07:00:00Z";

  it.each([dar, "Africa/Nairobi", "Africa/Kampala"])(
    "builds the instant in %s (EAT all year, no daylight saving)",
    (zone) => {
      expect(at("kesho saa nane mchana", tuesday, zone)).toBe("2026-12-02T11:00:00.000Z");
      expect(at("tomorrow at 2pm", tuesday, zone)).toBe("2026-12-02T11:00:00.000Z");
      expect(at("the day after tomorrow at 4 pm", tuesday, zone)).toBe("2026-12-03T13:00:00.000Z");
      expect(at("Dec 24 at 6pm", tuesday, zone)).toBe("2026-12-24T15:00:00.000Z");
      expect(at("Jumamosi ijayo saa nane mchana", tuesday, zone)).toBe("2026-12-12T11:00:00.000Z");
      expect(at("2027-07-13 14:00", tuesday, zone)).toBe("2027-07-13T11:00:00.000Z"); // July: no summer time in EAT
      expect(at("13/02/2027 2:00pm", tuesday, zone)).toBe("2027-02-13T11:00:00.000Z");
      expect(at("20.12 2pm", tuesday, zone)).toBe("2026-12-20T11:00:00.000Z");
      expect(at("tarehe 20 desemba saa 4 asubuhi", tuesday, zone)).toBe("2026-12-20T07:00:00.000Z");
      expect(at("next saturday at 2pm", tuesday, zone)).toBe("2026-12-12T11:00:00.000Z");
      expect(at("saturday 14:00", tuesday, zone)).toBe("2026-12-05T11:00:00.000Z");
      // Relative to the moment: chrono's own instant for these came back in UTC (ENVIRONMENT.md).
      expect(at("in 2 hours", tuesday, zone)).toBe("2026-12-01T09:00:00.000Z");
      expect(at("tomorrow", tuesday, zone)).toBe("2026-12-02");
    },
  );

  it("reads in a zone with summer time by the wall clock of that day", () => {
    // London is UTC+0 in December and UTC+1 in July: the same words, an hour apart in UTC.
    expect(at("2027-01-13 14:00", tuesday, "Europe/London")).toBe("2027-01-13T14:00:00.000Z");
    expect(at("2027-07-13 14:00", tuesday, "Europe/London")).toBe("2027-07-13T13:00:00.000Z");
  });

  it("takes 'today' from the zone, not from UTC", () => {
    // 22:30 UTC on 1 December is already 01:30 on 2 December in Dar es Salaam.
    expect(at("leo", "2026-12-01T22:30:00Z")).toBe("2026-12-02");
    expect(at("kesho saa 2 asubuhi", "2026-12-01T22:30:00Z")).toBe("2026-12-03T05:00:00.000Z");
  });

  it("reads weekdays: plain is the next one, ijayo next week's (also on the same weekday), hii this week's", () => {
    expect(at("jumanne", tuesday)).toBe("2026-12-08");
    expect(at("jumanne ijayo", tuesday)).toBe("2026-12-08");
    expect(at("jumamosi", tuesday)).toBe("2026-12-05");
    expect(at("jumamosi ijayo", tuesday)).toBe("2026-12-12");
    expect(at("jumapili hii", tuesday)).toBe("2026-12-06");
    // On Saturday, "Jumamosi ijayo" is a week on and "Jumamosi hii" is today.
    const saturday = "2027-01-30T05:00:00Z";
    expect(at("jumamosi ijayo", saturday)).toBe("2027-02-06");
    expect(at("jumamosi hii saa 10 jioni", saturday)).toBe("2027-01-30T13:00:00.000Z");
  });

  it("rolls over the month and the year", () => {
    const saturday = "2027-01-30T05:00:00Z";
    expect(at("kesho kutwa saa 2 usiku", saturday)).toBe("2027-02-01T17:00:00.000Z");
    expect(at("tarehe 2 saa 8 mchana", saturday)).toBe("2027-02-02T11:00:00.000Z");
    const december = "2026-12-29T16:00:00Z";
    expect(at("tarehe 2 januari saa 4 asubuhi", december)).toBe("2027-01-02T07:00:00.000Z");
    expect(at("jumamosi ijayo saa nane mchana", december)).toBe("2027-01-09T11:00:00.000Z");
    expect(at("mtondo", december)).toBe("2027-01-01");
    expect(at("20 desemba", december)).toBe("2027-12-20"); // passed this year: next year's
  });

  it("tells a day without a time and a time without a day from a whole instant", () => {
    expect(readDateTime("saa 9 alasiri", { timeZone: dar, now: new Date(tuesday) })?.value).toEqual({
      kind: "time",
      hour: 15,
      minute: 0,
    });
    expect(readDateTime("Jumamosi ijayo", { timeZone: dar, now: new Date(tuesday) })?.value).toEqual({
      kind: "date",
      date: "2026-12-12",
    });
    expect(readDateTime("hakuna tarehe hapa", { timeZone: dar, now: new Date(tuesday) })).toBeUndefined();
  });

  it.each([
    ["saa nane mchana", "14:00"],
    ["saa 9 alasiri", "15:00"],
    ["saa 10 jioni", "16:00"],
    ["saa mbili usiku", "20:00"],
    ["saa moja asubuhi", "7:00"],
    ["saa moja jioni", "19:00"],
    ["saa tatu na nusu", "9:30"],
    ["saa nne kasoro robo", "9:45"],
    ["saa sita usiku", "0:00"],
    ["saa 11 alfajiri", "5:00"],
    ["saa 14:00", "14:00"],
    ["14:30", "14:30"],
    ["14h", "14:00"],
    ["saa 10:00", "16:00"],
    ["jioni saa moja", "19:00"],
  ])("reads the hour %j as %s", (text, clock) => {
    const r = readDateTime(text, { timeZone: dar, now: new Date(tuesday) });
    expect(r && r.value.kind === "time" ? `${r.value.hour}:${String(r.value.minute).padStart(2, "0")}` : r).toBe(clock);
  });

  it("is unsure of what it should not act on", () => {
    for (const text of [
      "mwezi ujao",
      "wiki ijayo",
      "sunday at 3",
      "kesho au keshokutwa",
      "nitakuja kesho",
      "Jumamosi 13 Desemba",
      "2027-02-13 14",
    ]) {
      const r = readDateTime(text, { timeZone: dar, now: new Date(tuesday) });
      expect(r === undefined || r.confidence < 0.8, text).toBe(true);
    }
  });
});

describe("what a flow is told about an event's date", () => {
  const now = new Date("2026-12-01T07:00:00Z");
  it("says upcoming, past, a day, a time, or not understood — never past for what it did not read", () => {
    expect(readEventWhen("kesho saa 10 jioni", dar, now)).toEqual({
      kind: "upcoming",
      at: new Date("2026-12-02T13:00:00Z"),
    });
    expect(readEventWhen("jana saa 10 jioni", dar, now)).toEqual({
      kind: "past",
      at: new Date("2026-11-30T13:00:00Z"),
    });
    expect(readEventWhen("kesho", dar, now)).toEqual({ kind: "day", date: "2026-12-02", past: false });
    expect(readEventWhen("jana", dar, now)).toEqual({ kind: "day", date: "2026-11-30", past: true });
    expect(readEventWhen("saa 9 alasiri", dar, now)).toEqual({ kind: "time", hour: 15, minute: 0 });
    expect(readEventWhen("someday", dar, now)).toEqual({ kind: "unknown" });
  });

  it("combines half a date with the half the flow already holds", () => {
    expect(readEventWhen("saa 9 alasiri", dar, now, { day: "2026-12-05" })).toEqual({
      kind: "upcoming",
      at: new Date("2026-12-05T12:00:00Z"),
    });
    expect(readEventWhen("jumamosi", dar, now, { time: { hour: 15, minute: 0 } })).toEqual({
      kind: "upcoming",
      at: new Date("2026-12-05T12:00:00Z"),
    });
    expect(readEventWhen("leo", dar, now, { time: { hour: 8, minute: 0 } })).toEqual({
      kind: "past",
      at: new Date("2026-12-01T05:00:00Z"),
    });
  });
});

describe("the new event's when step", () => {
  const ctx: FlowContext = { locale: "sw", userName: "Neema", timeZone: dar, now: new Date("2026-12-01T07:00:00Z") };
  const keys = (step: Step<NewEventState>) =>
    step.effects.map((e) => (e.type === "reply" && "key" in e.reply.text ? e.reply.text.key : e.type));
  const params = (step: Step<NewEventState>) =>
    step.effects[0]?.type === "reply" && "params" in step.effects[0].reply.text
      ? step.effects[0].reply.text.params
      : undefined;
  const state: NewEventState = { step: "when", draft: { name: "Harusi ya Neema", type: "wedding" } };

  it("asks the time of a day, then keeps both", () => {
    const day = newEventFlow.handle(state, { kind: "text", text: "Jumamosi ijayo" }, ctx);
    expect(keys(day)).toEqual(["newevent.when_ask_time"]);
    expect(params(day)).toEqual({ day: "Jumamosi 12 Desemba 2026" });
    expect(day.state).toMatchObject({ step: "when", when: { day: "2026-12-12" } });
    const whole = newEventFlow.handle(day.state!, { kind: "text", text: "saa nane mchana" }, ctx);
    expect(keys(whole)).toEqual(["newevent.ask_place"]);
    expect(whole.state).toEqual({ step: "place", draft: { ...state.draft, startTime: "2026-12-12T11:00:00.000Z" } });
  });

  it("asks the day of a time alone (not 'not upcoming'), then keeps both", () => {
    const time = newEventFlow.handle(state, { kind: "text", text: "saa 9 alasiri" }, ctx);
    expect(keys(time)).toEqual(["newevent.when_ask_day"]);
    expect(params(time)).toEqual({ time: "saa tisa mchana (15:00)" });
    const whole = newEventFlow.handle(time.state!, { kind: "choice", value: "kesho" }, ctx);
    expect(whole.state).toMatchObject({ step: "place", draft: { startTime: "2026-12-02T12:00:00.000Z" } });
  });

  it("says what it read when that has passed, and what it could not read", () => {
    const past = newEventFlow.handle(state, { kind: "text", text: "jana saa 10 jioni" }, ctx);
    expect(keys(past)).toEqual(["newevent.when_past"]);
    expect(params(past)).toEqual({ when: "Jumatatu 30 Novemba 2026, saa kumi jioni (16:00)" });
    expect(keys(newEventFlow.handle(state, { kind: "text", text: "siku moja hivi" }, ctx))).toEqual([
      "newevent.when_invalid",
    ]);
  });
});

describe("reading money", () => {
  it.each([
    ["50,000", 50_000],
    ["50.000", 50_000],
    ["50 000", 50_000],
    ["100,000/=", 100_000],
    ["TSh 50,000/-", 50_000],
    ["KSh 2,500", 2_500],
    ["50k", 50_000],
    ["2.5m", 2_500_000],
    ["1.2 million", 1_200_000],
    ["laki 5", 500_000],
    ["laki tano", 500_000],
    ["elfu 50", 50_000],
    ["milioni moja na nusu", 1_500_000],
    ["laki mbili na nusu", 250_000],
    ["elfu kumi na tano", 15_000],
    ["mia tano", 500],
    ["milioni 2 na laki 5", 2_500_000],
    ["fifty thousand", 50_000],
    ["half a million", 500_000],
    ["one million", 1_000_000],
  ] as const)("reads %j as %d, sure", (text, n) => {
    expect(readMoney(text)).toEqual({ value: n, confidence: 1 });
  });

  it("finds the amount in a sentence and says the sentence held more", () => {
    expect(readMoney("nitachanga laki moja")).toEqual({ value: 100_000, confidence: 0.9 });
    expect(readMoney("I pledge 100k")).toEqual({ value: 100_000, confidence: 0.9 });
    // A bare number among words, or two amounts, is not sure money.
    expect(readMoney("miaka 50 ya ndoa")!.confidence).toBeLessThan(0.8);
    expect(readMoney("50k au 100k")!.confidence).toBeLessThan(0.8);
  });

  it.each(["50,00,000", "5,00", "-5000", "abc", "", "elfu", "1.5", "0713456701", "1000000000001"])(
    "refuses %j",
    (text) => {
      expect(readMoney(text)).toBeUndefined();
    },
  );
});
