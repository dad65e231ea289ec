// Creating an event, step by step (name, kind, date and time, place, optional budget) or from one line
// ("/newevent Harusi ya Neema | wedding | 2027-02-13 14:00 | Diamond Jubilee | 5m"), which starts this flow with its
// parts: what is valid is kept, and the flow asks only for what is missing or was not understood.
import { formatDateTime } from "../src/i18n/dates.js";
import { swahiliTime } from "../src/i18n/swahili-time.js";
import { instantIn } from "../src/language/dates.js";
import { parseAmount, parseEventType, readEventWhen } from "./event-input.js";
import { act, reply, say, text, type Effect, type Flow, type FlowContext, type FlowInput, type Step } from "./types.js";

export interface EventDraft {
  name?: string;
  type?: string;
  /** ISO instant */
  startTime?: string;
  location?: string;
  /** whole units of the event's currency, or null when the organizer chose to skip it */
  budget?: number | null;
}

/** Half a "when": a day typed without its time ("Jumamosi ijayo"), or a time without its day ("saa 9 alasiri"). */
export interface WhenPart {
  /** YYYY-MM-DD in the zone */
  day?: string;
  time?: { hour: number; minute: number };
}

export type NewEventState = { step: "name" | "type" | "when" | "place" | "budget"; draft: EventDraft; when?: WhenPart };

/** The one-line command's parts, as typed; the flow checks them. */
export interface NewEventArgs {
  parts?: string[];
}

declare module "./types.js" {
  interface ActionTypes {
    /** creates the event in the organizer's zone; the result is what the confirmation shows */
    createEvent: {
      input: { name: string; type: string; startTime: string; location: string; budget: number | null };
      result: { code: string; name: string; when: string; where: string };
    };
  }
}

const skipWords = new Set(["skip", "ruka", "no", "hapana", "none", "hakuna", "-", "0"]);
const maxBudget = 1e12;

const typeChoices = [
  { label: text("newevent.type.wedding"), value: "type:wedding" },
  { label: text("newevent.type.sendoff"), value: "type:sendoff" },
  { label: text("newevent.type.burial"), value: "type:burial" },
  { label: text("newevent.type.corporate"), value: "type:corporate" },
  { label: text("newevent.type.other"), value: "type:other" },
];

/** A day as the person reads it: "Sat 13 Feb 2027" / "Jumamosi 13 Februari 2027" (the date part of formatDateTime). */
const dayText = (day: string, context: FlowContext) =>
  formatDateTime(instantIn(context.timeZone, { date: day }, 12, 0), context.timeZone, context.locale).split(", ")[0]!;
const timeText = ({ hour, minute }: { hour: number; minute: number }, context: FlowContext) => {
  const clock = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return context.locale === "sw" ? `${swahiliTime(hour, minute)} (${clock})` : clock;
};

// The usual starting hours, as buttons under "at what time?" (24-hour values: every reader takes them).
const timeChoices = ["10:00", "14:00", "16:00", "18:00"].map((t) => ({ label: { text: t }, value: t }));
const dayChoices = [
  { label: text("newevent.when_day_today"), value: "leo" },
  { label: text("newevent.when_day_tomorrow"), value: "kesho" },
];

/** The question for the when step: the whole of it, or the half still missing. */
function askWhen(context: FlowContext, when: WhenPart | undefined): Effect<NewEventState> {
  if (when?.day) return reply("newevent.when_ask_time", { day: dayText(when.day, context) }, { choices: timeChoices });
  if (when?.time)
    return reply("newevent.when_ask_day", { time: timeText(when.time, context) }, { choices: dayChoices });
  return reply("newevent.ask_when", { zone: context.timeZone });
}

const ask = (step: NewEventState["step"], context: FlowContext, when?: WhenPart): Effect<NewEventState> => {
  switch (step) {
    case "name":
      return reply("newevent.ask_name");
    case "type":
      return reply("newevent.ask_type", undefined, { choices: typeChoices });
    case "when":
      return askWhen(context, when);
    case "place":
      return reply("newevent.ask_place");
    case "budget":
      return reply("newevent.ask_budget");
  }
};

/** A valid answer (with half a "when" still to complete, perhaps), or what is wrong with it. */
type Check = { ok: true; draft: EventDraft; when?: WhenPart } | { ok: false; problem: Effect<NewEventState> };

/**
 * Reads the when: a whole upcoming date and time is kept; half of one (a day, or a time) is kept aside and the other
 * half asked for, and combined with it when it comes; only a date that was read and has passed is called past.
 */
function checkWhen(value: string, draft: EventDraft, context: FlowContext, known: WhenPart = {}): Check {
  const when = readEventWhen(value, context.timeZone, context.now, known);
  switch (when.kind) {
    case "upcoming":
      return { ok: true, draft: { ...draft, startTime: when.at.toISOString() } };
    case "past":
      return {
        ok: false,
        problem: reply("newevent.when_past", { when: formatDateTime(when.at, context.timeZone, context.locale) }),
      };
    case "day":
      return when.past
        ? { ok: false, problem: reply("newevent.when_day_past", { day: dayText(when.date, context) }) }
        : { ok: true, draft, when: { day: when.date } };
    case "time":
      return { ok: true, draft, when: { time: { hour: when.hour, minute: when.minute } } };
    case "unknown":
      return { ok: false, problem: reply("newevent.when_invalid", { text: value.slice(0, 40) }) };
  }
}

/** Reads one answer into the draft, or says what is wrong with it. */
function check(
  step: NewEventState["step"],
  raw: string,
  draft: EventDraft,
  context: FlowContext,
  known?: WhenPart,
): Check {
  const value = raw.trim().replace(/\s+/g, " ");
  switch (step) {
    case "name":
      return value.length >= 2 && value.length <= 80
        ? { ok: true, draft: { ...draft, name: value } }
        : { ok: false, problem: reply("newevent.name_invalid") };
    case "type": {
      const type = parseEventType(value);
      return type ? { ok: true, draft: { ...draft, type } } : { ok: false, problem: reply("newevent.type_invalid") };
    }
    case "when":
      return checkWhen(value, draft, context, known);
    case "place":
      return value.length >= 2 && value.length <= 120
        ? { ok: true, draft: { ...draft, location: value } }
        : { ok: false, problem: reply("newevent.place_invalid") };
    case "budget": {
      if (skipWords.has(value.toLowerCase())) return { ok: true, draft: { ...draft, budget: null } };
      const amount = parseAmount(value);
      return amount !== undefined && amount > 0 && amount <= maxBudget
        ? { ok: true, draft: { ...draft, budget: amount } }
        : { ok: false, problem: reply("newevent.budget_invalid", { text: value.slice(0, 40) }) };
    }
  }
}

const order: NewEventState["step"][] = ["name", "type", "when", "place", "budget"];

/** Asks for the first thing still missing, or creates the event when nothing is. */
function next(
  draft: EventDraft,
  context: FlowContext,
  before: Effect<NewEventState>[] = [],
  when?: WhenPart,
): Step<NewEventState> {
  const missing = order.find((step) =>
    step === "budget"
      ? draft.budget === undefined
      : draft[step === "when" ? "startTime" : step === "place" ? "location" : step] === undefined,
  );
  const pending = draft.startTime === undefined ? when : undefined;
  if (missing)
    return {
      state: { step: missing, draft, ...(pending ? { when: pending } : {}) },
      effects: [...before, ask(missing, context, pending)],
    };
  const input = {
    name: draft.name!,
    type: draft.type!,
    startTime: draft.startTime!,
    location: draft.location!,
    budget: draft.budget ?? null,
  };
  return {
    state: null,
    effects: [
      ...before,
      act<"createEvent", NewEventState>("createEvent", input, (r) => ({
        effects: [{ type: "reply", reply: say("newevent.created", r) }],
      })),
    ],
  };
}

export const newEventFlow: Flow<NewEventState, NewEventArgs> = {
  name: "newevent",
  version: 1,
  start(context, args) {
    let draft: EventDraft = {};
    let when: WhenPart | undefined;
    const problems: Effect<NewEventState>[] = [];
    // A one-line form: name | type | when | place [| budget]; each part is checked like an answer.
    for (const [i, part] of (args.parts ?? []).slice(0, 5).entries()) {
      if (!part.trim()) continue;
      const checked = check(order[i]!, part, draft, context);
      if (checked.ok) {
        draft = checked.draft;
        when = checked.when ?? when;
      } else problems.push(checked.problem);
    }
    // Four parts given: the budget was left out on purpose.
    if ((args.parts?.length ?? 0) === 4 && draft.budget === undefined) draft = { ...draft, budget: null };
    return next(draft, context, problems, when);
  },
  handle(state, input: FlowInput, context) {
    const raw = input.kind === "text" ? input.text : input.kind === "choice" ? input.value : undefined;
    if (raw === undefined) return { state, effects: [ask(state.step, context, state.when)] };
    const checked = check(state.step, raw, state.draft, context, state.when);
    if (!checked.ok) return { state, effects: [checked.problem] };
    // Half a when answered by its other half is whole now; a new half replaces the old one.
    return next(checked.draft, context, [], checked.when ?? (state.step === "when" ? undefined : state.when));
  },
};
