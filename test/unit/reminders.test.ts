// The pure rules of reminders with fixed clocks: quiet hours in a zone, reminder times typed by organizers, how long
// is left said in both languages.
import { describe, expect, it } from "vitest";
import { parseQuietHours, quietUntil } from "../../src/reminders/quiet.js";
import { parseOffsets } from "../../src/journeys/reminders/index.js";
import { relativeText } from "../../src/reminders/compose.js";

const quiet = parseQuietHours("21:00-08:00")!;

describe("quiet hours", () => {
  it("reads the window, or off, and refuses what it cannot read", () => {
    expect(quiet).toEqual({ start: 21 * 3600, end: 8 * 3600 });
    expect(parseQuietHours("off")).toBeNull();
    expect(parseQuietHours("22:30 - 06:15")).toEqual({ start: 22 * 3600 + 1800, end: 6 * 3600 + 900 });
    for (const bad of ["21-08", "25:00-08:00", "night", "21:00-08:60"]) expect(parseQuietHours(bad)).toBeUndefined();
  });

  it.each([
    // Dar es Salaam is UTC+3: 19:00 UTC is 22:00 there, held until 08:00 the next morning (05:00 UTC).
    ["2026-12-01T19:00:00Z", "Africa/Dar_es_Salaam", "2026-12-02T05:00:00.000Z"],
    // 03:00 there: the same morning.
    ["2026-12-01T00:00:00Z", "Africa/Dar_es_Salaam", "2026-12-01T05:00:00.000Z"],
    // 12:00 there: not quiet.
    ["2026-12-01T09:00:00Z", "Africa/Dar_es_Salaam", undefined],
    // 06:00 UTC is 09:00 in Dar es Salaam but 22:00 the evening before in Los Angeles: held until 08:00 PST.
    ["2026-12-02T06:00:00Z", "America/Los_Angeles", "2026-12-02T16:00:00.000Z"],
    // 20:59:59 is not yet quiet; 21:00:00 is.
    ["2026-12-01T17:59:59Z", "Africa/Dar_es_Salaam", undefined],
    ["2026-12-01T18:00:00Z", "Africa/Dar_es_Salaam", "2026-12-02T05:00:00.000Z"],
  ])("at %s in %s the reminder waits until %s", (now, zone, until) => {
    expect(quietUntil(new Date(now), zone, quiet)?.toISOString()).toBe(until);
  });

  it("handles a window within one day and a daylight-saving night", () => {
    const lunch = parseQuietHours("12:00-14:00")!;
    expect(quietUntil(new Date("2026-12-01T10:00:00Z"), "Africa/Dar_es_Salaam", lunch)?.toISOString()).toBe(
      "2026-12-01T11:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-12-01T12:00:00Z"), "Africa/Dar_es_Salaam", lunch)).toBeUndefined();
    // London's clocks go back on 25 October 2026: 08:00 that morning is 08:00 GMT.
    expect(quietUntil(new Date("2026-10-25T00:30:00Z"), "Europe/London", quiet)?.toISOString()).toBe(
      "2026-10-25T08:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-12-01T22:00:00Z"), "Africa/Dar_es_Salaam", null)).toBeUndefined();
  });
});

describe("reminder times organizers type", () => {
  it.each([
    [
      ["7d", "1d", "3h"],
      [10080, 1440, 180],
    ],
    [
      ["3h", "7d"],
      [10080, 180],
    ],
    [
      ["30m", "30m", "1H"],
      [60, 30],
    ],
  ])("reads %j", (words, minutes) => expect(parseOffsets(words)).toEqual(minutes));

  it.each([[["7x"]], [["0h"]], [["61d"]], [["1d", "2d", "3d", "4d", "5d", "6d"]], [[]], [["-1d"]], [["1.5d"]]])(
    "refuses %j",
    (words) => {
      expect(parseOffsets(words)).toBeUndefined();
    },
  );
});

describe("how long is left", () => {
  it.each([
    [7 * 86_400_000, "in 7 days", "baada ya siku 7"],
    [86_400_000, "tomorrow", "kesho"],
    [3 * 3_600_000, "in 3 hours", "baada ya saa 3"],
    [40 * 60_000, "in 40 minutes", "baada ya dakika 40"],
    [10_000, "in 1 minute", "baada ya dakika 1"],
  ])("%d ms: %s / %s", (ms, en, sw) => {
    expect(relativeText("en", ms)).toBe(en);
    expect(relativeText("sw", ms)).toBe(sw);
  });
});
