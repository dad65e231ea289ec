import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/channel.js";
import { cutTo, inboundLimits, storableName, toStorableEvent } from "../../src/channels/storable.js";

const event = (over: Partial<InboundEvent> = {}): InboundEvent => ({
  channel: "telegram",
  externalId: "1",
  chatId: "42",
  sender: { externalId: "42", name: "Amina" },
  content: { kind: "text", text: "hello" },
  sentAt: new Date("2026-12-01T10:00:00Z"),
  ...over,
});

describe("toStorableEvent", () => {
  it("leaves an ordinary message as it is and notes nothing", () => {
    const { event: out, notes } = toStorableEvent(
      event({ content: { kind: "text", text: "Habari 😀\nza asubuhi\tsana" } }),
    );
    expect(out).toEqual(event({ content: { kind: "text", text: "Habari 😀\nza asubuhi\tsana" } }));
    expect(notes).toEqual([]);
  });

  it("removes NUL and other control characters from text, names, captions and contacts, and says so", () => {
    const { event: out, notes } = toStorableEvent(
      event({
        sender: { externalId: "42", name: "Ami\u0000na\u0007" },
        content: { kind: "media", mediaType: "photo", ref: "file\u0000id", caption: "look\u0000 at this" },
      }),
    );
    expect(out.sender.name).toBe("Amina");
    expect(out.content).toEqual({ kind: "media", mediaType: "photo", ref: "fileid", caption: "look at this" });
    expect(notes.join("; ")).toMatch(/sender\.name: removed 2 control/);
    expect(notes.join("; ")).toMatch(/content\.caption: removed 1 control/);

    const contact = toStorableEvent(
      event({ content: { kind: "contact", phone: "+255\u0000712345678", own: false, name: "Ba\u0000ba" } }),
    ).event;
    expect(contact.content).toEqual({ kind: "contact", phone: "+255712345678", own: false, name: "Baba" });
    expect(JSON.stringify(contact)).not.toContain("\\u0000");
  });

  it("replaces lone surrogates (high or low) with U+FFFD and keeps real pairs", () => {
    const { event: out, notes } = toStorableEvent(event({ content: { kind: "text", text: "a\uD800b\uDC00c😀" } }));
    expect(out.content).toEqual({ kind: "text", text: "a\uFFFDb\uFFFDc😀" });
    expect(notes).toEqual(["content.text: replaced lone surrogate(s) with U+FFFD"]);
  });

  it("refuses a text longer than any message Nuru acts on, instead of cutting it", () => {
    const long = "x".repeat(inboundLimits.text + 1);
    const { event: out, notes } = toStorableEvent(event({ content: { kind: "text", text: long } }));
    expect(out.content).toEqual({ kind: "refused", reason: "too_long", length: inboundLimits.text + 1 });
    expect(notes[0]).toMatch(/refused/);
    // exactly at the limit is taken
    expect(
      toStorableEvent(event({ content: { kind: "text", text: "x".repeat(inboundLimits.text) } })).event.content.kind,
    ).toBe("text");
  });

  it("cuts names and captions, and replaces over-long ids by a digest that keeps them apart", () => {
    const { event: out } = toStorableEvent(
      event({
        externalId: "u".repeat(1000),
        sender: { externalId: "42", name: "N".repeat(500) },
        content: { kind: "media", mediaType: "document", ref: "r", caption: "c".repeat(10_000) },
      }),
    );
    expect(out.sender.name).toHaveLength(inboundLimits.name);
    expect((out.content as { caption: string }).caption).toHaveLength(inboundLimits.caption);
    expect(out.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(toStorableEvent(event({ externalId: "u".repeat(999) + "v" })).event.externalId).not.toBe(out.externalId);
  });

  it("caps choice values, start payloads and poll votes", () => {
    expect(toStorableEvent(event({ content: { kind: "choice", value: "v".repeat(1000) } })).event.content).toEqual({
      kind: "choice",
      value: "v".repeat(inboundLimits.choice),
    });
    const vote = toStorableEvent(
      event({
        content: { kind: "poll_vote", pollRef: "p", values: Array.from({ length: 100 }, (_, i) => `o\u0000${i}`) },
      }),
    ).event.content;
    expect(vote).toMatchObject({ kind: "poll_vote", pollRef: "p" });
    expect((vote as { values: string[] }).values).toHaveLength(inboundLimits.pollValues);
    expect((vote as { values: string[] }).values[0]).toBe("o0");
  });

  it("keeps only the fields of the contract and revives an invalid date as now", () => {
    const raw = { ...event(), extra: "x".repeat(100), sentAt: new Date(Number.NaN) } as InboundEvent;
    const { event: out } = toStorableEvent(raw);
    expect(out).not.toHaveProperty("extra");
    expect(Number.isNaN(out.sentAt.getTime())).toBe(false);
  });
});

describe("storableName and cutTo", () => {
  it("makes a name one line and never cuts a surrogate pair in half", () => {
    expect(storableName("  Neema\n\u2028Mushi  ")).toBe("Neema Mushi");
    expect(cutTo("ab😀", 3)).toBe("ab");
    expect(cutTo("ab😀", 4)).toBe("ab😀");
  });
});
