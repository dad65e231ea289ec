// A pino logger whose lines a test can read, to check what the service says about what it did.
import { Writable } from "node:stream";
import { pino } from "pino";

export function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines, messages: () => lines.map((l) => String(l.msg)) };
}
