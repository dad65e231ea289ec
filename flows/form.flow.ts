// Step by step for the commands with several fields (/expense, /task, /poll, /session, /available, /addservice,
// /accept): what the command was given is kept, and each missing field is asked in turn with its own question, read
// and checked here (an amount, a date, options), so a wrong answer is asked again instead of ending the conversation.
// When nothing required is missing the command's own action runs with the fields as texts, the same path as the
// one-line command. One pure flow shape; each journey registers the forms it owns (formFlow(forms.expense)).
import { parseAmount, parseEventDate } from "./event-input.js";
import { onSameDay, readOptions } from "../src/language/fields.js";
import { act, reply, text, type Effect, type Flow, type FlowContext, type FlowInput, type Step } from "./types.js";
import type { Message } from "../src/i18n/index.js";

/** What the form knows besides its fields (the event's code and name, the booking's): fills the questions. */
export type About = Record<string, string>;

/** A finished form: the fields as texts ("" for an optional one left out), in the form's order. */
export interface FormDone {
  about: About;
  values: string[];
}

declare module "./types.js" {
  interface ActionTypes {
    /** each runs its command with the fields collected (the command's journey handles it) */
    expenseForm: { input: FormDone; result: void };
    taskForm: { input: FormDone; result: void };
    pollForm: { input: FormDone; result: void };
    sessionForm: { input: FormDone; result: void };
    availableForm: { input: FormDone; result: void };
    serviceForm: { input: FormDone; result: void };
    acceptForm: { input: FormDone; result: void };
  }
}

export type FormAction =
  | "expenseForm"
  | "taskForm"
  | "pollForm"
  | "sessionForm"
  | "availableForm"
  | "serviceForm"
  | "acceptForm";

/**
 * How a field's answer is read: text (2 to `max` characters), an amount, a date-time (the "until" kind borrows the
 * day of the field before: "22:00"), options (one per line), a phone with a name.
 */
export type FieldKind = "text" | "amount" | "when" | "until" | "options" | "phone";

export interface FormField {
  kind: FieldKind;
  /** the question, with what the form knows and the answers so far ("How much is Flowers?") */
  ask: (about: About, values: readonly (string | null)[]) => Message;
  /** absent: required; "asked": asked, "no" leaves it out; "quiet": taken when typed with the command, never asked */
  optional?: "asked" | "quiet";
  /** the longest text taken (kind text) */
  max?: number;
}

export interface FormSpec {
  /** the flow's name */
  name: string;
  action: FormAction;
  fields: FormField[];
}

export interface FormState {
  about: About;
  /** a value per field: text as read, "" left out, null still to ask */
  values: (string | null)[];
}

export interface FormArgs {
  about: About;
  /** what the command was given, by field (missing or empty: to ask) */
  values: (string | undefined)[];
}

const skipWords = new Set([
  "no",
  "none",
  "skip",
  "hapana",
  "hakuna",
  "hamna",
  "sina",
  "ruka",
  "bila",
  "-",
  "0",
  "nil",
  "n/a",
]);
const stopWords = new Set(["acha", "stop", "cancel", "sitisha", "ghairi", "basi acha", "achana nayo"]);
const plain = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, "")
    .replace(/\s+/g, " ");

type Read = { ok: true; value: string } | { ok: false; problem: Effect<FormState> };

/** Reads one answer for a field, or says what is wrong with it. */
function readField(field: FormField, raw: string, before: string | null, context: FlowContext): Read {
  const value = raw.trim().replace(/[ \t]+/g, " ");
  const typed = value.replace(/\s+/g, " ").slice(0, 40);
  if (field.optional && skipWords.has(plain(value))) return { ok: true, value: "" };
  const at = (text: string) => parseEventDate(text, context.timeZone, context.now);
  switch (field.kind) {
    case "text": {
      const max = field.max ?? 120;
      const one = value.replace(/\s+/g, " ");
      return one.length >= 2 && one.length <= max
        ? { ok: true, value: one }
        : { ok: false, problem: reply("form.text_invalid", { max }) };
    }
    case "amount": {
      const n = parseAmount(value.replace(/\s+/g, " "));
      return n !== undefined && n > 0 && n <= 1e12
        ? { ok: true, value: String(n) }
        : { ok: false, problem: reply("form.amount_invalid", { text: typed }) };
    }
    case "when":
    case "until": {
      const text = field.kind === "until" && before ? onSameDay(before, value, at) : at(value) ? value : undefined;
      const date = text ? at(text) : undefined;
      if (!text || !date) return { ok: false, problem: reply("form.when_invalid", { text: typed }) };
      if (date <= context.now) return { ok: false, problem: reply("form.when_past", { text: typed }) };
      const start = field.kind === "until" && before ? at(before) : undefined;
      if (start && date <= start) return { ok: false, problem: reply("available.ends_first") };
      return { ok: true, value: text };
    }
    case "options": {
      const options = readOptions(value);
      return options.length >= 2 && options.length <= 10
        ? { ok: true, value: options.join("\n") }
        : { ok: false, problem: reply("form.options_invalid") };
    }
    case "phone":
      return /\d(?:[\s-]?\d){8,14}/.test(value)
        ? { ok: true, value: value.replace(/\s+/g, " ") }
        : { ok: false, problem: reply("form.phone_invalid", { text: typed }) };
  }
}

const ask = (spec: FormSpec, state: FormState, i: number): Effect<FormState> => ({
  type: "reply",
  reply: { text: spec.fields[i]!.ask(state.about, state.values) },
});

/** Asks for the first field still missing, or runs the command when only quiet ones are. */
function next(spec: FormSpec, state: FormState, before: Effect<FormState>[] = []): Step<FormState> {
  const missing = state.values.findIndex((v, i) => v === null && spec.fields[i]!.optional !== "quiet");
  if (missing >= 0) return { state, effects: [...before, ask(spec, state, missing)] };
  const values = state.values.map((v) => v ?? "");
  return { state: null, effects: [...before, act(spec.action, { about: state.about, values })] };
}

/** A flow for one command's fields. */
export function formFlow(spec: FormSpec): Flow<FormState, FormArgs> {
  return {
    name: spec.name,
    version: 1,
    start(context, args) {
      const values: (string | null)[] = spec.fields.map(() => null);
      const problems: Effect<FormState>[] = [];
      // What the command was given is checked like an answer: the valid is kept, the rest asked again.
      for (const [i, field] of spec.fields.entries()) {
        const given = args.values[i]?.trim();
        if (!given) continue;
        const read = readField(field, given, i > 0 ? (values[i - 1] ?? null) : null, context);
        if (read.ok) values[i] = read.value;
        else problems.push(read.problem);
      }
      return next(spec, { about: args.about, values }, problems);
    },
    handle(state, input: FlowInput, context) {
      const i = state.values.findIndex((v, j) => v === null && spec.fields[j]!.optional !== "quiet");
      if (i < 0) return next(spec, state);
      const raw = input.kind === "text" ? input.text : undefined;
      if (raw === undefined) return { state, effects: [ask(spec, state, i)] };
      if (stopWords.has(plain(raw))) return { state: null, effects: [reply("form.stopped")] };
      const read = readField(spec.fields[i]!, raw, i > 0 ? (state.values[i - 1] ?? null) : null, context);
      if (!read.ok) return { state, effects: [read.problem] };
      const values = state.values.map((v, j) => (j === i ? read.value : v));
      return next(spec, { ...state, values });
    },
  };
}

const optional = "asked" as const;
const quiet = "quiet" as const;

/** The forms, by command: their fields in the one-line command's order. */
export const forms = {
  expense: {
    name: "expense-steps",
    action: "expenseForm",
    fields: [
      { kind: "text", max: 120, ask: (a) => text("expense.ask_title", { event: a.event ?? "" }) },
      { kind: "amount", ask: (_a, v) => text("expense.ask_cost", { title: v[0] ?? "" }) },
      { kind: "amount", optional: quiet, ask: (_a, v) => text("expense.ask_cost", { title: v[0] ?? "" }) },
    ],
  },
  task: {
    name: "task-steps",
    action: "taskForm",
    fields: [
      { kind: "text", max: 200, ask: (a) => text("task.ask_title", { event: a.event ?? "" }) },
      { kind: "phone", optional, ask: () => text("task.ask_assignee") },
      { kind: "when", optional, ask: () => text("task.ask_due") },
    ],
  },
  poll: {
    name: "poll-steps",
    action: "pollForm",
    fields: [
      { kind: "text", max: 250, ask: (a) => text("poll.ask_question", { event: a.event ?? "" }) },
      { kind: "options", ask: () => text("poll.ask_options") },
    ],
  },
  session: {
    name: "session-steps",
    action: "sessionForm",
    fields: [
      { kind: "text", max: 120, ask: (a) => text("session.ask_name", { event: a.event ?? "" }) },
      { kind: "when", ask: (_a, v) => text("session.ask_start", { name: v[0] ?? "" }) },
      { kind: "until", ask: () => text("session.ask_end") },
      { kind: "text", max: 120, optional, ask: () => text("session.ask_place") },
    ],
  },
  available: {
    name: "available-steps",
    action: "availableForm",
    fields: [
      { kind: "text", max: 40, ask: () => text("available.ask_service") },
      { kind: "when", ask: () => text("available.ask_from") },
      { kind: "until", ask: () => text("available.ask_to") },
    ],
  },
  service: {
    name: "service-steps",
    action: "serviceForm",
    fields: [
      { kind: "text", max: 80, ask: () => text("service.ask_name") },
      { kind: "text", max: 40, ask: () => text("service.ask_category") },
      { kind: "text", max: 60, ask: () => text("service.ask_price") },
      { kind: "text", max: 500, optional: quiet, ask: () => text("service.ask_price") },
    ],
  },
  accept: {
    name: "accept-steps",
    action: "acceptForm",
    fields: [
      {
        kind: "amount",
        ask: (a) => text("accept.ask_price", { code: a.code ?? "", service: a.service ?? "", event: a.event ?? "" }),
      },
      { kind: "amount", optional, ask: () => text("accept.ask_deposit") },
    ],
  },
} satisfies Record<string, FormSpec>;
