// The slice of whatsapp-web.js the adapter uses, as a narrow type: tests drive the adapter with a fake of exactly
// this surface, and the real Client must stay assignable to it (checked where the default factory returns one).
import { createRequire } from "node:module";
import type WAWebJS from "whatsapp-web.js";

export interface WhatsAppMessageId {
  _serialized: string;
  fromMe?: boolean;
  /** The chat the message belongs to; for a message we sent this is the recipient's chat. */
  remote?: string;
}

/** The fields of whatsapp-web.js Message the adapter reads. */
export interface WhatsAppMessageLike {
  id: WhatsAppMessageId;
  from: string;
  to?: string;
  /** Sender inside a group chat; absent in private chats. */
  author?: string;
  fromMe: boolean;
  isStatus?: boolean;
  body: string;
  /** MessageTypes value: "chat", "image", "vcard", ... */
  type: string;
  hasMedia: boolean;
  /** Seconds since the epoch. */
  timestamp: number;
  vCards?: string[];
  /** Set on messages of type "location" (the library builds it from the raw model). */
  location?: { latitude: number | string; longitude: number | string; name?: string; address?: string };
  /** Raw model; notifyName is the name the sender set for themselves (not typed by the library). */
  _data?: { notifyName?: string };
}

export interface WhatsAppPollVoteLike {
  voter: string;
  /** The library's typings say `id`, its runtime sets `localId`; name is missing when the poll is not cached. */
  selectedOptions: Array<{ name?: string; id?: number; localId?: number }>;
  /** Milliseconds since the epoch (sic, the library's spelling). */
  interractedAtTs: number;
  parentMessage: WhatsAppMessageLike;
}

export interface WhatsAppClientEvents {
  qr: (qr: string) => void;
  ready: () => void;
  message: (message: WhatsAppMessageLike) => void;
  vote_update: (vote: WhatsAppPollVoteLike) => void;
  disconnected: (reason: string) => void;
  auth_failure: (message: string) => void;
  /** A message the person edited after sending (the engine already acted on the first text). */
  message_edit: (message: WhatsAppMessageLike, newBody: string, prevBody: string) => void;
  /** A message deleted for everyone: `revoked` is the stub, `original` the message when the browser still had it. */
  message_revoke_everyone: (revoked: WhatsAppMessageLike, original?: WhatsAppMessageLike | null) => void;
  /** A message that could not be decrypted yet (the person sees "waiting for this message"). */
  message_ciphertext: (message: WhatsAppMessageLike) => void;
  /** Ticks on a message: -1 error, 0 pending, 1 server, 2 delivered to the phone, 3 read, 4 played. */
  message_ack: (message: WhatsAppMessageLike, ack: number) => void;
}

export type WhatsAppEventName = keyof WhatsAppClientEvents;

/** What sendMessage accepts here: plain text, or a whatsapp-web.js Poll, Location or MessageMedia built below. */
export type WhatsAppContent = string | WAWebJS.Poll | WAWebJS.Location | WAWebJS.MessageMedia;

/** sendMessage's options Nuru uses: a media's caption; no link previews; resolve only once WhatsApp took it; do not
 * mark the chat read (the library does by default, before the person's messages may be logged). */
export interface WhatsAppSendOptions {
  caption?: string;
  linkPreview?: boolean;
  waitUntilMsgSent?: boolean;
  sendSeen?: boolean;
}

/** The fields of a whatsapp-web.js Chat the adapter reads: what arrived while Nuru was not listening. */
export interface WhatsAppChatLike {
  id: { _serialized: string };
  unreadCount: number;
  fetchMessages(search: { limit?: number }): Promise<WhatsAppMessageLike[]>;
}

export interface WhatsAppClientLike {
  on<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): unknown;
  removeListener<E extends WhatsAppEventName>(event: E, listener: WhatsAppClientEvents[E]): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  /** "CONNECTED" while the session works; another WAState or null when not; rejects or hangs when the page is gone. */
  getState(): Promise<string | null>;
  /** puppeteer's Browser and Page behind the client, once initialized (watched for their death: connection.ts). */
  pupBrowser?: unknown;
  pupPage?: unknown;
  sendMessage(
    chatId: string,
    content: WhatsAppContent,
    options?: WhatsAppSendOptions,
  ): Promise<{ id: WhatsAppMessageId } | undefined>;
  /** Null when the number is not on WhatsApp; otherwise the id to send to (it may differ from what we asked). */
  getNumberId(number: string): Promise<{ _serialized: string } | null>;
  getChats(): Promise<WhatsAppChatLike[]>;
  /** Marks the chat read on the phone (blue ticks for the sender): done only once its messages are logged. */
  sendSeen(chatId: string): Promise<boolean>;
  /** Fields are missing when WhatsApp hides the mapping (privacy), so both are optional here. */
  getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid?: string; pn?: string }>>;
}

export interface WhatsAppClientOptions {
  sessionDir: string;
  chromiumPath: string;
  /** Chromium without its sandbox: only when the operator asked for it (CHROMIUM_NO_SANDBOX=true). */
  noSandbox?: boolean;
}

/**
 * Chromium's flags. The sandbox stays on unless the operator opts out: WhatsApp Web is a page from the internet, and
 * Chromium's sandbox is what keeps a compromised renderer from the process's files (the WhatsApp session, .env). The
 * image runs as a non-root user, where the sandbox works given user namespaces (README, "Docker"). The other flags
 * save memory and stop Chromium phoning home, which matters on small servers; --disable-dev-shm-usage because
 * Docker's default 64 MB /dev/shm is a common cause of Chromium crashing mid-session.
 */
export function chromiumArgs(noSandbox: boolean): string[] {
  return [
    ...(noSandbox ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
  ];
}

export type WhatsAppClientFactory = (options: WhatsAppClientOptions) => WhatsAppClientLike;

// whatsapp-web.js is CommonJS and loads puppeteer on require, so it is loaded only when a real client or poll is
// built: tests and processes without WhatsApp never pay for it. Named ESM imports do not work for this package.
const require = createRequire(import.meta.url);
let library: typeof WAWebJS | undefined;
function loadLibrary(): typeof WAWebJS {
  library ??= require("whatsapp-web.js") as typeof WAWebJS;
  return library;
}

/** A real whatsapp-web.js Client: session kept on disk by LocalAuth, headless Chromium from the system. */
export const createRealClient: WhatsAppClientFactory = ({ sessionDir, chromiumPath, noSandbox = false }) => {
  const { Client, LocalAuth } = loadLibrary();
  const client: WhatsAppClientLike = new Client({
    authStrategy: new LocalAuth({ dataPath: sessionDir }),
    puppeteer: {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs(noSandbox),
    },
  });
  return client;
};

/** A native WhatsApp poll; sendMessage recognises it with instanceof, so it must come from the same library copy. */
export function makePoll(question: string, options: string[], allowMultipleAnswers = false): WAWebJS.Poll {
  const { Poll } = loadLibrary();
  return new Poll(question, options, { allowMultipleAnswers, messageSecret: undefined });
}

/** A native WhatsApp location pin (with a name and address, shown as a venue). */
export function makeLocation(
  latitude: number,
  longitude: number,
  details: { name?: string; address?: string } = {},
): WAWebJS.Location {
  const { Location } = loadLibrary();
  return new Location(latitude, longitude, details);
}

/** A file from its bytes (an export), sent as a document with its name. */
export function makeMedia(mimeType: string, base64: string, filename: string): WAWebJS.MessageMedia {
  const { MessageMedia } = loadLibrary();
  return new MessageMedia(mimeType, base64, filename);
}

/** Downloads a photo to send: WhatsApp takes the bytes, not a link. Replaced in tests (no network here). */
export type MediaLoader = (ref: string) => Promise<WAWebJS.MessageMedia>;

export const loadMediaFromUrl: MediaLoader = async (ref) => {
  if (!/^https:\/\//.test(ref)) throw new Error(`a WhatsApp photo must be an https URL, got "${ref.slice(0, 40)}"`);
  const { MessageMedia } = loadLibrary();
  return MessageMedia.fromUrl(ref, { unsafeMime: true });
};
