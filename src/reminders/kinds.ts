// Reminder kinds a journey brings (Journey.reminders): what the planner adds to its one statement, what the sender
// checks again before sending, and what the message says. The built-in kinds stay in plan.ts, fire.ts and compose.ts;
// a journey's own kind (payments: pledges still unpaid a week before the event) is written beside the journey and
// found here, so adding one touches no file of this folder. Contributed kinds are held like the built-in ones:
// quiet hours (never urgent), opt-outs (tellMany leaves out who said STOP) and the organizer's switch per group.
import type { Tx } from "../db/prisma.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Telling } from "../engine/tell.js";
import type { ClaimedReminder } from "./compose.js";
import type { ReminderGroup } from "./plan.js";

export interface ReminderKindDef {
  /** stored in reminders.kind and the start of every row's key ("pledge-unpaid:<event id>") */
  kind: string;
  /** the /reminders switch that turns it off for an event (its name in `e.off`) */
  group: ReminderGroup;
  /**
   * The wanted rows: a SELECT over the planner's CTE `e` (id, organizer_id, start_time, time_zone, off, offsets: the
   * events being planned, cancelled and completed ones left out) giving key, kind, event_id, user_id, target_id,
   * run_at, useful_until, payload, in that order; it is added to the planner's UNION ALL.
   */
  plan: Prisma.Sql;
  /** A condition over the claimed row `r` and its event `e`: the reminder's reason still holds at send time. */
  stillWanted: Prisma.Sql;
  /** The messages for the rows of this kind claimed together; `key` is the outbox key of a row's messages. */
  compose(tx: Tx, rows: ClaimedReminder[], now: Date, key: (r: ClaimedReminder) => string): Promise<Telling[]>;
}

let loaded: Promise<readonly ReminderKindDef[]> | undefined;

/**
 * Every journey's reminder kinds. Loaded when first needed rather than imported: the journeys import the planner,
 * so a static import here would be a cycle evaluated half-way.
 */
export function contributedKinds(): Promise<readonly ReminderKindDef[]> {
  loaded ??= import("../journeys/index.js").then(({ journeys }) => {
    const defs = journeys.flatMap((j) => j.reminders ?? []);
    const seen = new Set<string>();
    for (const d of defs) {
      if (seen.has(d.kind)) throw new Error(`two journeys bring the reminder kind "${d.kind}"`);
      seen.add(d.kind);
    }
    return defs;
  });
  return loaded;
}
