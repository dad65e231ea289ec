// Reading a command out of a message: in English or Swahili, with or without the leading "/" (WhatsApp has no
// command menu). The commands themselves belong to the journeys (src/journeys/), listed in the registry.
import { looksLikeArgs } from "../language/commands.js";

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * "/help", "help", "/Lugha sw", "/start@NuruBot CODE", "changia elfu hamsini" -> { name, args }; undefined when not
 * a command we know. Without the slash, words after the name are taken only when they read as arguments: the
 * general rule (a code, a phone number, digits, `|` or new lines: language/commands.ts looksLikeArgs) or the
 * command's own reader (`takes`); an ordinary sentence that starts with a command word stays conversation.
 */
export function parseCommand(
  text: string,
  known: ReadonlySet<string>,
  takes?: (name: string, args: string) => boolean,
  options: { inConversation?: boolean } = {},
): ParsedCommand | undefined {
  const match = /^\s*(\/)?([A-Za-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (!match) return undefined;
  const name = match[2]!.toLowerCase();
  if (!known.has(name)) return undefined;
  const args = (match[3] ?? "").trim();
  if (!match[1] && args) {
    // Inside a conversation an answer may start with a command word followed by a number ("wageni 3" to "how many
    // are you?"): there only a code or reference, or the field separators, make it a command.
    const shaped = options.inConversation
      ? looksLikeArgs(args, { numbers: false })
      : looksLikeArgs(args) || takes?.(name, args);
    if (!shaped) return undefined;
  }
  return { name, args };
}
