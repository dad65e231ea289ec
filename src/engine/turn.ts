// One inbound message being handled: who sent it, in which language we answer, the replies collected so far, and
// what it tells other people. Replies are written to the outbox only when the whole turn commits.
import type { FirstContactChannel, InboundEvent, Pin, TemplateCall } from "../channels/channel.js";
import { storableText } from "../channels/storable.js";
import type { Tx } from "../db/prisma.js";
import { isLocale, render, t, type Locale, type MessageKey, type ParamArgs, type ParamsOf } from "../i18n/index.js";
import type { LocalText, Reply } from "../../flows/types.js";
import type { StoredConversation } from "./conversation-store.js";
import { tellPeople, type Recipients, type Tidings } from "./tell.js";
import type { TurnWrites, WritesMark } from "./turn-writes.js";

export interface RenderedReply {
  text: string;
  choices?: { label: string; value: string }[];
  requestPhone?: { label: string };
  location?: Pin;
  photo?: { ref: string };
  poll?: { allowMultiple?: boolean };
  /** a file sent with the text as its caption (an export) */
  document?: { filename: string; mimeType: string; base64: string };
  /** a relayed message (`chats` row) to mark read once this is delivered */
  readReceipt?: { chatMessageId: string };
  /** the same message as an approved template, for someone WhatsApp Cloud may only send templates to */
  template?: TemplateCall;
}

/** What a turn needs to know of the person. */
export interface Person {
  id: string;
  name: string;
  phone: string | null;
  locale: string | null;
  timeZone?: string | null;
}

/**
 * Everything that undoes one turn inside a batch's transaction. The first use of the database takes a savepoint (a
 * turn that never needs it, most do not, costs no statement for it), and the person writes the batch holds back are
 * marked when the turn begins: rollback() undoes both, so the batch's other turns are kept.
 */
export class TurnScope {
  private savepoint = false;
  private readonly mark: WritesMark;

  constructor(
    private readonly tx: Tx,
    /** the batch's held-back person writes; only the engine touches them */
    readonly writes: TurnWrites,
  ) {
    this.mark = writes.snapshot();
  }

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

  /** The turn failed: undo what it wrote (ROLLBACK TO leaves the savepoint open, so it is closed too) and what it held back. */
  async rollback(): Promise<void> {
    this.writes.restore(this.mark);
    if (!this.savepoint) return;
    await this.tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT turn");
    await this.tx.$executeRawUnsafe("RELEASE SAVEPOINT turn");
  }
}

/** What the engine lets a turn reach beyond the person who wrote: the channels that can write first. */
export interface TurnEnvironment {
  /** channels running in this process that may message someone who never wrote (WhatsApp, the simulator), best first */
  firstContact: FirstContactChannel[];
  /** channels running in this process */
  running: string[];
  /** how people reach the bot, for links organizers send: Telegram bot username, WhatsApp number (digits) */
  links?: { telegramBot?: string; whatsappNumber?: string };
  defaultCountry: string;
  defaultTimeZone: string;
  /** WhatsApp's budget for messages to people who never wrote (RateLimits.firstContact), to tell organizers of it */
  firstContactBudget?: { perHour: number; perDay: number };
}

export class Turn {
  readonly replies: RenderedReply[] = [];
  /** outbox rows this turn wrote for other people, sent after the commit */
  readonly told: { id: bigint; channel: string }[] = [];
  /** choices offered by the newest reply that had any */
  offered: string[] = [];
  /** the conversation changed (started, moved on or ended) and must be stored when the turn commits */
  conversationChanged = false;
  private tellings = 0;

  constructor(
    private readonly scope: TurnScope,
    readonly event: InboundEvent,
    /** the inbound log's id of the message, which keys everything this turn writes to the outbox */
    readonly inboundId: bigint,
    public user: Person,
    public locale: Locale,
    public conversation: StoredConversation | undefined,
    readonly now: Date,
    readonly env: TurnEnvironment,
    /** what the batch preloaded for its turns (registry preloaders), by preloader and person */
    private readonly preloads: ReadonlyMap<string, ReadonlyMap<string, unknown>> = new Map(),
  ) {}

  /** What the batch preloaded for this person under that name; undefined when it did not (then query it yourself). */
  preloaded<T>(name: string): T | undefined {
    return this.preloads.get(name)?.get(this.user.id) as T | undefined;
  }

  /** A row for a journey's batch writer: written with the batch's commit, dropped if this turn fails. */
  defer(writer: string, row: unknown): void {
    this.scope.writes.defer(writer, row);
  }

  /** The person's time zone, for reading and showing times that belong to no event. */
  get timeZone(): string {
    return this.user.timeZone ?? this.env.defaultTimeZone;
  }

  /**
   * The transaction, for domain statements. What the batch holds back for this person is written first, so those
   * statements see the person as this turn does.
   */
  async db(): Promise<Tx> {
    const tx = await this.scope.db();
    await this.scope.writes.materialize(tx, this.user.id);
    return tx;
  }

  /** The person's name changes (held back for the batch's commit). */
  /** A new name for the person (held back for the batch's commit); `own`: they gave it themselves. */
  rename(name: string, options: { own?: boolean } = {}): void {
    this.user = { ...this.user, name };
    this.scope.writes.setName(this.user.id, name, options.own ? this.now : undefined);
  }

  /** The person's language changes (held back for the batch's commit); replies from here on are in it. */
  setLanguage(locale: Locale): void {
    this.locale = locale;
    this.scope.writes.setLocale(this.user.id, locale);
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

  render(text: LocalText): string {
    return this.renderIn(this.locale, text);
  }

  /** In another language: for messages to other people (tell), rendered in each reader's. */
  renderIn(locale: Locale, text: LocalText): string {
    return "key" in text ? render(locale, text) : text.text;
  }

  /** Queue a reply rendered in the person's current language. */
  send(reply: Reply): void {
    // Storable like everything the outbox holds: a name stored before the border cleaned names must not fail the commit.
    const rendered: RenderedReply = { text: storableText(this.render(reply.text)) };
    if (reply.choices?.length) {
      rendered.choices = reply.choices.map((c) => ({ label: storableText(this.render(c.label)), value: c.value }));
      this.offered = reply.choices.map((c) => c.value);
    }
    if (reply.requestPhone) rendered.requestPhone = { label: this.render(reply.requestPhone) };
    if (reply.location) rendered.location = reply.location;
    if (reply.photo) rendered.photo = reply.photo;
    if (reply.poll) rendered.poll = reply.poll;
    if (reply.document) rendered.document = reply.document;
    this.replies.push(rendered);
  }

  say<K extends MessageKey, P extends ParamsOf<K>>(key: K, ...params: ParamArgs<K, P>): void {
    this.send({ text: { text: t(this.locale, key, ...(params as ParamArgs<K>)) } });
  }

  /**
   * Tells other people something, each in their own language, on the channel they last used (or, for someone who
   * never wrote, the first channel that can write first; else it waits as a notification until they open the bot).
   * Written in this turn's transaction, one statement whatever the number of people, so nothing goes out for a turn
   * that is undone. Returns how many were reached now and how many wait.
   */
  async tell(to: Recipients, tidings: Tidings): Promise<{ sent: number; waiting: number }> {
    const tx = await this.db();
    const key = `tell:${this.inboundId}:${this.tellings++}`;
    const { rows, waiting } = await tellPeople(tx, { to, tidings, key, env: this.env });
    this.told.push(...rows);
    return { sent: rows.length, waiting };
  }
}
