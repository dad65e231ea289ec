// An OutboundPayload as the Graph API messages that show it: choices as reply buttons (up to 3 with short labels) or
// a list (up to 10), numbered lines beyond that; text cut at line breaks to Meta's lengths; a pin after the text;
// a picture or file by link or upload with the text as its caption.
import type { Choice, OutboundPayload } from "../channel.js";
import { withNumberedChoices } from "../whatsapp/outbound.js";

/** Meta's limits (developers.facebook.com/docs/whatsapp/cloud-api/messages). */
export const limits = {
  text: 4096,
  interactiveBody: 1024,
  caption: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
} as const;

/** The list's menu button names both languages: the payload does not say which the reader reads. */
export const LIST_BUTTON = "Choose · Chagua";

/** One send: a message as it is, or a file to upload first and then send by its id. */
export type PlannedSend =
  | { message: Record<string, unknown> }
  | { upload: { filename: string; mimeType: string; bytes: Buffer }; caption?: string };

/** Text cut into pieces of at most max characters, at line breaks where it can be. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    // A single line longer than max is cut where it must be.
    let rest = line;
    while (rest.length > max) {
      pieces.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current.trim()) pieces.push(current);
  return pieces;
}

/** All of text but its last piece (sent as plain messages first) and the last piece, at most tailMax long. */
function headAndTail(text: string, tailMax: number): { head: string[]; tail: string } {
  if (text.length <= tailMax) return { head: [], tail: text };
  const pieces = splitText(text, tailMax);
  const tail = pieces.pop() ?? "";
  return { head: splitText(pieces.join("\n"), limits.text), tail };
}

const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** Buttons when they fit, a list when they do not, undefined when only numbered lines will do. */
function interactiveAction(
  choices: readonly Choice[],
): { type: "button" | "list"; action: Record<string, unknown> } | undefined {
  const titles = choices.map((c) => c.label.trim());
  const fitsButtons =
    choices.length <= limits.buttons &&
    titles.every((t) => t.length >= 1 && t.length <= limits.buttonTitle) &&
    new Set(titles).size === titles.length;
  if (fitsButtons) {
    return {
      type: "button",
      action: { buttons: choices.map((c, i) => ({ type: "reply", reply: { id: c.value, title: titles[i] } })) },
    };
  }
  if (choices.length > limits.listRows) return undefined;
  const rows = choices.map((c, i) => {
    const label = titles[i] || "-";
    // A label longer than a row's title shows whole in the row's description.
    return label.length <= limits.rowTitle
      ? { id: c.value, title: label }
      : { id: c.value, title: cut(label, limits.rowTitle), description: cut(label, limits.rowDescription) };
  });
  return { type: "list", action: { button: LIST_BUTTON, sections: [{ rows }] } };
}

const textMessage = (body: string) => ({ message: { type: "text", text: { body, preview_url: false } } });

/** The sends that show this payload, in order. */
export function planSends(payload: OutboundPayload): PlannedSend[] {
  const sends: PlannedSend[] = [];
  const text = payload.text;
  const interactive = payload.choices?.length ? interactiveAction(payload.choices) : undefined;
  const media = mediaOf(payload);
  if (interactive) {
    const { head, tail } = headAndTail(text, limits.interactiveBody);
    sends.push(...head.map(textMessage));
    sends.push({
      message: {
        type: "interactive",
        interactive: { type: interactive.type, body: { text: tail.trim() ? tail : "…" }, action: interactive.action },
      },
    });
    if (media) sends.push(media(undefined));
  } else {
    const full = withNumberedChoices(text, payload.choices);
    if (media && full.length <= limits.caption) sends.push(media(full || undefined));
    else {
      sends.push(...splitText(full, limits.text).map(textMessage));
      if (media) sends.push(media(undefined));
    }
  }
  if (payload.location) {
    const { latitude, longitude, name, address } = payload.location;
    sends.push({
      message: {
        type: "location",
        location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
      },
    });
  }
  return sends;
}

/** The payload's picture or file as a send with a given caption, or undefined when it has none this network can show. */
function mediaOf(payload: OutboundPayload): ((caption: string | undefined) => PlannedSend) | undefined {
  if (payload.document) {
    const { filename, base64 } = payload.document;
    const mimeType = uploadType(payload.document.mimeType);
    const bytes = Buffer.from(base64, "base64");
    return (caption) => ({ upload: { filename, mimeType, bytes }, ...(caption ? { caption } : {}) });
  }
  const ref = payload.photo?.ref;
  if (!ref) return undefined;
  // A link, or the media id of a picture someone sent this number; another network's file id means nothing here.
  const image = /^https?:\/\//i.test(ref) ? { link: ref } : /^\d+$/.test(ref) ? { id: ref } : undefined;
  if (!image) return undefined;
  return (caption) => ({ message: { type: "image", image: { ...image, ...(caption ? { caption } : {}) } } });
}

/**
 * Meta takes documents of a few types only (text/plain, PDF, Word, Excel, PowerPoint): a CSV export goes up as
 * text/plain and keeps its .csv name, which phones open with a spreadsheet.
 */
export function uploadType(mimeType: string): string {
  return /^text\/(csv|tab-separated-values)\b/i.test(mimeType) ? "text/plain" : mimeType;
}

/** The message that sends an uploaded file: pictures as pictures (shown in the chat), others as documents. */
export function uploadedMediaMessage(
  mediaId: string,
  file: { filename: string; mimeType: string },
  caption?: string,
): Record<string, unknown> {
  if (/^image\/(png|jpeg)$/i.test(file.mimeType))
    return { type: "image", image: { id: mediaId, ...(caption ? { caption } : {}) } };
  return { type: "document", document: { id: mediaId, filename: file.filename, ...(caption ? { caption } : {}) } };
}
