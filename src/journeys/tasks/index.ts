// Tasks of an event: the organizer adds them (for someone by phone, with a due time if wanted) and sees them overdue
// first; the person given a task is told, lists theirs, and moves it on; the organizer is told when one is done.
import { parseEventDate } from "../../../flows/event-input.js";
import { formFlow, forms } from "../../../flows/form.flow.js";
import { isSeparated, readTask, splitFields } from "../../language/fields.js";
import { normalisePhone } from "../../domain/phones.js";
import { createTask, listEventTasks, listMyTasks, moveTask } from "../../domain/tasks.js";
import { storableName } from "../../channels/storable.js";
import type { Turn } from "../../engine/turn.js";
import { AppError } from "../../errors.js";
import { formatDateTime } from "../../i18n/dates.js";
import { message, render } from "../../i18n/index.js";
import type { CommandHandler, Journey } from "../journey.js";
import { codeOf, organizerEvent, splitCode } from "../event-code.js";
import { whenText } from "../format.js";
import { tidingsOf } from "../replies.js";

type TaskStatus = "pending" | "in_progress" | "completed";
const statusText = (turn: Turn, status: string | null, overdue = false) =>
  overdue
    ? turn.render({ key: "task.status.overdue" })
    : turn.render({ key: `task.status.${(status ?? "pending") as TaskStatus}` });

const taskCommand: CommandHandler = async (turn, args, tools) => {
  const { code, rest } = splitCode(args);
  // "Title | phone name | due", one per line, or in one line: "Nunua maua 0713456701 Juma kesho 18:00".
  const [title, ...others] = isSeparated(rest)
    ? splitFields(rest)
    : rest
      ? readTask(rest, (t) => parseEventDate(t, turn.timeZone, turn.now))
      : [];
  if (!title) {
    const event = await organizerEvent(turn, code);
    return tools.startFlow(turn, forms.task.name, { about: { code: event.code ?? "", event: event.name }, values: [] });
  }
  await addTask(turn, code, title, others);
};

async function addTask(turn: Turn, code: string | undefined, title: string, others: string[]): Promise<void> {
  if (title.length < 2 || title.length > 200) return turn.say("task.usage");
  const event = await organizerEvent(turn, code);
  let assignee: { phone: string; name?: string } | undefined;
  let dueTime: Date | undefined;
  for (const part of others.filter(Boolean)) {
    // A part with a date is the due time; one with a phone number is the assignee (and their name).
    const due = parseEventDate(part, event.timeZone, turn.now);
    if (due) {
      if (due <= turn.now) throw new AppError("task.due_past", { text: part.slice(0, 40) });
      dueTime = due;
      continue;
    }
    const digits = /\+?[\d(][\d\s()-]{6,}\d/.exec(part);
    const phone = digits ? normalisePhone(digits[0].replace(/[\s()-]/g, ""), turn.env.defaultCountry) : undefined;
    if (!phone)
      throw new AppError(
        /\d/.test(part) && !/^@?\+?[\d\s()-]+\D*$/.test(part) ? "task.due_unreadable" : "task.assignee_unreadable",
        { text: part.slice(0, 40) },
      );
    const name = storableName(part.replace(digits![0], " ").replace(/^@/, ""));
    assignee = { phone, ...(name.length >= 2 ? { name } : {}) };
  }
  const task = await createTask(await turn.db(), {
    eventId: event.id,
    title,
    dueTime,
    assignee,
    defaultLocale: turn.locale,
    timeZone: event.timeZone,
  });
  const details = [
    ...(task.assignee ? [turn.render({ key: "task.for", params: { name: task.assignee.name } })] : []),
    ...(task.dueTime
      ? [turn.render({ key: "task.due", params: { when: whenText(turn, task.dueTime, event.timeZone) } })]
      : []),
  ].join("");
  if (task.assignedTo && task.assignedTo !== turn.user.id) {
    await turn.tell(
      { userIds: [task.assignedTo] },
      {
        type: "task",
        eventId: event.id,
        message: (locale) => ({
          text: render(locale, {
            key: "task.assigned",
            params: {
              organizer: turn.user.name,
              event: event.name,
              title,
              code: task.code ?? "",
              due: task.dueTime
                ? render(locale, {
                    key: "task.due",
                    params: { when: formatDateTime(task.dueTime, event.timeZone, locale) },
                  })
                : "",
            },
          }),
        }),
      },
    );
  }
  turn.say("task.created", { code: task.code ?? "", event: event.name, title, details });
}

const tasksCommand: CommandHandler = async (turn, args) => {
  const event = await organizerEvent(turn, codeOf(args));
  const tasks = await listEventTasks(await turn.db(), event.id, turn.now);
  if (!tasks.length) return turn.say("tasks.none", { event: event.name, code: event.code ?? "" });
  const lines = tasks.map((t) =>
    turn.render({
      key: "tasks.item",
      params: {
        code: t.code ?? "",
        title: t.title,
        status: statusText(turn, t.status, t.overdue),
        who: t.assignee ? turn.render({ key: "task.for", params: { name: t.assignee.name } }) : "",
        due: t.dueTime
          ? turn.render({ key: "task.due", params: { when: whenText(turn, t.dueTime, event.timeZone) } })
          : "",
      },
    }),
  );
  turn.send({
    text: { text: [turn.render({ key: "tasks.header", params: { event: event.name } }), ...lines].join("\n") },
  });
};

const myTasksCommand: CommandHandler = async (turn) => {
  const tasks = await listMyTasks(await turn.db(), turn.user.id);
  if (!tasks.length) return turn.say("mytasks.none");
  const lines = tasks.map((t) =>
    turn.render({
      key: "mytasks.item",
      params: {
        code: t.code ?? "",
        title: t.title,
        event: t.event?.name ?? "",
        status: statusText(turn, t.status, t.status !== "completed" && t.dueTime !== null && t.dueTime < turn.now),
        due: t.dueTime
          ? turn.render({
              key: "task.due",
              params: { when: whenText(turn, t.dueTime, t.event?.timeZone ?? turn.timeZone) },
            })
          : "",
      },
    }),
  );
  turn.send({ text: { text: [turn.render({ key: "mytasks.header" }), ...lines].join("\n") } });
};

const progressCommand: CommandHandler = async (turn, args) => {
  if (!args.trim()) return turn.say("task.usage_move", { command: "/progress" });
  const task = await moveTask(await turn.db(), { userId: turn.user.id, typed: args, to: "in_progress" });
  turn.say("task.started", { title: task.title, code: task.code ?? "" });
};

const doneCommand: CommandHandler = async (turn, args) => {
  // Said, not refused: a bare "done" typed in the middle of another conversation must not end it.
  if (!args.trim()) return turn.say("task.usage_move", { command: "/done" });
  const task = await moveTask(await turn.db(), { userId: turn.user.id, typed: args, to: "completed" });
  const organizer = task.event?.organizerId;
  if (organizer && organizer !== turn.user.id) {
    await turn.tell(
      { userIds: [organizer] },
      tidingsOf(
        "task_done",
        task.event?.id,
        message("task.done_notice", { name: turn.user.name, event: task.event?.name ?? "", title: task.title }),
      ),
    );
  }
  turn.say("task.finished", { title: task.title });
};

export const tasksJourney: Journey = {
  name: "tasks",
  commands: [
    { en: ["task"], sw: ["kazi"], for: "organizer", help: "help.line.task", run: taskCommand },
    { en: ["tasks"], sw: ["kazizote"], for: "organizer", help: "help.line.tasks", run: tasksCommand },
    { en: ["mytasks"], sw: ["kazizangu"], for: "everyone", help: "help.line.mytasks", run: myTasksCommand },
    { en: ["progress"], sw: ["naendelea"], for: "everyone", help: "help.line.progress", run: progressCommand },
    { en: ["done"], sw: ["imekwisha"], for: "everyone", help: "help.line.done", run: doneCommand },
  ],
  flows: [formFlow(forms.task)],
  actions: {
    taskForm: (turn, { about, values: [title, ...others] }) =>
      addTask(turn, about.code, title!, others.filter(Boolean)),
  },
};
