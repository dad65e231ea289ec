// Polls in an event: the organizer asks, the event's guests vote (one vote each, changeable until the poll closes),
// the organizer sees the results and closes it. A poll is reached by its short code; a code of a poll the person has
// nothing to do with is answered like one that does not exist.
import type { Tx } from "../db/prisma.js";
import type { Row } from "../db/rows.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";
import { planEvent } from "../reminders/plan.js";

export const minPollOptions = 2;
export const maxPollOptions = 10;

export interface PollView {
  id: string;
  code: string;
  question: string;
  closed: boolean;
  eventId: string;
  eventName: string;
  /** the event's zone, to read and show the poll's closing time; null for a poll whose event is gone */
  timeZone: string | null;
  organizerId: string | null;
  options: { position: number; text: string }[];
}

const pollSelect = {
  id: true,
  code: true,
  question: true,
  closedAt: true,
  eventId: true,
  event: { select: { name: true, organizerId: true, timeZone: true } },
  options: { select: { position: true, optionText: true }, orderBy: { position: "asc" } },
} as const;

type PollRow = {
  id: string;
  code: string | null;
  question: string | null;
  closedAt: Date | null;
  eventId: string | null;
  event: { name: string; organizerId: string | null; timeZone: string } | null;
  options: { position: number; optionText: string | null }[];
};

const view = (p: PollRow): PollView => ({
  id: p.id,
  code: p.code ?? "",
  question: p.question ?? "",
  closed: p.closedAt !== null,
  eventId: p.eventId ?? "",
  eventName: p.event?.name ?? "",
  timeZone: p.event?.timeZone ?? null,
  organizerId: p.event?.organizerId ?? null,
  options: p.options.map((o) => ({ position: o.position, text: o.optionText ?? "" })),
});

/** A poll by its id (for its reminders and its closing on time), or null. */
export async function pollById(tx: Tx, id: string): Promise<PollView | null> {
  const row = await tx.eventPoll.findUnique({ where: { id }, select: pollSelect });
  return row && view(row);
}

/** Checks and opens a poll: 2 to 10 distinct options, a question. Returns it with its code. */
export async function createPoll(
  tx: Tx,
  options: { eventId: string; createdBy: string; question: string; options: string[] },
): Promise<PollView> {
  const question = options.question.trim();
  const texts = options.options.map((o) => o.trim()).filter(Boolean);
  if (!question) throw new AppError("poll.question_missing");
  if (texts.length < minPollOptions || texts.length > maxPollOptions)
    throw new AppError("poll.option_count_invalid", { count: texts.length, min: minPollOptions, max: maxPollOptions });
  if (new Set(texts.map((t) => t.toLowerCase())).size !== texts.length) throw new AppError("poll.option_repeated");
  if (texts.some((t) => t.length > 100) || question.length > 255) throw new AppError("poll.text_too_long");
  const poll = await tx.eventPoll.create({
    data: {
      eventId: options.eventId,
      createdBy: options.createdBy,
      question,
      code: `P-${randomCode(5)}`,
      options: { create: texts.map((optionText, i) => ({ optionText, position: i + 1 })) },
    },
    select: pollSelect,
  });
  return view(poll);
}

/**
 * The poll with this code, if the person may see it: its event's organizer, or one of its guests. Otherwise the
 * same refusal as an unknown code.
 */
export async function findPoll(
  tx: Tx,
  options: { userId: string; typed: string },
): Promise<PollView & { isOrganizer: boolean }> {
  const code = normaliseCode(options.typed);
  const poll = code
    ? await tx.eventPoll.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select: pollSelect })
    : null;
  if (poll?.eventId) {
    const isOrganizer = poll.event?.organizerId === options.userId;
    if (isOrganizer || (await tx.eventGuest.count({ where: { eventId: poll.eventId, userId: options.userId } })) > 0)
      return { ...view(poll), isOrganizer };
  }
  throw new AppError("poll.not_found", { code: options.typed.trim().slice(0, 40) });
}

/** One vote per person per poll; a second vote replaces the first. Refused on a closed poll or an unknown option. */
export async function castVote(
  tx: Tx,
  options: { userId: string; typed: string; position: number },
): Promise<{ poll: PollView; option: string; changed: boolean }> {
  const poll = await findPoll(tx, options);
  if (poll.closed) throw new AppError("poll.closed", { question: poll.question });
  const option = poll.options.find((o) => o.position === options.position);
  if (!option) throw new AppError("poll.option_not_found", { count: poll.options.length });
  const optionRow = await tx.pollOption.findFirstOrThrow({
    where: { pollId: poll.id, position: option.position },
    select: { id: true },
  });
  const before = await tx.pollVote.findUnique({
    where: { pollId_userId: { pollId: poll.id, userId: options.userId } },
    select: { optionId: true },
  });
  await tx.pollVote.upsert({
    where: { pollId_userId: { pollId: poll.id, userId: options.userId } },
    create: { pollId: poll.id, userId: options.userId, optionId: optionRow.id },
    update: { optionId: optionRow.id },
  });
  return { poll, option: option.text, changed: before !== null && before.optionId !== optionRow.id };
}

export interface PollResults {
  votes: { position: number; text: string; count: number }[];
  total: number;
  /** guests who accepted and have not voted */
  notVoted: string[];
}

/** Votes per option, in the poll's order: one statement. */
export async function voteCounts(tx: Tx, poll: PollView): Promise<PollResults["votes"]> {
  const counts = await tx.$queryRaw<(Row<"poll_options", "position"> & { count: number })[]>`
    SELECT o.position, count(v.id)::int AS count FROM poll_options o LEFT JOIN poll_votes v ON v.option_id = o.id
    WHERE o.poll_id = ${poll.id}::uuid GROUP BY o.position ORDER BY o.position`;
  const byPosition = new Map(counts.map((c) => [c.position, c.count]));
  return poll.options.map((o) => ({ ...o, count: byPosition.get(o.position) ?? 0 }));
}

/** The people who voted, to tell them the result. */
export async function pollVoters(tx: Tx, pollId: string): Promise<string[]> {
  const voters = await tx.pollVote.findMany({ where: { pollId }, select: { userId: true } });
  return voters.flatMap((v) => (v.userId ? [v.userId] : []));
}

/** Votes per option, and which of the guests who accepted have not voted: two statements. */
export async function pollResults(tx: Tx, poll: PollView): Promise<PollResults> {
  const votes = await voteCounts(tx, poll);
  const notVoted = await tx.$queryRaw<Row<"users", "name">[]>`
    SELECT CASE WHEN u.named_at IS NOT NULL THEN u.name ELSE coalesce(nullif(i.recipient_name, ''), u.name) END AS name FROM event_guests g JOIN users u ON u.id = g.user_id
    LEFT JOIN invitations i ON i.event_id = g.event_id AND i.user_id = g.user_id
    WHERE g.event_id = ${poll.eventId}::uuid AND g.rsvp_status = 'accepted'
      AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.poll_id = ${poll.id}::uuid AND v.user_id = g.user_id)
    ORDER BY name LIMIT 200`;
  return { votes, total: votes.reduce((a, v) => a + v.count, 0), notVoted: notVoted.map((n) => n.name) };
}

/** Closes the poll (the organizer only); returns the ids of the people who voted, to tell them the result. */
export async function closePoll(tx: Tx, options: { poll: PollView; userId: string; now: Date }): Promise<string[]> {
  if (options.poll.organizerId !== options.userId)
    throw new AppError("poll.not_organizer", { code: options.poll.code });
  if (options.poll.closed) throw new AppError("poll.closed", { question: options.poll.question });
  await tx.eventPoll.update({ where: { id: options.poll.id }, data: { closedAt: options.now } });
  await planEvent(tx, options.poll.eventId);
  return pollVoters(tx, options.poll.id);
}

/** The organizer sets when the poll closes by itself; guests who have not voted are reminded 3 hours before. */
export async function setPollClosing(tx: Tx, options: { poll: PollView; userId: string; at: Date }): Promise<void> {
  if (options.poll.organizerId !== options.userId)
    throw new AppError("poll.not_organizer", { code: options.poll.code });
  if (options.poll.closed) throw new AppError("poll.closed", { question: options.poll.question });
  await tx.eventPoll.update({ where: { id: options.poll.id }, data: { closesAt: options.at } });
  await planEvent(tx, options.poll.eventId);
}

/** The open polls of the events the person is a guest of, newest first. */
export async function openPollsFor(tx: Tx, userId: string): Promise<(PollView & { myVote?: number })[]> {
  const polls = await tx.eventPoll.findMany({
    where: { closedAt: null, event: { guests: { some: { userId } }, status: { notIn: ["cancelled", "completed"] } } },
    select: { ...pollSelect, votes: { where: { userId }, select: { option: { select: { position: true } } } } },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  return polls.map((p) => ({ ...view(p), myVote: p.votes[0]?.option?.position }));
}
