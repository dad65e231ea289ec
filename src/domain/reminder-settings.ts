// An event's reminder settings as its organizer sets them (when guests are reminded, which kinds are off), and what
// is waiting to be sent. Every change re-plans the event's reminders (src/reminders/plan.ts) in the same transaction.
import type { Tx } from "../db/prisma.js";
import type { Column } from "../db/rows.js";
import { planEvent } from "../reminders/plan.js";

export interface ReminderSettings {
  /** minutes before the event, latest first */
  reminderOffsets: number[];
  /** the reminder groups turned off */
  remindersOff: string[];
}

export async function reminderSettings(tx: Tx, eventId: string): Promise<ReminderSettings> {
  return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { reminderOffsets: true, remindersOff: true } });
}

/** Saves a change of the settings and plans the event's reminders again. */
export async function changeReminderSettings(
  tx: Tx,
  options: { eventId: string; change: Partial<ReminderSettings> },
): Promise<void> {
  await tx.event.update({ where: { id: options.eventId }, data: options.change });
  await planEvent(tx, options.eventId);
}

/** How many of the event's reminders wait to be sent, and when the next one goes. */
export async function scheduledReminders(
  tx: Tx,
  eventId: string,
): Promise<{ count: number; next: Column<"reminders", "run_at"> | null }> {
  const [row] = await tx.$queryRaw<{ count: number; next: Column<"reminders", "run_at"> | null }[]>`
    SELECT count(*)::int AS count, min(run_at) AS next FROM reminders WHERE event_id = ${eventId}::uuid AND status = 'scheduled'`;
  return row ?? { count: 0, next: null };
}
