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
async function acquire(
  redis: Redis,
  key: string,
  gapMs: number,
  burst: number,
  maxWaitMs: number,
  nowMs: number,
): Promise<number> {
  if (gapMs <= 0) return 0;
  return Number(await redis.eval(acquireSlot, 1, key, nowMs, gapMs, Math.max(1, Math.floor(burst)), maxWaitMs));
}

/** 0 when the chat may be sent to now (and a token is taken), else how many ms to wait. burst 1 = strictly one per gap. */
export async function takeSendSlot(
  redis: Redis,
  key: string,
  gapMs: number,
  nowMs = Date.now(),
  burst = 1,
): Promise<number> {
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
  const tomorrow = Date.UTC(
    new Date(nowMs).getUTCFullYear(),
    new Date(nowMs).getUTCMonth(),
    new Date(nowMs).getUTCDate() + 1,
  );
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
export async function reserveSendSlot(
  redis: Redis,
  key: string,
  gapMs: number,
  maxWaitMs: number,
  nowMs = Date.now(),
): Promise<number> {
  return acquire(redis, key, gapMs, 1, maxWaitMs, nowMs);
}

// ── Flood control: what a network's "too many requests" (Telegram 429 retry_after, WhatsApp Cloud 130429) does to
// every worker of the channel, in every process. Three keys per channel, all in Redis so they are shared:
// - pause: set for retry_after when the network refuses; no send of the channel starts while it lives (checked when
//   the slot is reserved and again right before the network call: a worker already holding a slot must not send
//   into the pause either, as ten did under the old per-worker pause).
// - pace: the share of the published rate the channel sends at (AIMD: cut by a quarter for a 429 that follows
//   another within a minute, back by 5 points of the rate for every quiet minute, never under a quarter).
// - window: the sends of the last second, so none starts while the network's own count (any one-second window of
//   arrivals) could still be full. A send counts from its start until a second after it finished: its arrival lies
//   between the two, so however the process is slowed down (timers late, requests bunched) the network never counts
//   more than the limit in one second.

export interface FloodKeys {
  pause: string;
  pace: string;
  window: string;
}

export const floodKeys = (prefix: string, channel: string): FloodKeys => ({
  pause: `${prefix}:flood:${channel}:pause`,
  pace: `${prefix}:flood:${channel}:pace`,
  window: `${prefix}:flood:${channel}:window`,
});

/** How the pace backs off and recovers (see above); exported for the tests. */
export const paceRules = { cut: 0.25, repeatWithinMs: 60_000, recoverPerMinute: 0.05, floor: 0.25 };

/** The pace share now, from the share stored at the last 429 and when that was: +5 points a quiet minute, up to 1. */
export function recoveredPace(share: number, last429At: number, nowMs: number): number {
  if (!(last429At > 0)) return 1;
  return Math.min(1, share + paceRules.recoverPerMinute * Math.floor(Math.max(0, nowMs - last429At) / 60_000));
}

const recordRefusal = `
local now = tonumber(ARGV[1])
local retry = tonumber(ARGV[2])
local cut = tonumber(ARGV[3])
local within = tonumber(ARGV[4])
local step = tonumber(ARGV[5])
local floor = tonumber(ARGV[6])
local share = tonumber(redis.call('HGET', KEYS[2], 'share') or '1')
local at = tonumber(redis.call('HGET', KEYS[2], 'at') or '0')
if at > 0 then share = math.min(1, share + step * math.floor(math.max(0, now - at) / 60000)) end
local paused = redis.call('PTTL', KEYS[1])
if paused > 0 then
  -- refused while already paused: sends that were on the wire when the first refusal came, the same flood
  if retry > paused then redis.call('SET', KEYS[1], '1', 'PX', retry) end
  return tostring(share)
end
redis.call('SET', KEYS[1], '1', 'PX', retry)
if at > 0 and now - at < within then share = math.max(floor, share * (1 - cut)) end
redis.call('HSET', KEYS[2], 'share', tostring(share), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[2], 3600000)
return tostring(share)
`;

/**
 * The network refused for sending too fast: pauses every send of the channel for retryAfterMs and, when it follows an
 * earlier refusal within a minute, slows the channel's pace. Returns the pace share from now on.
 */
export async function recordRateLimited(
  redis: Redis,
  keys: FloodKeys,
  retryAfterMs: number,
  nowMs = Date.now(),
): Promise<number> {
  const r = paceRules;
  const share = await redis.eval(
    recordRefusal,
    2,
    keys.pause,
    keys.pace,
    nowMs,
    Math.max(1, Math.ceil(retryAfterMs)),
    r.cut,
    r.repeatWithinMs,
    r.recoverPerMinute,
    r.floor,
  );
  return Number(share);
}

/** The channel's pace share now (1: the full published rate). */
export async function paceShare(redis: Redis, keys: FloodKeys, nowMs = Date.now()): Promise<number> {
  const [share, at] = await redis.hmget(keys.pace, "share", "at");
  return share === null ? 1 : recoveredPace(Number(share), Number(at), nowMs);
}

const reserveUnlessPaused = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return -paused end
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local share = tonumber(redis.call('HGET', KEYS[3], 'share') or '1')
local at = tonumber(redis.call('HGET', KEYS[3], 'at') or '0')
if at > 0 then share = math.min(1, share + tonumber(ARGV[4]) * math.floor(math.max(0, now - at) / 60000)) end
gap = gap / share
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - now
if wait > maxWait then return -wait end
redis.call('SET', KEYS[1], tostring(tat + gap), 'PX', math.ceil(tat + gap - now + 1000))
return wait
`;

/**
 * reserveSendSlot for a channel under flood control: nothing is reserved while the channel is paused, and the gap
 * widens as the pace share falls. Negative: -(ms to look again in); otherwise ms until the reserved slot.
 */
export async function reserveChannelSlot(
  redis: Redis,
  slotKey: string,
  keys: FloodKeys,
  gapMs: number,
  maxWaitMs: number,
  nowMs = Date.now(),
): Promise<number> {
  if (gapMs <= 0) {
    const paused = await redis.pttl(keys.pause);
    return paused > 0 ? -paused : 0;
  }
  return Number(
    await redis.eval(
      reserveUnlessPaused,
      3,
      slotKey,
      keys.pause,
      keys.pace,
      nowMs,
      gapMs,
      maxWaitMs,
      paceRules.recoverPerMinute,
    ),
  );
}

/** A send that never reported its end (its process died) stops counting after this long. */
const inFlightMs = 30_000;
/** Added to the network's window: the clock's millisecond steps, and a request's arrival against our own clock. */
const windowMarginMs = 5;

const enterWindow = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return -paused end
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local ends = tonumber(first[2])
  -- still on the wire: look again shortly; finished: when it leaves the window
  if ends > now then return 5 end
  return math.max(1, ends + windowMs - now)
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[5]), ARGV[4])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[5]) + windowMs)
return 0
`;

/**
 * Right before the network call: 0 when the send may start now (it is counted in the channel's window until a second
 * after finishSend), a positive wait when the window is full, or -(ms) when the channel is paused (nothing counted).
 */
export async function startSend(
  redis: Redis,
  keys: FloodKeys,
  perSecond: number,
  sendId: string,
  nowMs = Date.now(),
): Promise<number> {
  return Number(
    await redis.eval(
      enterWindow,
      2,
      keys.window,
      keys.pause,
      nowMs,
      Math.max(1, Math.floor(perSecond)),
      1000 + windowMarginMs,
      sendId,
      inFlightMs,
    ),
  );
}

/** The send has its answer (sent or refused): it counts a second from now. */
export async function finishSend(redis: Redis, keys: FloodKeys, sendId: string, nowMs = Date.now()): Promise<void> {
  await redis.zadd(keys.window, "XX", nowMs, sendId);
}
