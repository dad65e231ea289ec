// Flows are pure: these run without a database.
import { describe, expect, it } from "vitest";
import { languageFlow, parseLocale } from "../../flows/language.flow.js";
import { onboardingFlow, parsePersonName } from "../../flows/onboarding.flow.js";
import type { FlowContext } from "../../flows/types.js";

const ctx: FlowContext = { locale: "en", userName: "x", timeZone: "Africa/Dar_es_Salaam", now: new Date() };

describe("onboarding flow", () => {
  it("asks for the name first", () => {
    const step = onboardingFlow.start(ctx);
    expect(step.state).toEqual({ step: "name" });
    expect(step.effects).toEqual([{ type: "reply", reply: { text: { key: "welcome.new", params: undefined } } }]);
  });

  it.each([
    ["Neema Mushi", "Neema Mushi"],
    ["  Baraka   Mwakyusa ", "Baraka Mwakyusa"],
    ["Ng'wana O'Neil-Kimaro", "Ng'wana O'Neil-Kimaro"],
    ["Zuhura", "Zuhura"],
  ])("accepts %j as %j", (raw, name) => {
    expect(parsePersonName(raw)).toBe(name);
  });

  it.each(["", "A", "1234", "x".repeat(61), "<script>", "Neema 2", "@neema"])("refuses %j", (raw) => {
    expect(parsePersonName(raw)).toBeUndefined();
  });

  it("keeps asking until the name is valid, then saves it and ends", () => {
    const state = onboardingFlow.start(ctx).state!;
    const bad = onboardingFlow.handle(state, { kind: "text", text: "42" }, ctx);
    expect(bad.state).toEqual(state);
    expect(bad.effects[0]).toMatchObject({ type: "reply", reply: { text: { key: "onboarding.name_invalid" } } });
    const photo = onboardingFlow.handle(state, { kind: "media", mediaType: "photo", ref: "f" }, ctx);
    expect(photo.state).toEqual(state);
    const good = onboardingFlow.handle(state, { kind: "text", text: "Amina Said" }, ctx);
    expect(good.state).toBeNull();
    expect(good.effects).toMatchObject([
      { type: "action", action: { type: "setUserName", input: { name: "Amina Said" } } },
    ]);
    const then = good.effects[0]!.type === "action" ? good.effects[0]!.then : undefined;
    expect(then?.({ name: "Amina Said" })).toEqual({
      effects: [{ type: "reply", reply: { text: { key: "welcome.named", params: { name: "Amina Said" } } } }],
    });
  });
});

describe("language flow", () => {
  it("offers English and Kiswahili as choices", () => {
    const step = languageFlow.start(ctx);
    expect(step.effects[0]).toMatchObject({ reply: { choices: [{ value: "lang:en" }, { value: "lang:sw" }] } });
  });

  it.each([
    [{ kind: "choice", value: "lang:sw" }, "sw"],
    [{ kind: "choice", value: "lang:en" }, "en"],
    [{ kind: "text", text: "Kiswahili" }, "sw"],
    [{ kind: "text", text: " english " }, "en"],
    [{ kind: "text", text: "2" }, "sw"],
    [{ kind: "text", text: "french" }, undefined],
    [{ kind: "choice", value: "lang:fr" }, undefined],
  ] as const)("reads %j as %s", (input, locale) => {
    expect(parseLocale(input)).toBe(locale);
  });

  it("sets the language and ends, or asks again", () => {
    const state = languageFlow.start(ctx).state!;
    expect(languageFlow.handle(state, { kind: "text", text: "?" }, ctx).state).toEqual(state);
    const done = languageFlow.handle(state, { kind: "choice", value: "lang:sw" }, ctx);
    expect(done.state).toBeNull();
    expect(done.effects[0]).toMatchObject({ type: "action", action: { type: "setLocale", input: { locale: "sw" } } });
  });
});

describe("claim flow", () => {
  it("asks for the phone with the share button, refuses others' contacts, then attaches and claims", async () => {
    const { claimFlow } = await import("../../flows/claim.flow.js");
    const start = claimFlow.start(ctx, { code: "HARUSI-NB" });
    expect(start.state).toEqual({ code: "HARUSI-NB" });
    expect(start.effects[0]).toMatchObject({ reply: { requestPhone: { key: "link.ask_phone_button" } } });
    const typed = claimFlow.handle(start.state!, { kind: "text", text: "+255712345678" }, ctx);
    expect(typed.state).toEqual(start.state);
    expect(typed.effects[0]).toMatchObject({ reply: { requestPhone: { key: "link.ask_phone_button" } } });
    const other = claimFlow.handle(start.state!, { kind: "contact", phone: "+255712345678", own: false }, ctx);
    expect(other).toMatchObject({
      state: start.state,
      effects: [{ reply: { text: { key: "link.contact_not_own" } } }],
    });
    const own = claimFlow.handle(start.state!, { kind: "contact", phone: "255712345678", own: true }, ctx);
    expect(own.state).toBeNull();
    expect(own.effects.map((e) => (e.type === "action" ? e.action : e.type))).toEqual([
      { type: "attachPhone", input: { phone: "255712345678" } },
      { type: "openCode", input: { code: "HARUSI-NB" } },
      { type: "deliverWaiting", input: {} },
    ]);
  });
});
