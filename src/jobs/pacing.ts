// Per-chat send pacing in Redis, shared by every worker process. A token bucket per chat (the generic cell rate
// algorithm: one "theoretical arrival time" per key): on average one message per gap, with up to `burst` at once, so
// a person who answers quickly gets the reply at once instead of waiting out the gap after the previous reply, and
// a long run of messages is still paced. The check-and-take is one Lua script, so two workers never take one slot.
import type { Redis } from "ioredis";

const takeSlot = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local allowedAt = tat - gap * (burst - 1)
if allowedAt > now then return allowedAt - now end
local nextTat = tat + gap
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now + 1000))
return 0
`;

/** 0 when the chat may be sent to now (and a token is taken), else how many ms to wait. burst 1 = strictly one per gap. */
export async function takeSendSlot(redis: Redis, key: string, gapMs: number, nowMs = Date.now(), burst = 1): Promise<number> {
  if (gapMs <= 0) return 0;
  return Number(await redis.eval(takeSlot, 1, key, nowMs, gapMs, Math.max(1, Math.floor(burst))));
}

const reserveSlot = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - now > maxWait then return -(tat - now) end
redis.call('SET', KEYS[1], tostring(tat + gap), 'PX', math.ceil(tat + gap - now + 1000))
return tat - now
`;

/**
 * Reserves the next free slot of a channel (one per gap, across every worker) and returns how many ms until it: the
 * caller sends then. Reservations are first come, first served, so nobody is passed over for long; a negative result
 * means the next free slot is further off than maxWaitMs, and nothing was reserved.
 */
export async function reserveSendSlot(redis: Redis, key: string, gapMs: number, maxWaitMs: number, nowMs = Date.now()): Promise<number> {
  if (gapMs <= 0) return 0;
  return Number(await redis.eval(reserveSlot, 1, key, nowMs, gapMs, maxWaitMs));
}
