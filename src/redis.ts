import { Redis } from "ioredis";

/**
 * Every Redis connection the service opens (BullMQ, pacing, readiness), built one way so tests connect exactly as
 * production does. lazyConnect: the caller connects and learns of a refusal itself. maxRetriesPerRequest: null is what
 * BullMQ workers require (a blocking command must wait for Redis to come back rather than fail). Reconnects back off
 * to one try every 2 s during an outage.
 */
export function createRedis(redisUrl: string): Redis {
  return new Redis(redisUrl, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
