// /export: an event's list as a CSV file in the organizer's chat. A CSV library does the quoting (names with commas,
// quotes and line breaks are common); a byte-order mark makes Excel read the UTF-8 (Swahili names, emoji) right;
// amounts are plain numbers and times are in the event's zone, so a spreadsheet can sum and sort them. Every text a
// guest or organizer typed (names, well-wishes, titles) is escaped against formula injection (escapeFormula).
import { privateOnly } from "../privacy/index.js";
import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify/sync";
import { format } from "date-fns";
import {
  exportRows,
  type BudgetRow,
  type ExportCell,
  type ExportExtension,
  type ExportKind,
} from "../../domain/exports.js";
import type { RsvpStatus } from "../../generated/prisma/enums.js";
import { counted, type Message } from "../../i18n/index.js";
import type { Turn } from "../../engine/turn.js";
import type { CommandHandler, Journey } from "../journey.js";
import { organizerEvent, splitCode } from "../event-code.js";
import { fileStem } from "../format.js";

const kinds: Record<string, ExportKind> = {
  guests: "guests",
  wageni: "guests",
  contributions: "contributions",
  michango: "contributions",
  budget: "budget",
  bajeti: "budget",
  tasks: "tasks",
  kazi: "tasks",
};

const num = (value: string | null) => (value === null ? "" : Number(value));

/** What spreadsheets read as the start of a formula, the full-width forms included (Apple Numbers folds them). */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A phone number as Nuru stores it (E.164): a plain number to a spreadsheet, nothing that runs. */
const e164 = /^\+\d{6,15}$/;

/**
 * A text cell made inert: one starting like a formula (=HYPERLINK(...), +cmd|..., -1+1, @SUM(...)) gets a leading '
 * (OWASP's advice, what csv-stringify's escape_formulas does), so Excel shows it instead of running it. E.164 phones
 * are left as they are, or every phone column would read '+255...; numbers never pass here.
 */
export function escapeFormula(text: string): string {
  return formulaStart.test(text) && !e164.test(text) ? `'${text}` : text;
}

/** The journeys' columns for a list, loaded when first asked (the journey list imports this journey). */
async function extensionsOf(kind: ExportKind): Promise<ExportExtension[]> {
  const { journeys } = await import("../index.js");
  return journeys.flatMap((j) => j.exports ?? []).filter((x) => x.list === kind);
}

/** Each row with the journeys' cells after its own, by the row's id; a row without an id gets empty ones. */
async function extend(
  turn: Turn,
  kind: ExportKind,
  eventId: string,
  header: string[],
  rows: { id?: string; cells: ExportCell[] }[],
): Promise<{ header: string[]; rows: ExportCell[][] }> {
  const tx = await turn.db();
  const out = { header: [...header], rows: rows.map((r) => [...r.cells]) };
  for (const x of await extensionsOf(kind)) {
    const names = turn.render({ key: x.head } as Message).split("|");
    const cells = await x.cells(tx, eventId);
    out.header.push(...names);
    rows.forEach((r, i) => {
      const added = (r.id ? cells.get(r.id) : undefined) ?? [];
      out.rows[i]!.push(...names.map((_, j) => added[j] ?? ""));
    });
  }
  return out;
}

async function csvOf(
  turn: Turn,
  kind: ExportKind,
  eventId: string,
  zone: string,
  currency: string,
): Promise<{ csv: string; count: number }> {
  const tx = await turn.db();
  const when = (date: Date | null) => (date ? format(new TZDate(date, zone), "yyyy-MM-dd HH:mm") : "");
  const status = (answer: RsvpStatus) => turn.render({ key: `guests.status.${answer}` });
  // A spreadsheet is read by people too: statuses and kinds in words, in the organizer's language.
  const budgetStatus = (r: BudgetRow) =>
    r.status === null
      ? ""
      : turn.render({ key: r.source === "booking" ? `payment.status.${r.status}` : `budget.status.${r.status}` });
  let rows: { id?: string; cells: ExportCell[] }[];
  if (kind === "guests") {
    rows = (await exportRows.guests(tx, eventId)).map((r) => ({
      cells: [r.name, r.phone ?? "", status(r.answer), r.party, when(r.answered), r.code ?? ""],
    }));
  } else if (kind === "contributions") {
    rows = (await exportRows.contributions(tx, eventId)).map((r) => ({
      id: r.id,
      cells: [
        r.name,
        r.phone ?? "",
        turn.render({ key: `contribute.kind.${r.kind}` }),
        num(r.amount),
        num(r.paid),
        r.currency ?? currency,
        r.content ?? "",
        when(r.at),
        r.code ?? "",
      ],
    }));
  } else if (kind === "budget") {
    rows = (await exportRows.budget(tx, eventId)).map((r) => ({
      cells: [
        r.title,
        turn.render({ key: `export.source.${r.source}` }),
        num(r.cost),
        num(r.paid),
        budgetStatus(r),
        currency,
      ],
    }));
  } else {
    rows = (await exportRows.tasks(tx, eventId)).map((r) => ({
      cells: [
        r.code ?? "",
        r.title,
        r.status ? turn.render({ key: `task.status.${r.status}` }) : "",
        r.assignee ?? "",
        r.phone ?? "",
        when(r.due),
      ],
    }));
  }
  const own = turn.render({ key: `export.head.${kind}` }).split("|");
  const { header, rows: cells } = await extend(turn, kind, eventId, own, rows);
  return {
    csv: stringify([header, ...cells], { bom: true, record_delimiter: "windows", cast: { string: escapeFormula } }),
    count: cells.length,
  };
}

const exportCommand: CommandHandler = async (turn, args) => {
  privateOnly(turn, turn.locale === "sw" ? "pakua" : "export");
  const { code, rest } = splitCode(args);
  const kind = kinds[rest.trim().toLowerCase()];
  const event = await organizerEvent(turn, code);
  if (!kind) return turn.say("export.usage", { code: event.code ?? "" });
  const { csv, count } = await csvOf(turn, kind, event.id, event.timeZone, event.currency);
  const list = turn.render({ key: `export.list.${kind}` });
  turn.send({
    text: {
      text: turn.render({
        key: "export.sent",
        params: { event: event.name, list, count: counted("export.rows", count), zone: event.timeZone },
      }),
    },
    document: {
      filename: `${fileStem(event.name, "event")}-${list}.csv`,
      mimeType: "text/csv",
      base64: Buffer.from(csv, "utf8").toString("base64"),
    },
  });
};

export const exportsJourney: Journey = {
  name: "exports",
  commands: [{ en: ["export"], sw: ["pakua"], for: "organizer", help: "help.line.export", run: exportCommand }],
};
