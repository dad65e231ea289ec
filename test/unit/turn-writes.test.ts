// The writes a batch holds back until its commit (src/engine/turn-writes.ts): what the commit statement receives,
// and how a failed turn's part is dropped.
import { describe, expect, it } from "vitest";
import { TurnWrites } from "../../src/engine/turn-writes.js";

const newcomer = { name: "+255700000001", phone: "+255700000001", locale: "sw", timeZone: "Africa/Dar_es_Salaam" };

describe("held-back writes", () => {
  it("folds changes to a person created in the batch into their insert, and merges changes to others per person", () => {
    const writes = new TurnWrites();
    const created = writes.createPerson(newcomer, "simulator", "+255700000001");
    const at = new Date("2027-01-01T10:00:00Z");
    writes.setName(created.id, "Neema Mushi", at);
    writes.setName("known-1", "Baraka");
    writes.setLocale("known-1", "en");
    writes.linkIdentity({ id: "known-2", name: "Juma", phone: "+255700000002", locale: null }, "telegram", "42");
    const held = writes.held();
    expect(held.users).toEqual({
      id: [created.id],
      name: ["Neema Mushi"],
      phone: ["+255700000001"],
      locale: ["sw"],
      timeZone: ["Africa/Dar_es_Salaam"],
      // A name the person gave themselves carries when (users.named_at), in the same statement.
      namedAt: [at],
    });
    expect(held.changes).toEqual({ id: ["known-1"], name: ["Baraka"], locale: ["en"], namedAt: [null] });
    expect(held.identities).toEqual({
      userId: [created.id, "known-2"],
      channel: ["simulator", "telegram"],
      externalId: ["+255700000001", "42"],
    });
  });

  it("finds a person the batch created or linked by their network id, and a new person by phone", () => {
    const writes = new TurnWrites();
    const created = writes.createPerson(newcomer, "simulator", "a");
    writes.linkIdentity({ id: "known", name: "Juma", phone: null, locale: null }, "telegram", "b");
    expect(writes.resolvedFor("simulator", "a")?.id).toBe(created.id);
    expect(writes.resolvedFor("telegram", "b")?.id).toBe("known");
    expect(writes.resolvedFor("telegram", "a")).toBeUndefined();
    expect(writes.createdWithPhone("+255700000001")?.id).toBe(created.id);
  });

  it("drops everything a failed turn held back when restored to the mark taken before it", () => {
    const writes = new TurnWrites();
    const first = writes.createPerson(newcomer, "simulator", "a");
    const mark = writes.snapshot();
    // The failed turn renames the first turn's person, creates another and changes someone else.
    writes.setName(first.id, "Half Renamed");
    writes.createPerson({ ...newcomer, phone: "+255700000009" }, "simulator", "z");
    writes.setLocale("known", "en");
    writes.restore(mark);
    const held = writes.held();
    expect(held.users.name).toEqual(["+255700000001"]);
    expect(held.users.id).toEqual([first.id]);
    expect(held.changes.id).toEqual([]);
    expect(held.identities.externalId).toEqual(["a"]);
    expect(writes.resolvedFor("simulator", "z")).toBeUndefined();
    expect(writes.createdWithPhone("+255700000009")).toBeUndefined();
    // Later turns still find the first person, as they were before the failed turn, and can change them.
    expect(writes.resolvedFor("simulator", "a")?.name).toBe("+255700000001");
    writes.setName(first.id, "Neema");
    expect(writes.held().users.name).toEqual(["Neema"]);
    expect(writes.resolvedFor("simulator", "a")?.name).toBe("Neema");
  });
});
