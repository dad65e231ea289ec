// Which event a command is about: its code at the start of the arguments, or the organizer's one upcoming event.
import { findOrganizerEvent, type OrganizerEvent } from "../domain/events.js";
import type { Turn } from "../engine/turn.js";

/** An event code at the start of a command's arguments ("HARUSI-7K2 ..."): codes always have a hyphen, names and phones rarely. */
export function splitCode(args: string): { code?: string; rest: string } {
  const m = /^([A-Za-z0-9_]+-[A-Za-z0-9_-]+)(?:\s+([\s\S]*))?$/.exec(args.trim());
  return m ? { code: m[1]!, rest: (m[2] ?? "").trim() } : { rest: args.trim() };
}

/** The event code a command that takes nothing else was given: the code, or whatever was typed (refused as unknown). */
export const codeOf = (args: string): string | undefined => splitCode(args).code ?? (args.trim() || undefined);

/** The organizer's event by this code, or their one upcoming event; anyone else's code is refused as unknown. */
export async function organizerEvent(turn: Turn, code: string | undefined): Promise<OrganizerEvent> {
  return findOrganizerEvent(await turn.db(), { organizerId: turn.user.id, code: code || undefined, now: turn.now });
}
