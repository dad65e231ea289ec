// Polls: the organizer asks a question with 2 to 10 options, sent at once to the guests who are coming (buttons on
// Telegram and in the simulator, a native poll on WhatsApp); each guest's vote is one tap, changeable until the poll
// closes; the organizer sees the votes and who has not voted, and closing tells the voters the result.
import { parseEventDate } from "../../../flows/event-input.js";
import { formFlow, forms } from "../../../flows/form.flow.js";
import { isSeparated, readQuestionOptions, splitFields } from "../../language/fields.js";
import {
  castVote,
  closePoll,
  createPoll,
  findPoll,
  openPollsFor,
  pollResults,
  setPollClosing,
  voteCounts,
  type PollResults,
  type PollView,
} from "../../domain/polls.js";
import { AppError } from "../../errors.js";
import { render, type Locale, type Message } from "../../i18n/index.js";
import { openInvitationsOf, type GuestInvitation } from "../../domain/rsvp.js";
import type { Turn } from "../../engine/turn.js";
import { readChoice, readOptionNumber } from "../../language/choice.js";
import { isSure } from "../../language/reading.js";
import type { CommandHandler, Journey } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { whenText } from "../format.js";
import { sendChart } from "../replies.js";

/**
 * A poll's options as buttons (also on the reminder of a poll closing soon): "poll:P-7K2QX:2" comes back when the
 * second option is tapped (or voted in the native poll).
 */
export const choicesOf = (poll: PollView) =>
  poll.options.map((o) => ({ label: o.text, value: `poll:${poll.code}:${o.position}` }));

/** The poll as a guest sees it, in a language. */
function pollMessage(poll: PollView, locale: Locale) {
  return {
    text: render(locale, { key: "poll.ask", params: { event: poll.eventName, question: poll.question } }),
    choices: choicesOf(poll),
    poll: {},
  };
}

/** "Question? | a | b", the question and each option on its own line, or "Question? a, b au c" -> [question, ...options]. */
function pollFields(rest: string): string[] {
  if (isSeparated(rest)) return splitFields(rest);
  const read = readQuestionOptions(rest);
  return read ? [read.question, ...read.options] : rest ? [rest] : [];
}

const pollCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  const [question, ...options] = pollFields(rest);
  // The question or the options missing: asked for, step by step.
  if (!question || !options.length) {
    const event = await organizerEvent(turn, code);
    return tools.startFlow(turn, forms.poll.name, {
      about: { code: event.code ?? "", event: event.name },
      values: [question],
    });
  }
  await openPoll(turn, code, question, options);
};

async function openPoll(turn: Turn, code: string | undefined, question: string, options: string[]): Promise<void> {
  const event = await organizerEvent(turn, code);
  const poll = await createPoll(await turn.db(), { eventId: event.id, createdBy: turn.user.id, question, options });
  const { sent, waiting } = await turn.tell(
    { guestsOf: event.id, answers: ["accepted"] },
    { type: "poll", eventId: event.id, message: (locale) => pollMessage(poll, locale) },
  );
  turn.say("poll.opened", { code: poll.code, question: poll.question, count: sent + waiting });
}

function resultLines(locale: Locale, votes: PollResults["votes"]): string {
  return votes.map((v) => render(locale, { key: "poll.results_item", params: v })).join("\n");
}

/** The result told when a poll closes (by the organizer, or on time by its reminder), in each reader's language. */
export function closedResult(poll: PollView, votes: PollResults["votes"]): (locale: Locale) => Message {
  return (locale) => ({
    key: "poll.closed_result",
    params: { question: poll.question, event: poll.eventName, lines: resultLines(locale, votes) },
  });
}

const resultsCommand: CommandHandler = async (turn, args) => {
  const tx = await turn.db();
  const poll = await findPoll(tx, { userId: turn.user.id, typed: args });
  const results = await pollResults(tx, poll);
  const lines = [
    turn.render({
      key: "poll.results_header",
      params: {
        question: poll.question,
        code: poll.code,
        total: results.total,
        closed: poll.closed ? turn.render({ key: "poll.closed_mark" }) : "",
      },
    }),
    resultLines(turn.locale, results.votes),
  ];
  // Who has not voted is the organizer's to know.
  if (poll.isOrganizer && results.notVoted.length) {
    lines.push(
      turn.render({
        key: "poll.results_not_voted",
        params: { count: results.notVoted.length, names: results.notVoted.join(", ") },
      }),
    );
  }
  turn.send({ text: { text: lines.join("\n") } });
  sendChart(turn, {
    title: poll.question,
    subtitle: turn.render({ key: "chart.results.sub", params: { total: results.total } }),
    bars: results.votes.map((v) => ({ label: v.text, value: v.count })),
  });
};

const closePollCommand: CommandHandler = async (turn, args) => {
  const tx = await turn.db();
  const [typed = "", ...later] = args.trim().split(/\s+/);
  const poll = await findPoll(tx, { userId: turn.user.id, typed });
  // With a time: it closes by itself then (a reminder job), and guests who have not voted are reminded before.
  if (later.length) {
    const zone = poll.timeZone ?? turn.timeZone;
    const at = parseEventDate(later.join(" "), zone, turn.now);
    if (!at || at <= turn.now)
      throw new AppError("poll.closing_unreadable", { text: later.join(" ").slice(0, 40), code: poll.code });
    await setPollClosing(tx, { poll, userId: turn.user.id, at });
    return turn.say("poll.closes_set", { code: poll.code, when: whenText(turn, at, zone) });
  }
  const voters = await closePoll(tx, { poll, userId: turn.user.id, now: turn.now });
  const result = closedResult(poll, await voteCounts(tx, poll));
  await turn.tell(
    { userIds: voters },
    { type: "poll_result", eventId: poll.eventId, message: (locale) => ({ text: render(locale, result(locale)) }) },
  );
  turn.say("poll.closed_done", { code: poll.code, count: voters.length });
};

const pollsCommand: CommandHandler = async (turn) => {
  const polls = await openPollsFor(await turn.db(), turn.user.id);
  if (!polls.length) return turn.say("polls.none");
  for (const poll of polls) {
    const mine = poll.options.find((o) => o.position === poll.myVote);
    const text = [
      pollMessage(poll, turn.locale).text,
      ...(mine ? [turn.render({ key: "poll.your_vote", params: { option: mine.text } })] : []),
    ].join("\n");
    turn.send({ text: { text }, choices: choicesOf(poll).map((c) => ({ label: { text: c.label }, value: c.value })) });
  }
};

/** Longer messages are sentences, not a typed choice: they cost no poll lookup. */
const choiceMaxLength = 60;

/** Votes and what the vote replies, the same as a tap on the option. */
async function vote(turn: Turn, poll: PollView, position: number): Promise<void> {
  const cast = await castVote(await turn.db(), { userId: turn.user.id, typed: poll.code, position });
  turn.say(cast.changed ? "poll.changed" : "poll.voted", { option: cast.option });
}

/** The poll again with its buttons, under one short question: when a typed choice is not sure, or fits several polls. */
function askWith(turn: Turn, polls: PollView[], key: "understand.poll_which" | "understand.poll_which_poll"): void {
  turn.say(key);
  for (const poll of polls)
    turn.send({
      text: { text: pollMessage(poll, turn.locale).text },
      choices: choicesOf(poll).map((c) => ({ label: { text: c.label }, value: c.value })),
    });
}

/**
 * A poll's option typed instead of tapped ("Pilau", "nachagua pilau", "2"): a vote when it names an option of one
 * open poll surely; asked with buttons when not sure or when it fits several. A number is a poll's only when no
 * invitation waits for an answer (the invitations journey reads "1"/"2"/"3" as yes/no/maybe).
 */
async function understandChoice(turn: Turn, text: string): Promise<boolean> {
  if (text.length > choiceMaxLength) return false;
  const polls = await openPollsFor(await turn.db(), turn.user.id);
  if (!polls.length) return false;
  const numbered = polls.some((p) => readOptionNumber(text, p.options.length));
  if (numbered) {
    const waiting =
      turn.preloaded<GuestInvitation[]>("invitations") ??
      (await openInvitationsOf(await turn.db(), [turn.user.id], turn.now)).get(turn.user.id) ??
      [];
    if (waiting.some((i) => i.status === "pending")) return false;
    const fits = polls.filter((p) => readOptionNumber(text, p.options.length));
    if (fits.length === 1)
      return vote(turn, fits[0]!, readOptionNumber(text, fits[0]!.options.length)!.value).then(() => true);
    askWith(turn, fits, "understand.poll_which_poll");
    return true;
  }
  const read = polls.flatMap((poll) => {
    const choice = readChoice(
      text,
      poll.options.map((o) => o.text),
    );
    return choice ? [{ poll, choice }] : [];
  });
  if (!read.length) return false;
  if (read.length > 1) {
    askWith(
      turn,
      read.map((r) => r.poll),
      "understand.poll_which_poll",
    );
    return true;
  }
  const [{ poll, choice }] = read as [(typeof read)[0]];
  if (!isSure(choice)) {
    askWith(turn, [poll], "understand.poll_which");
    return true;
  }
  await vote(turn, poll, poll.options[choice.value - 1]!.position);
  return true;
}

export const pollsJourney: Journey = {
  name: "polls",
  commands: [
    { en: ["poll"], sw: ["kura"], for: "organizer", help: "help.line.poll", run: pollCommand },
    { en: ["results"], sw: ["matokeo"], for: "organizer", help: "help.line.results", run: resultsCommand },
    { en: ["closepoll"], sw: ["fungakura"], for: "organizer", help: "help.line.closepoll", run: closePollCommand },
    { en: ["polls"], sw: ["kurazangu"], for: "guest", help: "help.line.polls", run: pollsCommand },
  ],
  flows: [formFlow(forms.poll)],
  actions: {
    pollForm: (turn, { about, values: [question, options] }) =>
      openPoll(turn, about.code, question!, options!.split("\n")),
  },
  choices: {
    // A tap on an option (or a vote in the WhatsApp poll, which the engine maps to it), whenever it comes.
    async poll(turn, value) {
      const m = /^poll:([A-Za-z0-9_-]+):(\d{1,2})$/.exec(value);
      if (!m) return turn.say("choice.expired");
      const vote = await castVote(await turn.db(), { userId: turn.user.id, typed: m[1]!, position: Number(m[2]) });
      turn.say(vote.changed ? "poll.changed" : "poll.voted", { option: vote.option });
    },
  },
  understand: (turn, text) => understandChoice(turn, text),
};
