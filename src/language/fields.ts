// A command's fields as people type them on a phone: separated by "|" (the old one-line form), or one per line (a
// new line is one key away on a phone, "|" is three), or only by spaces where the fields' own grammar tells where one
// ends ("Maua 300,000 100,000": a title, then amounts; "S-7K2QX 2027-02-13 08:00 2027-02-13 22:00": two date-times).
// Pure: the readers of each field (an amount, a date) are passed in or taken from flows/event-input.ts, so a field
// is read the same way here, in the step-by-step conversations and in the one-line commands.
import { parseAmount } from "../../flows/event-input.js";

/** True when the fields were separated by the person ("|" or new lines), so each is taken as typed. */
export const isSeparated = (rest: string): boolean => /[|\n]/.test(rest.trim());

/**
 * "Title | 500k | 200k" or "Title\n500k\n200k" -> ["Title", "500k", "200k"]: "|" wins where there is one (a field
 * may then span lines); blank lines are dropped, an empty "|" field is kept (it is a field left out on purpose).
 */
export function splitFields(rest: string): string[] {
  const text = rest.trim();
  if (!text) return [];
  if (text.includes("|")) return text.split("|").map((p) => p.trim().replace(/\s+/g, " "));
  return text
    .split(/\r?\n/)
    .map((p) => p.trim().replace(/\s+/g, " "))
    .filter(Boolean);
}

const tokensOf = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);

/**
 * The most words one value with a grammar takes (a date-time: "Jumamosi ijayo saa nane na nusu mchana"; two amounts:
 * "milioni 2 na laki 5 laki 2 na nusu"). The cuts below are tried only where such a value can be: trying every cut
 * of a long line costs its length squared or cubed (a 10 KB message stalled its chat for seconds to minutes).
 */
const maxValueWords = 12;

/**
 * The text cut in two at the first word where both halves read: { head, tail } with the readings, or undefined.
 * The head is as short as can be, so the tail (the part with a grammar: an amount, a date) takes all it can.
 */
export function splitWhere<A, B>(
  text: string,
  readHead: (head: string) => A | undefined,
  readTail: (tail: string) => B | undefined,
): { head: string; tail: string; headValue: A; tailValue: B } | undefined {
  const tokens = tokensOf(text);
  for (let i = Math.max(1, tokens.length - maxValueWords); i < tokens.length; i++) {
    const head = tokens.slice(0, i).join(" ");
    const tail = tokens.slice(i).join(" ");
    const tailValue = readTail(tail);
    if (tailValue === undefined) continue;
    const headValue = readHead(head);
    if (headValue !== undefined) return { head, tail, headValue, tailValue };
  }
  return undefined;
}

// Words that join the two ends of a stretch of time: "08:00 hadi 22:00", "kesho saa 2 mpaka saa 4".
const untilWords = new Set(["to", "until", "till", "hadi", "mpaka", "-", "–", "—"]);

/**
 * Two date-times typed one after the other ("2027-02-13 08:00 2027-02-13 22:00", "kesho saa 2 asubuhi hadi saa 4
 * usiku", "2027-02-13 08:00 - 22:00") -> their texts, the second with the first one's day when it only gives a time.
 * Undefined when no single cut reads on both sides: an ambiguous line is asked about, not guessed.
 */
export function readTwoDateTimes(
  text: string,
  readDate: (text: string) => Date | undefined,
): { from: string; to: string } | undefined {
  const tokens = tokensOf(text);
  if (tokens.length > 2 * maxValueWords + 1) return undefined;
  const read = remembered(readDate);
  const joined = tokens.findIndex((t) => untilWords.has(t.toLowerCase()));
  const cuts = joined > 0 ? [joined] : tokens.map((_, i) => i).slice(1);
  const found: { from: string; to: string }[] = [];
  for (const cut of cuts) {
    const from = tokens.slice(0, cut).join(" ");
    const to = tokens.slice(joined > 0 ? cut + 1 : cut).join(" ");
    if (!from || !to || !read(from)) continue;
    if (read(to)) found.push({ from, to });
  }
  if (found.length === 1) return found[0];
  if (found.length > 1) return undefined;
  // "… 08:00 22:00": the end is a time on the start's day.
  for (const cut of cuts) {
    const from = tokens.slice(0, cut).join(" ");
    const to = tokens.slice(joined > 0 ? cut + 1 : cut).join(" ");
    if (!from || !to || !read(from)) continue;
    const sameDay = onSameDay(from, to, read);
    if (sameDay) found.push({ from, to: sameDay });
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A reader that reads each text once: the cuts tried above ask for the same halves again. */
function remembered<T>(read: (text: string) => T | undefined): (text: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (text) => {
    if (!seen.has(text)) seen.set(text, read(text));
    return seen.get(text);
  };
}

// Where the time of a date-time starts: "saa", "at", or a clock ("08:00", "8.30", "2pm").
const timeStart = /^(saa|at|@|\d{1,2}[:.h]\d{2}(am|pm)?|\d{1,2}(am|pm))$/;

/** "22:00" after "2027-02-13 08:00" -> "2027-02-13 22:00": a time borrowing the day of the date-time before it. */
export function onSameDay(from: string, to: string, read: (text: string) => Date | undefined): string | undefined {
  if (read(to)) return to;
  const day = tokensOf(from);
  // The day is what comes before the start's time ("jumamosi ijayo" of "jumamosi ijayo saa 2 asubuhi").
  const time = day.findIndex((t) => timeStart.test(t.toLowerCase()));
  if (time > 0) {
    const candidate = `${day.slice(0, time).join(" ")} ${to.trim()}`;
    return read(candidate) ? candidate : undefined;
  }
  for (let k = 1; k <= Math.min(3, day.length - 1); k++) {
    const candidate = `${day.slice(0, k).join(" ")} ${to.trim()}`;
    if (read(candidate)) return candidate;
  }
  return undefined;
}

// Words that make a word group an amount rather than a count of things ("laki 3", "300 elfu", "tsh 50,000").
const moneyWords =
  /^(elfu|laki|milioni|million|thousand|k|m|mn|tsh|tzs|ksh|kes|sh|na|nusu|robo|[a-z]*\d[\d,.]*(k|m|mn)?(\/[=-])?)$/;
const digitGroups = /^\d{1,3}$/;

/**
 * Words that read as one amount: a single word ("300,000", "50k", "100,000/="), or words that only an amount is made
 * of ("laki 3", "elfu hamsini", "1 500 000"), never two numbers that merely stand side by side ("200 500,000").
 */
function oneAmount(tokens: string[]): number | undefined {
  if (!tokens.length) return undefined;
  if (tokens.length > 1) {
    const numeric = tokens.every((t) => /^[\d,.]+$/.test(t));
    // Spaces as thousands separators only in the strict form "1 500 000".
    if (numeric && !(digitGroups.test(tokens[0]!) && tokens.slice(1).every((t) => /^\d{3}$/.test(t)))) return undefined;
    if (!numeric && !tokens.some((t) => /^(elfu|laki|milioni|million|thousand|tsh|tzs|ksh|kes|sh)$/i.test(t)))
      return undefined;
  }
  if (!tokens.some((t) => moneyWords.test(t.toLowerCase()) || /\d/.test(t))) return undefined;
  const n = parseAmount(tokens.join(" "));
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * A title followed by one or two amounts ("Maua 300000", "Maua 300,000 100,000", "Viti 200 laki 5") -> the title
 * and the amounts' texts. A second amount is a part of the first (what is paid of a cost, a deposit of a price), so it
 * is read only where it is not more than the first: "Viti 200 500,000" is 200 chairs for 500,000.
 */
export function readTitleAmounts(text: string, most: 1 | 2 = 2): { title: string; amounts: string[] } | undefined {
  const tokens = tokensOf(text);
  const read = remembered((words: string) => oneAmount(tokensOf(words)));
  const amountOf = (words: string[]) => read(words.join(" "));
  // The amounts are the last few words (maxValueWords).
  for (let i = Math.max(1, tokens.length - maxValueWords); i < tokens.length; i++) {
    const tail = tokens.slice(i);
    if (most === 2) {
      for (let j = 1; j < tail.length; j++) {
        const [first, second] = [amountOf(tail.slice(0, j)), amountOf(tail.slice(j))];
        if (first !== undefined && second !== undefined && second <= first) {
          return {
            title: tokens.slice(0, i).join(" "),
            amounts: [tail.slice(0, j).join(" "), tail.slice(j).join(" ")],
          };
        }
      }
    }
    if (amountOf(tail) !== undefined) return { title: tokens.slice(0, i).join(" "), amounts: [tail.join(" ")] };
  }
  return undefined;
}

/** One amount, as the fields above read it (for an answer to "how much?"). */
export const readAmount = (text: string): number | undefined => oneAmount(tokensOf(text));

// A phone number as typed: 9 to 15 digits, in groups ("0713 456 701", "+255-713-456-701").
const phonePattern = /(?:^|\s)(\+?\d(?:[\s-]?\d){8,14})(?=\s|$)/;

/** The phone number in a text and the words around it: "0713 456 701 Juma" -> { phone, before: "", after: "Juma" }. */
export function findPhone(text: string): { phone: string; before: string; after: string } | undefined {
  const m = phonePattern.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].length - m[1]!.length;
  return {
    phone: m[1]!.replace(/[\s-]/g, ""),
    before: text.slice(0, start).trim(),
    after: text.slice(start + m[1]!.length).trim(),
  };
}

/**
 * A task typed in one line: its title, then who does it (a phone and their name) and when it is due, in any order
 * after the title ("Nunua maua 0713456701 Juma", "Chukua keki kesho 18:00") -> [title, ...the other fields' texts].
 */
export function readTask(text: string, readDate: (text: string) => Date | undefined): string[] {
  const phone = findPhone(text);
  const others: string[] = [];
  let title = text.trim();
  let after = "";
  if (phone && phone.before) {
    title = phone.before;
    after = phone.after;
  }
  // A due time at the end of the title, or after the assignee's name.
  const dueOf = (words: string): { head: string; due?: string } => {
    const cut = splitWhere(
      words,
      (h) => h,
      (t) => readDate(t),
    );
    return cut ? { head: cut.head, due: cut.tail } : readDate(words) ? { head: "", due: words } : { head: words };
  };
  if (phone && phone.before) {
    const named = dueOf(after);
    others.push(`${phone.phone} ${named.head}`.trim());
    if (named.due) others.push(named.due);
  } else {
    const due = dueOf(title);
    if (due.due && due.head) {
      title = due.head;
      others.push(due.due);
    }
  }
  return [title, ...others];
}

/**
 * A poll in one line: the question up to its "?", then the options separated by commas, "/", "au" or "or"
 * ("Chakula gani? Pilau, Biryani au Wali") -> the question and at least two options; undefined otherwise.
 */
export function readQuestionOptions(text: string): { question: string; options: string[] } | undefined {
  const at = text.indexOf("?");
  if (at < 0) return undefined;
  const question = text.slice(0, at + 1).trim();
  const options = readOptions(text.slice(at + 1));
  return question.length > 1 && options.length >= 2 ? { question, options } : undefined;
}

/** Options typed one per line, or in a line separated by commas, "/", "au" or "or". */
export function readOptions(text: string): string[] {
  const lines = text
    .split(/\r?\n|\|/)
    .map((l) => l.trim())
    .filter(Boolean);
  const parts = lines.length > 1 ? lines : (lines[0] ?? "").split(/\s*[,;/]\s*|\s+(?:au|or|ama)\s+/i);
  // A list's marks go ("- Pilau", "1. Pilau", "2) Wali"); a number that is part of the option stays ("3 kozi").
  return parts
    .map((p) =>
      p
        .trim()
        .replace(/^(?:[-•*]|\d{1,2}[.)])\s*/, "")
        .trim(),
    )
    .filter(Boolean);
}

/** The words at the start that read (coordinates, a code) and the rest: "-6.79, 39.20 Diamond Hall" -> both parts. */
export function readHead<T>(
  text: string,
  read: (head: string) => T | undefined,
): { value: T; rest: string } | undefined {
  const tokens = tokensOf(text);
  for (let i = 1; i <= tokens.length; i++) {
    const value = read(tokens.slice(0, i).join(" "));
    if (value !== undefined) return { value, rest: tokens.slice(i).join(" ") };
  }
  return undefined;
}

/** One amount, or two side by side ("800,000", "800k 200k", "laki 8 laki 2") -> their texts; undefined otherwise. */
export function readAmounts(text: string): string[] | undefined {
  const tokens = tokensOf(text);
  if (oneAmount(tokens) !== undefined) return [tokens.join(" ")];
  for (let j = 1; j < tokens.length; j++) {
    if (oneAmount(tokens.slice(0, j)) !== undefined && oneAmount(tokens.slice(j)) !== undefined)
      return [tokens.slice(0, j).join(" "), tokens.slice(j).join(" ")];
  }
  return undefined;
}
