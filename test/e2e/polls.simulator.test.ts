// Polls end to end through the simulator: the organizer asks the guests who are coming, they vote with a tap and may
// change their vote, the organizer sees the votes and who has not voted, and closing tells the voters the result.
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone, uniquePhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;

describe("polls", () => {
  it("asks the guests who are coming, counts one changeable vote each, and closes with the result", async () => {
    const organizer = ukPhone();
    await h.say(organizer, "/newevent Harusi ya Asha | wedding | 2031-06-06 15:00 | Serena Hotel", "Asha");
    const code = /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, 1))![1]!;
    const [amina, juma, halima] = [uniquePhone(), ukPhone(), ukPhone()];
    await h.say(organizer, `/invite ${code} ${amina} Amina, ${juma} Juma, ${halima} Halima`);
    await last(organizer, 2);
    for (const guest of [amina, juma, halima]) await h.replies(guest, 1);
    await h.say(amina, "ndiyo");
    await h.say(amina, "2");
    await h.say(juma, "yes");
    await h.say(juma, "1");
    await h.say(halima, "no");
    await h.replies(amina, 3);
    await h.replies(juma, 3);
    await h.replies(halima, 2);

    // Refused with what would be accepted; nothing written.
    await h.say(organizer, `/poll ${code} Which dish? | Pilau`);
    expect(await last(organizer, 3)).toBe("A poll needs 2 to 10 options; you gave 1.");
    // The question alone: the options are asked for (a command sent next leaves that conversation).
    await h.say(organizer, `/poll ${code} Which dish?`);
    expect(await last(organizer, 4)).toBe("The options, each on its own line (2 to 10):");
    expect(await h.db.eventPoll.count({ where: { event: { code } } })).toBe(0);

    await h.say(organizer, `/poll ${code} Which dish? | Pilau | Biryani | Wali na maharage`);
    const opened = await last(organizer, 5);
    const poll = /Poll (P-[A-Z0-9]+) is open/.exec(opened)![1]!;
    expect(opened).toBe(
      `Poll ${poll} is open: "Which dish?". Guests coming who got it: 2. Votes: /results ${poll}; close it: /closepoll ${poll}`,
    );
    // Only the guests who accepted get it, each in their language, with the options as buttons.
    const asked = (await h.replies(amina, 4))[3]!;
    expect(asked.text).toBe(
      "📊 Harusi ya Asha: Which dish?\nGusa jibu lako; unaweza kulibadilisha hadi kura itakapofungwa.",
    );
    expect(asked.choices?.map((c) => c.label)).toEqual(["Pilau", "Biryani", "Wali na maharage"]);
    expect((await h.replies(juma, 4))[3]!.text).toContain("Tap your answer");
    await h.settle();
    expect(h.sent.to(halima)).toHaveLength(2);

    await h.deliver(amina, { kind: "choice", value: asked.choices![1]!.value });
    expect(await last(amina, 5)).toBe("Asante! Kura yako: Biryani. Unaweza kuibadilisha hadi kura itakapofungwa.");
    await h.deliver(amina, { kind: "choice", value: asked.choices![0]!.value });
    expect(await last(amina, 6)).toBe("Kura yako sasa ni: Pilau.");
    // A tap on an option that does not exist, from someone who is not a guest, is refused like an unknown poll.
    const stranger = ukPhone();
    await h.say(stranger, "hi", "Stranger");
    await h.deliver(stranger, { kind: "choice", value: `poll:${poll}:1` }, undefined, "Stranger");
    expect(await last(stranger, 2)).toBe(
      `I could not find a poll "${poll}" for you. Send /polls to see the open polls of your events.`,
    );

    await h.say(organizer, `/results ${poll}`);
    expect(await last(organizer, 6)).toBe(
      `📊 Which dish? (${poll})\nVotes: 1\n1. Pilau: 1\n2. Biryani: 0\n3. Wali na maharage: 0\nComing but not voted yet (1): Juma`,
    );
    // The votes as a picture too; it changes when the votes do.
    const chart = await h.reply(organizer, 7);
    expect(chart).toMatchObject({
      text: "📊 Which dish?",
      document: { mimeType: "image/png", filename: "Which-dish.png" },
    });
    await h.say(juma, "/polls");
    expect(await last(juma, 5)).toBe(
      "📊 Harusi ya Asha: Which dish?\nTap your answer; you can change it until the poll closes.",
    );
    await h.deliver(juma, { kind: "choice", value: `poll:${poll.toLowerCase()}:3` });
    expect(await last(juma, 6)).toBe(
      "Thank you! Your vote: Wali na maharage. You can change it until the poll closes.",
    );

    await h.say(organizer, `/closepoll ${poll}`);
    expect(await last(organizer, 8)).toBe(`Poll ${poll} is closed; 2 voters have been told the result.`);
    expect(await last(amina, 7)).toBe(
      'Kura "Which dish?" ya Harusi ya Asha imefungwa. Matokeo:\n1. Pilau: 1\n2. Biryani: 0\n3. Wali na maharage: 1',
    );
    await h.deliver(juma, { kind: "choice", value: `poll:${poll}:1` });
    expect(await last(juma, 8)).toBe('The poll "Which dish?" is closed, so it takes no more votes.');

    // A guest cannot close the organizer's poll, and the votes are one row per person.
    await h.say(juma, `/closepoll ${poll}`);
    expect(await last(juma, 9)).toBe(
      `I could not find a poll "${poll}" for you. Send /polls to see the open polls of your events.`,
    );
    expect(await h.db.pollVote.count({ where: { poll: { code: poll } } })).toBe(2);
  });
});
