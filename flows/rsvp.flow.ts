// Answering an invitation: Yes / No / Maybe (a button, its number, or plain words in English or Kiswahili), and on
// yes how many people come in total. Started with the invitations it is about (from a command, an invitation being
// opened, a tap on an old invitation's button, or words typed outside any conversation) and, when known, the answer.
import { act, reply, say, text, type Effect, type Flow, type FlowInput, type Step } from "./types.js";

export type Answer = "accepted" | "declined" | "maybe";

/** What the flow shows of an invitation: the engine renders times and places in the reader's language beforehand. */
export interface InvitationCard {
  code: string;
  event: string;
  host: string;
  when: string;
  where: string;
}

export type RsvpState =
  | { step: "which"; cards: InvitationCard[]; answer?: Answer }
  | { step: "answer"; card: InvitationCard }
  | { step: "party"; card: InvitationCard };

export interface RsvpArgs {
  cards: InvitationCard[];
  answer?: Answer;
}

declare module "./types.js" {
  interface ActionTypes {
    /** records the guest's answer; the result is what the confirmation shows */
    recordRsvp: {
      input: { code: string; answer: Answer; partySize: number };
      result: { event: string; when: string; where: string; party: string; name: string; code: string };
    };
  }
}

const words: Record<string, Answer> = {};
for (const w of ["yes", "y", "yeah", "yep", "ok", "okay", "sure", "of course", "i will come", "coming", "attending", "ndiyo", "ndio", "sawa", "naam", "nitakuja", "nipo", "tutakuja", "bila shaka", "ndiyo nitakuja"]) words[w] = "accepted";
for (const w of ["no", "n", "nope", "not coming", "cannot", "can't", "cant", "i cannot come", "hapana", "siwezi", "sitaweza", "sitakuja", "la", "hatutakuja", "hapana sitaweza"]) words[w] = "declined";
for (const w of ["maybe", "perhaps", "not sure", "don't know", "dont know", "labda", "sijui", "sina uhakika", "huenda", "pengine"]) words[w] = "maybe";

/** "Ndiyo!", "yes 👍", "Labda" -> the answer; undefined when the words are not an answer. */
export function parseAnswer(raw: string): Answer | undefined {
  const cleaned = raw.toLowerCase().replace(/[!.,?👍🙏😊]+/gu, " ").replace(/\s+/g, " ").trim();
  return words[cleaned];
}

const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  moja: 1, mbili: 2, tatu: 3, nne: 4, tano: 5, sita: 6, saba: 7, nane: 8, tisa: 9, kumi: 10,
  "just me": 1, "only me": 1, "mimi tu": 1, "mimi peke yangu": 1, peke: 1,
};

/** "3", "3 people", "watu 3", "three", "mbili" -> the number; undefined when it is not one (range is checked apart). */
export function parsePartySize(raw: string): number | undefined {
  const cleaned = raw.toLowerCase().replace(/[!.,?]+/g, " ").replace(/\s+/g, " ").trim();
  const digits = /^(?:watu |people |we are |tuko |tupo )?(\d{1,3})(?: people| persons| watu| pax)?$/.exec(cleaned);
  if (digits) return Number(digits[1]);
  return numberWords[cleaned.replace(/^(?:watu |people )/, "")];
}

/** The answer a choice value carries: "rsvp:CODE:yes". */
export function choiceValue(code: string, answer?: "yes" | "no" | "maybe"): string {
  return answer ? `rsvp:${code}:${answer}` : `rsvp:${code}`;
}

const fromChoiceWord: Record<string, Answer> = { yes: "accepted", no: "declined", maybe: "maybe" };

/** "rsvp:CODE:yes" -> { code, answer }; "rsvp:CODE" -> { code }. */
export function readChoice(value: string): { code: string; answer?: Answer } | undefined {
  const m = /^rsvp:([A-Za-z0-9_-]+)(?::(yes|no|maybe))?$/.exec(value);
  return m ? { code: m[1]!.toUpperCase(), answer: m[2] ? fromChoiceWord[m[2]] : undefined } : undefined;
}

const askAnswer = (card: InvitationCard): Effect<RsvpState> =>
  reply("invitation.card", { host: card.host, event: card.event, when: card.when, where: card.where }, {
    choices: [
      { label: text("rsvp.choice.yes"), value: choiceValue(card.code, "yes") },
      { label: text("rsvp.choice.no"), value: choiceValue(card.code, "no") },
      { label: text("rsvp.choice.maybe"), value: choiceValue(card.code, "maybe") },
    ],
  });

const askParty = (card: InvitationCard): Step<RsvpState> => ({ state: { step: "party", card }, effects: [reply("rsvp.ask_party", { event: card.event })] });

function record(card: InvitationCard, answer: Answer, partySize: number): Step<RsvpState> {
  return {
    state: null,
    effects: [
      act<"recordRsvp", RsvpState>("recordRsvp", { code: card.code, answer, partySize }, (r) => ({
        effects: [
          answer === "accepted"
            ? { type: "reply", reply: say("rsvp.accepted", { name: r.name, event: r.event, party: r.party, when: r.when, where: r.where }) }
            : answer === "declined"
              ? { type: "reply", reply: say("rsvp.declined", { name: r.name, event: r.event }) }
              : { type: "reply", reply: say("rsvp.maybe", { event: r.event, code: r.code }) },
        ],
      })),
    ],
  };
}

/** The answer given: yes asks how many come, no and maybe are recorded at once. */
const answered = (card: InvitationCard, answer: Answer): Step<RsvpState> => (answer === "accepted" ? askParty(card) : record(card, answer, 1));

function begin(cards: InvitationCard[], answer?: Answer): Step<RsvpState> {
  if (!cards.length) return { state: null, effects: [reply("rsvp.none_open")] };
  if (cards.length > 1) {
    const which = answer === "accepted" ? "yes" : answer === "declined" ? "no" : answer === "maybe" ? "maybe" : undefined;
    return {
      state: { step: "which", cards, ...(answer ? { answer } : {}) },
      effects: [reply("rsvp.which", undefined, { choices: cards.map((c) => ({ label: { text: `${c.event} – ${c.when}` }, value: choiceValue(c.code, which) })) })],
    };
  }
  const card = cards[0]!;
  return answer ? answered(card, answer) : { state: { step: "answer", card }, effects: [askAnswer(card)] };
}

function onAnswer(card: InvitationCard, input: FlowInput, state: RsvpState): Step<RsvpState> {
  const answer = input.kind === "choice" ? readChoice(input.value)?.answer : input.kind === "text" ? parseAnswer(input.text) : undefined;
  if (answer) return answered(card, answer);
  return { state, effects: [reply("rsvp.answer_invalid"), askAnswer(card)] };
}

export const rsvpFlow: Flow<RsvpState, RsvpArgs> = {
  name: "rsvp",
  version: 1,
  start: (_context, args) => begin(args.cards, args.answer),
  handle(state, input) {
    if (state.step === "which") {
      const chosen = input.kind === "choice" ? readChoice(input.value) : undefined;
      const card = chosen && state.cards.find((c) => c.code === chosen.code);
      if (!card) return { state, effects: [reply("rsvp.which_invalid")] };
      return begin([card], chosen.answer ?? state.answer);
    }
    if (state.step === "answer") return onAnswer(state.card, input, state);
    // How many people: a number, or a change of mind ("hapana").
    if (input.kind === "choice" || (input.kind === "text" && parseAnswer(input.text) && parsePartySize(input.text) === undefined)) {
      return onAnswer(state.card, input, state);
    }
    const size = input.kind === "text" ? parsePartySize(input.text) : undefined;
    if (size === undefined || size < 1 || size > 20) return { state, effects: [reply("rsvp.party_invalid", { max: 20 })] };
    return record(state.card, "accepted", size);
  },
};
