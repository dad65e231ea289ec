// One inbound message being handled: who sent it, in which language we answer, and the replies collected so far.
// Replies are written to the outbox only when the whole turn commits.
import type { InboundEvent } from "../channels/channel.js";
import type { Tx } from "../db/prisma.js";
import type { User } from "../generated/prisma/client.js";
import { t, type Locale, type MessageKey, type Params } from "../i18n/index.js";
import type { LocalText, Reply } from "../../flows/types.js";
import type { StoredConversation } from "./conversation-store.js";

export interface RenderedReply {
  text: string;
  choices?: { label: string; value: string }[];
  requestPhone?: { label: string };
}

export class Turn {
  readonly replies: RenderedReply[] = [];
  /** choices offered by the newest reply that had any */
  offered: string[] = [];

  constructor(
    readonly tx: Tx,
    readonly event: InboundEvent,
    public user: User,
    public locale: Locale,
    public conversation: StoredConversation | undefined,
    readonly now: Date,
  ) {}

  render(text: LocalText, extra: Params = {}): string {
    return "key" in text ? t(this.locale, text.key, { ...text.params, ...extra }) : text.text;
  }

  /** Queue a reply rendered in the person's current language. */
  send(reply: Reply, extra: Params = {}): void {
    const rendered: RenderedReply = { text: this.render(reply.text, extra) };
    if (reply.choices?.length) {
      rendered.choices = reply.choices.map((c) => ({ label: this.render(c.label), value: c.value }));
      this.offered = reply.choices.map((c) => c.value);
    }
    if (reply.requestPhone) rendered.requestPhone = { label: this.render(reply.requestPhone) };
    this.replies.push(rendered);
  }

  say(key: MessageKey, params?: Params): void {
    this.send({ text: { key, params } });
  }
}
