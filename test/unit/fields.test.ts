// A command's fields as typed on a phone ("|", new lines, or spaces where the fields' grammar tells them apart), and
// the step-by-step form that asks for what is missing: pure, no database.
import { describe, expect, it } from "vitest";
import { parseEventDate } from "../../flows/event-input.js";
import { formFlow, forms, type FormState } from "../../flows/form.flow.js";
import type { Effect, FlowContext, Step } from "../../flows/types.js";
import {
  findPhone,
  isSeparated,
  readAmounts,
  readHead,
  readOptions,
  readQuestionOptions,
  readTask,
  readTitleAmounts,
  readTwoDateTimes,
  splitFields,
} from "../../src/language/fields.js";
import { parseLatLng } from "../../flows/venue.flow.js";

const now = new Date("2026-12-01T09:00:00Z");
const zone = "Africa/Dar_es_Salaam";
const at = (text: string) => parseEventDate(text, zone, now);
const ctx: FlowContext = { locale: "sw", userName: "Neema", timeZone: zone, now };
const keys = (step: Step<unknown>) =>
  step.effects.map((e: Effect<unknown>) =>
    e.type === "reply" ? ("key" in e.reply.text ? e.reply.text.key : e.reply.text.text) : e.action.type,
  );

describe("splitting a command's fields", () => {
  it("takes | where there is one, else new lines, and drops blank lines", () => {
    expect(splitFields("Cake | 500k | 200k")).toEqual(["Cake", "500k", "200k"]);
    expect(splitFields("Chakula gani?\nPilau\n\n  Wali na   maharage \n")).toEqual([
      "Chakula gani?",
      "Pilau",
      "Wali na maharage",
    ]);
    expect(splitFields("Keki | | 200k")).toEqual(["Keki", "", "200k"]);
    expect(splitFields("  ")).toEqual([]);
    expect(isSeparated("Maua 300000")).toBe(false);
    expect(isSeparated("Maua\n300000")).toBe(true);
  });
});

describe("space-separated fields", () => {
  it.each([
    ["Maua 300000", "Maua", ["300000"]],
    ["Maua 300,000 100,000", "Maua", ["300,000", "100,000"]],
    ["Nunua maua na mapambo 1.5m", "Nunua maua na mapambo", ["1.5m"]],
    ["Keki elfu 50", "Keki", ["elfu 50"]],
    ["Keki laki tano", "Keki", ["laki tano"]],
    ["Ukumbi TSh 2,000,000 500k", "Ukumbi", ["TSh 2,000,000", "500k"]],
    ["Mahema 100,000/=", "Mahema", ["100,000/="]],
    // A count in the title is not taken for an amount: what is paid is never more than the cost.
    ["Viti 200 500,000", "Viti 200", ["500,000"]],
    ["Keki 3 50000 20000", "Keki 3", ["50000", "20000"]],
    // Spaces as thousands separators, strictly grouped.
    ["Sound 1 500 000", "Sound", ["1 500 000"]],
  ])("reads %j as a title and amounts", (text, title, amounts) => {
    expect(readTitleAmounts(text)).toEqual({ title, amounts });
  });

  it.each(["Maua", "Maua mengi sana", "300000", "Viti mia mbili"])("finds no title and amount in %j", (text) => {
    expect(readTitleAmounts(text)).toBeUndefined();
  });

  it("reads one or two amounts on their own", () => {
    expect(readAmounts("800,000")).toEqual(["800,000"]);
    expect(readAmounts("800k 200k")).toEqual(["800k", "200k"]);
    expect(readAmounts("laki 8 laki 2")).toEqual(["laki 8", "laki 2"]);
    expect(readAmounts("bei nzuri")).toBeUndefined();
  });

  it.each([
    ["2027-02-13 08:00 2027-02-13 22:00", { from: "2027-02-13 08:00", to: "2027-02-13 22:00" }],
    ["2027-02-13 08:00 hadi 2027-02-13 22:00", { from: "2027-02-13 08:00", to: "2027-02-13 22:00" }],
    ["2027-02-13 08:00 - 22:00", { from: "2027-02-13 08:00", to: "2027-02-13 22:00" }],
    ["2027-02-13 08:00 22:00", { from: "2027-02-13 08:00", to: "2027-02-13 22:00" }],
    ["kesho saa 2 asubuhi mpaka saa 4 usiku", { from: "kesho saa 2 asubuhi", to: "kesho saa 4 usiku" }],
    ["13/02/2027 8:00am 13/02/2027 10:00pm", { from: "13/02/2027 8:00am", to: "13/02/2027 10:00pm" }],
  ])("reads %j as two date-times", (text, expected) => {
    expect(readTwoDateTimes(text, at)).toEqual(expected);
  });

  it.each(["2027-02-13 08:00", "kesho", "tomorrow and the day after", ""])(
    "does not read %j as two date-times",
    (text) => {
      expect(readTwoDateTimes(text, at)).toBeUndefined();
    },
  );

  it("reads a task's title, then who does it and when", () => {
    expect(readTask("Nunua maua 0713456701 Juma", at)).toEqual(["Nunua maua", "0713456701 Juma"]);
    expect(readTask("Nunua maua 0713 456 701 Juma Hamisi", at)).toEqual(["Nunua maua", "0713456701 Juma Hamisi"]);
    expect(readTask("Chukua keki kesho 18:00", at)).toEqual(["Chukua keki", "kesho 18:00"]);
    expect(readTask("Chukua keki +255713456701 Asha kesho 18:00", at)).toEqual([
      "Chukua keki",
      "+255713456701 Asha",
      "kesho 18:00",
    ]);
    expect(readTask("Book the photographer", at)).toEqual(["Book the photographer"]);
    expect(readTask("Nunua viti 200", at)).toEqual(["Nunua viti 200"]);
  });

  it("finds a phone number among words", () => {
    expect(findPhone("piga 0713-456-701 sasa")).toEqual({ phone: "0713456701", before: "piga", after: "sasa" });
    expect(findPhone("viti 200 na meza 30")).toBeUndefined();
  });

  it("reads a poll in one line, and options in any list form", () => {
    expect(readQuestionOptions("Chakula gani? Pilau, Biryani au Wali na maharage")).toEqual({
      question: "Chakula gani?",
      options: ["Pilau", "Biryani", "Wali na maharage"],
    });
    expect(readQuestionOptions("Which dish? Pilau or Biryani")).toEqual({
      question: "Which dish?",
      options: ["Pilau", "Biryani"],
    });
    expect(readQuestionOptions("Which dish?")).toBeUndefined();
    expect(readQuestionOptions("Pilau, Biryani")).toBeUndefined();
    expect(readOptions("1. Pilau\n2) Biryani\n- 3 kozi")).toEqual(["Pilau", "Biryani", "3 kozi"]);
    expect(readOptions("Pilau / Biryani")).toEqual(["Pilau", "Biryani"]);
  });

  it("reads coordinates at the start and leaves the name", () => {
    expect(readHead("-6.7924, 39.2083 Diamond Jubilee Hall", parseLatLng)).toEqual({
      value: { latitude: -6.7924, longitude: 39.2083 },
      rest: "Diamond Jubilee Hall",
    });
    expect(readHead("Diamond Jubilee", parseLatLng)).toBeUndefined();
  });
});

describe("a form, step by step", () => {
  const expense = formFlow(forms.expense);
  const about = { code: "HARUSI-QBD", event: "Harusi ya Neema" };

  it("asks for each missing field, asks again what it cannot read, and then runs the command", () => {
    const start = expense.start(ctx, { about, values: [] });
    expect(keys(start)).toEqual(["expense.ask_title"]);
    const title = expense.handle(start.state!, { kind: "text", text: "Maua" }, ctx);
    expect(keys(title)).toEqual(["expense.ask_cost"]);
    expect(title.effects[0]).toMatchObject({ reply: { text: { params: { title: "Maua" } } } });
    const wrong = expense.handle(title.state!, { kind: "text", text: "nyingi" }, ctx);
    expect(keys(wrong)).toEqual(["form.amount_invalid"]);
    expect(wrong.state).toEqual(title.state);
    const done = expense.handle(wrong.state!, { kind: "text", text: "300,000" }, ctx);
    expect(done.state).toBeNull();
    expect(done.effects).toEqual([
      { type: "action", action: { type: "expenseForm", input: { about, values: ["Maua", "300000", ""] } } },
    ]);
  });

  it("keeps what the command was given and asks only for the rest", () => {
    const start = expense.start(ctx, { about, values: ["Maua"] });
    expect(keys(start)).toEqual(["expense.ask_cost"]);
    expect((start.state as FormState).values).toEqual(["Maua", null, null]);
  });

  it("stops when asked to, saving nothing", () => {
    const start = expense.start(ctx, { about, values: [] });
    const stop = expense.handle(start.state!, { kind: "text", text: "Acha" }, ctx);
    expect(stop.state).toBeNull();
    expect(keys(stop)).toEqual(["form.stopped"]);
  });

  it("asks the price and an optional deposit of a booking", () => {
    const acceptForm = formFlow(forms.accept);
    const start = acceptForm.start(ctx, {
      about: { code: "B-7K2QX", service: "MC Hamisi", event: "Harusi" },
      values: [],
    });
    expect(keys(start)).toEqual(["accept.ask_price"]);
    const price = acceptForm.handle(start.state!, { kind: "text", text: "800,000" }, ctx);
    expect(keys(price)).toEqual(["accept.ask_deposit"]);
    const none = acceptForm.handle(price.state!, { kind: "text", text: "hapana" }, ctx);
    expect(none.effects).toMatchObject([
      { type: "action", action: { type: "acceptForm", input: { values: ["800000", ""] } } },
    ]);
    const some = acceptForm.handle(price.state!, { kind: "text", text: "200k" }, ctx);
    expect(some.effects).toMatchObject([{ type: "action", action: { input: { values: ["800000", "200000"] } } }]);
  });

  it("reads an end time on the start's day, and refuses one before the start", () => {
    const available = formFlow(forms.available);
    const start = available.start(ctx, { about: {}, values: ["S-7K2QX", "2027-02-13 08:00"] });
    expect(keys(start)).toEqual(["available.ask_to"]);
    const early = available.handle(start.state!, { kind: "text", text: "07:00" }, ctx);
    expect(keys(early)).toEqual(["available.ends_first"]);
    const end = available.handle(start.state!, { kind: "text", text: "22:00" }, ctx);
    expect(end.effects).toMatchObject([
      { action: { type: "availableForm", input: { values: ["S-7K2QX", "2027-02-13 08:00", "2027-02-13 22:00"] } } },
    ]);
  });

  it("takes poll options one per line or in a line, at least two", () => {
    const poll = formFlow(forms.poll);
    const start = poll.start(ctx, { about, values: ["Chakula gani?"] });
    expect(keys(start)).toEqual(["poll.ask_options"]);
    expect(keys(poll.handle(start.state!, { kind: "text", text: "Pilau" }, ctx))).toEqual(["form.options_invalid"]);
    const done = poll.handle(start.state!, { kind: "text", text: "Pilau\nWali na maharage" }, ctx);
    expect(done.effects).toMatchObject([
      { action: { type: "pollForm", input: { values: ["Chakula gani?", "Pilau\nWali na maharage"] } } },
    ]);
  });

  it("asks a task's optional fields, and 'hapana' leaves them out", () => {
    const task = formFlow(forms.task);
    const title = task.handle(task.start(ctx, { about, values: [] }).state!, { kind: "text", text: "Nunua maua" }, ctx);
    expect(keys(title)).toEqual(["task.ask_assignee"]);
    expect(keys(task.handle(title.state!, { kind: "text", text: "Juma" }, ctx))).toEqual(["form.phone_invalid"]);
    const who = task.handle(title.state!, { kind: "text", text: "0713 456 701 Juma" }, ctx);
    expect(keys(who)).toEqual(["task.ask_due"]);
    const due = task.handle(who.state!, { kind: "text", text: "hapana" }, ctx);
    expect(due.effects).toMatchObject([
      { action: { type: "taskForm", input: { values: ["Nunua maua", "0713 456 701 Juma", ""] } } },
    ]);
  });
});

describe("long lines", () => {
  // A 10 KB message used to try every cut of itself (seconds to minutes in one chat's turn): the values are at the end.
  it("reads a hostile 12 KB line as no fields, and a title still takes any length before its amounts", () => {
    const long = "saa ".repeat(3000);
    expect(readTitleAmounts(long)).toBeUndefined();
    expect(readTitleAmounts(`${"maua ".repeat(40)}300,000`)).toEqual({
      title: "maua ".repeat(40).trim(),
      amounts: ["300,000"],
    });
  });
});
