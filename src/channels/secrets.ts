// Comparing a secret a caller sent with ours (webhook secrets, verify tokens, signatures) in constant time, so it
// cannot be guessed byte by byte from response timings.
import { timingSafeEqual } from "node:crypto";

export function secretMatches(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  const a = Buffer.from(received, "utf8");
  const b = Buffer.from(expected, "utf8");
  // timingSafeEqual throws on different lengths; a different length is simply wrong.
  return a.length === b.length && timingSafeEqual(a, b);
}
