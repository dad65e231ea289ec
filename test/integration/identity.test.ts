// Who a sender is, when the same person reaches Nuru through several ids, and what folding accounts must not destroy.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimInvitation } from "../../src/domain/invitations.js";
import { attachPhone, resolveSender } from "../../src/domain/users.js";
import { AppError } from "../../src/errors.js";
import { testDb, uniquePhone } from "../support/services.js";

const db = testDb();
const resolve = (sender: Parameters<typeof resolveSender>[1]["sender"]) =>
  db.$transaction((tx) =>
    resolveSender(tx, { channel: "whatsapp", sender, defaultCountry: "TZ", defaultLocale: "en" }),
  );

describe("identity", () => {
  it("folds an account met by its WhatsApp @lid into the person once the @c.us id with the phone arrives", async () => {
    const phone = uniquePhone();
    const lid = `${randomUUID().slice(0, 12).replace(/-/g, "")}@lid`;
    const cus = `${phone.slice(1)}@c.us`;
    const bare = await resolve({ externalId: lid, name: "Asha" }); // WhatsApp hid the number at first
    const person = await resolve({ externalId: cus, phone, name: "Asha" }); // a separate account for the phone
    expect(person.user.id).not.toBe(bare.user.id);
    // Then a message carries both ids: one person from now on, whichever row comes first.
    const both = await resolve({ externalId: lid, phone, aliases: [cus], name: "Asha" });
    expect(both.user.id).toBe(person.user.id);
    const identities = await db.channelIdentity.findMany({ where: { externalId: { in: [lid, cus] } } });
    expect(identities.map((i) => i.userId)).toEqual([person.user.id, person.user.id]);
    expect(await db.user.findUnique({ where: { id: bare.user.id } })).toBeNull();
  });

  it("never deletes a provider's account (and with it their services) when folding it into a phone's holder", async () => {
    const holder = await db.user.create({ data: { name: "Daudi", phone: uniquePhone() } });
    const provider = await db.user.create({ data: { name: "Mrema Studios" } });
    const service = await db.service.create({
      data: { userId: provider.id, name: "Mrema Studios", category: "Photography" },
    });
    const result = await db.$transaction((tx) => attachPhone(tx, { userId: provider.id, phone: holder.phone! }));
    expect(result.id).toBe(holder.id);
    expect(await db.service.findUnique({ where: { id: service.id } })).not.toBeNull();
    expect(await db.user.findUnique({ where: { id: provider.id } })).not.toBeNull();
  });

  it("lets an invitation without a number open for the first person with the code only", async () => {
    const organizer = await db.user.create({ data: { name: "Mratibu", phone: uniquePhone() } });
    const event = await db.event.create({
      data: { organizerId: organizer.id, name: "Kongamano", code: `K-${randomUUID().slice(0, 8)}` },
    });
    const code = `MAIL-${randomUUID().slice(0, 8)}`;
    await db.invitation.create({ data: { eventId: event.id, recipientEmail: "guest@example.com", code } });
    const first = await db.user.create({ data: { name: "Wa kwanza", phone: uniquePhone() } });
    const second = await db.user.create({ data: { name: "Wa pili", phone: uniquePhone() } });
    await db.$transaction((tx) => claimInvitation(tx, { userId: first.id, code }));
    await expect(db.$transaction((tx) => claimInvitation(tx, { userId: second.id, code }))).rejects.toMatchObject(
      new AppError("invitation.already_claimed"),
    );
    expect(await db.eventGuest.count({ where: { eventId: event.id } })).toBe(1);
  });
});
