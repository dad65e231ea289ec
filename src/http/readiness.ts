import type { Redis } from "ioredis";
import type { Db } from "../db/prisma.js";

export interface Readiness {
  ready: boolean;
  postgres: "ok" | string;
  redis: "ok" | string;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 200);

/** Both services answer a trivial command within the timeout. */
export async function checkReadiness(db: Db, redis: Redis, timeoutMs = 2000): Promise<Readiness> {
  const [pg, rd] = await Promise.allSettled([
    withTimeout(db.$queryRaw`SELECT 1`, timeoutMs, "PostgreSQL"),
    // A stopped Redis makes ioredis queue commands until it returns; the timeout turns that into an answer.
    withTimeout(redis.ping(), timeoutMs, "Redis"),
  ]);
  const postgres = pg.status === "fulfilled" ? "ok" : reason(pg.reason);
  const redisState = rd.status === "fulfilled" ? "ok" : reason(rd.reason);
  return { ready: postgres === "ok" && redisState === "ok", postgres, redis: redisState };
}
