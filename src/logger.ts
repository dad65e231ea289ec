import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs; pretty-printing is left to `| npx pino-pretty` so production output stays machine-readable. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "nuru" }, redact: ["*.token", "*.password", "*.secret"] });
}
