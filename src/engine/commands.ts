// Reading a command out of a message: in English or Swahili, with or without the leading "/" (WhatsApp has no
// command menu). The commands themselves belong to the journeys (src/journeys/), listed in the registry.

export interface ParsedCommand {
  name: string;
  args: string;
}

/** "/help", "help", "/Lugha sw", "/start@NuruBot CODE" -> { name, args }; undefined when not a command we know. */
export function parseCommand(text: string, known: ReadonlySet<string>): ParsedCommand | undefined {
  const match = /^\s*(\/)?([A-Za-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  const name = match[2]!.toLowerCase();
  if (!known.has(name)) return undefined;
  const args = (match[3] ?? "").trim();
  // Without the slash only a bare word (or "language sw") counts, so ordinary sentences are not taken as commands.
  if (!match[1] && args.split(/\s+/).length > 1) return undefined;
  return { name, args };
}
