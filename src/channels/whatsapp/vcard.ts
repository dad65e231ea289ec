// A shared WhatsApp contact arrives as vCard text. WhatsApp adds "waid=<digits>" to the TEL line of numbers that are
// on WhatsApp, which is the cleanest source; otherwise the TEL value is used as typed (the engine normalises it).

/** The first phone number in a vCard, or undefined when it has none. */
export function phoneOfVCard(vcard: string): string | undefined {
  const telLines = vcard.split(/\r?\n/).filter((line) => /^(item\d+\.)?TEL[;:]/i.test(line));
  for (const line of telLines) {
    const waid = /waid=(\d+)/i.exec(line);
    if (waid) return `+${waid[1]}`;
  }
  for (const line of telLines) {
    const value = line.slice(line.indexOf(":") + 1).trim();
    if (/\d/.test(value)) return value;
  }
  return undefined;
}

/** The contact's display name (FN line), or undefined when the card has none. */
export function nameOfVCard(vcard: string): string | undefined {
  const line = vcard.split(/\r?\n/).find((l) => /^(item\d+\.)?FN[;:]/i.test(l));
  const name = line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\\([,;\\])/g, "$1")
    .trim();
  return name || undefined;
}
