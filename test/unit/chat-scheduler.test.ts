// The scheduler alone, with a scripted `run`: which chats go together, in which order, and when promises resolve.
import { describe, expect, it, vi } from "vitest";
import { createChatScheduler, type Outcome } from "../../src/engine/chat-scheduler.js";
import type { ChatRef } from "../../src/engine/turn-store.js";
import { createLogger } from "../../src/logger.js";

/** A scheduler whose batches are recorded; `script(chatId, nth)` decides each chat's outcome. */
function scripted(
  script: (chatId: string, nth: number) => Outcome,
  options: { concurrency?: number; batchSize?: number } = {},
) {
  const batches: string[][] = [];
  const seen = new Map<string, number>();
  let inFlight = 0;
  let mostInFlight = 0;
  const running = new Set<string>();
  let overlap = false;
  const scheduler = createChatScheduler({
    concurrency: options.concurrency ?? 2,
    batchSize: options.batchSize ?? 64,
    logger: createLogger("silent"),
    async run(chats: ChatRef[]) {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const ids = chats.map((c) => c.chatId);
      for (const id of ids) {
        if (running.has(id)) overlap = true;
        running.add(id);
      }
      batches.push(ids);
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const id of ids) running.delete(id);
      inFlight--;
      return ids.map((id) => {
        const nth = (seen.get(id) ?? 0) + 1;
        seen.set(id, nth);
        return script(id, nth);
      });
    },
  });
  const chat = (id: string) => scheduler.processChat("simulator", id);
  return { scheduler, chat, batches, stats: () => ({ mostInFlight, overlap }) };
}

describe("chat scheduler", () => {
  it("puts the chats handed over in one tick into one batch, up to the batch size", async () => {
    const s = scripted(() => "idle", { batchSize: 3 });
    await Promise.all(["a", "b", "c", "d", "e"].map(s.chat));
    expect(s.batches).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
  });

  it("keeps at most `concurrency` batches running and a chat in one batch at a time", async () => {
    const s = scripted((_, nth) => (nth < 3 ? "more" : "idle"), { concurrency: 2, batchSize: 1 });
    await Promise.all(["a", "b", "c", "d"].map(s.chat));
    await Promise.all(["a", "b"].map(s.chat));
    expect(s.stats()).toEqual({ mostInFlight: 2, overlap: false });
  });

  it("sends a chat with more messages to the back of the line, so a flood cannot starve the others", async () => {
    const s = scripted((id, nth) => (id === "flood" && nth < 4 ? "more" : "idle"), { concurrency: 1, batchSize: 2 });
    await Promise.all(["flood", "b", "c", "d"].map(s.chat));
    expect(s.batches).toEqual([["flood", "b"], ["c", "d"], ["flood"], ["flood"], ["flood"]]);
  });

  it("runs a chat again when it is asked for while its batch runs", async () => {
    const s = scripted(() => "idle");
    const first = s.chat("a");
    await new Promise((resolve) => setImmediate(resolve)); // a's batch has started
    const second = s.chat("a");
    await Promise.all([first, second]);
    expect(s.batches).toEqual([["a"], ["a"]]);
  });

  it("tries a chat held by another process again until it is free, and resolves only then", async () => {
    const s = scripted((_, nth) => (nth <= 2 ? "locked" : "idle"));
    await s.chat("a");
    expect(s.batches).toEqual([["a"], ["a"], ["a"]]);
  });

  it("tries a transient failure three times, then leaves the chat to the reconciler", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const s = scripted(() => "transient");
      let settled = false;
      const done = s.chat("a").then(() => (settled = true));
      for (let i = 0; i < 10 && !settled; i++) await vi.advanceTimersByTimeAsync(600);
      await done;
      expect(s.batches).toEqual([["a"], ["a"], ["a"]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("resolves idle() once nothing is ready, running or waiting to be retried", async () => {
    const s = scripted((id, nth) => (id === "a" && nth === 1 ? "locked" : "idle"));
    void s.chat("a");
    void s.chat("b");
    await new Promise((resolve) => setImmediate(resolve));
    await s.scheduler.idle();
    expect(s.batches.flat().sort()).toEqual(["a", "a", "b"]);
    await expect(s.scheduler.idle()).resolves.toBeUndefined();
  });
});
