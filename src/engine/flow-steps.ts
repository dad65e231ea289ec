// Running a flow's step inside a turn: its effects in order (replies, and journey actions with what follows from
// their results), then the conversation stored or ended. Flows stay pure (flows/*.flow.ts); this is where their
// effects meet the journeys' actions.
import type { Effect, Flow, FlowContext, Step } from "../../flows/types.js";
import type { CommandTools } from "../journeys/journey.js";
import type { Registry } from "./registry.js";
import type { Turn } from "./turn.js";

/** How deep action follow-ups may chain within one turn (a flow that loops on its own results is a bug). */
const maxFollowUpDepth = 8;

/** What running a step needs of the router. */
export interface StepContext {
  registry: Registry;
  tools: CommandTools;
  conversationTtlMs: number;
}

/** What a flow may know of the turn. */
export const flowContext = (turn: Turn): FlowContext => ({
  locale: turn.locale,
  userName: turn.user.name,
  timeZone: turn.timeZone,
  now: turn.now,
});

/** Executes a flow step's effects in order (actions, then what follows from their results), then stores or ends the conversation. */
export async function applyStep(
  ctx: StepContext,
  turn: Turn,
  flow: Flow<any, any>,
  step: Step<unknown>,
): Promise<void> {
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
      const handler = ctx.registry.actions[effect.action.type] as
        | ((turn: Turn, input: unknown, tools: CommandTools) => Promise<unknown>)
        | undefined;
      if (!handler) throw new Error(`no journey handles the action ${effect.action.type} (flow ${flow.name})`);
      const result = await handler(turn, effect.action.input, ctx.tools);
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
    expiresAt: new Date(turn.now.getTime() + ctx.conversationTtlMs),
  });
}
