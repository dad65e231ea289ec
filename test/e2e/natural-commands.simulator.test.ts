// People who do not type commands, end to end through the simulator: an invite and a pledge typed without the slash,
// a question about the event in words, a poll choice typed instead of tapped (by its words and by its number), and
// words that are no command answered with the closest commands in the person's language.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();

/** Each chat's replies read so far, so a test says "the next reply" instead of counting. */
const seen = new Map<string, number>();
async function next(phone: string): Promise<string> {
  const n = (seen.get(phone) ?? 0) + 1;
  seen.set(phone, n);
  return (await h.reply(phone, n)).text ?? "";
}
async function answer(phone: string, text: string, name?: string): Promise<string> {
  await h.say(phone, text, name);
  return next(phone);
}

describe("natural commands and words", () => {
  it("takes commands without the slash, answers questions in words, votes by typed choice, and suggests commands", async () => {
    const organizer = ukPhone();
    const created = await answer(
      organizer,
      "/newevent Harusi ya Asha | wedding | 2031-06-06 15:00 | Serena Hotel",
      "Asha",
    );
    const code = /Its code is ([A-Z0-9-]+)\./.exec(created)![1]!;
    const [amina, juma] = [uniquePhone(), ukPhone()];

    // An invite typed as Nuru's own examples show it, without the slash.
    await answer(organizer, `alika ${code} ${amina} Amina, ${juma} Juma`);
    expect(await h.db.invitation.count({ where: { event: { code } } })).toBe(2);
    await next(amina);
    await next(juma);
    await answer(amina, "ndiyo");
    await answer(amina, "2");
    await answer(juma, "yes");
    await answer(juma, "1");

    // A question in words gets the event's details.
    const info = await answer(amina, "Harusi ni lini na wapi?");
    expect(info).toContain("Harusi ya Asha");
    expect(info).toContain("Serena Hotel");
    expect(info).toMatch(/2031|Juni|Jumamosi|Ijumaa/);

    // A poll choice typed: by its words in any case, and by its number.
    await answer(organizer, `/poll ${code} Chakula gani? | Pilau | Biryani | Wali na maharage`);
    await next(amina);
    await next(juma);
    expect(await answer(amina, "Pilau")).toBe(
      "Asante! Kura yako: Pilau. Unaweza kuibadilisha hadi kura itakapofungwa.",
    );
    expect(await answer(juma, "2")).toBe("Thank you! Your vote: Biryani. You can change it until the poll closes.");
    expect(await answer(amina, "nachagua wali na maharage")).toBe("Kura yako sasa ni: Wali na maharage.");
    const votes = await h.db.pollVote.findMany({
      where: { poll: { event: { code } } },
      select: { option: { select: { optionText: true } } },
    });
    expect(votes.map((v) => v.option?.optionText).sort()).toEqual(["Biryani", "Wali na maharage"]);

    // A pledge typed without the slash, its amount in Swahili words.
    expect(await answer(amina, "changia elfu hamsini")).toMatch(
      /^Asante kwa ahadi yako ya TZS 50,000 kwa Harusi ya Asha!/,
    );
    const pledge = await h.db.guestContribution.findFirst({
      where: { event: { code }, kind: "pledge" },
      select: { amount: true },
    });
    expect(Number(pledge?.amount)).toBe(50000);

    // Words that are no command: the closest commands, in the person's language, and the way to help.
    const unknown = await answer(amina, "nataka kuunda tukio");
    expect(unknown).toContain('Samahani, sijaelewa "nataka kuunda tukio"');
    expect(unknown).toContain("/tukiompya");
    expect(unknown).toContain("/msaada");
    // An ordinary sentence that starts with a command word stays conversation.
    expect(await answer(juma, "help me please")).not.toContain("Here is what you can do");
  });

  it("answers words it cannot place with what waits for the person, not a bare sijaelewa", async () => {
    const organizer = ukPhone();
    const created = await answer(
      organizer,
      "/newevent Send-off ya Rehema | sendoff | 2031-07-04 16:00 | Mlimani City",
      "Rehema",
    );
    const code = /Its code is ([A-Z0-9-]+)\./.exec(created)![1]!;
    const guest = uniquePhone();
    await answer(organizer, `/invite ${code} ${guest} Bahati`);
    await next(guest);
    const reply = await answer(guest, "mvua inanyesha sana huku");
    expect(reply).toContain('Sijaelewa vizuri "mvua inanyesha sana huku". Hiki kinakusubiri:');
    expect(reply).toContain("Mwaliko wa Send-off ya Rehema");
    expect(reply).toContain("/msaada");
    // Words that point at a command get both: the command, and what waits.
    const both = await answer(guest, "nimepata picha zako jana");
    expect(both).toContain("Labda unatafuta:\n/changia");
    expect(both).toContain("Kinachokusubiri:\n• Mwaliko wa Send-off ya Rehema");
  });
});
