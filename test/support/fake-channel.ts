// A fake chat network for the outbound worker's tests: records every call, and behaves as told per message text.
import type {
  ChannelAdapter,
  ChannelName,
  OutboundPayload,
  RateLimits,
  SendResult,
} from "../../src/channels/channel.js";

export interface Call {
  chatId: string;
  text: string;
  at: number;
  /** 1 for the first call with this text, 2 for the retry... */
  n: number;
  ok: boolean;
}
/** Runs inside send; throw to make the send fail, await to hold it in flight. */
export type Behaviour = (n: number) => void | Promise<void>;

export class FakeChannel implements ChannelAdapter {
  readonly calls: Call[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  constructor(
    readonly name: ChannelName,
    /** loose enough to stay out of the way unless a test tightens one */
    readonly rateLimits: RateLimits = { globalPerSecond: 1000, perChatIntervalMs: 0, groupPerMinute: 60_000 },
  ) {}
  when(text: string, behaviour: Behaviour): void {
    this.behaviours.set(text, behaviour);
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(message: OutboundPayload): Promise<SendResult> {
    const n = this.calls.filter((c) => c.text === message.text).length + 1;
    const call: Call = { chatId: message.chatId, text: message.text, at: Date.now(), n, ok: false };
    this.calls.push(call);
    await this.behaviours.get(message.text)?.(n);
    call.ok = true;
    return { externalId: `net-${message.text}-${n}` };
  }
  /** successful sends, in the order the network received them */
  sent(chatId: string): Call[] {
    return this.calls.filter((c) => c.ok && c.chatId === chatId);
  }
  callsFor(text: string): Call[] {
    return this.calls.filter((c) => c.text === text);
  }
}
