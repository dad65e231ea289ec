// Per-chat send pacing in Redis, shared by every worker process: a chat may receive its next message only when its
// slot has come. The check-and-take is one Lua script, so two workers never take the same slot.
import type { Redis } from "ioredis";

const takeSlot = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
redis.call('SET', KEYS[1], tostring(now + gap), 'PX', gap + 1000)
return 0
`;

/** 0 when the chat may be sent to now (and the slot is taken), else how many ms to wait. */
export async function takeSendSlot(redis: Redis, key: string, gapMs: number, nowMs = Date.now()): Promise<number> {
  if (gapMs <= 0) return 0;
  return Number(await redis.eval(takeSlot, 1, key, nowMs, gapMs));
}
