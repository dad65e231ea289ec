// The privacy journey: anyone can tell Nuru to stop writing to them (STOP, "sitaki ujumbe", "acha kunitumia") and to
// start again (START, "anza", "nitumie"); a person names themselves (/name, /jina); organizer-only lists are kept out
// of groups (privateOnly). Inside a conversation the words that cancel it keep doing so: STOP there ends the
// conversation, not the messages.
import { parsePersonName } from "../../../flows/onboarding.flow.js";
import { eventsOfGuest, optIn, optOut } from "../../domain/opt-outs.js";
import { normaliseCode } from "../../domain/codes.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import type { CommandHandler, Journey } from "../journey.js";
import { readOptWish } from "./words.js";

/**
 * Refuses an organizer-only answer (guests' phones, exports, links, passes, money) in a group, where every member
 * would read it, with a pointer to the private chat. A group only ever sees what every member may see.
 */
export function privateOnly(turn: Turn, command: string): void {
  if (!turn.event.isGroup) return;
  const { telegramBot, whatsappNumber } = turn.env.links ?? {};
  const url =
    turn.event.channel === "telegram" && telegramBot
      ? `https://t.me/${telegramBot}`
      : whatsappNumber && turn.event.channel !== "telegram"
        ? `https://wa.me/${whatsappNumber}`
        : "";
  throw new AppError("privacy.needs_private_chat", { command, link: url ? `: ${url}` : "" });
}

/** STOP outside a conversation: everything at once (the safe reading), with buttons to keep all but one event. */
async function stopMessages(turn: Turn, args: string): Promise<void> {
  const tx = await turn.db();
  const events = await eventsOfGuest(tx, { userId: turn.user.id, now: turn.now });
  const code = args ? normaliseCode(args.split(/\s+/)[0]!) : undefined;
  if (code) {
    const event = events.find((e) => e.code?.toUpperCase() === code);
    if (!event) return turn.say("optout.unknown_event", { code: code.slice(0, 40) });
    await optOut(tx, { userId: turn.user.id, eventId: event.id });
    return turn.say("optout.done_event", { event: event.name });
  }
  await optOut(tx, { userId: turn.user.id });
  turn.say("optout.done_all");
  if (events.length) {
    turn.send({
      text: { key: "optout.only_hint" },
      choices: events.slice(0, 3).map((e) => ({
        label: { key: "optout.only_button", params: { event: e.name } },
        value: `optout:only:${e.id}`,
      })),
    });
  }
}

/** START: messages again. False when the person had stopped nothing (the caller greets them instead). */
export async function resumeMessages(turn: Turn): Promise<boolean> {
  if (!(await optIn(await turn.db(), { userId: turn.user.id }))) return false;
  turn.say("optout.resumed");
  return true;
}

const stopCommand: CommandHandler = async (turn, args) => {
  if (turn.conversation) {
    turn.setConversation(undefined);
    return turn.say("cancel.done");
  }
  await stopMessages(turn, args);
};

const nameCommand: CommandHandler = async (turn, args) => {
  const name = parsePersonName(args.replace(/^(langu ni|my name is|ni|is)\s+/i, ""));
  if (!name) return turn.say("name.usage");
  await setOwnName(turn, name);
  turn.say("name.set", { name });
};

/** The person's own name: what every organizer sees from now on, above the name they were invited under. */
export async function setOwnName(turn: Turn, name: string): Promise<void> {
  // Held back with the batch like every name (no statement of its own: this is every newcomer's second message).
  turn.rename(name, { own: true });
}

export const privacyJourney: Journey = {
  name: "privacy",
  commands: [
    {
      en: ["stop", "unsubscribe", "optout"],
      sw: ["jiondoe"],
      for: "everyone",
      help: "help.line.stop",
      run: stopCommand,
    },
    {
      en: ["name", "myname"],
      sw: ["jina"],
      for: "everyone",
      help: "help.line.name",
      takes: (args) => parsePersonName(args.replace(/^(langu ni|my name is|ni|is)\s+/i, "")) !== undefined,
      run: nameCommand,
    },
  ],
  choices: {
    // "Only this event" after a STOP of everything: the rest may reach them again.
    async optout(turn, value) {
      const eventId = value.split(":")[2] ?? "";
      const tx = await turn.db();
      const event = (await eventsOfGuest(tx, { userId: turn.user.id, now: turn.now })).find((e) => e.id === eventId);
      if (!event) return turn.say("choice.expired");
      await optIn(tx, { userId: turn.user.id });
      await optOut(tx, { userId: turn.user.id, eventId: event.id });
      turn.say("optout.done_event", { event: event.name });
    },
  },
  // "sitaki ujumbe", "acha kunitumia", "stop sending me messages"; "anza", "nitumie tena". Asked before the other
  // journeys, so "sitaki ujumbe" is never read as a "no" to an invitation.
  async understand(turn, text) {
    const wish = readOptWish(text);
    if (wish === "out") await stopMessages(turn, "");
    else if (wish === "in") {
      if (!(await resumeMessages(turn))) turn.say("welcome.back", { name: turn.user.name });
    } else return false;
    return true;
  },
};
