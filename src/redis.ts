import { Redis } from "ioredis";

/**
 * One connection for BullMQ and readiness checks. maxRetriesPerRequest: null is what BullMQ workers require
 * (a blocking command must wait for Redis to come back rather than fail).
 */
export function createRedis(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true });
}
