// takeSendSlot against the real Redis: the Lua script is the whole point, so it is not mocked.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { reserveSendSlot, takeSendSlot } from "../../src/jobs/pacing.js";
import { testRedis, uniquePrefix } from "../support/services.js";

const redis = await testRedis();
const prefix = uniquePrefix();
const newKey = () => `${prefix}:pace:test:${randomUUID()}`;

describe("takeSendSlot", () => {
  it("takes a free slot, then tells the next caller how long to wait until the gap has passed", async () => {
    const key = newKey();
    const now = 1_000_000;
    expect(await takeSendSlot(redis, key, 300, now)).toBe(0);
    expect(await takeSendSlot(redis, key, 300, now + 100)).toBe(200);
    // Asking does not take anything: the wait is still counted from the first slot.
    expect(await takeSendSlot(redis, key, 300, now + 250)).toBe(50);
    expect(await takeSendSlot(redis, key, 300, now + 300)).toBe(0);
    // That take moved the next slot on by a full gap.
    expect(await takeSendSlot(redis, key, 300, now + 301)).toBe(299);
  });

  it("gives one slot to exactly one of many callers at the same moment", async () => {
    const key = newKey();
    const now = Date.now();
    const waits = await Promise.all(Array.from({ length: 20 }, () => takeSendSlot(redis, key, 300, now)));
    expect(waits.filter((w) => w === 0)).toHaveLength(1);
    expect(waits.filter((w) => w === 300)).toHaveLength(19);
  });

  it("lets a burst through at once, then paces to one per gap on average", async () => {
    const key = newKey();
    const now = 5_000_000;
    // Three at once...
    expect([
      await takeSendSlot(redis, key, 1000, now, 3),
      await takeSendSlot(redis, key, 1000, now, 3),
      await takeSendSlot(redis, key, 1000, now, 3),
    ]).toEqual([0, 0, 0]);
    // ...then the fourth waits a full gap, and the bucket refills one token per gap.
    expect(await takeSendSlot(redis, key, 1000, now, 3)).toBe(1000);
    expect(await takeSendSlot(redis, key, 1000, now + 1000, 3)).toBe(0);
    expect(await takeSendSlot(redis, key, 1000, now + 1000, 3)).toBe(1000);
    // After a quiet spell the whole burst is available again, never more.
    const later = now + 10_000;
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await takeSendSlot(redis, key, 1000, later, 3));
    expect(takes).toEqual([0, 0, 0, 1000]);
  });

  it("reserves a channel's slots first come, first served, and none beyond the longest wait allowed", async () => {
    const key = newKey();
    const now = 9_000_000;
    expect(await reserveSendSlot(redis, key, 100, 150, now)).toBe(0);
    expect(await reserveSendSlot(redis, key, 100, 150, now)).toBe(100);
    // The third would wait 200 ms: refused, and nothing reserved, so the next caller after 60 ms gets it at 140 ms.
    expect(await reserveSendSlot(redis, key, 100, 150, now)).toBe(-200);
    expect(await reserveSendSlot(redis, key, 100, 150, now + 60)).toBe(140);
  });

  it("keeps chats apart", async () => {
    const now = Date.now();
    expect(await takeSendSlot(redis, newKey(), 300, now)).toBe(0);
    expect(await takeSendSlot(redis, newKey(), 300, now)).toBe(0);
  });

  it("stores nothing when there is no gap to keep", async () => {
    const key = newKey();
    expect(await takeSendSlot(redis, key, 0)).toBe(0);
    expect(await takeSendSlot(redis, key, 0)).toBe(0);
    expect(await redis.exists(key)).toBe(0);
  });

  it("lets the key expire a little after its slot, so idle chats leave nothing behind", async () => {
    const key = newKey();
    expect(await takeSendSlot(redis, key, 300)).toBe(0);
    const ttl = await redis.pttl(key);
    // Outlives the gap (else a second sender could slip in early), and not by more than the script's second.
    expect(ttl).toBeGreaterThan(300);
    expect(ttl).toBeLessThanOrEqual(1300);

    const short = newKey();
    expect(await takeSendSlot(redis, short, 1)).toBe(0);
    const deadline = Date.now() + 5_000;
    while ((await redis.exists(short)) === 1) {
      if (Date.now() > deadline) throw new Error("the pacing key never expired");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});

describe("cappedBackoff", () => {
  it("doubles from the delay and stops at five minutes, so 30 tries span about two hours", async () => {
    const { cappedBackoff, sendAttempts } = await import("../../src/jobs/outbound.js");
    expect([1, 2, 3, 4].map((n) => cappedBackoff(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(cappedBackoff(20, 1000)).toBe(300_000);
    const total = Array.from({ length: sendAttempts - 1 }, (_, i) => cappedBackoff(i + 1, 1000)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBeGreaterThan(90 * 60_000);
  });
});
