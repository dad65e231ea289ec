// Redis for the service: one connection built the production way (src/redis.ts), connected and pinged before
// anything depends on it, with each outage logged once rather than every failed reconnect.
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { createRedis } from "../redis.js";
import { describeStartupFailure } from "../startup-errors.js";

export async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = createRedis(url);
  // Without an "error" listener ioredis prints every failed reconnect to stderr. Keep the cause instead (connect()
  // itself only says "Connection is closed") and log each outage once, when it starts and when it ends.
  let lastError: Error | undefined;
  let wasReady = false;
  let lost = false;
  redis.on("error", (err: Error) => {
    lastError = err;
  });
  // "reconnecting" and not "close": a close from our own quit() at shutdown is not an outage.
  redis.on("reconnecting", () => {
    if (wasReady && !lost) logger.warn({ cause: lastError?.message }, "Redis connection lost; reconnecting");
    lost = wasReady;
  });
  redis.on("ready", () => {
    if (lost) logger.info("Redis connection is back");
    wasReady = true;
    lost = false;
    lastError = undefined;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    describeStartupFailure("Redis", url, lastError ?? err);
  }
  return redis;
}
