// What a journey (an area of the product: events, invitations and RSVP, polls, bookings ...) brings to the engine,
// in one place: its commands with their English and Swahili names and help lines, its flows, the domain actions its
// flows may ask for, and its messages (messages.ts beside it). src/journeys/index.ts lists the journeys; the engine
// builds its command table, help texts and action registry from that list (src/engine/registry.ts), so adding a
// journey touches no engine file.
import type { ActionInput, ActionName, ActionResult, Flow } from "../../flows/types.js";
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import type { StoredConversation } from "../engine/conversation-store.js";
import type { Locale, PlainKey } from "../i18n/index.js";
import type { Turn } from "../engine/turn.js";
import type { TurnEnvironment } from "../engine/turn.js";
import type { Router } from "express";
import type { Config } from "../config.js";
import type { Db } from "../db/prisma.js";
import type { Channel } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { ReminderKindDef } from "../reminders/kinds.js";
import type { ExportExtension } from "../domain/exports.js";

export type Role = "guest" | "organizer" | "provider";
/** Who a command is listed for in /help: everyone, or people holding a role. Anyone may type any command; the
 * handler refuses what their role does not allow. */
export type Audience = Role | "everyone";

export interface CommandTools {
  /** Starts a flow in this chat with what it needs (an invitation code, the events to choose from). */
  startFlow(turn: Turn, name: string, args?: unknown): Promise<void>;
  /** The lines of /help for someone holding these roles, built from every journey's commands. */
  helpSections(locale: Locale, roles: Record<Role, boolean>): string[];
  /** What the person can do next, from every journey (answers waiting, requests to confirm). */
  nextSteps(turn: Turn): Promise<string[]>;
  /** Opens a code from a link or typed after /start (an invitation, an event's shared link); false when no journey knows it. */
  open(turn: Turn, code: string): Promise<boolean>;
}

export type CommandHandler = (turn: Turn, args: string, tools: CommandTools) => Promise<void>;

export interface Command {
  /** names people type in English and in Kiswahili, the first of each shown in help; "/" optional */
  en: string[];
  sw: string[];
  for: Audience;
  /** the help line (both languages' catalogues); absent: a command not listed in help (its alias is) */
  help?: PlainKey;
  /**
   * Whether words typed after the name without the slash are this command's arguments, beyond the general rule (a
   * code, a phone number, digits, `|` or new lines): e.g. an amount for /contribute. Absent: the shape listed for it
   * in src/language/commands.ts argumentShapes, if any.
   */
  takes?: (args: string) => boolean;
  run: CommandHandler;
}

/** Moments with one owner across all journeys (the core journey has them). */
export interface Hooks {
  /** "/start" with a deep-link payload (or a returning person's bare START) */
  start?: (turn: Turn, payload: string, tools: CommandTools) => Promise<void>;
  /** a contact shared outside any conversation */
  contact?: (turn: Turn, contact: { phone: string; own: boolean; name?: string }, tools: CommandTools) => Promise<void>;
  /** the first message of someone Nuru has just met (no command, no conversation) */
  welcome?: (turn: Turn, person: { nameUnknown: boolean }, tools: CommandTools) => Promise<void>;
}

export type ActionHandler<K extends ActionName> = (
  turn: Turn,
  input: ActionInput<K>,
  tools: CommandTools,
) => Promise<ActionResult<K>>;
export type ActionHandlers = { [K in ActionName]?: ActionHandler<K> };

/**
 * Data a journey reads for many turns of a batch in one statement, instead of one query per turn: the hot path's
 * answer to "every RSVP reads the guest's invitations". `wants` decides from the message alone (no query) whether
 * its turn may need it; `load` reads it for all such people at once. The turn finds it with turn.preloaded(name)
 * and falls back to its own query when it is absent.
 */
export interface Preloader<T = unknown> {
  wants(message: { event: InboundEvent; conversation?: StoredConversation }): boolean;
  load(tx: Tx, userIds: string[], now: Date): Promise<Map<string, T>>;
}

/**
 * Writes a journey holds back for the batch's commit: turns add rows with turn.defer(name, row), and the writer
 * writes all of a batch's rows in one statement just before the commit. A turn that fails drops its rows with the
 * rest of what it did. Rows are not visible to the same turn's later statements: defer only a turn's last write.
 */
export type BatchWriter<R = unknown> = (tx: Tx, rows: R[]) => Promise<void>;

/** What src/main.ts gives every journey's service, once, at start-up. */
export interface JourneyServiceDeps {
  db: Db;
  logger: Logger;
  config: Config;
  env: TurnEnvironment;
  /** queues outbox rows the service committed (messages written with tellMany) */
  dispatch: (channel: Channel, ids: bigint[]) => Promise<void>;
}

/** A journey's work outside any chat: HTTP routes (a provider's callbacks) and timers, started after the channels. */
export interface JourneyService {
  routes?: { path: string; router: Router }[];
  start?(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface Journey {
  name: string;
  commands?: Command[];
  flows?: Flow<any, any>[];
  actions?: ActionHandlers;
  hooks?: Hooks;
  preload?: Record<string, Preloader<any>>;
  writers?: Record<string, BatchWriter<any>>;
  /**
   * Choice values this journey owns by prefix ("rsvp" owns "rsvp:..."), answered even outside the conversation that
   * offered them: people tap buttons of old messages, and invitations are offered to people not in any conversation.
   */
  choices?: Record<string, (turn: Turn, value: string, tools: CommandTools) => Promise<void>>;
  /**
   * Free text outside any conversation that no command took (a greeting, "ndiyo" to an invitation). Journeys are asked
   * in list order; the first that returns true has answered. Asked only when nothing else applies, so it costs
   * nothing on the hot path of conversations and commands.
   */
  understand?: (turn: Turn, text: string, tools: CommandTools) => Promise<boolean>;
  /**
   * Opens a code from a deep link (/start CODE) or typed: returns false when the code is not this journey's, so the
   * next journey is asked; refuses (AppError) when it is, but cannot be opened by this person.
   */
  opens?: (turn: Turn, code: string, tools: CommandTools) => Promise<boolean>;
  /** Lines for the greeting: what this person can do next here (answers waiting, requests to confirm). */
  nextSteps?: (turn: Turn) => Promise<string[]>;
  /**
   * Work outside the chat (payments: callback routes, a starter and a reconciler): built by src/main.ts for every
   * journey that has one, its routes mounted by src/http/app.ts, started after the channels and stopped at shutdown.
   */
  service?: (deps: JourneyServiceDeps) => JourneyService;
  /** Reminder kinds of its own, planned, checked and sent with the built-in ones (src/reminders/kinds.ts). */
  reminders?: ReminderKindDef[];
  /** Columns it adds to an /export list, or lists of its own (src/domain/exports.ts). */
  exports?: ExportExtension[];
}
