// A minimal flow for engine tests: every text increments a counter stored in the conversation. If two messages of
// one chat were ever handled at once, or out of order, the counts in the replies would repeat or skip.
import type { CommandHandler, Journey } from "../../src/journeys/journey.js";
import type { Flow } from "../../flows/types.js";

export const counterFlow: Flow<{ count: number }, void> = {
  name: "counter",
  version: 1,
  start: () => ({ state: { count: 0 }, effects: [{ type: "reply", reply: { text: { text: "counting" } } }] }),
  handle: (state) => ({
    state: { count: state.count + 1 },
    effects: [{ type: "reply", reply: { text: { text: String(state.count + 1) } } }],
  }),
};

export const counterCommand: CommandHandler = (turn, _args, tools) => tools.startFlow(turn, "counter");

/** A journey of test commands (each name the same in both languages) and flows, for engine tests. */
export function testJourney(parts: { flows?: Flow<any, any>[]; commands?: Record<string, CommandHandler> }): Journey {
  return {
    name: "test",
    flows: parts.flows ?? [],
    commands: Object.entries(parts.commands ?? {}).map(([name, run]) => ({
      en: [name],
      sw: [name],
      for: "everyone" as const,
      run,
    })),
  };
}
