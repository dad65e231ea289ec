// The whole engine against the real test database and Redis, with the simulator adapter as the channel and the real
// outbound worker sending through it: what a person would see, without fixed sleeps.
import type { Worker } from "bullmq";
import { afterAll } from "vitest";
import { EventEmitter } from "node:events";
import type { ChannelAdapter, InboundContent, InboundEvent, OutboundPayload } from "../../src/channels/channel.js";
import { createSimulatorAdapter } from "../../src/channels/simulator/adapter.js";
import { createEngine, type EngineOptions } from "../../src/engine/engine.js";
import { createOutboundDispatcher, createOutboundWorker } from "../../src/jobs/outbound.js";
import { createLogger } from "../../src/logger.js";
import type { Db } from "../../src/db/prisma.js";
import { testDb, testEngineDefaults, testRedis, uniquePrefix } from "./services.js";

export interface Harness {
  db: Db;
  engine: ReturnType<typeof createEngine>;
  simulator: ReturnType<typeof createSimulatorAdapter>;
  sent: ReturnType<typeof recordSends>;
  dispatcher: ReturnType<typeof createOutboundDispatcher>;
  /** the harness's BullMQ prefix and Redis (for reminder schedulers beside it) */
  prefix: string;
  /** deliver a message as the person with this phone; resolves once logged (acknowledged) */
  deliver(phone: string, content: InboundContent, externalId?: string, name?: string): Promise<void>;
  say(phone: string, text: string, name?: string): Promise<void>;
  /** wait until the chat has at least n bot messages and return all of them */
  replies(phone: string, n: number, timeoutMs?: number): Promise<OutboundPayload[]>;
  /** wait until the chat has at least n bot messages and return the n-th (1-based) */
  reply(phone: string, n: number): Promise<OutboundPayload>;
  /** wait until no chat processing is in flight in this process */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

/** Wraps an adapter so tests can wait for sends as events. */
export function recordSends(inner: ChannelAdapter) {
  const byChat = new Map<string, OutboundPayload[]>();
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const adapter: ChannelAdapter = {
    name: inner.name,
    rateLimits: inner.rateLimits,
    start: (sink) => inner.start(sink),
    stop: () => inner.stop(),
    async send(message) {
      const result = await inner.send(message);
      const list = byChat.get(message.chatId) ?? [];
      list.push(message);
      byChat.set(message.chatId, list);
      emitter.emit("sent", message);
      return result;
    },
  };
  return {
    adapter,
    emitter,
    to: (chatId: string) => [...(byChat.get(chatId) ?? [])],
    /** resolves at the next send anywhere, or after timeoutMs */
    next(timeoutMs: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          emitter.off("sent", done);
          resolve();
        }
        emitter.on("sent", done);
      });
    },
  };
}

export async function startHarness(
  options: Partial<EngineOptions> & {
    db?: Db;
    workerConcurrency?: number;
    workerMetrics?: Parameters<typeof createOutboundWorker>[0]["metrics"];
  } = {},
): Promise<Harness> {
  const db = options.db ?? testDb();
  const connection = await testRedis();
  const redis = await testRedis();
  const prefix = uniquePrefix();
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
  const simulator = createSimulatorAdapter({ logger, historyLimit: 5000 });
  const dispatcher = createOutboundDispatcher({ connection, prefix, channels: ["simulator"] });
  const engine = createEngine({
    db,
    logger,
    dispatcher,
    ...testEngineDefaults,
    ...options,
  });
  const sent = recordSends(simulator);
  const workers: Worker[] = [
    createOutboundWorker({
      db,
      adapter: sent.adapter,
      connection,
      redis,
      prefix,
      logger,
      concurrency: options.workerConcurrency ?? 16,
      metrics: options.workerMetrics,
    }),
  ];
  await simulator.start(engine.sink);

  const harness: Harness = {
    db,
    engine,
    simulator,
    sent,
    dispatcher,
    prefix,
    async deliver(phone, content, externalId, name) {
      const event: InboundEvent = {
        channel: "simulator",
        externalId: externalId ?? `t${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`,
        chatId: phone,
        sender: { externalId: phone, phone, name },
        content,
        sentAt: new Date(),
      };
      await engine.sink(event);
    },
    say(phone, text, name) {
      return harness.deliver(phone, { kind: "text", text }, undefined, name);
    },
    async replies(phone, n, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const messages = sent.to(phone);
        if (messages.length >= n) return messages;
        if (Date.now() > deadline)
          throw new Error(
            `expected ${n} replies to ${phone}, got ${messages.length}: ${JSON.stringify(messages.map((m) => m.text))}`,
          );
        await sent.next(Math.max(1, deadline - Date.now()));
      }
    },
    async reply(phone, n) {
      return (await harness.replies(phone, n))[n - 1]!;
    },
    settle: () => engine.processor.idle(),
    async close() {
      await simulator.stop();
      await engine.processor.idle();
      await Promise.all(workers.map((w) => w.close()));
      await dispatcher.close();
    },
  };
  afterAll(() => harness.close());
  return harness;
}
