// One inbound message being handled: who sent it, in which language we answer, and the replies collected so far.
// Replies are written to the outbox only when the whole turn commits.
import type { InboundEvent } from "../channels/channel.js";
import { storableText } from "../channels/storable.js";
import type { Tx } from "../db/prisma.js";
import { isLocale, t, type Locale, type MessageKey, type Params } from "../i18n/index.js";
import type { LocalText, Reply } from "../../flows/types.js";
import type { StoredConversation } from "./conversation-store.js";
import type { TurnWrites } from "./turn-writes.js";

export interface RenderedReply {
  text: string;
  choices?: { label: string; value: string }[];
  requestPhone?: { label: string };
}

/** What a turn needs to know of the person. */
export interface Person {
  id: string;
  name: string;
  phone: string | null;
  locale: string | null;
}

/**
 * A turn's way into the batch's transaction. The first use takes a savepoint, so a turn that fails after writing can
 * be undone alone and the batch's other turns kept; a turn that never needs the database (most do not: their writes
 * are held back, TurnWrites) costs no statement for it.
 */
export class TurnScope {
  private savepoint = false;
  constructor(private readonly tx: Tx) {}

  async db(): Promise<Tx> {
    if (!this.savepoint) {
      await this.tx.$executeRawUnsafe("SAVEPOINT turn");
      this.savepoint = true;
    }
    return this.tx;
  }

  /** The turn succeeded: keep what it wrote, and close the savepoint so the next turn's is not nested in it. */
  async release(): Promise<void> {
    if (this.savepoint) await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT turn");
  }

  /** The turn failed: undo what it wrote, and close the savepoint (ROLLBACK TO leaves it open). */
  async rollback(): Promise<void> {
    if (!this.savepoint) return;
    await this.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT turn");
    await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT turn");
  }
}

export class Turn {
  readonly replies: RenderedReply[] = [];
  /** choices offered by the newest reply that had any */
  offered: string[] = [];
  /** the conversation changed (started, moved on or ended) and must be stored when the turn commits */
  conversationChanged = false;

  constructor(
    private readonly scope: TurnScope,
    /** person-level writes held back for the batch's commit (name, language, a new person) */
    readonly writes: TurnWrites,
    readonly event: InboundEvent,
    public user: Person,
    public locale: Locale,
    public conversation: StoredConversation | undefined,
    readonly now: Date,
  ) {}

  /**
   * The transaction, for domain statements. What the batch holds back for this person is written first, so those
   * statements see the person as this turn does.
   */
  async db(): Promise<Tx> {
    const tx = await this.scope.db();
    await this.writes.materialize(tx, this.user.id);
    return tx;
  }

  /**
   * The turn now speaks for another person: this bare chat account was folded into the holder of its phone number,
   * so replies must point at a user that exists and speak that person's language.
   */
  becomes(person: Person): void {
    this.user = person;
    if (isLocale(person.locale)) this.locale = person.locale;
  }

  /** Replace the conversation; stored once, with the rest of the turn, when it commits. */
  setConversation(next: StoredConversation | undefined): void {
    this.conversation = next;
    this.conversationChanged = true;
  }

  render(text: LocalText, extra: Params = {}): string {
    return "key" in text ? t(this.locale, text.key, { ...text.params, ...extra }) : text.text;
  }

  /** Queue a reply rendered in the person's current language. */
  send(reply: Reply, extra: Params = {}): void {
    // Storable like everything the outbox holds: a name stored before the border cleaned names must not fail the commit.
    const rendered: RenderedReply = { text: storableText(this.render(reply.text, extra)) };
    if (reply.choices?.length) {
      rendered.choices = reply.choices.map((c) => ({ label: storableText(this.render(c.label)), value: c.value }));
      this.offered = reply.choices.map((c) => c.value);
    }
    if (reply.requestPhone) rendered.requestPhone = { label: this.render(reply.requestPhone) };
    this.replies.push(rendered);
  }

  say(key: MessageKey, params?: Params): void {
    this.send({ text: { key, params } });
  }
}
