// Reading an organizer's list of guests: "0712345678 Amina, +255 754 111 222 Juma; Mama Neema 0713 000 111", one
// per comma, semicolon or line. Each entry's phone is its run of digits (with + ( ) - and spaces); the rest is the name.
import { normalisePhone } from "../../domain/phones.js";
import { storableName } from "../../channels/storable.js";

export interface ReadList {
  guests: { phone: string; name?: string }[];
  /** entries with no usable phone number, as typed */
  invalid: string[];
  /** numbers given more than once (invited once) */
  duplicates: string[];
}

export function readGuestList(text: string, defaultCountry: string): ReadList {
  const out: ReadList = { guests: [], invalid: [], duplicates: [] };
  const seen = new Set<string>();
  for (const raw of text.split(/[,;\n]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const digits = /\+?[\d(][\d\s()-]{6,}\d/.exec(entry);
    const phone = digits ? normalisePhone(digits[0].replace(/[\s()-]/g, ""), defaultCountry) : undefined;
    if (!digits || !phone) {
      out.invalid.push(entry.slice(0, 40));
      continue;
    }
    if (seen.has(phone)) {
      out.duplicates.push(phone);
      continue;
    }
    seen.add(phone);
    const name = storableName(entry.replace(digits[0], " "));
    out.guests.push(name.length >= 2 ? { phone, name } : { phone });
  }
  return out;
}
