// /export: an event's list as a CSV file in the organizer's chat. A CSV library does the quoting (names with commas,
// quotes and line breaks are common); a byte-order mark makes Excel read the UTF-8 (Swahili names, emoji) right;
// amounts are plain numbers and times are in the event's zone, so a spreadsheet can sum and sort them.
import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify/sync";
import { format } from "date-fns";
import { exportRows, type ExportKind } from "../../domain/exports.js";
import type { Turn } from "../../engine/turn.js";
import type { CommandHandler, Journey } from "../journey.js";
import { fileStem, organizerEvent, splitCode } from "../list.js";

const kinds: Record<string, ExportKind> = {
  guests: "guests", wageni: "guests",
  contributions: "contributions", michango: "contributions",
  budget: "budget", bajeti: "budget",
  tasks: "tasks", kazi: "tasks",
};


const num = (value: string | null) => (value === null ? "" : Number(value));

async function csvOf(turn: Turn, kind: ExportKind, eventId: string, zone: string, currency: string): Promise<{ csv: string; count: number }> {
  const tx = await turn.db();
  const when = (date: Date | null) => (date ? format(new TZDate(date, zone), "yyyy-MM-dd HH:mm") : "");
  const status = (answer: string) => turn.render({ key: `guests.status.${answer as "pending" | "accepted" | "declined" | "maybe"}` });
  let rows: (string | number)[][];
  if (kind === "guests") {
    rows = (await exportRows.guests(tx, eventId)).map((r) => [r.name, r.phone ?? "", status(r.answer), r.party, when(r.answered), r.code ?? ""]);
  } else if (kind === "contributions") {
    rows = (await exportRows.contributions(tx, eventId)).map((r) => [r.name, r.phone ?? "", r.kind, num(r.amount), num(r.paid), r.currency ?? currency, r.content ?? "", when(r.at), r.code ?? ""]);
  } else if (kind === "budget") {
    rows = (await exportRows.budget(tx, eventId)).map((r) => [r.title, r.source, num(r.cost), num(r.paid), r.status ?? "", currency]);
  } else {
    rows = (await exportRows.tasks(tx, eventId)).map((r) => [r.code ?? "", r.title, r.status ?? "", r.assignee ?? "", r.phone ?? "", when(r.due)]);
  }
  const header = turn.render({ key: `export.head.${kind}` }).split("|");
  return { csv: stringify([header, ...rows], { bom: true, record_delimiter: "windows" }), count: rows.length };
}

const exportCommand: CommandHandler = async (turn, args) => {
  const { code, rest } = splitCode(args);
  const kind = kinds[rest.trim().toLowerCase()];
  const event = await organizerEvent(turn, code);
  if (!kind) return turn.say("export.usage", { code: event.code ?? "" });
  const { csv, count } = await csvOf(turn, kind, event.id, event.timeZone, event.currency);
  const list = turn.render({ key: `export.list.${kind}` });
  turn.send({
    text: { text: turn.render({ key: "export.sent", params: { event: event.name, list, count, zone: event.timeZone } }) },
    document: { filename: `${fileStem(event.name, "event")}-${list}.csv`, mimeType: "text/csv", base64: Buffer.from(csv, "utf8").toString("base64") },
  });
};

export const exportsJourney: Journey = {
  name: "exports",
  commands: [{ en: ["export"], sw: ["pakua"], for: "organizer", help: "help.line.export", run: exportCommand }],
};
