// Decides what one inbound message means: a command, an answer to the active conversation, a deep link, a shared
// contact, a tap on an old button, words a journey understands, or something we explain with help. Runs inside the
// message's transaction. Everything it dispatches to comes from the journeys (registry.ts); it knows no command.
import type { InboundEvent } from "../channels/channel.js";
import { inboundLimits } from "../channels/storable.js";
import { resolveSender } from "../domain/users.js";
import { isLocale, type Locale } from "../i18n/index.js";
import type { CommandTools } from "../journeys/journey.js";
import type { FlowInput } from "../../flows/types.js";
import { readAnswer } from "../language/answer.js";
import { isSure } from "../language/reading.js";
import { parseCommand } from "./commands.js";
import type { StoredConversation } from "./conversation-store.js";
import { applyStep, flowContext, type StepContext } from "./flow-steps.js";
import { pollChoice, toFlowInput } from "./inputs.js";
import type { Registry } from "./registry.js";
import { isUnseenSender, resolveUnseenSender, type UnseenPhones } from "./senders.js";
import { Turn, type Person, type TurnEnvironment, type TurnScope } from "./turn.js";

export interface RouterOptions {
  registry: Registry;
  defaultCountry: string;
  defaultLocale: Locale;
  /** IANA zone given to people Nuru meets for the first time */
  defaultTimeZone?: string;
  conversationTtlMs: number;
  /** channels that run, and those that may write first (for messages to other people) */
  channels?: Pick<TurnEnvironment, "running" | "firstContact" | "links" | "firstContactBudget">;
}

/** What the router's parts share, worked out once. */
interface RouterContext extends StepContext {
  options: RouterOptions;
  commandNames: Set<string>;
  env: TurnEnvironment;
}

/** What the caller read with the message (turn-store.ts loadNextMessages). */
export interface KnownWithMessage {
  person?: Person;
  conversation: StoredConversation | undefined;
  phones: UnseenPhones;
  preloads?: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
}

function environment(options: RouterOptions): TurnEnvironment {
  return {
    running: options.channels?.running ?? ["simulator", "telegram", "whatsapp"],
    firstContact: options.channels?.firstContact ?? ["simulator"],
    links: options.channels?.links,
    defaultCountry: options.defaultCountry,
    defaultTimeZone: options.defaultTimeZone ?? "Africa/Dar_es_Salaam",
    ...(options.channels?.firstContactBudget ? { firstContactBudget: options.channels.firstContactBudget } : {}),
  };
}

/** The tools journeys' commands are given: starting a flow, help, next steps, opening a code. */
function commandTools(ctx: RouterContext): CommandTools {
  const { registry } = ctx;
  const tools: CommandTools = {
    async startFlow(turn, name, args) {
      const flow = registry.flows[name];
      if (!flow) throw new Error(`no flow named ${name}`);
      await applyStep(ctx, turn, flow, flow.start(flowContext(turn), args));
    },
    helpSections: (locale, roles) => registry.helpSections(locale, roles),
    async nextSteps(turn) {
      const lines: string[] = [];
      for (const steps of registry.nextSteps) lines.push(...(await steps(turn)));
      return lines;
    },
    async open(turn, code) {
      for (const opens of registry.openers) if (await opens(turn, code, tools)) return true;
      return false;
    },
  };
  return tools;
}

/**
 * Handles one message; the caller stores the turn's conversation, replies and held-back writes in the same
 * transaction. `known` is what the caller read with the message (turn-store.ts loadNextMessages): the person, when
 * their id is already linked, the chat's conversation, and who holds the phones of unseen senders.
 */
async function route(
  ctx: RouterContext,
  scope: TurnScope,
  event: InboundEvent,
  inboundId: bigint,
  now: Date,
  known: KnownWithMessage,
): Promise<Turn> {
  const { user, isNew, nameUnknown } = await identify(ctx, scope, event, known);
  const locale = isLocale(user.locale) ? user.locale : ctx.options.defaultLocale;
  const turn = new Turn(scope, event, inboundId, user, locale, known.conversation, now, ctx.env, known.preloads);

  // A conversation that is stale or from an older flow version is dropped, and the person told why.
  const active = turn.conversation;
  if (active) {
    const flow = ctx.registry.flows[active.flow];
    const reason =
      active.expiresAt <= now
        ? "conversation.expired"
        : !flow || flow.version !== active.version
          ? "conversation.upgraded"
          : undefined;
    if (reason) {
      turn.setConversation(undefined);
      turn.say(reason);
      if (reason === "conversation.upgraded") return turn;
    }
  }

  await dispatch(ctx, turn, isNew, nameUnknown);
  return turn;
}

async function identify(
  ctx: RouterContext,
  scope: TurnScope,
  event: InboundEvent,
  known: { person?: Person; phones: UnseenPhones },
) {
  const { options } = ctx;
  // A person we know by this very id, with nothing new to link, needs no lookup.
  if (known.person && !event.sender.aliases?.length && (!event.sender.phone || known.person.phone)) {
    return { user: known.person, isNew: false, nameUnknown: false };
  }
  if (isUnseenSender(event, known.person)) return resolveUnseenSender(event, known.phones, scope.writes, options);
  const resolved = await resolveSender(await scope.db(), {
    channel: event.channel,
    sender: event.sender,
    defaultCountry: options.defaultCountry,
    defaultLocale: options.defaultLocale,
    defaultTimeZone: options.defaultTimeZone,
  });
  return {
    ...resolved,
    user: {
      id: resolved.user.id,
      name: resolved.user.name,
      phone: resolved.user.phone,
      locale: resolved.user.locale,
      timeZone: resolved.user.timeZone,
    },
  };
}

async function dispatch(ctx: RouterContext, turn: Turn, isNew: boolean, nameUnknown: boolean): Promise<void> {
  const { registry, commandNames, tools } = ctx;
  /** The start, contact and welcome moments: each owned by one journey (the core one). */
  const hooks = registry.hooks;
  const c = turn.event.content;
  // A message Nuru could not take as it is: the sender is told (not a group, where it was likely not for Nuru);
  // any conversation stays as it was, so they can send it again.
  if (c.kind === "refused") {
    if (turn.event.isGroup) return;
    if (c.reason === "too_long")
      return turn.say("inbound.too_long", {
        length: formatCount(c.length ?? 0, turn.locale),
        max: formatCount(inboundLimits.text, turn.locale),
      });
    if (c.reason === "unsupported") return turn.say("inbound.unsupported");
    return turn.say("inbound.unstorable");
  }
  // A bare START from someone new is their first hello (Telegram's START button), not a return: welcomed below.
  if (c.kind === "start" && (c.payload || !isNew) && hooks.start) return hooks.start(turn, c.payload ?? "", tools);
  // A contact while a flow waits for one (an invitation being opened, guests being invited) is that flow's answer.
  if (c.kind === "contact" && !turn.conversation && hooks.contact) return hooks.contact(turn, c, tools);
  if (c.kind === "text") {
    const command = parseCommand(c.text, commandNames, registry.takes, {
      inConversation: Boolean(turn.conversation),
    });
    if (command && !yieldsToAnswer(registry, c.text, command)) {
      return registry.commands.get(command.name)!.run(turn, command.args, tools);
    }
  }
  // A withdrawn vote says nothing to answer; a vote is a tap on the choice it names (or, unknown, its words).
  let input: FlowInput | undefined;
  if (c.kind === "poll_vote") {
    const picked = c.values[0];
    if (!picked) return;
    const value = await pollChoice(turn, c.pollRef, picked);
    input = value ? { kind: "choice", value } : { kind: "text", text: picked };
  } else input = toFlowInput(turn, turn.event);
  // In a group only commands, taps and votes are for Nuru: everything else is people talking to each other, and
  // answering it would be noise (and a ban risk on WhatsApp).
  if (turn.event.isGroup && c.kind !== "choice" && c.kind !== "poll_vote") return;
  const active = turn.conversation;
  if (active && input) {
    const flow = registry.flows[active.flow]!;
    if (input.kind === "choice" && !active.offered.includes(input.value)) {
      // A button of an older message that its journey still answers (an invitation's Yes) is not stale; in a
      // group it may be another member's question, so it is.
      if (turn.event.isGroup || !(await answerChoice(ctx, turn, input.value))) turn.say("choice.expired");
      return;
    }
    return applyStep(ctx, turn, flow, flow.handle(active.state, input, flowContext(turn)));
  }
  if (isNew && hooks.welcome) return hooks.welcome(turn, { nameUnknown }, tools);
  if (input?.kind === "choice") {
    if (!(await answerChoice(ctx, turn, input.value))) turn.say("choice.expired");
    return;
  }
  if (input?.kind === "media" || input?.kind === "location") return turn.say("unknown.media");
  const text = input?.kind === "text" ? input.text.trim() : "";
  if (text) for (const understand of registry.understanders) if (await understand(turn, text, tools)) return;
  await unknownInput(ctx, turn, text);
}

/**
 * A bare word typed without the slash that is an everyday answer ("nipo", "kubali", "thibitisha", "accept") is the
 * person's answer (to an invitation, a question), not the organizer's or provider's command of the same name: those
 * take the slash or their arguments ("nipo S-7K2QX …"). Guests are most of the people who write.
 */
function yieldsToAnswer(registry: Registry, text: string, command: { name: string; args: string }): boolean {
  if (command.args || /^\s*\//.test(text)) return false;
  const audience = registry.commands.get(command.name)!.for;
  return (audience === "organizer" || audience === "provider") && isSure(readAnswer(text));
}

/**
 * Words nothing understood: the closest commands by name and meaning, in the person's language; failing that, what
 * waits for them (an invitation to answer, a request to confirm), so the answer is never a bare "I did not
 * understand"; and always the way to help.
 */
async function unknownInput(ctx: RouterContext, turn: Turn, text: string): Promise<void> {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const lines = text ? ctx.registry.suggestions(text, turn.locale) : [];
  const waiting = await ctx.tools.nextSteps(turn);
  if (lines.length && waiting.length) {
    return turn.say("unknown.suggest_waiting", { text: shown, lines: lines.join("\n"), waiting: waiting.join("\n") });
  }
  if (lines.length) return turn.say("unknown.suggest", { text: shown, lines: lines.join("\n") });
  if (waiting.length) return turn.say("unknown.waiting", { text: shown, lines: waiting.join("\n") });
  turn.say("unknown.input", { text: shown });
}

/** A choice value "<prefix>:..." answered by the journey owning the prefix; false when none does. */
async function answerChoice(ctx: RouterContext, turn: Turn, value: string): Promise<boolean> {
  const handler = ctx.registry.choices.get(value.split(":", 1)[0]!);
  if (!handler) return false;
  await handler(turn, value, ctx.tools);
  return true;
}

/** 32000 -> "32,000": counts people can read at a glance. */
function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === "sw" ? "sw-TZ" : "en-GB");
}

export function createRouter(options: RouterOptions) {
  const { registry } = options;
  // The tools start flows through the context, and the context carries the tools: filled in right after.
  const ctx = {
    options,
    registry,
    commandNames: new Set(registry.commands.keys()),
    env: environment(options),
    conversationTtlMs: options.conversationTtlMs,
  } as RouterContext;
  ctx.tools = commandTools(ctx);
  return {
    route: (scope: TurnScope, event: InboundEvent, inboundId: bigint, now: Date, known: KnownWithMessage) =>
      route(ctx, scope, event, inboundId, now, known),
    registry,
    environment: ctx.env,
  };
}

export type Router = ReturnType<typeof createRouter>;
