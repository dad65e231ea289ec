// What stays private: organizer-only answers (guest lists with phones, links, exports, passes, money) are refused in
// a group with a pointer to the private chat; the event-wide link carries a secret token, the guessable event code
// opens nothing for a stranger, who is told nothing of the event before the organizer lets them in, and guessing
// is rate-limited; the name an organizer gives stays on that invitation, and a person's own name wins.
import type { InboundEvent } from "../../src/channels/channel.js";
import { describe, expect, it } from "vitest";
import { startHarness } from "../support/engine-harness.js";
import { ukPhone } from "../support/services.js";

const h = await startHarness();
const last = async (phone: string, n: number) => (await h.reply(phone, n)).text;
let n = 0;

/** A message in a group chat, from this member. */
async function inGroup(group: string, phone: string, text: string): Promise<void> {
  const event: InboundEvent = {
    channel: "simulator",
    externalId: `g${Date.now().toString(36)}-${++n}`,
    chatId: group,
    isGroup: true,
    sender: { externalId: phone, phone },
    content: { kind: "text", text },
    sentAt: new Date(),
  };
  await h.engine.sink(event);
}

async function newEvent(organizer: string, name: string): Promise<string> {
  const before = h.sent.to(organizer).length;
  await h.say(organizer, `/newevent ${name} | wedding | 2031-10-10 14:00 | Serena Hotel`, "Neema");
  return /Its code is ([A-Z0-9-]+)\./.exec(await last(organizer, before + 1))![1]!;
}

describe("private stays private", () => {
  it("refuses organizer-only lists in a group, pointing at the private chat", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Neema");
    await h.say(organizer, `/invite ${code} ${ukPhone()} Amina`);
    await last(organizer, 2);
    const group = `group-${organizer}`;
    const refusal =
      "This holds private details (phone numbers, links, passes, money), so I do not show it in a group. Send /{c} to me in a private chat.";
    const commands = [
      [`/guests ${code}`, "guests"],
      [`/link ${code}`, "link"],
      [`/export ${code} guests`, "export"],
      [`/contributions ${code}`, "contributions"],
      [`/budget ${code}`, "budget"],
      ["/pass", "pass"],
    ] as const;
    for (const [command] of commands) {
      await inGroup(group, organizer, command);
      await h.settle();
    }
    // What the group was sent, from the outbox (the simulator shows one person's chats).
    const written = (await h.db.outboundMessage.findMany({ where: { chatId: group }, orderBy: { id: "asc" } })).map(
      (m) => m.body,
    );
    expect(written).toEqual(commands.map(([, c]) => refusal.replace("{c}", c)));
    expect(written.join("\n")).not.toContain("+44");
  });
});

describe("unguessable shares", () => {
  it("opens a join request only through the link's token, tells the stranger nothing of the event, and limits guessing", async () => {
    const organizer = ukPhone();
    const code = await newEvent(organizer, "Harusi ya Siri");
    await h.say(organizer, `/link ${code}`);
    const linkText = await last(organizer, 2);
    const token = event_token(linkText, code);
    expect(token).toMatch(/^[A-Z2-9]{13}$/);

    const stranger = ukPhone();
    await h.say(stranger, `start ${code}`, "Mgeni");
    const guessed = await last(stranger, 1);
    expect(guessed).toContain(`I could not find an invitation with the code "${code}"`);
    expect(guessed).not.toContain("Harusi ya Siri");

    await h.say(stranger, `start ${token}`);
    const asked = await last(stranger, 2);
    expect(asked).toBe(
      "Thank you Mgeni. I asked the organizer to let you in; you will get the invitation here when they do.",
    );
    expect(await last(organizer, 3)).toContain(stranger);

    const guesser = ukPhone();
    for (let i = 1; i <= 10; i++) await h.say(guesser, `start HARUSI-${"ABCDEFGHJK"[i - 1]}${i}Z`, "Guesser");
    await h.replies(guesser, 10);
    await h.say(guesser, `start ${token}`);
    expect(await last(guesser, 11)).toBe(
      "Too many codes that open nothing today. Check the code in your invitation and try again tomorrow.",
    );
  });
});

describe("names", () => {
  it("keeps each organizer's name on their invitation, and a person's own name wins for everyone", async () => {
    const [first, second, guest] = [ukPhone(), ukPhone(), ukPhone()];
    const a = await newEvent(first, "Harusi ya Kwanza");
    const b = await newEvent(second, "Harusi ya Pili");
    await h.say(first, `/invite ${a} ${guest} Mama Mdogo`);
    await last(first, 2);
    await h.say(second, `/invite ${b} ${guest}`);
    await last(second, 2);
    await h.say(second, `/guests ${b}`);
    const list = await last(second, 3);
    expect(list).not.toContain("Mama Mdogo");
    expect(list).toContain(guest);

    await h.say(guest, "/name Asha Juma");
    expect(await last(guest, 3)).toBe("From now on every organizer sees you as Asha Juma.");
    await h.say(first, `/guests ${a}`);
    expect(await last(first, 3)).toContain("Asha Juma");
    await h.say(second, `/guests ${b}`);
    expect(await last(second, 5)).toContain("Asha Juma");
  });
});

/** The token in the event-wide line of /link (the simulator's "send: start TOKEN"). */
function event_token(text: string, code: string): string {
  const tokens = [...text.matchAll(/start ([A-Z0-9-]+)/g)].map((m) => m[1]!).filter((t) => t !== code);
  return tokens.at(-1)!;
}
