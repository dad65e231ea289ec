// WhatsApp Web cannot redeliver a message: once the "message" event has fired it is ours to keep. So when the sink
// refuses an event (database down), it waits here in memory and is offered again with backoff until the sink takes
// it or the adapter stops. Each chat is a lane: its messages reach the sink in the order they arrived, and one
// chat's stuck message does not hold up the others.
import type { Logger } from "../../logger.js";
import type { InboundEvent, InboundSink } from "../channel.js";

/** Builds the event when its turn comes; undefined means there is nothing to deliver. */
export type EventBuilder = () => Promise<InboundEvent | undefined>;

interface Job {
  build: EventBuilder;
  /** Built once: a retry re-offers the same event rather than translating (and looking up ids) again. */
  event?: InboundEvent;
  failures: number;
}

export class InboundDelivery {
  private readonly lanes = new Map<string, Job[]>();
  private readonly wakers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private stopped = false;

  constructor(
    private readonly sink: InboundSink,
    private readonly retryDelaysMs: readonly number[],
    private readonly logger: Logger,
    /** A chat whose every waiting message the sink has taken (logged): it may now be marked read. */
    private readonly onLogged?: (laneKey: string) => void,
  ) {}

  /** Queue a message of `laneKey` (its chat). Building starts at once unless earlier messages of the chat wait. */
  push(laneKey: string, build: EventBuilder): void {
    if (this.stopped) return;
    const job: Job = { build, failures: 0 };
    const lane = this.lanes.get(laneKey);
    if (lane) {
      lane.push(job);
      return;
    }
    this.lanes.set(laneKey, [job]);
    void this.drain(laneKey);
  }

  /** Events still waiting for the sink (for logs and tests). */
  get waiting(): number {
    let count = 0;
    for (const lane of this.lanes.values()) count += lane.length;
    return count;
  }

  /** Drop everything still waiting and cancel the retry timers. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const dropped = this.waiting;
    if (dropped > 0) {
      this.logger.warn({ dropped }, "whatsapp: stopping with inbound messages the sink never took; they are lost");
    }
    for (const waker of this.wakers) {
      clearTimeout(waker.timer);
      waker.wake();
    }
    this.wakers.clear();
    this.lanes.clear();
  }

  private async drain(laneKey: string): Promise<void> {
    const lane = this.lanes.get(laneKey);
    while (lane && lane.length > 0 && !this.stopped) {
      const job = lane[0]!;
      if (!job.event) {
        try {
          job.event = await job.build();
        } catch (err) {
          // Translation failing is a bug, not an outage: retrying would fail the same way, so log and move on.
          this.logger.error({ err, chatId: laneKey }, "whatsapp: could not translate an inbound message; dropped");
        }
        if (!job.event) {
          lane.shift();
          continue;
        }
      }
      try {
        await this.sink(job.event);
        lane.shift();
      } catch (err) {
        job.failures++;
        const delayMs = this.delayAfter(job.failures);
        this.logger.warn(
          {
            err,
            chatId: laneKey,
            externalId: job.event.externalId,
            failures: job.failures,
            retryInMs: delayMs,
            waitingInChat: lane.length,
          },
          "whatsapp: the sink refused an inbound message; keeping it to offer again (WhatsApp cannot redeliver)",
        );
        await this.pause(delayMs);
      }
    }
    if (this.lanes.get(laneKey) === lane) {
      this.lanes.delete(laneKey);
      if (!this.stopped) this.onLogged?.(laneKey);
    }
  }

  private delayAfter(failures: number): number {
    const delays = this.retryDelaysMs;
    return delays[Math.min(failures, delays.length) - 1] ?? 1000;
  }

  /** A timer stop() can cut short, so a stopped adapter leaves no timers behind. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waker = {
        timer: setTimeout(() => {
          this.wakers.delete(waker);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.wakers.add(waker);
    });
  }
}
