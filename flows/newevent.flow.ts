// Creating an event, step by step (name, kind, date and time, place, optional budget) or from one line
// ("/newevent Harusi ya Neema | wedding | 2027-02-13 14:00 | Diamond Jubilee | 5m"), which starts this flow with its
// parts: what is valid is kept, and the flow asks only for what is missing or was not understood.
import { parseAmount, parseEventDate, parseEventType } from "./event-input.js";
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

export type NewEventState = { step: "name" | "type" | "when" | "place" | "budget"; draft: EventDraft };

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

const ask = (step: NewEventState["step"], context: FlowContext): Effect<NewEventState> => {
  switch (step) {
    case "name": return reply("newevent.ask_name");
    case "type": return reply("newevent.ask_type", undefined, { choices: typeChoices });
    case "when": return reply("newevent.ask_when", { zone: context.timeZone });
    case "place": return reply("newevent.ask_place");
    case "budget": return reply("newevent.ask_budget");
  }
};

type Check = { ok: true; draft: EventDraft } | { ok: false; problem: Effect<NewEventState> };

/** Reads one answer into the draft, or says what is wrong with it. */
function check(step: NewEventState["step"], raw: string, draft: EventDraft, context: FlowContext): Check {
  const value = raw.trim().replace(/\s+/g, " ");
  switch (step) {
    case "name":
      return value.length >= 2 && value.length <= 80 ? { ok: true, draft: { ...draft, name: value } } : { ok: false, problem: reply("newevent.name_invalid") };
    case "type": {
      const type = parseEventType(value);
      return type ? { ok: true, draft: { ...draft, type } } : { ok: false, problem: reply("newevent.type_invalid") };
    }
    case "when": {
      const at = parseEventDate(value, context.timeZone, context.now);
      if (!at) return { ok: false, problem: reply("newevent.when_invalid", { text: value.slice(0, 40) }) };
      if (at <= context.now) return { ok: false, problem: reply("newevent.when_past", { when: value.slice(0, 40) }) };
      return { ok: true, draft: { ...draft, startTime: at.toISOString() } };
    }
    case "place":
      return value.length >= 2 && value.length <= 120 ? { ok: true, draft: { ...draft, location: value } } : { ok: false, problem: reply("newevent.place_invalid") };
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
function next(draft: EventDraft, context: FlowContext, before: Effect<NewEventState>[] = []): Step<NewEventState> {
  const missing = order.find((step) => (step === "budget" ? draft.budget === undefined : draft[step === "when" ? "startTime" : step === "place" ? "location" : step] === undefined));
  if (missing) return { state: { step: missing, draft }, effects: [...before, ask(missing, context)] };
  const input = { name: draft.name!, type: draft.type!, startTime: draft.startTime!, location: draft.location!, budget: draft.budget ?? null };
  return {
    state: null,
    effects: [...before, act<"createEvent", NewEventState>("createEvent", input, (r) => ({ effects: [{ type: "reply", reply: say("newevent.created", r) }] }))],
  };
}

export const newEventFlow: Flow<NewEventState, NewEventArgs> = {
  name: "newevent",
  version: 1,
  start(context, args) {
    let draft: EventDraft = {};
    const problems: Effect<NewEventState>[] = [];
    // A one-line form: name | type | when | place [| budget]; each part is checked like an answer.
    for (const [i, part] of (args.parts ?? []).slice(0, 5).entries()) {
      if (!part.trim()) continue;
      const checked = check(order[i]!, part, draft, context);
      if (checked.ok) draft = checked.draft;
      else problems.push(checked.problem);
    }
    // Four parts given: the budget was left out on purpose.
    if ((args.parts?.length ?? 0) === 4 && draft.budget === undefined) draft = { ...draft, budget: null };
    return next(draft, context, problems);
  },
  handle(state, input: FlowInput, context) {
    const raw = input.kind === "text" ? input.text : input.kind === "choice" ? input.value : undefined;
    if (raw === undefined) return { state, effects: [ask(state.step, context)] };
    const checked = check(state.step, raw, state.draft, context);
    if (!checked.ok) return { state, effects: [checked.problem] };
    return next(checked.draft, context);
  },
};
