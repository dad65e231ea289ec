// The organizer's view of an event's reminders, and their settings: when guests who are coming are reminded, and
// which kinds are on. Sending them is src/reminders (planned with every change, fired by BullMQ jobs).
import type { OrganizerEvent } from "../../domain/events.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { plural } from "../../i18n/index.js";
import { defaultOffsets, reminderGroups, type ReminderGroup } from "../../reminders/plan.js";
import {
  changeReminderSettings,
  reminderSettings,
  scheduledReminders,
  type ReminderSettings,
} from "../../domain/reminder-settings.js";
import type { CommandHandler, Journey } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { whenText } from "../format.js";

const groupNames: Record<string, ReminderGroup> = {
  event: "event",
  guests: "event",
  tukio: "event",
  wageni: "event",
  nudges: "nudges",
  nudge: "nudges",
  majibu: "nudges",
  tasks: "tasks",
  kazi: "tasks",
  bookings: "bookings",
  huduma: "bookings",
  payments: "payments",
  malipo: "payments",
  polls: "polls",
  kura: "polls",
  digest: "digest",
  summary: "digest",
  muhtasari: "digest",
};
const onWords = new Set(["on", "washa"]);
const offWords = new Set(["off", "zima"]);
const unitMinutes: Record<string, number> = { d: 1440, h: 60, m: 1 };
const maxOffsets = 5;
const maxMinutes = 60 * 1440;

/** "7d 1d 3h" -> [10080, 1440, 180], latest first; undefined when any part is not such a time. */
export function parseOffsets(words: string[]): number[] | undefined {
  const minutes = words.map((w) => {
    const m = /^(\d{1,4})(d|h|m)$/.exec(w.toLowerCase());
    return m ? Number(m[1]) * unitMinutes[m[2]!]! : NaN;
  });
  if (!minutes.length || minutes.length > maxOffsets || minutes.some((n) => !(n > 0 && n <= maxMinutes)))
    return undefined;
  return [...new Set(minutes)].sort((a, b) => b - a);
}

function offsetText(turn: Turn, minutes: number): string {
  if (minutes % 1440 === 0) return turn.render({ key: "reminders.unit.day", params: { n: minutes / 1440 } });
  if (minutes % 60 === 0) return turn.render({ key: "reminders.unit.hour", params: { n: minutes / 60 } });
  return turn.render({ key: "reminders.unit.minute", params: { n: minutes } });
}

async function show(turn: Turn, event: OrganizerEvent & ReminderSettings): Promise<void> {
  const waiting = await scheduledReminders(await turn.db(), event.id);
  const state = (group: ReminderGroup) =>
    turn.render({ key: event.remindersOff.includes(group) ? "reminders.off" : "reminders.on" });
  const offsets = event.reminderOffsets.length
    ? event.reminderOffsets.map((m) => offsetText(turn, m)).join(", ")
    : turn.render({ key: "reminders.none_offsets" });
  const lines = [
    turn.render({ key: "reminders.header", params: { event: event.name } }),
    turn.render({ key: "reminders.line.event", params: { offsets, state: state("event") } }),
    ...(["nudges", "tasks", "bookings", "payments", "polls", "digest"] as const).map((g) =>
      turn.render({ key: `reminders.line.${g}`, params: { state: state(g) } }),
    ),
    "",
    waiting.count
      ? turn.render({
          key: "reminders.waiting",
          params: { count: waiting.count, when: whenText(turn, waiting.next, event.timeZone) },
        })
      : turn.render({ key: "reminders.waiting_none" }),
    turn.render({ key: "reminders.footer", params: { zone: event.timeZone, code: event.code ?? "" } }),
  ];
  turn.send({ text: { text: lines.join("\n") } });
}

const remindersCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const found = await organizerEvent(turn, code);
  const tx = await turn.db();
  let event = { ...found, ...(await reminderSettings(tx, found.id)) };
  const words = rest.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return show(turn, event);

  let change: Partial<ReminderSettings>;
  const all = Object.keys(reminderGroups) as ReminderGroup[];
  if (words.length === 1 && offWords.has(words[0]!)) change = { remindersOff: all };
  else if (words.length === 1 && onWords.has(words[0]!))
    change = { remindersOff: [], ...(event.reminderOffsets.length ? {} : { reminderOffsets: defaultOffsets }) };
  else if (words.length === 2 && groupNames[words[0]!] && (onWords.has(words[1]!) || offWords.has(words[1]!))) {
    const group = groupNames[words[0]!]!;
    const off = new Set(event.remindersOff);
    if (offWords.has(words[1]!)) off.add(group);
    else off.delete(group);
    change = { remindersOff: all.filter((g) => off.has(g)) };
  } else if (/^\d/.test(words[0]!)) {
    const offsets = parseOffsets(words);
    if (!offsets) throw new AppError("reminder.offsets_unreadable", { text: rest.slice(0, 40) });
    change = { reminderOffsets: offsets, remindersOff: event.remindersOff.filter((g) => g !== "event") };
  } else return turn.say("reminders.usage");

  await changeReminderSettings(tx, { eventId: event.id, change });
  event = { ...event, ...change };
  const { count } = await scheduledReminders(tx, event.id);
  turn.send({ text: { text: plural(turn.locale, "reminders.saved", count, { event: event.name }) } });
  await show(turn, event);
};

export const remindersJourney: Journey = {
  name: "reminders",
  commands: [
    { en: ["reminders"], sw: ["vikumbusho"], for: "organizer", help: "help.line.reminders", run: remindersCommand },
  ],
};
