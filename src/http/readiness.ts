// GET /readyz: whether this instance can do its work now (an orchestrator stops sending it traffic while not).
import type { Redis } from "ioredis";
import type { Db } from "../db/prisma.js";
import { withTimeout } from "../timeout.js";

export interface Readiness {
  ready: boolean;
  postgres: "ok" | string;
  redis: "ok" | string;
}

/** One short line that names the service, so "Connection terminated unexpectedly" still says which one. */
function reason(service: string, err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 200);
  return message.startsWith(service) ? message : `${service}: ${message}`;
}

/** Both services answer a trivial command within the timeout. */
export async function checkReadiness(db: Db, redis: Redis, timeoutMs = 2000): Promise<Readiness> {
  const [pg, rd] = await Promise.allSettled([
    withTimeout(db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`, timeoutMs, "PostgreSQL"),
    // A stopped Redis makes ioredis queue commands until it returns; the timeout turns that into an answer.
    withTimeout(redis.ping(), timeoutMs, "Redis"),
  ]);
  const postgres = pg.status === "fulfilled" ? "ok" : reason("PostgreSQL", pg.reason);
  const redisState = rd.status === "fulfilled" ? "ok" : reason("Redis", rd.reason);
  return { ready: postgres === "ok" && redisState === "ok", postgres, redis: redisState };
}
