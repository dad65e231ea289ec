// The RSVP readers (src/language/answer.ts, party.ts, rsvp.ts) on the cases that matter most: negation and its traps,
// Swahili verb forms never listed anywhere, questions that are not answers, how a party is counted, and speed.
import { describe, expect, it } from "vitest";
import { readAnswer } from "../../src/language/answer.js";
import { readPartySize } from "../../src/language/party.js";
import { sure } from "../../src/language/reading.js";
import { readRsvp } from "../../src/language/rsvp.js";

describe("readAnswer", () => {
  it.each([
    ["siwezi kukosa!", "accepted"],
    ["sitakosa", "accepted"],
    ["hatutakosa", "accepted"],
    ["hakuna shida, nitakuja", "accepted"],
    ["no problem i'll be there", "accepted"],
    ["wouldn't miss it for the world", "accepted"],
    ["can't wait 🎉", "accepted"],
    ["no doubt", "accepted"],
  ] as const)("reads the trap %j as %s", (text, answer) => {
    expect(readAnswer(text)?.value).toBe(answer);
  });

  it.each([
    ["hapana, samahani nitakuwa safarini", "declined"],
    ["Tunashukuru kwa mwaliko lakini hatutaweza", "declined"],
    ["sorry can't make it", "declined"],
    ["thanks so much, but unfortunately we won't be able to attend", "declined"],
    ["ndiyo nimepata, lakini sitaweza", "declined"],
    ["I'd love to but I can't", "declined"],
    ["sijui kama nitaweza lakini nitajaribu", "maybe"],
  ] as const)("lets what follows 'lakini / but' decide: %j is %s", (text, answer) => {
    expect(readAnswer(text)?.value).toBe(answer);
  });

  it.each([
    // subject + tense + root, positive and negative, none of them a listed word
    ["nitafika", "accepted"],
    ["tutahudhuria", "accepted"],
    ["ninakuja", "accepted"],
    ["tunakuja", "accepted"],
    ["tutashiriki", "accepted"],
    ["hatutafika", "declined"],
    ["sitahudhuria", "declined"],
    ["hatuji", "declined"],
    ["sifiki", "declined"],
    ["sitoweza", "declined"],
    ["tutashindwa", "declined"],
    ["nikiweza", "maybe"],
    ["tukipata nafasi tutakuja", "maybe"],
    ["tutajitahidi", "maybe"],
    ["ctakuja", "declined"],
    ["2tafika", "accepted"],
  ] as const)("reads the verb form %j as %s", (text, answer) => {
    expect(readAnswer(text)?.value).toBe(answer);
  });

  it.each([
    "utakuja?",
    "nani atakuja?",
    "mtakuja saa ngapi",
    "Harusi ni lini na wapi?",
    "who is coming?",
    "are you coming",
    "asante",
    "habari za asubuhi",
    "2",
    "",
    "nataka keki",
  ])("does not read %j as an answer", (text) => {
    expect(readAnswer(text)).toBeUndefined();
  });

  it("is sure of clear words and unsure of polite or soft ones", () => {
    expect(readAnswer("ndiyooo")).toEqual({ value: "accepted", confidence: 1 });
    expect(readAnswer("hapna")).toEqual({ value: "declined", confidence: 1 });
    // God willing alone: a polite yes the journey confirms once; with a yes verb it is simply a yes.
    expect(readAnswer("inshallah")!.confidence).toBeLessThan(sure);
    expect(readAnswer("inshallah nitakuja")).toEqual({ value: "accepted", confidence: 1 });
    expect(readAnswer("samahani")).toMatchObject({ value: "declined" });
    expect(readAnswer("samahani")!.confidence).toBeLessThan(sure);
    // Strong cues that disagree: asked about.
    expect(readAnswer("hapana nitakuja")!.confidence).toBeLessThan(sure);
  });

  it("reads the answering emoji", () => {
    expect(readAnswer("👍")?.value).toBe("accepted");
    expect(readAnswer("❌")?.value).toBe("declined");
    expect(readAnswer("🤔")?.value).toBe("maybe");
    expect(readAnswer("🙏")).toBeUndefined();
  });
});

describe("readPartySize", () => {
  it.each([
    ["mimi na mke wangu", 2],
    ["me and my wife", 2],
    ["na watoto wawili", 3],
    ["mimi, mke wangu na watoto watatu", 5],
    ["pamoja na wazazi wangu", 3],
    ["+1", 2],
    ["me +2", 3],
    ["family of five", 5],
    ["kumi na wawili", 12],
    ["peke yangu", 1],
    ["just me", 1],
    ["tuko wanne: mimi, mke na watoto wawili", 4],
    ["2 adults and 2 kids", 4],
    ["watoto wangu wawili na mimi", 3],
  ] as const)("counts %j as %d people in all", (text, n) => {
    expect(readPartySize(text)?.value).toBe(n);
  });

  it.each([
    "saa tatu",
    "tarehe 20",
    "elfu hamsini",
    "50,000",
    "two hundred",
    "nitakuja na watoto",
    "mimi na familia yangu",
    "-1",
    "3.5",
    "siku mbili",
  ])("does not count %j", (text) => {
    expect(readPartySize(text)).toBeUndefined();
  });

  it("leaves the 1..20 range to the journey", () => {
    expect(readPartySize("50")?.value).toBe(50);
    expect(readPartySize("0")?.value).toBe(0);
  });

  it("does not count a companion the guest says is not coming", () => {
    expect(readPartySize("nitakuja bila mke wangu")?.value).toBeUndefined();
    expect(readPartySize("mimi na rafiki, bila mke")?.value).toBe(2);
  });
});

describe("readRsvp", () => {
  it("reads the answer and the party from one sentence", () => {
    expect(readRsvp("ndiyo tutakuja watatu")?.value).toEqual({ answer: "accepted", party: 3 });
    expect(readRsvp("nitakuja na mke wangu")?.value).toEqual({ answer: "accepted", party: 2 });
    expect(readRsvp("yes 2")?.value).toEqual({ answer: "accepted", party: 2 });
    expect(readRsvp("ndiyo")?.value).toEqual({ answer: "accepted" });
    expect(readRsvp("hapana, samahani nitakuwa safarini")?.value).toEqual({ answer: "declined" });
  });

  it("takes a party alone as a yes, but not a lone number or a number in another sentence", () => {
    expect(readRsvp("watatu")).toMatchObject({ value: { answer: "accepted", party: 3 } });
    expect(isSureReading(readRsvp("watatu"))).toBe(true);
    expect(readRsvp("2")).toBeUndefined();
    expect(readRsvp("nataka keki 2")).toBeUndefined();
    expect(readRsvp("mtakuja wangapi?")).toBeUndefined();
  });

  it("keeps a party only with a yes", () => {
    expect(readRsvp("labda tutakuja wawili")?.value).toEqual({ answer: "maybe" });
  });

  it("reads a message in well under a millisecond", () => {
    const lines = [
      "ndiyo tutakuja watatu",
      "Tunashukuru kwa mwaliko lakini hatutaweza",
      "mimi, mke wangu na watoto watatu",
      "habari yako",
      "changia elfu hamsini",
    ];
    for (let i = 0; i < 200; i++) for (const l of lines) readRsvp(l);
    const start = performance.now();
    const n = 5000;
    for (let i = 0; i < n; i++) readRsvp(lines[i % lines.length]!);
    // ~0.02-0.09 ms on the build machines; the bound leaves room for a busy machine, not for a slower grammar.
    expect((performance.now() - start) / n).toBeLessThan(0.5);
  });
});

const isSureReading = (r: { confidence: number } | undefined) => r !== undefined && r.confidence >= sure;
