// The engine's tables, built once from the list of journeys (src/journeys/index.ts): commands by every name they go
// by, flows by name, action handlers by action, choice prefixes, and the help text for each role. Two journeys
// claiming one name is a bug found at start-up, not a command that silently does the other thing.
import type { Flow } from "../../flows/types.js";
import type { Locale, PlainKey } from "../i18n/index.js";
import { t } from "../i18n/index.js";
import type {
  ActionHandlers,
  BatchWriter,
  Command,
  CommandTools,
  Hooks,
  Journey,
  Preloader,
  Role,
} from "../journeys/journey.js";
import type { Turn } from "./turn.js";
import { argumentShapes, buildSuggester } from "../language/commands.js";

export interface Registry {
  /** the command a name (lower case) stands for */
  commands: ReadonlyMap<string, Command>;
  flows: Readonly<Record<string, Flow<any, any>>>;
  actions: ActionHandlers;
  hooks: Hooks;
  preloaders: ReadonlyMap<string, Preloader>;
  writers: ReadonlyMap<string, BatchWriter>;
  choices: ReadonlyMap<string, (turn: Turn, value: string, tools: CommandTools) => Promise<void>>;
  understanders: ((turn: Turn, text: string, tools: CommandTools) => Promise<boolean>)[];
  nextSteps: ((turn: Turn) => Promise<string[]>)[];
  openers: ((turn: Turn, code: string, tools: CommandTools) => Promise<boolean>)[];
  /** the command lines of /help for someone holding these roles, in their language */
  helpSections(locale: Locale, roles: Record<Role, boolean>): string[];
  /** whether words typed after a command's name (without the slash) are its arguments, by the command's own reader */
  takes(name: string, args: string): boolean;
  /** the help lines (in this language) of the commands a message that is no command most likely meant */
  suggestions(text: string, locale: Locale): string[];
}

const sectionHeader: Record<Role, PlainKey> = {
  guest: "help.section.guest",
  organizer: "help.section.organizer",
  provider: "help.section.provider",
};

function claim<T>(
  table: Map<string, T>,
  key: string,
  value: T,
  what: string,
  owner: string,
  owners: Map<string, string>,
): void {
  if (table.has(key))
    throw new Error(`two journeys claim the ${what} "${key}": ${owners.get(`${what}:${key}`)} and ${owner}`);
  table.set(key, value);
  owners.set(`${what}:${key}`, owner);
}

export function buildRegistry(journeys: readonly Journey[]): Registry {
  const owners = new Map<string, string>();
  const commands = new Map<string, Command>();
  const flows = new Map<string, Flow<any, any>>();
  const actions = new Map<string, unknown>();
  const choices = new Map<string, (turn: Turn, value: string, tools: CommandTools) => Promise<void>>();
  const hooks = new Map<string, unknown>();
  const preloaders = new Map<string, Preloader>();
  const writers = new Map<string, BatchWriter>();
  for (const journey of journeys) {
    for (const command of journey.commands ?? []) {
      if (!command.en.length || !command.sw.length)
        throw new Error(`a command of ${journey.name} lacks an English or a Swahili name`);
      for (const name of new Set([...command.en, ...command.sw].map((n) => n.toLowerCase()))) {
        if (!/^[a-z]+$/.test(name)) throw new Error(`command name "${name}" of ${journey.name} must be letters only`);
        claim(commands, name, command, "command", journey.name, owners);
      }
    }
    for (const flow of journey.flows ?? []) claim(flows, flow.name, flow, "flow", journey.name, owners);
    for (const [name, handler] of Object.entries(journey.actions ?? {}))
      claim(actions, name, handler, "action", journey.name, owners);
    for (const [prefix, handler] of Object.entries(journey.choices ?? {}))
      claim(choices, prefix, handler, "choice prefix", journey.name, owners);
    for (const [moment, hook] of Object.entries(journey.hooks ?? {}))
      claim(hooks, moment, hook, "hook", journey.name, owners);
    for (const [name, preloader] of Object.entries(journey.preload ?? {}))
      claim(preloaders, name, preloader, "preload", journey.name, owners);
    for (const [name, writer] of Object.entries(journey.writers ?? {}))
      claim(writers, name, writer, "writer", journey.name, owners);
  }
  const listed = journeys.flatMap((j) => j.commands ?? []).filter((c) => c.help);
  // Suggestions are built from what people read: the names and the help lines in both languages.
  const suggester = buildSuggester(
    listed.map((c) => ({
      names: [...c.en, ...c.sw].map((n) => n.toLowerCase()),
      help: { en: t("en", c.help!), sw: t("sw", c.help!) },
    })),
  );

  return {
    commands,
    flows: Object.fromEntries(flows),
    actions: Object.fromEntries(actions) as ActionHandlers,
    hooks: Object.fromEntries(hooks) as Hooks,
    preloaders,
    writers,
    choices,
    understanders: journeys.flatMap((j) => (j.understand ? [j.understand] : [])),
    nextSteps: journeys.flatMap((j) => (j.nextSteps ? [j.nextSteps] : [])),
    openers: journeys.flatMap((j) => (j.opens ? [j.opens] : [])),
    helpSections(locale, roles) {
      const lines = (audience: Command["for"]) =>
        listed.filter((c) => c.for === audience).map((c) => t(locale, c.help!));
      const sections = [lines("everyone").join("\n")];
      // Someone with no role yet is most likely a guest-to-be: show them what guests do.
      const shown: Role[] = (["guest", "organizer", "provider"] as const).filter(
        (r) => roles[r] || (r === "guest" && !roles.organizer && !roles.provider),
      );
      for (const role of shown) {
        const roleLines = lines(role);
        if (roleLines.length) sections.push([t(locale, sectionHeader[role]), ...roleLines].join("\n"));
      }
      return sections;
    },
    takes(name, args) {
      const command = commands.get(name);
      const shape = command && (command.takes ?? argumentShapes[command.en[0]!]);
      return shape ? shape(args) : false;
    },
    suggestions(text, locale) {
      return suggester.suggest(text).map((i) => t(locale, listed[i]!.help!));
    },
  };
}
