// QR check-in at the door through the simulator: a guest who accepted gets an entry pass (a QR PNG of a deep link with
// its code printed under it); the organizer appoints an usher, who is told; the usher's scan checks the guest in with
// name and party size; a second scan says when and by whom; anyone else learns only that it is a pass; a forged
// token is refused; /checkins counts arrivals against the guests coming.
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone } from "../support/services.js";

const h = await startHarness({
  channels: {
    running: ["simulator"],
    firstContact: ["simulator"],
    links: { whatsappNumber: "255700000001", telegramBot: "NuruBot" },
  },
});
const text = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("check-in at the door", () => {
  it("gives a guest a pass, checks them in once by an usher's scan, and refuses everyone and everything else", async () => {
    const [organizer, guest, usher, stranger] = [ukPhone(), ukPhone(), ukPhone(), ukPhone()];
    await h.say(organizer, "/newevent Harusi ya Neema | wedding | 2031-02-15 14:00 | Diamond Jubilee", "Neema");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await text(organizer, 1))![1]!;
    await h.say(guest, "/pass", "Amina");
    expect(await text(guest, 1)).toContain("Only guests who said they are coming get an entry pass");
    await h.say(organizer, `/invite ${code} ${guest} Amina`);
    await h.replies(guest, 2);
    await h.deliver(guest, { kind: "choice", value: h.sent.to(guest)[1]!.choices![0]!.value });
    await h.say(guest, "3");
    await h.replies(guest, 4);

    await h.say(guest, "/pass");
    const pass = await h.reply(guest, 5);
    const token = /start (IN-[A-Z0-9]{16})/.exec(pass.text)![1]!;
    expect(pass.text).toContain("🎟 Entry pass: Amina, 3 people, for Harusi ya Neema (Sat 15 Feb 2031, 14:00).");
    expect(pass.text).toContain(`On Telegram: https://t.me/NuruBot?start=${token}`);
    expect(pass.text).toContain(`On WhatsApp: https://wa.me/255700000001?text=start%20${token}`);
    expect(pass.document).toMatchObject({ mimeType: "image/png", filename: `pass-${code}.png` });
    const png = Buffer.from(pass.document!.base64, "base64");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // The picture is the QR code of the WhatsApp link with the check-in text filled in (the same encoder, the same bytes).
    const expected = await QRCode.toBuffer(`https://wa.me/255700000001?text=start%20${token}`, {
      type: "png",
      width: 480,
      margin: 2,
      errorCorrectionLevel: "M",
    });
    expect(png.equals(expected)).toBe(true);
    // The same pass every time: one token per invitation.
    await h.say(guest, `/pass ${code}`);
    expect(await text(guest, 6)).toContain(`start ${token}`);

    // The organizer appoints an usher, who is told how it works.
    await h.say(organizer, `/usher ${code} ${usher} Juma`);
    expect(await text(organizer, 3)).toBe(`Juma (${usher}) now checks guests in at Harusi ya Neema.`);
    expect(await text(usher, 1)).toContain("Neema asked you to check guests in at Harusi ya Neema.");
    await h.say(organizer, `/usher ${code} ${usher}`);
    expect(await text(organizer, 4)).toBe(`Juma (${usher}) already checks guests in at Harusi ya Neema.`);

    // Before the door opens: nobody arrived.
    await h.say(organizer, `/checkins ${code}`);
    expect(await text(organizer, 5)).toBe("Harusi ya Neema: arrived 0 of 1 guests coming (0 of 3 people).");

    // The usher scans: the pass's link opens the bot with "start <token>".
    await h.deliver(usher, { kind: "start", payload: token }, undefined, "Juma");
    expect(await text(usher, 2)).toBe("✅ Amina checked in for Harusi ya Neema: 3 people.");
    await h.say(usher, token.toLowerCase()); // the code typed from under the QR, in any case
    expect(await text(usher, 3)).toMatch(/^⚠️ Amina was already checked in for Harusi ya Neema, .+, by Juma\.$/);
    // The guest scanning their own pass, and a stranger, only learn what it is; a forged token is refused.
    await h.deliver(guest, { kind: "start", payload: token });
    expect(await text(guest, 7)).toBe("This is an entry pass for Harusi ya Neema: the ushers at the door check it in.");
    await h.deliver(stranger, { kind: "start", payload: token }, undefined, "Stranger");
    expect((await h.replies(stranger, 1)).map((m) => m.text).join("\n")).toContain(
      "This is an entry pass for Harusi ya Neema",
    );
    await h.deliver(usher, { kind: "start", payload: "IN-AAAAAAAAAAAAAAAA" });
    expect(await text(usher, 4)).toBe(
      "This entry pass is not valid: no invitation has it. Ask the guest for their name and check the list (/guests).",
    );

    // Arrivals, for the organizer and the usher alike; a stranger cannot look.
    await h.say(usher, `/checkins ${code}`);
    expect(await text(usher, 5)).toBe("Harusi ya Neema: arrived 1 of 1 guests coming (3 of 3 people).");
    await h.say(stranger, `/checkins ${code}`);
    expect((await h.replies(stranger, 2)).at(-1)!.text).toContain(`I could not find an event "${code}" of yours.`);
    const invitation = await h.db.invitation.findFirstOrThrow({ where: { passToken: token } });
    expect(invitation.checkedInAt).not.toBeNull();
  });
});
