// Decides what one inbound message means: a command, an answer to the active conversation, a deep link, a shared
// contact, or something we explain with help. Runs inside the message's transaction.
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import { attachPhone, resolveSender } from "../domain/users.js";
import { normalisePhone } from "../domain/phones.js";
import { claimInvitation } from "../domain/invitations.js";
import { inboundLimits } from "../channels/storable.js";
import { AppError } from "../errors.js";
import { isLocale, type Locale } from "../i18n/index.js";
import type { DomainAction, Flow, FlowContext, FlowInput, Step } from "../../flows/types.js";
import { parseCommand, type CommandHandler, type CommandTools } from "./commands.js";
import type { StoredConversation } from "./conversation-store.js";
import { isUnseenSender, resolveUnseenSender, type UnseenPhones } from "./senders.js";
import { Turn, type Person, type TurnScope } from "./turn.js";
import type { TurnWrites } from "./turn-writes.js";

export interface RouterOptions {
  flows: Record<string, Flow<any>>;
  commands: Record<string, CommandHandler>;
  defaultCountry: string;
  defaultLocale: Locale;
  /** IANA zone given to people Nuru meets for the first time */
  defaultTimeZone?: string;
  conversationTtlMs: number;
}

export function createRouter(options: RouterOptions) {
  const commandNames = new Set(Object.keys(options.commands));

  async function runAction(turn: Turn, action: DomainAction): Promise<Record<string, string | number>> {
    switch (action.type) {
      case "setUserName":
        turn.user = { ...turn.user, name: action.name };
        turn.writes.setName(turn.user.id, action.name);
        return { name: action.name };
      case "setLocale":
        turn.locale = action.locale;
        turn.writes.setLocale(turn.user.id, action.locale);
        return { locale: action.locale };
      case "attachPhone": {
        const phone = normalisePhone(action.phone, options.defaultCountry);
        if (!phone) throw new AppError("link.phone_invalid", { phone: action.phone.slice(0, 32) });
        turn.becomes(await attachPhone(await turn.db(), { userId: turn.user.id, phone }));
        return { phone };
      }
      case "claimInvitation":
        return claimInvitation(await turn.db(), { userId: turn.user.id, code: action.code });
    }
  }

  /** Executes a flow step's effects in order, then stores (or ends) the conversation. */
  async function applyStep(turn: Turn, flow: Flow<any>, step: Step<unknown>): Promise<void> {
    turn.offered = [];
    for (const effect of step.effects) {
      if (effect.type === "reply") turn.send(effect.reply);
      else {
        const result = await runAction(turn, effect.action);
        if (effect.then) turn.send(effect.then, result);
      }
    }
    if (step.state === null) {
      if (turn.conversation) turn.setConversation(undefined);
      return;
    }
    turn.setConversation({
      flow: flow.name,
      version: flow.version,
      state: step.state,
      offered: turn.offered,
      expiresAt: new Date(turn.now.getTime() + options.conversationTtlMs),
    });
  }

  const flowContext = (turn: Turn): FlowContext => ({ locale: turn.locale, userName: turn.user.name, now: turn.now });

  const tools: CommandTools = {
    async startFlow(turn, name, args) {
      const flow = options.flows[name];
      if (!flow) throw new Error(`no flow named ${name}`);
      await applyStep(turn, flow, flow.start(flowContext(turn), args));
    },
  };

  /** A number typed in answer to numbered choices means that choice (WhatsApp has no buttons). */
  function toFlowInput(turn: Turn, event: InboundEvent): FlowInput | undefined {
    const c = event.content;
    if (c.kind === "text") {
      const n = /^\s*(\d{1,2})\s*\.?\s*$/.exec(c.text);
      const offered = turn.conversation?.offered ?? [];
      if (n && Number(n[1]) >= 1 && Number(n[1]) <= offered.length) return { kind: "choice", value: offered[Number(n[1]) - 1]! };
      return { kind: "text", text: c.text };
    }
    if (c.kind === "choice") return { kind: "choice", value: c.value };
    if (c.kind === "media") return { kind: "media", mediaType: c.mediaType, ref: c.ref, caption: c.caption };
    if (c.kind === "contact") return { kind: "contact", phone: c.phone, own: c.own };
    if (c.kind === "poll_vote" && c.values[0]) return { kind: "text", text: c.values[0] };
    return undefined;
  }

  async function handleContact(turn: Turn, phoneRaw: string, own: boolean): Promise<void> {
    if (!own) return turn.say("link.contact_not_own");
    const phone = normalisePhone(phoneRaw, options.defaultCountry);
    if (!phone) return turn.say("link.phone_invalid", { phone: phoneRaw.slice(0, 32) });
    turn.becomes(await attachPhone(await turn.db(), { userId: turn.user.id, phone }));
    turn.say("link.phone_saved", { phone });
  }

  /**
   * Handles one message; the caller stores the turn's conversation, replies and held-back writes in the same
   * transaction. `known` is what the caller read with the message (turn-store.ts loadNextMessages): the person, when
   * their id is already linked, the chat's conversation, and who holds the phones of unseen senders.
   */
  async function route(
    scope: TurnScope,
    writes: TurnWrites,
    event: InboundEvent,
    now: Date,
    known: { person?: Person; conversation: StoredConversation | undefined; phones: UnseenPhones },
  ): Promise<Turn> {
    const { user, isNew, nameUnknown } = await identify(scope, writes, event, known);
    const locale = isLocale(user.locale) ? user.locale : options.defaultLocale;
    const turn = new Turn(scope, writes, event, user, locale, known.conversation, now);

    // A conversation that is stale or from an older flow version is dropped, and the person told why.
    const active = turn.conversation;
    if (active) {
      const flow = options.flows[active.flow];
      const reason = active.expiresAt <= now ? "conversation.expired" : !flow || flow.version !== active.version ? "conversation.upgraded" : undefined;
      if (reason) {
        turn.setConversation(undefined);
        turn.say(reason);
        if (reason === "conversation.upgraded") return turn;
      }
    }

    await dispatch(turn, isNew, nameUnknown);
    return turn;
  }

  async function identify(scope: TurnScope, writes: TurnWrites, event: InboundEvent, known: { person?: Person; phones: UnseenPhones }) {
    // A person we know by this very id, with nothing new to link, needs no lookup.
    if (known.person && !event.sender.aliases?.length && (!event.sender.phone || known.person.phone)) {
      return { user: known.person, isNew: false, nameUnknown: false };
    }
    if (isUnseenSender(event, known.person)) return resolveUnseenSender(event, known.phones, writes, options);
    return resolveSender(await scope.db(), {
      channel: event.channel,
      sender: event.sender,
      defaultCountry: options.defaultCountry,
      defaultLocale: options.defaultLocale,
      defaultTimeZone: options.defaultTimeZone,
    });
  }

  async function dispatch(turn: Turn, isNew: boolean, nameUnknown: boolean): Promise<void> {
    const c = turn.event.content;
    // A message Nuru could not take as it is: the sender is told (not a group, where it was likely not for Nuru);
    // any conversation stays as it was, so they can send it again.
    if (c.kind === "refused") {
      if (turn.event.isGroup) return;
      if (c.reason === "too_long") return turn.say("inbound.too_long", { length: formatCount(c.length ?? 0, turn.locale), max: formatCount(inboundLimits.text, turn.locale) });
      return turn.say("inbound.unstorable");
    }
    // A bare START from someone new is their first hello (Telegram's START button), not a return: greet them below.
    if (c.kind === "start" && (c.payload || !isNew)) return options.commands.start!(turn, c.payload ?? "", tools);
    // A contact while a flow waits for one (opening an invitation) is that flow's answer.
    if (c.kind === "contact" && !turn.conversation) return handleContact(turn, c.phone, c.own);
    if (c.kind === "text") {
      const command = parseCommand(c.text, commandNames);
      if (command) return options.commands[command.name]!(turn, command.args, tools);
    }
    // In a group only commands are for Nuru: everything else is people talking to each other, and answering it
    // would be noise (and a ban risk on WhatsApp).
    if (turn.event.isGroup && c.kind !== "choice") return;
    const input = toFlowInput(turn, turn.event);
    const active = turn.conversation;
    if (active && input) {
      const flow = options.flows[active.flow]!;
      if (input.kind === "choice" && !active.offered.includes(input.value)) return turn.say("choice.expired");
      return applyStep(turn, flow, flow.handle(active.state, input, flowContext(turn)));
    }
    if (isNew && nameUnknown) return tools.startFlow(turn, "onboarding");
    if (isNew) return options.commands.help!(turn, "", tools);
    if (input?.kind === "choice") {
      // Language buttons stay valid after their conversation ended (people tap old messages).
      const wanted = input.value.replace(/^lang:/, "");
      if (input.value.startsWith("lang:") && isLocale(wanted)) return options.commands.language!(turn, wanted, tools);
      return turn.say("choice.expired");
    }
    if (input?.kind === "media") return turn.say("unknown.media");
    const text = c.kind === "text" ? c.text.trim() : "";
    turn.say("unknown.input", { text: text.length > 40 ? `${text.slice(0, 40)}…` : text });
  }

  return { route };
}

/** 32000 -> "32,000" / "32,000": counts people can read at a glance. */
function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === "sw" ? "sw-TZ" : "en-GB");
}

export type Router = ReturnType<typeof createRouter>;
