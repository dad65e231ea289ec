import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/engine/commands.js";
import { buildRegistry } from "../../src/engine/registry.js";
import { journeys } from "../../src/journeys/index.js";
import { normalisePhone } from "../../src/domain/phones.js";
import { localeForPhone } from "../../src/domain/users.js";

const registry = buildRegistry(journeys);
const known = new Set(registry.commands.keys());

describe("parseCommand", () => {
  it.each([
    ["/help", { name: "help", args: "" }],
    ["help", { name: "help", args: "" }],
    ["MSAADA", { name: "msaada", args: "" }],
    ["/lugha sw", { name: "lugha", args: "sw" }],
    ["language en", { name: "language", args: "en" }],
    ["/start@NuruBot HARUSI-NB", { name: "start", args: "HARUSI-NB" }],
    ["  /cancel  ", { name: "cancel", args: "" }],
  ])("reads %j", (text, parsed) => {
    expect(parseCommand(text, known, registry.takes)).toEqual(parsed);
  });

  // Without the slash, words after the name are taken when they read as its arguments: a code or reference, a phone
  // number, digits, `|` or new lines, or what the command's own reader takes (an amount for changia, a language).
  it.each([
    ["changia elfu hamsini", { name: "changia", args: "elfu hamsini" }],
    ["alika HARUSI-QBD 0713 456 701 Juma", { name: "alika", args: "HARUSI-QBD 0713 456 701 Juma" }],
    ["kura HARUSI-QBD chakula? | pilau | wali", { name: "kura", args: "HARUSI-QBD chakula? | pilau | wali" }],
    ["wageni HARUSI-QBD", { name: "wageni", args: "HARUSI-QBD" }],
    ["info HARUSI-QBD", { name: "info", args: "HARUSI-QBD" }],
    ["matokeo P-7K2QX", { name: "matokeo", args: "P-7K2QX" }],
    ["gharama maua 300000", { name: "gharama", args: "maua 300000" }],
    ["task\nBuy flowers\n0713456701", { name: "task", args: "Buy flowers\n0713456701" }],
  ])("reads %j without the slash", (text, parsed) => {
    expect(parseCommand(text, known, registry.takes)).toEqual(parsed);
  });

  // Ordinary sentences that merely start with a command word stay conversation (a question about a command is
  // answered by the suggestions for unknown input, which name it).
  it.each([
    "help me please",
    "/unknown",
    "hello",
    "",
    "cancel the wedding now",
    "jibu lako ni nini",
    "info ya harusi tafadhali?",
    "changia ni nini?",
    "done with it",
    "kazi nzuri sana",
  ])("does not take %j as a command", (text) => {
    expect(parseCommand(text, known, registry.takes)).toBeUndefined();
  });

  it("has a Swahili name for every English command", () => {
    const pairs: [string, string][] = [
      ["help", "msaada"],
      ["language", "lugha"],
      ["cancel", "sitisha"],
      ["invitations", "mialiko"],
      ["events", "matukio"],
      ["bookings", "oda"],
      ["newevent", "tukiompya"],
      ["invite", "alika"],
      ["guests", "wageni"],
      ["rsvp", "jibu"],
      ["link", "kiungo"],
      ["approve", "ruhusu"],
      ["notify", "arifu"],
    ];
    for (const [en, sw] of pairs) expect(registry.commands.get(sw), sw).toBe(registry.commands.get(en));
    for (const command of new Set(registry.commands.values())) {
      expect(command.en.length, command.en.join()).toBeGreaterThan(0);
      expect(command.sw.length, command.en.join()).toBeGreaterThan(0);
    }
  });
});

describe("suggestions for words that are no command", () => {
  it.each([
    ["nataka kuunda tukio", "sw", "/tukiompya"],
    ["guest list", "sw", "/wageni"],
    ["guest list", "en", "/guests"],
    ["tukiompy", "sw", "/tukiompya"],
    ["nataka kuchangia", "sw", "/changia"],
  ] as const)("suggests for %j (%s) %s", (text, locale, name) => {
    expect(registry.suggestions(text, locale)[0]).toMatch(new RegExp(`^${name} `));
  });

  it.each(["what is this?", "nataka keki", "still there?", "asante"])("suggests nothing for %j", (text) => {
    expect(registry.suggestions(text, "sw")).toEqual([]);
  });
});

describe("the journey registry", () => {
  it("refuses, at start-up, two journeys claiming one command name, flow, action or choice prefix", () => {
    const run = async () => undefined;
    const a = { name: "a", commands: [{ en: ["party"], sw: ["sherehe"], for: "everyone" as const, run }] };
    const b = { name: "b", commands: [{ en: ["feast"], sw: ["Sherehe"], for: "everyone" as const, run }] };
    expect(() => buildRegistry([a, b])).toThrow(/two journeys claim the command "sherehe": a and b/);
    expect(() => buildRegistry([...journeys, { name: "x", choices: { rsvp: run } }])).toThrow(
      /choice prefix "rsvp": invitations and x/,
    );
    expect(() => buildRegistry([...journeys, { name: "y", flows: [journeys[0]!.flows![0]!] }])).toThrow(
      /flow "onboarding"/,
    );
  });

  it("builds each role's help from the commands, in both languages, with no placeholder left", () => {
    const everyone = { guest: false, organizer: false, provider: false };
    const en = registry.helpSections("en", everyone).join("\n");
    expect(en).toContain("/help");
    expect(en).toContain("/newevent");
    expect(en).toContain("As a guest:\n/invitations");
    expect(en).not.toContain("/guests");
    const organizer = registry.helpSections("sw", { ...everyone, organizer: true }).join("\n");
    expect(organizer).toContain("Kama mratibu:");
    for (const name of ["/matukio", "/alika", "/wageni", "/kiungo", "/ruhusu", "/arifu"])
      expect(organizer).toContain(name);
    expect(organizer).not.toMatch(/\{\w+\}/);
  });
});

describe("phones", () => {
  it.each([
    ["0712 345 678", "+255712345678"],
    ["+255 712 345 678", "+255712345678"],
    ["255712345678", "+255712345678"],
    ["255712345678@c.us", "+255712345678"],
    ["+254 712 345678", "+254712345678"],
  ])("normalises %j to E.164", (raw, e164) => {
    expect(normalisePhone(raw, "TZ")).toBe(e164);
  });

  it.each(["12", "hello", "+999"])("refuses %j", (raw) => {
    expect(normalisePhone(raw, "TZ")).toBeUndefined();
  });

  it("greets Tanzanian and Kenyan numbers in Swahili, others in the default", () => {
    expect(localeForPhone("+255712345678", "en")).toBe("sw");
    expect(localeForPhone("+254712345678", "en")).toBe("sw");
    expect(localeForPhone("+442071234567", "en")).toBe("en");
    expect(localeForPhone(undefined, "en")).toBe("en");
  });
});

describe("parseCommand inside a conversation", () => {
  it("takes an answer that starts with a command word and a number as the answer, not the command", () => {
    expect(parseCommand("wageni 3", known, registry.takes, { inConversation: true })).toBeUndefined();
    expect(parseCommand("wageni 3", known, registry.takes)).toEqual({ name: "wageni", args: "3" });
  });

  it("still takes a command with a code, a slash or a bare word", () => {
    expect(parseCommand("wageni HARUSI-QBD", known, registry.takes, { inConversation: true })).toEqual({
      name: "wageni",
      args: "HARUSI-QBD",
    });
    expect(parseCommand("/wageni 3", known, registry.takes, { inConversation: true })).toEqual({
      name: "wageni",
      args: "3",
    });
    expect(parseCommand("acha", known, registry.takes, { inConversation: true })).toEqual({ name: "acha", args: "" });
  });
});
