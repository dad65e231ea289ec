// The safe verbs' conversations, pure: cancel and complete ask with buttons and read words with the answer reader,
// postpone reads a new date (or "not known yet") in the event's zone and confirms before it moves anything.
import { describe, expect, it } from "vitest";
import { cancelEventFlow } from "../../flows/cancel-event.flow.js";
import { completeEventFlow } from "../../flows/complete-event.flow.js";
import { postponeEventFlow, saysNotKnown, type PostponeEventState } from "../../flows/postpone-event.flow.js";
import type { Effect, FlowContext, FlowInput, Step } from "../../flows/types.js";
import { endsAt } from "../../src/domain/event-lifecycle.js";

const now = new Date("2026-12-01T09:00:00Z");
const ctx: FlowContext = { locale: "sw", userName: "Neema", timeZone: "Africa/Dar_es_Salaam", now };
const keys = (step: Step<unknown>) =>
  step.effects.map((e: Effect<unknown>) =>
    e.type === "reply" ? ("key" in e.reply.text ? e.reply.text.key : e.reply.text.text) : e.action.type,
  );
const said = (text: string): FlowInput => ({ kind: "text", text });
const tapped = (value: string): FlowInput => ({ kind: "choice", value });
const params = (step: Step<unknown>) => {
  const e = step.effects[0]!;
  return e.type === "reply" && "key" in e.reply.text ? (e.reply.text.params as Record<string, unknown>) : undefined;
};

describe("cancelling and completing ask first", () => {
  const cancel = { code: "HARUSI-7K2", event: "Harusi ya Neema" };
  const done = { ...cancel, when: "Jumamosi 5 Desemba 2026, saa nane mchana (14:00)" };

  it("asks with two buttons", () => {
    const step = cancelEventFlow.start(ctx, cancel);
    expect(keys(step)).toEqual(["lifecycle.cancel_ask"]);
    const first = step.effects[0]!;
    expect(first.type === "reply" && first.reply.choices?.map((c) => c.value)).toEqual(["cancel:yes", "cancel:no"]);
    expect(keys(completeEventFlow.start(ctx, done))).toEqual(["lifecycle.complete_ask"]);
  });

  it.each([
    [tapped("cancel:yes"), "cancelEvent"],
    [said("Ndiyo"), "cancelEvent"],
    [said("yes"), "cancelEvent"],
    [tapped("cancel:no"), "lifecycle.cancel_kept"],
    [said("hapana"), "lifecycle.cancel_kept"],
    [said("no"), "lifecycle.cancel_kept"],
    [said("subiri kwanza"), "lifecycle.cancel_ask"],
    [tapped("complete:yes"), "lifecycle.cancel_ask"],
  ] as const)("cancel: %j -> %s", (input, key) => {
    const step = cancelEventFlow.handle(cancel, input, ctx);
    expect(keys(step)).toEqual([key]);
    expect(step.state === null).toBe(key !== "lifecycle.cancel_ask");
  });

  it.each([
    [tapped("complete:yes"), "completeEvent"],
    [said("ndio"), "completeEvent"],
    [tapped("complete:no"), "lifecycle.complete_kept"],
    [said("Hapana"), "lifecycle.complete_kept"],
    [said("harusi ni jumamosi"), "lifecycle.complete_ask"],
  ] as const)("complete: %j -> %s", (input, key) => {
    expect(keys(completeEventFlow.handle(done, input, ctx))).toEqual([key]);
  });
});

describe("postponing", () => {
  const args = {
    code: "HARUSI-7K2",
    event: "Harusi ya Neema",
    zone: "Africa/Dar_es_Salaam",
    from: "Jumamosi 5 Desemba 2026, saa nane mchana (14:00)",
  };
  const asking: PostponeEventState = { ...args };

  it("asks the new date, reads it in the event's zone and shows it before moving anything", () => {
    expect(keys(postponeEventFlow.start(ctx, args))).toEqual(["lifecycle.postpone_ask_when"]);
    const step = postponeEventFlow.handle(asking, said("20/12/2026 saa nane mchana"), ctx);
    expect(keys(step)).toEqual(["lifecycle.postpone_ask"]);
    expect(step.state?.at).toBe("2026-12-20T11:00:00.000Z");
    expect(params(step)?.to).toBe("Jumapili 20 Desemba 2026, saa nane mchana (14:00)");
    const yes = postponeEventFlow.handle(step.state!, tapped("postpone:yes"), ctx);
    expect(keys(yes)).toEqual(["postponeEvent"]);
    const action = yes.effects[0]!;
    expect(action.type === "action" && action.action.input).toEqual({
      code: "HARUSI-7K2",
      at: "2026-12-20T11:00:00.000Z",
    });
    expect(yes.state).toBeNull();
  });

  it("takes a corrected date at the confirmation, and keeps the date on no", () => {
    const first = postponeEventFlow.handle(asking, said("2026-12-20 14:00"), ctx);
    const corrected = postponeEventFlow.handle(first.state!, said("2026-12-27 15:00"), ctx);
    expect(corrected.state?.at).toBe("2026-12-27T12:00:00.000Z");
    expect(keys(postponeEventFlow.handle(corrected.state!, said("hapana"), ctx))).toEqual(["lifecycle.postpone_kept"]);
    expect(keys(postponeEventFlow.handle(corrected.state!, said("sijui"), ctx))).toEqual(["lifecycle.postpone_ask"]);
  });

  it("refuses a past date as past and an unreadable one as unreadable (never as 'not upcoming')", () => {
    const past = postponeEventFlow.handle(asking, said("2025-01-01 10:00"), ctx);
    expect(keys(past)).toEqual(["lifecycle.postpone_when_past"]);
    expect(past.state?.at).toBeUndefined();
    expect(keys(postponeEventFlow.handle(asking, said("mwezi wa kumi na tatu"), ctx))).toEqual([
      "lifecycle.postpone_when_unclear",
    ]);
    expect(keys(postponeEventFlow.handle(asking, said("hapana, tuache"), ctx))).toEqual(["lifecycle.postpone_kept"]);
  });

  it.each(["sijui bado", "Bado haijulikani", "not yet known", "TBA", "tarehe itatangazwa", "we dont know yet 🙏"])(
    "reads %j as a date to be announced",
    (text) => {
      expect(saysNotKnown(text)).toBe(true);
      const step = postponeEventFlow.handle(asking, said(text), ctx);
      expect(keys(step)).toEqual(["lifecycle.postpone_ask_tba"]);
      expect(step.state?.at).toBeNull();
      const yes = postponeEventFlow.handle(JSON.parse(JSON.stringify(step.state)), said("ndiyo"), ctx);
      const action = yes.effects[0]!;
      expect(action.type === "action" && action.action.input).toEqual({ code: "HARUSI-7K2", at: null });
    },
  );

  it.each(["2026-12-20 14:00", "harusi ni ya Juma na Asha, tumeamua kuisogeza kwa sababu za kifamilia"])(
    "does not read %j as not known",
    (text) => {
      expect(saysNotKnown(text)).toBe(false);
    },
  );
});

describe("when an event has ended", () => {
  const start = new Date("2026-12-05T11:00:00Z");
  it("is a few hours after its start, or its end, or its last session's end, whichever is latest", () => {
    expect(endsAt({ startTime: start, endTime: null, sessionEnds: [] })?.toISOString()).toBe(
      "2026-12-05T17:00:00.000Z",
    );
    expect(
      endsAt({ startTime: start, endTime: new Date("2026-12-05T22:00:00Z"), sessionEnds: [] })?.toISOString(),
    ).toBe("2026-12-05T22:00:00.000Z");
    expect(
      endsAt({ startTime: start, endTime: null, sessionEnds: [new Date("2026-12-06T02:00:00Z"), null] })?.toISOString(),
    ).toBe("2026-12-06T02:00:00.000Z");
    expect(endsAt({ startTime: null, endTime: null, sessionEnds: [] })).toBeUndefined();
  });
});
