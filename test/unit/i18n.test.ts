import { describe, expect, it } from "vitest";
import {
  catalogueKeys,
  catalogues,
  counted,
  label,
  locales,
  message,
  placeholders,
  plural,
  render,
  t,
  type MessageKey,
} from "../../src/i18n/index.js";
import { formatDateTime } from "../../src/i18n/dates.js";
import * as enums from "../../src/generated/prisma/enums.js";
import type { BookingStatus, PaymentStatus, TaskStatus } from "../../src/generated/prisma/enums.js";
import { organizerStatus, paymentStatus } from "../../src/journeys/bookings/index.js";
import { answerCounts } from "../../src/journeys/events/counts.js";
import { AppError, refusalMessage } from "../../src/errors.js";

describe("message catalogues", () => {
  const keys = (locale: (typeof locales)[number]) => Object.keys(catalogues[locale]).sort();

  it("have the same keys in English and Swahili", () => {
    expect(keys("sw")).toEqual(keys("en"));
  });

  it("use the same placeholders in both languages, and no message is empty", () => {
    for (const key of keys("en") as (keyof typeof catalogues.en)[]) {
      expect(placeholders(catalogues.sw[key]), key).toEqual(placeholders(catalogues.en[key]));
      for (const locale of locales) expect(catalogues[locale][key].trim(), `${locale} ${key}`).not.toBe("");
    }
  });

  it("differ between the languages (a Swahili entry is not an English copy) except names and bare formats", () => {
    const same = keys("en").filter(
      (k) => catalogues.en[k as keyof typeof catalogues.en] === catalogues.sw[k as keyof typeof catalogues.en],
    );
    // A bare format ("• {name}: {text}") has no words of its own to translate; names are the same in both languages.
    const bare = (text: string) => !/\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, ""));
    const names = [
      "language.choice.en",
      "language.choice.sw",
      "link.telegram",
      "link.whatsapp",
      "newevent.type.sendoff",
    ];
    expect(same.filter((k) => !names.includes(k) && !bare(catalogues.en[k as keyof typeof catalogues.en]))).toEqual([]);
  });

  it("fills placeholders", () => {
    expect(t("en", "welcome.named", { name: "Neema" })).toContain("Neema");
    // A missing parameter is a type error; were one to slip through, it stays visible rather than blank.
    expect((t as (l: string, k: string) => string)("sw", "welcome.named")).toContain("{name}");
  });

  it("has no key in two catalogues (the engine's and the journeys')", () => {
    const all = catalogueKeys.flat();
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });
});

/** Every value of every domain enum, as Prisma generates them (a new enum is checked by itself). */
const enumValues = <E extends Record<string, string>>(e: E) => Object.values(e) as E[keyof E][];
const allEnumValues = new Set(Object.values(enums).flatMap((e) => enumValues(e as Record<string, string>)));
/** The networks' names are the same in every language. */
const properNames = new Set(enumValues(enums.Channel));
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z_]+/)
    .filter(Boolean);

describe("no raw enum value reaches a reader", () => {
  it("a Swahili text holds no status or kind in English (names of networks aside)", () => {
    for (const [key, text] of Object.entries(catalogues.sw)) {
      const raw = wordsOf(text.replace(/\{\w+\}/g, " ")).filter(
        (w) => allEnumValues.has(w as never) && !properNames.has(w as never),
      );
      expect(raw, key).toEqual([]);
    }
  });

  it("every status and kind has words in both languages, so a label of any value exists", () => {
    const families: [string, readonly string[]][] = [
      ["booking.status", enumValues(enums.BookingStatus)],
      ["payment.status", enumValues(enums.PaymentStatus)],
      ["task.status", enumValues(enums.TaskStatus)],
      ["event.status", enumValues(enums.EventStatus)],
      ["guests.status", enumValues(enums.RsvpStatus)],
      ["budget.status", enumValues(enums.BudgetItemStatus)],
      ["contribute.kind", enumValues(enums.ContributionKind)],
    ];
    for (const [family, values] of families) {
      for (const value of values) {
        for (const locale of locales) {
          const text = catalogues[locale][`${family}.${value}` as MessageKey];
          expect(text, `${locale} ${family}.${value}`).toBeTruthy();
          if (locale === "sw") expect(wordsOf(text), `${family}.${value}`).not.toContain(value);
        }
      }
    }
  });

  it("renders the messages that carry a status in the reader's language", () => {
    const statuses: BookingStatus[] = enumValues(enums.BookingStatus);
    for (const status of statuses) {
      for (const locale of locales) {
        const refusal = new AppError("booking.not_open", {
          code: "B-7K2QX",
          status: label(`booking.status.${status}`),
        });
        const text = render(locale, refusalMessage(refusal));
        if (locale === "sw") expect(wordsOf(text), text).not.toContain(status);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    const org = (status: BookingStatus, payment: PaymentStatus | null, locale: "en" | "sw") =>
      t(locale, "bookings.org_item", {
        code: "B-1",
        service: "Mama Neema Catering",
        event: "Harusi",
        price: "",
        status: label(organizerStatus(status)),
        payment: status === "confirmed" ? t(locale, "bookings.payment", { status: paymentStatus(payment) }) : "",
      });
    // Each side reads its own status: the organizer waits for the provider, who is the one asked to answer.
    expect(org("requested", null, "en")).toContain("waiting for the provider's answer");
    expect(org("requested", null, "sw")).toContain("inasubiri jibu la mtoa huduma");
    expect(
      t("en", "bookings.item", {
        code: "B-1",
        service: "MC",
        event: "Harusi",
        when: "-",
        status: label("booking.status.requested"),
      }),
    ).toContain("waiting for your answer");
    // A declined request is declined, not "payment pending".
    expect(org("declined", "pending", "en")).toBe("• B-1 Mama Neema Catering for Harusi – declined");
    expect(org("declined", "pending", "sw")).toBe("• B-1 Mama Neema Catering kwa Harusi – imekataliwa");
    expect(org("confirmed", "completed", "sw")).toContain("malipo yamekamilika");
  });

  it("refuses a value typed as a domain enum as a message parameter (type check)", () => {
    const status = "declined" as BookingStatus;
    const task = "pending" as TaskStatus;
    // @ts-expect-error a BookingStatus is words for the code: pass label(`booking.status.${status}`)
    t("sw", "booking.not_open", { code: "B-1", status });
    // @ts-expect-error the same through a Message built for later
    message("tasks.item", { code: "T-1", title: "Keki", status: task, who: "", due: "" });
    // @ts-expect-error and through a refusal
    new AppError("booking.not_open", { code: "B-1", status });
    // Plain text, numbers and labels pass.
    expect(t("sw", "booking.not_open", { code: "B-1", status: label(`booking.status.${status}`) })).toBe(
      "Oda B-1 imekataliwa: haiwezi kujibiwa tena.",
    );
    expect(
      message("tasks.item", { code: "T-1", title: "Keki", status: label(`task.status.${task}`), who: "", due: "" }).key,
    ).toBe("tasks.item");
  });
});

describe("plural agreement", () => {
  it("picks the form by the number, with Swahili agreeing by noun class", () => {
    expect(plural("sw", "guests.n.coming", 1)).toBe("1 anakuja");
    expect(plural("sw", "guests.n.coming", 3)).toBe("3 wanakuja");
    expect(plural("sw", "guests.n.coming", 0)).toBe("0 wanakuja");
    expect(plural("sw", "guests.n.people", 1)).toBe("mtu 1");
    expect(plural("en", "guests.n.people", 1)).toBe("1 person");
    expect(plural("en", "guests.n.people", 2)).toBe("2 people");
    expect(plural("sw", "book.guests", 1)).toBe("mgeni 1 anatarajiwa");
    expect(plural("en", "book.guests", 1)).toBe("1 guest expected");
    expect(plural("sw", "reminders.saved", 1, { event: "Harusi" })).toBe(
      "Imehifadhiwa. Kikumbusho 1 sasa kinasubiri kutumwa kwa Harusi.",
    );
  });

  it("renders counts inside a message in the reader's language", () => {
    const counts = answerCounts({ accepted: 1, declined: 2, maybe: 0, pending: 1, headcount: 1 });
    const line = (locale: "en" | "sw") =>
      t(locale, "events.item", { event: "Harusi", code: "H-1", when: "-", ...counts });
    expect(line("sw")).toContain("1 anakuja (mtu 1), 2 hawatakuja, 0 labda, 1 hajajibu");
    expect(line("en")).toContain("1 coming (1 person), 2 not coming, 0 maybe, 1 not answered");
    expect(
      render(
        "sw",
        message("export.sent", {
          event: "Harusi",
          list: "wageni",
          count: counted("export.rows", 1),
          zone: "Africa/Dar_es_Salaam",
        }),
      ),
    ).toContain("safu 1.");
  });

  it("has both forms of every counted message, with the same placeholders", () => {
    for (const locale of locales) {
      const keys = Object.keys(catalogues[locale]);
      // A ".one" with a {count} is a counted message (PluralKey): its ".other" must exist and take the same parameters.
      for (const key of keys.filter(
        (k) => k.endsWith(".one") && placeholders(catalogues[locale][k as MessageKey]).includes("count"),
      )) {
        const other = key.replace(/\.one$/, ".other") as MessageKey;
        expect(keys, key).toContain(other);
        expect(placeholders(catalogues[locale][other]), key).toEqual(
          placeholders(catalogues[locale][key as MessageKey]),
        );
      }
    }
  });
});

describe("dates", () => {
  const instant = new Date("2027-02-13T11:00:00Z");
  it("are shown in the event's zone, in English and Swahili", () => {
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "sw")).toBe(
      "Jumamosi 13 Februari 2027, saa nane mchana (14:00)",
    );
    expect(formatDateTime(new Date("2027-02-13T07:00:00Z"), "Africa/Dar_es_Salaam", "sw")).toBe(
      "Jumamosi 13 Februari 2027, saa nne asubuhi (10:00)",
    );
    expect(formatDateTime(instant, "Africa/Nairobi", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Kigali", "en")).toBe("Sat 13 Feb 2027, 13:00");
  });
});
