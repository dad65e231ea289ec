// Tasks of an event: the organizer gives them (to a helper, a relative, a provider, by phone), the assignee moves
// them on (pending -> in progress -> done); only the assignee or the organizer may change a task, and anyone else
// gets the same answer as for an unknown reference.
import type { Tx } from "../db/prisma.js";
import { AppError } from "../errors.js";
import { normaliseCode, randomCode } from "./codes.js";
import { personByPhone } from "./users.js";
import { planEvent } from "../reminders/plan.js";

const taskSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  dueTime: true,
  assignedTo: true,
  assignee: { select: { name: true, phone: true } },
  event: { select: { id: true, name: true, code: true, organizerId: true, timeZone: true } },
} as const;

export async function createTask(
  tx: Tx,
  options: {
    eventId: string;
    title: string;
    dueTime?: Date;
    assignee?: { phone: string; name?: string };
    defaultLocale: "en" | "sw";
    timeZone: string;
  },
) {
  const assignedTo = options.assignee
    ? (
        await personByPhone(tx, {
          ...options.assignee,
          defaultLocale: options.defaultLocale,
          timeZone: options.timeZone,
        })
      ).id
    : undefined;
  const task = await tx.eventTask.create({
    data: {
      eventId: options.eventId,
      title: options.title,
      dueTime: options.dueTime,
      assignedTo,
      code: `T-${randomCode(5)}`,
    },
    select: taskSelect,
  });
  if (task.dueTime) await planEvent(tx, options.eventId);
  return task;
}

/** The event's tasks for its organizer: overdue first, then open, in progress, done; each group by due time. */
export async function listEventTasks(tx: Tx, eventId: string, now: Date) {
  const tasks = await tx.eventTask.findMany({
    where: { eventId },
    select: taskSelect,
    orderBy: [{ dueTime: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 100,
  });
  const rank = (t: (typeof tasks)[number]) =>
    t.status !== "completed" && t.dueTime && t.dueTime < now
      ? 0
      : t.status === "pending"
        ? 1
        : t.status === "in_progress"
          ? 2
          : 3;
  return tasks.map((t) => ({ ...t, overdue: rank(t) === 0 })).sort((a, b) => rank(a) - rank(b));
}

/** Tasks given to the person, open ones first. */
export async function listMyTasks(tx: Tx, userId: string) {
  return tx.eventTask.findMany({
    where: { assignedTo: userId, event: { status: { notIn: ["cancelled"] } } },
    select: taskSelect,
    orderBy: [{ status: "asc" }, { dueTime: { sort: "asc", nulls: "last" } }],
    take: 50,
  });
}

/** Moves a task on; refused (as unknown) for anyone but its assignee and its event's organizer. */
export async function moveTask(tx: Tx, options: { userId: string; typed: string; to: "in_progress" | "completed" }) {
  const code = normaliseCode(options.typed);
  const task = code
    ? await tx.eventTask.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select: taskSelect })
    : null;
  if (!task || (task.assignedTo !== options.userId && task.event?.organizerId !== options.userId)) {
    throw new AppError("task.not_found", { code: options.typed.trim().slice(0, 40) });
  }
  if (task.status === "completed") throw new AppError("task.already_done", { title: task.title });
  await tx.eventTask.update({ where: { id: task.id }, data: { status: options.to } });
  // A task done needs no more reminders.
  if (options.to === "completed" && task.event) await planEvent(tx, task.event.id);
  return task;
}
