// Send pacing in Redis, shared by every worker process: a token bucket per key (the generic cell rate algorithm, one
// "theoretical arrival time" per key). Per chat: on average one message per gap with up to `burst` at once, so a
// person who answers quickly gets the reply at once and a long run of messages is still paced. Per channel: the next
// slot is reserved, first come first served, so a send waits its turn instead of racing for free slots. The check and
// the take are one Lua script, so two workers never take the same slot.
import type { Redis } from "ioredis";

const acquireSlot = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - gap * (burst - 1) - now
if wait < 0 then wait = 0 end
if wait > maxWait then return -wait end
redis.call('SET', KEYS[1], tostring(tat + gap), 'PX', math.ceil(tat + gap - now + 1000))
return wait
`;

/** Takes a slot of the key if one is free within maxWaitMs: the ms to wait before using it (0: now); negative: none taken. */
async function acquire(redis: Redis, key: string, gapMs: number, burst: number, maxWaitMs: number, nowMs: number): Promise<number> {
  if (gapMs <= 0) return 0;
  return Number(await redis.eval(acquireSlot, 1, key, nowMs, gapMs, Math.max(1, Math.floor(burst)), maxWaitMs));
}

/** 0 when the chat may be sent to now (and a token is taken), else how many ms to wait. burst 1 = strictly one per gap. */
export async function takeSendSlot(redis: Redis, key: string, gapMs: number, nowMs = Date.now(), burst = 1): Promise<number> {
  const wait = await acquire(redis, key, gapMs, burst, 0, nowMs);
  return wait < 0 ? -wait : 0;
}

/**
 * The first-contact budget (RateLimits.firstContact): 0 when a message to someone who never wrote may go now (its slot
 * and a place in today's count are taken), else how many ms to wait: for the next slot (a gap of 3600/perHour s,
 * varied by ±jitter so the rhythm does not look automated; none when perHour is Infinity), or for tomorrow (UTC)
 * when today's count is spent.
 */
export async function takeFirstContactSlot(
  redis: Redis,
  keyPrefix: string,
  budget: { perHour: number; perDay: number; jitter: number },
  nowMs = Date.now(),
  random = Math.random,
): Promise<number> {
  const day = new Date(nowMs).toISOString().slice(0, 10);
  const dayKey = `${keyPrefix}:${day}`;
  const used = Number((await redis.get(dayKey)) ?? 0);
  const tomorrow = Date.UTC(new Date(nowMs).getUTCFullYear(), new Date(nowMs).getUTCMonth(), new Date(nowMs).getUTCDate() + 1);
  const untilTomorrow = () => tomorrow - nowMs + Math.floor(random() * 60_000);
  if (used >= budget.perDay) return untilTomorrow();
  // An unbounded hourly rate (WhatsApp Cloud: only Meta's daily limit) spaces nothing: the channel's own rate applies.
  if (Number.isFinite(budget.perHour)) {
    const gap = (3_600_000 / budget.perHour) * (1 - budget.jitter + 2 * budget.jitter * random());
    const wait = await takeSendSlot(redis, `${keyPrefix}:slot`, Math.round(gap), nowMs);
    if (wait > 0) return wait;
  }
  // Counted once the slot is taken, and given back when the count went over: workers racing past the check above
  // (nothing spaces them under an unbounded hourly rate) never take more than the day allows.
  const count = await redis.incr(dayKey);
  if (count === 1) await redis.expire(dayKey, 2 * 86_400);
  if (count > budget.perDay) {
    await redis.decr(dayKey);
    return untilTomorrow();
  }
  return 0;
}

/**
 * Reserves the next free slot of a channel (one per gap, across every worker) and returns how many ms until it: the
 * caller sends then. A negative result means the next free slot is further off than maxWaitMs, and nothing was
 * reserved.
 */
export async function reserveSendSlot(redis: Redis, key: string, gapMs: number, maxWaitMs: number, nowMs = Date.now()): Promise<number> {
  return acquire(redis, key, gapMs, 1, maxWaitMs, nowMs);
}
