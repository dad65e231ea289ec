// The core journey: first contact, greetings, help, language, stopping a conversation, and a person's own phone
// number (shared as a contact, or through the flow that opens an invitation).
import { isWhatsAppChannel } from "../../channels/channel.js";
import { claimFlow } from "../../../flows/claim.flow.js";
import { languageFlow } from "../../../flows/language.flow.js";
import { onboardingFlow } from "../../../flows/onboarding.flow.js";
import { rolesOf } from "../../domain/overview.js";
import { normalisePhone } from "../../domain/phones.js";
import { attachPhone } from "../../domain/users.js";
import { recordUse, tooManyUnknownCodes } from "../../domain/quotas.js";
import { resumeMessages, setOwnName } from "../privacy/index.js";
import { deliverWaiting } from "../../engine/tell.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { isLocale } from "../../i18n/index.js";
import type { CommandHandler, CommandTools, Journey } from "../journey.js";

/** Words people greet with, in English and Kiswahili; "menu" is what WhatsApp users try first, and gets the same. */
const greetings = new Set([
  "hi",
  "hello",
  "hey",
  "hallo",
  "helo",
  "good morning",
  "good afternoon",
  "good evening",
  "menu",
  "habari",
  "mambo",
  "salaam",
  "salam",
  "jambo",
  "hujambo",
  "shikamoo",
  "niaje",
  "vipi",
  "sasa",
  "habari yako",
  "habari za asubuhi",
  "habari za mchana",
  "habari za jioni",
  "salama",
  "asalaam aleikum",
  "assalamu alaikum",
  "menyu",
]);

export function isGreeting(text: string): boolean {
  return greetings.has(
    text
      .toLowerCase()
      .replace(/[!.,?👋🙏]+/gu, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** Someone whose name Nuru never learned has a phone number for a name: they are not greeted by it. */
const nameFor = (turn: Turn) => (/^\+?\d[\d\s]*$/.test(turn.user.name) ? "" : ` ${turn.user.name}`).trimStart();

const help: CommandHandler = async (turn, _args, tools) => {
  const roles = await rolesOf(await turn.db(), turn.user.id);
  const sections = [
    turn.render({ key: "help.header", params: { name: turn.user.name } }),
    ...tools.helpSections(turn.locale, roles),
  ];
  if (isWhatsAppChannel(turn.event.channel)) sections.push(turn.render({ key: "help.whatsapp_no_slash" }));
  turn.send({ text: { text: sections.join("\n\n") } });
};

/** A greeting back by name, and what waits for the person (from every journey), or what they can do when nothing does. */
async function greet(turn: Turn, tools: CommandTools): Promise<void> {
  const name = nameFor(turn);
  const hello = name
    ? turn.render({ key: "greeting.hello", params: { name } })
    : turn.render({ key: "greeting.hello_anonymous" });
  const steps = await tools.nextSteps(turn);
  if (steps.length) {
    turn.send({
      text: {
        text: [hello, turn.render({ key: "greeting.next" }), ...steps, "", turn.render({ key: "greeting.more" })].join(
          "\n",
        ),
      },
    });
    return;
  }
  const roles = await rolesOf(await turn.db(), turn.user.id);
  turn.send({
    text: {
      text: [
        hello + " " + turn.render({ key: "greeting.what_you_can_do" }),
        ...tools.helpSections(turn.locale, roles),
      ].join("\n\n"),
    },
  });
}

const language: CommandHandler = async (turn, args, tools) => {
  if (!args) return tools.startFlow(turn, "language");
  const wanted = args.toLowerCase();
  if (!isLocale(wanted)) return turn.say("language.invalid");
  turn.setLanguage(wanted);
  turn.say("language.set");
};

const cancel: CommandHandler = async (turn) => {
  if (!turn.conversation) return turn.say("cancel.nothing");
  turn.setConversation(undefined);
  turn.say("cancel.done");
};

/**
 * The person's own number, as the network vouches for it: a bare chat account (Telegram) is folded into the person an
 * organizer invited by that number.
 */
async function takeOwnPhone(turn: Turn, raw: string): Promise<string> {
  const phone = normalisePhone(raw, turn.env.defaultCountry);
  if (!phone) throw new AppError("phone.unreadable", { phone: raw.slice(0, 32) });
  const holder = await attachPhone(await turn.db(), { userId: turn.user.id, phone });
  turn.becomes({
    id: holder.id,
    name: holder.name,
    phone: holder.phone,
    locale: holder.locale,
    timeZone: holder.timeZone,
  });
  return phone;
}

/** What waited for the person while no channel could reach them (invitations sent before they ever wrote), here. */
async function deliverWaitingHere(turn: Turn): Promise<void> {
  turn.told.push(
    ...(await deliverWaiting(await turn.db(), {
      userId: turn.user.id,
      channel: turn.event.channel,
      chatId: turn.event.chatId,
    })),
  );
}

/**
 * A code opened from a link or typed: the journey it belongs to opens it; one nobody knows is refused politely, and
 * counted, so nobody can try codes until one opens (UNKNOWN_CODES_PER_DAY). Answered, not thrown: a refusal would
 * undo the count with the rest of the turn.
 */
async function openCode(turn: Turn, code: string, tools: CommandTools): Promise<void> {
  const tx = await turn.db();
  if (await tooManyUnknownCodes(tx, { userId: turn.user.id, now: turn.now })) return turn.say("quota.unknown_codes");
  if (await tools.open(turn, code)) return;
  await recordUse(tx, { kind: "unknown_code", userId: turn.user.id, now: turn.now });
  turn.say("link.invalid_code", { code: code.slice(0, 64) });
}

/** "/start CODE" opens the code; a bare START from someone Nuru knows greets them back. */
async function start(turn: Turn, payload: string, tools: CommandTools): Promise<void> {
  if (turn.conversation) turn.setConversation(undefined);
  // A bare START is also how someone who sent STOP asks for messages again.
  if (!payload) return (await resumeMessages(turn)) ? undefined : turn.say("welcome.back", { name: turn.user.name });
  await openCode(turn, payload, tools);
}

export const coreJourney: Journey = {
  name: "core",
  commands: [
    { en: ["help"], sw: ["msaada"], for: "everyone", help: "help.line.help", run: help },
    { en: ["language"], sw: ["lugha"], for: "everyone", help: "help.line.language", run: language },
    // "stop" belongs to the privacy journey: it cancels a conversation too, and outside one it stops messages.
    { en: ["cancel"], sw: ["sitisha", "acha"], for: "everyone", help: "help.line.cancel", run: cancel },
    // What a Telegram deep link sends; on WhatsApp and in the simulator people type it ("start HARUSI-7K2").
    {
      en: ["start", "open"],
      sw: ["fungua"],
      for: "everyone",
      help: "help.line.start",
      run: (turn, args, tools) => start(turn, args, tools),
    },
  ],
  flows: [onboardingFlow, languageFlow, claimFlow],
  actions: {
    async setUserName(turn, { name }) {
      // Typed by the person: their own name, above any name an organizer invited them under.
      await setOwnName(turn, name);
      return { name };
    },
    async setLocale(turn, { locale }) {
      turn.setLanguage(locale);
      return { locale };
    },
    async attachPhone(turn, { phone }) {
      return { phone: await takeOwnPhone(turn, phone) };
    },
    async openCode(turn, { code }, tools) {
      await openCode(turn, code, tools);
    },
    async deliverWaiting(turn) {
      await deliverWaitingHere(turn);
    },
  },
  hooks: {
    start: (turn, payload, tools) => start(turn, payload, tools),
    async welcome(turn, { nameUnknown }, tools) {
      if (nameUnknown) return tools.startFlow(turn, "onboarding");
      return help(turn, "", tools);
    },
    async contact(turn, contact, tools) {
      if (!contact.own) return turn.say("link.contact_not_own");
      const phone = await takeOwnPhone(turn, contact.phone);
      turn.say("link.phone_saved", { phone });
      await deliverWaitingHere(turn);
      const steps = await tools.nextSteps(turn);
      if (steps.length) turn.send({ text: { text: [turn.render({ key: "greeting.next" }), ...steps].join("\n") } });
    },
  },
  choices: {
    // Language buttons stay valid after their conversation ended (people tap old messages).
    async lang(turn, value, tools) {
      const wanted = value.slice("lang:".length);
      if (!isLocale(wanted)) return turn.say("choice.expired");
      return language(turn, wanted, tools);
    },
  },
  async understand(turn, text, tools) {
    if (!isGreeting(text)) return false;
    await greet(turn, tools);
    return true;
  },
};
