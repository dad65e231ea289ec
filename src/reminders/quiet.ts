// Quiet hours: a reminder that can wait is not sent at night in the reader's zone; it waits until the morning.
// Pure, so the rules are unit-tested with fixed clocks.
import { TZDate } from "@date-fns/tz";

/** From `start` to `end`, in seconds after local midnight; a window that crosses midnight has start > end. */
export interface QuietHours {
  start: number;
  end: number;
}

/** "21:00-08:00" -> the window; "off" -> null; undefined when it cannot be read. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  if (/^(off|none)$/i.test(text.trim())) return null;
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [sh, sm, eh, em] = m.slice(1).map(Number) as [number, number, number, number];
  if (sh > 23 || eh > 23 || sm > 59 || em > 59) return undefined;
  const start = sh * 3600 + sm * 60;
  const end = eh * 3600 + em * 60;
  return start === end ? null : { start, end };
}

/**
 * When `now` falls in the quiet hours of `timeZone`, the moment they end (the next local `end`); otherwise undefined.
 * Local days are counted with the zone's calendar, so a change of offset in the night is handled by TZDate.
 */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours | null): Date | undefined {
  if (!quiet) return undefined;
  const local = new TZDate(now.getTime(), timeZone);
  const second = local.getHours() * 3600 + local.getMinutes() * 60 + local.getSeconds();
  const inside =
    quiet.start < quiet.end ? second >= quiet.start && second < quiet.end : second >= quiet.start || second < quiet.end;
  if (!inside) return undefined;
  // The end is today when it is still ahead of us, else tomorrow (a window crossing midnight, entered in the evening).
  const dayOffset = second < quiet.end ? 0 : 1;
  const h = Math.floor(quiet.end / 3600);
  const m = Math.floor((quiet.end % 3600) / 60);
  const s = quiet.end % 60;
  return new Date(
    new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + dayOffset, h, m, s, timeZone).getTime(),
  );
}
