// Decides what one inbound message means: a command, an answer to the active conversation, a deep link, a shared
// contact, a tap on an old button, words a journey understands, or something we explain with help. Runs inside the
// message's transaction. Everything it dispatches to comes from the journeys (registry.ts); it knows no command.
import type { InboundEvent } from "../channels/channel.js";
import { inboundLimits } from "../channels/storable.js";
import { resolveSender } from "../domain/users.js";
import { isLocale, type Locale } from "../i18n/index.js";
import type { CommandTools } from "../journeys/journey.js";
import type { Effect, Flow, FlowContext, FlowInput, Step } from "../../flows/types.js";
import { parseCommand } from "./commands.js";
import type { StoredConversation } from "./conversation-store.js";
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

/** How deep action follow-ups may chain within one turn (a flow that loops on its own results is a bug). */
const maxFollowUpDepth = 8;

export function createRouter(options: RouterOptions) {
  const { registry } = options;
  const commandNames = new Set(registry.commands.keys());
  const env: TurnEnvironment = {
    running: options.channels?.running ?? ["simulator", "telegram", "whatsapp"],
    firstContact: options.channels?.firstContact ?? ["simulator"],
    links: options.channels?.links,
    defaultCountry: options.defaultCountry,
    defaultTimeZone: options.defaultTimeZone ?? "Africa/Dar_es_Salaam",
    ...(options.channels?.firstContactBudget ? { firstContactBudget: options.channels.firstContactBudget } : {}),
  };

  /** Executes a flow step's effects in order (actions, then what follows from their results), then stores or ends the conversation. */
  async function applyStep(turn: Turn, flow: Flow<any, any>, step: Step<unknown>): Promise<void> {
    turn.offered = [];
    let state = step.state;
    const run = async (effects: Effect<unknown>[], depth: number): Promise<void> => {
      if (depth > maxFollowUpDepth)
        throw new Error(`flow ${flow.name}: action follow-ups nested deeper than ${maxFollowUpDepth}`);
      for (const effect of effects) {
        if (effect.type === "reply") {
          turn.send(effect.reply);
          continue;
        }
        const handler = registry.actions[effect.action.type] as
          | ((turn: Turn, input: unknown, tools: CommandTools) => Promise<unknown>)
          | undefined;
        if (!handler) throw new Error(`no journey handles the action ${effect.action.type} (flow ${flow.name})`);
        const result = await handler(turn, effect.action.input, tools);
        const next = effect.then?.(result);
        if (!next) continue;
        if (next.effects) await run(next.effects, depth + 1);
        if (next.state !== undefined) state = next.state;
      }
    };
    await run(step.effects, 0);
    if (state === null) {
      if (turn.conversation) turn.setConversation(undefined);
      return;
    }
    turn.setConversation({
      flow: flow.name,
      version: flow.version,
      state,
      offered: turn.offered,
      expiresAt: new Date(turn.now.getTime() + options.conversationTtlMs),
    });
  }

  const flowContext = (turn: Turn): FlowContext => ({
    locale: turn.locale,
    userName: turn.user.name,
    timeZone: turn.timeZone,
    now: turn.now,
  });

  const tools: CommandTools = {
    async startFlow(turn, name, args) {
      const flow = registry.flows[name];
      if (!flow) throw new Error(`no flow named ${name}`);
      await applyStep(turn, flow, flow.start(flowContext(turn), args));
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

  /** A number typed in answer to numbered choices means that choice (WhatsApp has no buttons). */
  function toFlowInput(turn: Turn, event: InboundEvent): FlowInput | undefined {
    const c = event.content;
    if (c.kind === "text") {
      const n = /^\s*(\d{1,2})\s*\.?\s*$/.exec(c.text);
      const offered = turn.conversation?.offered ?? [];
      if (n && Number(n[1]) >= 1 && Number(n[1]) <= offered.length)
        return { kind: "choice", value: offered[Number(n[1]) - 1]! };
      return { kind: "text", text: c.text };
    }
    if (c.kind === "choice") return { kind: "choice", value: c.value };
    if (c.kind === "media") return { kind: "media", mediaType: c.mediaType, ref: c.ref, caption: c.caption };
    if (c.kind === "contact")
      return { kind: "contact", phone: c.phone, own: c.own, ...(c.name ? { name: c.name } : {}) };
    if (c.kind === "location")
      return {
        kind: "location",
        latitude: c.latitude,
        longitude: c.longitude,
        ...(c.name ? { name: c.name } : {}),
        ...(c.address ? { address: c.address } : {}),
      };
    return undefined;
  }

  /**
   * A vote in a native poll we sent (WhatsApp): the choice it stands for, read from the outbox row of the poll (the
   * network names the poll by the id it gave that message, and the option by its label or, when the label was not
   * cached, its position). Undefined when the poll is not ours or the option is unknown.
   */
  async function pollChoice(turn: Turn, pollRef: string, picked: string): Promise<string | undefined> {
    const row = await (await turn.db()).outboundMessage.findFirst({
      where: { channel: turn.event.channel, externalId: pollRef },
      select: { options: true },
    });
    const choices = (row?.options as { choices?: { label: string; value: string }[] } | null)?.choices ?? [];
    return (
      choices.find((choice) => choice.label === picked)?.value ??
      (/^\d{1,2}$/.test(picked) ? choices[Number(picked) - 1]?.value : undefined)
    );
  }

  /**
   * Handles one message; the caller stores the turn's conversation, replies and held-back writes in the same
   * transaction. `known` is what the caller read with the message (turn-store.ts loadNextMessages): the person, when
   * their id is already linked, the chat's conversation, and who holds the phones of unseen senders.
   */
  async function route(
    scope: TurnScope,
    event: InboundEvent,
    inboundId: bigint,
    now: Date,
    known: {
      person?: Person;
      conversation: StoredConversation | undefined;
      phones: UnseenPhones;
      preloads?: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
    },
  ): Promise<Turn> {
    const { user, isNew, nameUnknown } = await identify(scope, event, known);
    const locale = isLocale(user.locale) ? user.locale : options.defaultLocale;
    const turn = new Turn(scope, event, inboundId, user, locale, known.conversation, now, env, known.preloads);

    // A conversation that is stale or from an older flow version is dropped, and the person told why.
    const active = turn.conversation;
    if (active) {
      const flow = registry.flows[active.flow];
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

    await dispatch(turn, isNew, nameUnknown);
    return turn;
  }

  async function identify(scope: TurnScope, event: InboundEvent, known: { person?: Person; phones: UnseenPhones }) {
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

  /** The start, contact and welcome moments: each owned by one journey (the core one). */
  const hooks = registry.hooks;

  async function dispatch(turn: Turn, isNew: boolean, nameUnknown: boolean): Promise<void> {
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
      if (command) return registry.commands.get(command.name)!.run(turn, command.args, tools);
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
        if (turn.event.isGroup || !(await answerChoice(turn, input.value))) turn.say("choice.expired");
        return;
      }
      return applyStep(turn, flow, flow.handle(active.state, input, flowContext(turn)));
    }
    if (isNew && hooks.welcome) return hooks.welcome(turn, { nameUnknown }, tools);
    if (input?.kind === "choice") {
      if (!(await answerChoice(turn, input.value))) turn.say("choice.expired");
      return;
    }
    if (input?.kind === "media" || input?.kind === "location") return turn.say("unknown.media");
    const text = input?.kind === "text" ? input.text.trim() : "";
    if (text) for (const understand of registry.understanders) if (await understand(turn, text, tools)) return;
    unknownInput(turn, text);
  }

  /** Words nothing understood: the closest commands by name and meaning, in the person's language, and the way to help. */
  function unknownInput(turn: Turn, text: string): void {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    const lines = text ? registry.suggestions(text, turn.locale) : [];
    if (lines.length) return turn.say("unknown.suggest", { text: shown, lines: lines.join("\n") });
    turn.say("unknown.input", { text: shown });
  }

  /** A choice value "<prefix>:..." answered by the journey owning the prefix; false when none does. */
  async function answerChoice(turn: Turn, value: string): Promise<boolean> {
    const handler = registry.choices.get(value.split(":", 1)[0]!);
    if (!handler) return false;
    await handler(turn, value, tools);
    return true;
  }

  return { route, registry, environment: env };
}

/** 32000 -> "32,000": counts people can read at a glance. */
function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === "sw" ? "sw-TZ" : "en-GB");
}

export type Router = ReturnType<typeof createRouter>;
