// The engine's own English messages (each journey has its own catalogue beside it, see src/i18n/index.ts). Every key
// must exist in sw.ts too (its type enforces it, test/unit/i18n.test.ts checks placeholders). {name} placeholders are
// filled by t(); keep messages short: they are read on phones.
export const en = {
  "unknown.input": 'Sorry, I did not understand "{text}". Send /help to see what you can do.',
  "unknown.waiting":
    'I did not quite get "{text}". This is waiting for you:\n{lines}\nOr send /help to see everything you can do.',
  "unknown.suggest_waiting":
    'Sorry, I did not understand "{text}". Perhaps:\n{lines}\nWaiting for you:\n{waiting}\nSend /help to see everything you can do.',
  "unknown.suggest":
    'Sorry, I did not understand "{text}". Perhaps:\n{lines}\nSend /help to see everything you can do.',
  "understand.poll_which": "Which answer do you mean? Tap it:",
  "understand.poll_which_poll": "You have more than one open poll; tap your answer in the one you mean:",
  "unknown.media": "Thank you! I cannot do anything with that here yet. Send /help to see what you can do.",
  "inbound.too_long":
    "Your message is too long for me ({length} characters; I read at most {max}). Please send it in shorter parts.",
  "inbound.unstorable": "Sorry, I could not read your last message. Please send it again as plain text.",
  "inbound.unsupported":
    "I cannot read that kind of message. Please write it as text (or send /help to see what I can do).",
  "choice.expired": "That button is from an earlier question. Send /help to start again.",

  "conversation.expired": "Our earlier conversation timed out, so let us start again.",
  "conversation.upgraded": "Nuru was updated and I lost track of what we were doing, sorry. Please start again.",

  "when.unknown": "date to be announced",
  "where.unknown": "venue to be announced",

  "error.generic": "Sorry, something went wrong on our side. Please try again in a moment.",
  "error.too_many_failures": 'Sorry, I could not handle your message "{text}". Our team has been told.',
} as const;

export type EngineMessageKey = keyof typeof en;
