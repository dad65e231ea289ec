// The turns of one batch, inside its transaction: each chat's message routed in a scope of its own, a failing turn
// undone without the others, refusals answered, and everything the turns produced committed in one statement.
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import { AppError, refusalMessage } from "../errors.js";
import { isLocale, render, t } from "../i18n/index.js";
import { normalisePhone } from "../domain/phones.js";
import { localeForPhone } from "../domain/users.js";
import { conversationMember } from "./conversation-store.js";
import { parseStoredEvent } from "./inbound-log.js";
import type { Failure, ProcessorContext } from "./processor-context.js";
import { isTransient, type OutboxRef } from "./processor-failures.js";
import { lookUpUnseenPhones, type UnseenPhones } from "./senders.js";
import { commitBatch, type NextMessage, type TurnResult } from "./turn-store.js";
import { TurnWrites } from "./turn-writes.js";
import { TurnScope } from "./turn.js";

/** What a batch's turns left to do after its commit: the outbox rows to queue, the chats to try again alone. */
export interface HandledBatch {
  outbox: OutboxRef[];
  setAside: NextMessage[];
}

/**
 * Runs each journey preloader once for the batch, for the people whose message it wants (known people, and people
 * met by phone who are linked this turn), so turns read what they need without a statement each.
 */
async function preload(
  ctx: ProcessorContext,
  tx: Tx,
  messages: NextMessage[],
  events: InboundEvent[],
  phones: UnseenPhones,
) {
  const loaded = new Map<string, Map<string, unknown>>();
  for (const [name, preloader] of ctx.options.router.registry.preloaders) {
    const ids = new Set<string>();
    for (const [i, m] of messages.entries()) {
      const event = events[i]!;
      const phone = event.sender.phone ? phones.e164.get(event.sender.phone) : undefined;
      const id = m.person?.id ?? (phone ? phones.holders.get(phone)?.id : undefined);
      if (id && preloader.wants({ event, conversation: m.conversation })) ids.add(id);
    }
    if (ids.size) loaded.set(name, await preloader.load(tx, [...ids], ctx.now()));
  }
  return loaded;
}

/**
 * A refused turn's result: its own writes undone by the caller, it answers with the refusal in the person's
 * language and ends the conversation it interrupted, so the person is not stuck in it. It speaks for the person as
 * loaded with the message (a person the refused turn would have created or merged does not exist).
 */
function refusal(
  ctx: ProcessorContext,
  message: NextMessage,
  event: InboundEvent,
  error: AppError,
  writes: TurnWrites,
): TurnResult {
  const { defaultCountry, defaultLocale } = ctx.options;
  // Someone not stored yet: the person an earlier turn of this batch created for them, else their number's language.
  const person = message.person ?? writes.resolvedFor(event.channel, event.sender.externalId);
  const phone = event.sender.phone ? normalisePhone(event.sender.phone, defaultCountry) : undefined;
  const locale = person
    ? isLocale(person.locale)
      ? person.locale
      : defaultLocale
    : localeForPhone(phone, defaultLocale);
  let text: string;
  try {
    text = render(locale, refusalMessage(error));
  } catch {
    text = t(locale, "error.generic"); // a refusal code without a message is a bug, but the person still hears back
  }
  return {
    inboundId: message.id,
    chat: message.chat,
    memberId: conversationMember(event),
    senderId: event.sender.externalId,
    userId: person?.id ?? null,
    replies: [{ text }],
    told: [],
    conversationChanged: true,
    conversation: undefined,
  };
}

/**
 * Routes every message, then commits all the turns in one statement. A turn that fails is undone (its savepoint,
 * its held-back writes) and the others go on: a refusal is answered in the same commit; an unexpected error's
 * message is set aside, left pending, to be tried alone. Alone, such a turn aborts the batch, for recover.
 */
export async function handleMessages(
  ctx: ProcessorContext,
  tx: Tx,
  messages: NextMessage[],
  onFailure: (f: Failure) => void,
): Promise<HandledBatch> {
  const setAside: NextMessage[] = [];
  if (!messages.length) return { outbox: [], setAside };
  const { router } = ctx.options;
  const events = messages.map((m) => parseStoredEvent(m.payload));
  const phones = await lookUpUnseenPhones(
    tx,
    messages.map((m, i) => ({ event: events[i]!, person: m.person })),
    ctx.options.defaultCountry,
  );
  const writes = new TurnWrites();
  const preloads = await preload(ctx, tx, messages, events, phones);
  const results: TurnResult[] = [];
  for (const [i, message] of messages.entries()) {
    const scope = new TurnScope(tx, writes);
    try {
      const turn = await router.route(scope, events[i]!, message.id, ctx.now(), {
        person: message.person,
        conversation: message.conversation,
        phones,
        preloads,
      });
      await scope.release();
      results.push({
        inboundId: message.id,
        chat: message.chat,
        memberId: conversationMember(events[i]!),
        senderId: events[i]!.sender.externalId,
        userId: turn.user.id,
        replies: turn.replies,
        told: turn.told,
        conversationChanged: turn.conversationChanged,
        conversation: turn.conversation,
      });
    } catch (error) {
      const refused = error instanceof AppError;
      if (isTransient(error) || (!refused && messages.length === 1)) {
        onFailure({ message, error });
        throw error; // roll back everything the batch wrote; recover takes it from there
      }
      await scope.rollback();
      if (refused) results.push(refusal(ctx, message, events[i]!, error, writes));
      else setAside.push(message);
    }
  }
  // Journeys' held-back rows (an RSVP per turn), one statement per writer for the whole batch.
  for (const [name, rows] of writes.deferredRows()) if (rows.length) await router.registry.writers.get(name)!(tx, rows);
  const told = results.flatMap((r) =>
    r.told.map((row) => ({ id: row.id, channel: row.channel as Channel, bulk: true })),
  );
  return { outbox: [...told, ...(await commitBatch(tx, results, writes.held()))], setAside };
}
