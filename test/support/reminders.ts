// Reminder schedulers beside a harness: short intervals, the harness's outbound queues; stopped with stopReminders()
// (after each test: a scheduler left running would fire the next test's rows by its own rules).
import { afterAll } from "vitest";
import type { Redis } from "ioredis";
import { createLogger } from "../../src/logger.js";
import type { QuietHours } from "../../src/reminders/quiet.js";
import { createReminderScheduler, type ReminderScheduler } from "../../src/reminders/scheduler.js";
import type { Channel } from "../../src/generated/prisma/client.js";
import { testRedis } from "./services.js";

/** What a scheduler needs of the running service (the simulator harness and the Telegram service both have it). */
export interface ReminderHost {
  db: Parameters<typeof createReminderScheduler>[0]["db"];
  engine: { environment: Parameters<typeof createReminderScheduler>[0]["env"] };
  dispatcher: { dispatch(channel: Channel, ids: { id: bigint; bulk?: boolean }[]): Promise<void> };
  prefix: string;
}

const running: ReminderScheduler[] = [];

export async function startReminders(
  host: ReminderHost,
  options: {
    quiet?: QuietHours | null;
    connection?: Redis;
    workerConnection?: Redis;
    prefix?: string;
    intervalMs?: number;
    start?: boolean;
  } = {},
): Promise<ReminderScheduler> {
  const scheduler = createReminderScheduler({
    db: host.db,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    connection: options.connection ?? (await testRedis()),
    workerConnection: options.workerConnection ?? (await testRedis()),
    prefix: options.prefix ?? host.prefix,
    quiet: options.quiet ?? null,
    env: host.engine.environment,
    dispatch: (channel, ids) =>
      host.dispatcher.dispatch(
        channel,
        ids.map((id) => ({ id, bulk: true })),
      ),
    intervalMs: options.intervalMs ?? 200,
    sweepAfterMs: 2_000,
  });
  if (options.start !== false) await scheduler.start();
  if (!running.length) afterAll(() => stopReminders());
  running.push(scheduler);
  return scheduler;
}

export async function stopReminders(): Promise<void> {
  await Promise.all(running.splice(0).map((s) => s.stop().catch(() => undefined)));
}
