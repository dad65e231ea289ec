// WhatsApp ids ("jids"): <digits>@c.us is a phone number, <digits>@lid a privacy id that hides the number,
// <id>@g.us a group, status@broadcast the Status feed.

export const STATUS_BROADCAST = "status@broadcast";

export function isGroupJid(jid: string): boolean {
  return jid.endsWith("@g.us");
}

export function isLidJid(jid: string): boolean {
  return jid.endsWith("@lid");
}

export function isPhoneJid(jid: string): boolean {
  return /^\d+@c\.us$/.test(jid);
}

/** "255712345678@c.us" (or "@s.whatsapp.net", as some APIs spell it) -> "+255712345678"; undefined otherwise. */
export function phoneOfJid(jid: string): string | undefined {
  const match = /^(\d+)(?::\d+)?@(c\.us|s\.whatsapp\.net)$/.exec(jid);
  return match ? `+${match[1]}` : undefined;
}

/** The same person's phone jid in the @c.us form the rest of the adapter uses. */
export function toPhoneJid(jid: string): string | undefined {
  const phone = phoneOfJid(jid);
  return phone ? `${phone.slice(1)}@c.us` : undefined;
}

/**
 * A chat id the engine gave us, as a jid: jids pass through, and a phone number in international form
 * ("+255 712 345 678", "255712345678") becomes its @c.us chat so the engine can message a guest it only knows by
 * number. Undefined otherwise, and for a local form ("0754 ..."): its country is unknown here, and "0754...@c.us"
 * would be some other number, or none.
 */
export function chatJidOf(chatId: string): string | undefined {
  if (/^[1-9]\d{5,14}@c\.us$/.test(chatId) || /^\d+@lid$/.test(chatId) || /^[^@\s]+@g\.us$/.test(chatId)) return chatId;
  const digits = chatId.replace(/[\s()+-]/g, "");
  return /^[1-9]\d{5,14}$/.test(digits) ? `${digits}@c.us` : undefined;
}
