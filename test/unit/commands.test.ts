import { describe, expect, it } from "vitest";
import { builtInCommands, parseCommand } from "../../src/engine/commands.js";
import { normalisePhone } from "../../src/domain/phones.js";
import { localeForPhone } from "../../src/domain/users.js";

const known = new Set(Object.keys(builtInCommands));

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
    expect(parseCommand(text, known)).toEqual(parsed);
  });

  it.each(["help me please", "/unknown", "hello", "", "cancel the wedding now"])("does not take %j as a command", (text) => {
    expect(parseCommand(text, known)).toBeUndefined();
  });

  it("has a Swahili name for every English command", () => {
    const pairs: [string, string][] = [["help", "msaada"], ["language", "lugha"], ["cancel", "sitisha"], ["invitations", "mialiko"], ["events", "matukio"], ["bookings", "oda"]];
    for (const [en, sw] of pairs) expect(builtInCommands[sw]).toBe(builtInCommands[en]);
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
