// The choice and question readers on sentences beyond the corpus: what they must take, and what they must leave to
// a question with buttons.
import { describe, expect, it } from "vitest";
import { editDistance, readChoice } from "../../src/language/choice.js";
import { readQuestion } from "../../src/language/question.js";
import { isSure } from "../../src/language/reading.js";

const dishes = ["Pilau", "Biryani", "Ugali na samaki", "Wali na maharage"];
const chosen = (text: string, options = dishes) => {
  const r = readChoice(text, options);
  return isSure(r) ? r.value : undefined;
};

describe("readChoice", () => {
  it.each([
    ["Pilau", 1],
    ["pilau", 1],
    ["2", 2],
    ["namba 3", 3],
    ["ya pili", 2],
    ["the fourth one", 4],
    ["ugali", 3],
    ["nachagua pilau", 1],
    ["napenda biryani", 2],
    ["I'll have the pilau", 1],
    ["pilau please", 1],
    ["biriani", 2],
    ["BRIYANI 😋", 2],
    ["maharage tu", 4],
  ] as const)("reads %j as option %i", (text, n) => {
    expect(chosen(text)).toBe(n);
  });

  it.each(["sitaki pilau", "pilau au biryani", "7", "asante", "pilau ilikuwa tamu sana jana kwa bibi yangu", ""])(
    "does not vote on %j",
    (text) => {
      expect(chosen(text)).toBeUndefined();
    },
  );

  it("leaves a word two options share to a question", () => {
    expect(readChoice("wali", ["Wali na nyama", "Wali na samaki"])).toBeUndefined();
    expect(chosen("wali na samaki", ["Wali na nyama", "Wali na samaki"])).toBe(2);
  });

  it("counts a swap of two letters as one slip", () => {
    expect(editDistance("briyani", "biryani")).toBe(1);
    expect(editDistance("pilau", "pilau")).toBe(0);
    expect(editDistance("ugali", "biryani", 2)).toBe(3);
  });
});

describe("readQuestion", () => {
  it.each([
    ["Harusi ni lini na wapi?", ["when", "where"]],
    ["inaanza saa ngapi", ["time"]],
    ["ukumbi gani?", ["where"]],
    ["when and where is the send off", ["when", "where"]],
    ["location pls", ["where"]],
    ["tuvae nini?", ["dresscode"]],
  ] as const)("reads %j", (text, asked) => {
    expect(readQuestion(text)?.value).toEqual(asked);
  });

  it.each([
    "uko wapi?",
    "where are you",
    "call me when you get there",
    "nitakujulisha lini nitafika",
    "asante sana",
    "tangu lini?",
  ])("does not read %j as a question about the event", (text) => {
    expect(readQuestion(text)).toBeUndefined();
  });
});
