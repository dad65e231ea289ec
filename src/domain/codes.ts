// Short references people type on a phone keypad: no 0/O or 1/I/L to confuse, upper case stored, any case accepted.
import { randomInt } from "node:crypto";

const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function randomCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** "Harusi ya Neema" -> "HARUSI": the first word in plain capitals (accents dropped), 3 to 8 letters, else "EVENT". */
export function codeStem(name: string): string {
  const word = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z]+/)
    .find((w) => w.length >= 3);
  return (word ?? "EVENT").slice(0, 8);
}

/** What a person typed as a code, as stored: trimmed, upper case; undefined when it cannot be one of ours. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.trim().toUpperCase();
  return /^[A-Z0-9_-]{3,64}$/.test(code) ? code : undefined;
}
