// Where Nuru runs: its mode, its database and Redis, the HTTP server, logs, and the operator password.
import { z } from "zod";
import { url } from "./fields.js";

export const serverSettings = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: url(["postgresql:", "postgres:"]).default("postgresql://postgres@127.0.0.1:5432/nuru"),
  REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "must be a port number from 0 to 65535")
    .transform(Number)
    .pipe(z.number().max(65535, "must be a port number from 0 to 65535"))
    .default(3000),
  /**
   * The address the HTTP server listens on. Unset: 127.0.0.1 while the simulator runs open (no OPERATOR_TOKEN), since
   * it believes any phone number typed into it; every interface otherwise.
   */
  HOST: z
    .string()
    .regex(
      /^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|localhost)$/,
      "must be an IP address such as 127.0.0.1, 0.0.0.0 or ::",
    )
    .optional(),
  PUBLIC_URL: url(["http:", "https:"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Start of every Redis key and queue name; instances sharing one Redis need different prefixes. ":" separates parts. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
    .default("nuru"),
  /**
   * Password of the operator pages (user "operator"): the WhatsApp login QR, /metrics, /admin/queues, /readyz's
   * details, and the simulator whenever it is set.
   */
  OPERATOR_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
    .optional(),
};
