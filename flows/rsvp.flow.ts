// Answering an invitation: Yes / No / Maybe (a button, its number, or a sentence in English or Kiswahili read by
// src/language/rsvp.ts), and on yes how many people come in total. A sentence that carries both ("ndiyo tutakuja
// watatu") is recorded and confirmed in one answer; what is missing or unsure is asked with buttons. Started with the
// invitations it is about (from a command, an invitation being opened, a tap on an old invitation's button, or words
// typed outside any conversation) and, when known, the answer and the party.
import type { Answer } from "../src/language/answer.js";
import { readPartySize } from "../src/language/party.js";
import { sure } from "../src/language/reading.js";
import { readRsvp } from "../src/language/rsvp.js";
import { act, reply, say, text, type Effect, type Flow, type FlowInput, type Step } from "./types.js";

export type { Answer };

/** What the flow shows of an invitation: the engine renders times and places in the reader's language beforehand. */
export interface InvitationCard {
  code: string;
  event: string;
  host: string;
  when: string;
  where: string;
}

export type RsvpState =
  | { step: "which"; cards: InvitationCard[]; answer?: Answer; party?: number }
  | { step: "answer"; card: InvitationCard; party?: number }
  | { step: "party"; card: InvitationCard };

export interface RsvpArgs {
  cards: InvitationCard[];
  answer?: Answer;
  /** the whole party, when the guest already said it ("ndiyo tutakuja watatu") */
  party?: number;
  /** the words were read with low confidence: ask once with buttons before recording */
  unsure?: boolean;
}

/** Most people a guest may answer for; beyond it the organizer is the one to talk to. */
export const maxParty = 20;

declare module "./types.js" {
  interface ActionTypes {
    /** records the guest's answer; the result is what the confirmation shows */
    recordRsvp: {
      input: { code: string; answer: Answer; partySize: number };
      result: { event: string; when: string; where: string; party: string; name: string; code: string };
    };
  }
}

/** The answer a choice value carries: "rsvp:CODE:yes", and on the "how many?" buttons the party: "rsvp:CODE:yes:3". */
export function choiceValue(code: string, answer?: "yes" | "no" | "maybe", party?: number): string {
  return answer ? `rsvp:${code}:${answer}${party ? `:${party}` : ""}` : `rsvp:${code}`;
}

const fromChoiceWord: Record<string, Answer> = { yes: "accepted", no: "declined", maybe: "maybe" };

/** "rsvp:CODE:yes" -> { code, answer }; "rsvp:CODE:yes:3" -> { code, answer, party }; "rsvp:CODE" -> { code }. */
export function readChoice(value: string): { code: string; answer?: Answer; party?: number } | undefined {
  const m = /^rsvp:([A-Za-z0-9_-]+)(?::(yes|no|maybe))?(?::(\d{1,2}))?$/.exec(value);
  if (!m || (m[3] && m[2] !== "yes")) return undefined;
  return {
    code: m[1]!.toUpperCase(),
    answer: m[2] ? fromChoiceWord[m[2]] : undefined,
    ...(m[3] ? { party: Number(m[3]) } : {}),
  };
}

const askAnswer = (card: InvitationCard): Effect<RsvpState> =>
  reply(
    "invitation.card",
    { host: card.host, event: card.event, when: card.when, where: card.where },
    {
      choices: [
        { label: text("rsvp.choice.yes"), value: choiceValue(card.code, "yes") },
        { label: text("rsvp.choice.no"), value: choiceValue(card.code, "no") },
        { label: text("rsvp.choice.maybe"), value: choiceValue(card.code, "maybe") },
      ],
    },
  );

/** "How many people?" with the usual sizes as buttons (a number typed, or a sentence, works as well). */
const askParty = (card: InvitationCard): Step<RsvpState> => ({
  state: { step: "party", card },
  effects: [
    reply(
      "rsvp.ask_party",
      { event: card.event, max: maxParty },
      {
        choices: [1, 2, 3, 4, 5].map((n) => ({ label: { text: String(n) }, value: choiceValue(card.code, "yes", n) })),
      },
    ),
  ],
});

/** The words were read but not surely: one short question with the three answers as buttons. */
const askCheck = (card: InvitationCard, party?: number): Step<RsvpState> => ({
  state: { step: "answer", card, ...(party ? { party } : {}) },
  effects: [
    reply(
      "rsvp.check",
      { event: card.event },
      {
        choices: [
          { label: text("rsvp.choice.yes"), value: choiceValue(card.code, "yes", party) },
          { label: text("rsvp.choice.no"), value: choiceValue(card.code, "no") },
          { label: text("rsvp.choice.maybe"), value: choiceValue(card.code, "maybe") },
        ],
      },
    ),
  ],
});

function record(card: InvitationCard, answer: Answer, partySize: number): Step<RsvpState> {
  return {
    state: null,
    effects: [
      act<"recordRsvp", RsvpState>("recordRsvp", { code: card.code, answer, partySize }, (r) => ({
        effects: [
          answer === "accepted"
            ? {
                type: "reply",
                reply: say("rsvp.accepted", {
                  name: r.name,
                  event: r.event,
                  party: r.party,
                  when: r.when,
                  where: r.where,
                }),
              }
            : answer === "declined"
              ? { type: "reply", reply: say("rsvp.declined", { name: r.name, event: r.event }) }
              : { type: "reply", reply: say("rsvp.maybe", { event: r.event, code: r.code }) },
        ],
      })),
    ],
  };
}

/** The answer given: yes with its party is recorded, yes without asks how many; no and maybe are recorded at once. */
function answered(card: InvitationCard, answer: Answer, party?: number): Step<RsvpState> {
  if (answer !== "accepted") return record(card, answer, 1);
  if (party === undefined) return askParty(card);
  if (party < 1 || party > maxParty) return { state: { step: "party", card }, effects: [tooMany(party)] };
  return record(card, "accepted", party);
}

const tooMany = (party: number): Effect<RsvpState> =>
  reply(party > maxParty ? "rsvp.party_too_many" : "rsvp.party_invalid", { max: maxParty });

function begin(cards: InvitationCard[], answer?: Answer, party?: number, unsure?: boolean): Step<RsvpState> {
  if (!cards.length) return { state: null, effects: [reply("rsvp.none_open")] };
  if (cards.length > 1) {
    const which =
      answer === "accepted" ? "yes" : answer === "declined" ? "no" : answer === "maybe" ? "maybe" : undefined;
    // An unsure reading is not carried on: the guest picks the event, then answers it.
    const keep = unsure ? {} : { ...(answer ? { answer } : {}), ...(party && answer === "accepted" ? { party } : {}) };
    return {
      state: { step: "which", cards, ...keep },
      effects: [
        reply("rsvp.which", undefined, {
          choices: cards.map((c) => ({
            label: { text: `${c.event} – ${c.when}` },
            value: choiceValue(c.code, unsure ? undefined : which),
          })),
        }),
      ],
    };
  }
  const card = cards[0]!;
  if (answer && unsure) return askCheck(card, answer === "accepted" ? party : undefined);
  return answer ? answered(card, answer, party) : { state: { step: "answer", card }, effects: [askAnswer(card)] };
}

/** A sentence in answer: what it says surely is acted on, what it says unsurely is asked about. */
function onWords(card: InvitationCard, said: string, state: RsvpState, party?: number): Step<RsvpState> {
  const r = readRsvp(said);
  if (!r) return { state, effects: [reply("rsvp.answer_invalid"), askAnswer(card)] };
  if (r.confidence < sure) return askCheck(card, r.value.party ?? party);
  return answered(card, r.value.answer, r.value.party ?? (r.value.answer === "accepted" ? party : undefined));
}

function onAnswer(card: InvitationCard, input: FlowInput, state: RsvpState & { step: "answer" }): Step<RsvpState> {
  if (input.kind === "choice") {
    const chosen = readChoice(input.value);
    if (chosen?.answer)
      return answered(card, chosen.answer, chosen.party ?? (chosen.answer === "accepted" ? state.party : undefined));
  }
  if (input.kind === "text") return onWords(card, input.text, state, state.party);
  return { state, effects: [reply("rsvp.answer_invalid"), askAnswer(card)] };
}

/** How many people: a number ("3"), a sentence ("mimi na mke wangu", "tuko wanne"), or a change of mind ("hapana"). */
function onParty(card: InvitationCard, input: FlowInput, state: RsvpState): Step<RsvpState> {
  if (input.kind === "choice") {
    const chosen = readChoice(input.value);
    if (chosen?.answer) return answered(card, chosen.answer, chosen.party);
    return { state, effects: [reply("rsvp.party_invalid", { max: maxParty })] };
  }
  if (input.kind !== "text") return { state, effects: [reply("rsvp.party_invalid", { max: maxParty })] };
  // Here a lone number is the party (the question asked for one), and a sentence may carry it or take the yes back.
  const size = readPartySize(input.text);
  const r = readRsvp(input.text);
  if (r && r.value.answer !== "accepted" && r.confidence >= sure) return record(card, r.value.answer, 1);
  if (size) return answered(card, "accepted", size.value);
  return { state, effects: [reply("rsvp.party_invalid", { max: maxParty })] };
}

export const rsvpFlow: Flow<RsvpState, RsvpArgs> = {
  name: "rsvp",
  version: 1,
  start: (_context, args) => begin(args.cards, args.answer, args.party, args.unsure),
  handle(state, input) {
    if (state.step === "which") {
      const chosen = input.kind === "choice" ? readChoice(input.value) : undefined;
      const card = chosen && state.cards.find((c) => c.code === chosen.code);
      if (!card) return { state, effects: [reply("rsvp.which_invalid")] };
      const answer = chosen.answer ?? state.answer;
      return begin([card], answer, answer === "accepted" ? (chosen.party ?? state.party) : undefined);
    }
    if (state.step === "answer") return onAnswer(state.card, input, state);
    return onParty(state.card, input, state);
  },
};
