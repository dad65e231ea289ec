import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/**
 * E.164 for anything a person or a network gives us ("0712 345 678", "+255712345678", "255712345678",
 * "255712345678@c.us"); undefined when it is not a possible phone number.
 */
export function normalisePhone(raw: string, defaultCountry: string): string | undefined {
  const cleaned = raw.replace(/@.*$/, "").trim();
  // WhatsApp ids and some contacts carry the country code without the "+".
  const candidates = /^\d{11,15}$/.test(cleaned) ? [`+${cleaned}`, cleaned] : [cleaned];
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, defaultCountry as CountryCode);
    if (parsed?.isPossible()) return parsed.number;
  }
  return undefined;
}

/** The ISO country of an E.164 number, when known. */
export function phoneCountry(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.country;
}
