import { describe, expect, it } from "vitest";
import { catalogueKeys, catalogues, locales, placeholders, t } from "../../src/i18n/index.js";
import { formatDateTime } from "../../src/i18n/dates.js";

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
    const same = keys("en").filter((k) => catalogues.en[k as keyof typeof catalogues.en] === catalogues.sw[k as keyof typeof catalogues.en]);
    // A bare format ("• {name}: {text}") has no words of its own to translate; names are the same in both languages.
    const bare = (text: string) => !/\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, ""));
    const names = ["language.choice.en", "language.choice.sw", "link.telegram", "link.whatsapp", "newevent.type.sendoff"];
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

describe("dates", () => {
  const instant = new Date("2027-02-13T11:00:00Z");
  it("are shown in the event's zone, in English and Swahili", () => {
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "sw")).toBe("Jumamosi 13 Februari 2027, saa nane mchana (14:00)");
    expect(formatDateTime(new Date("2027-02-13T07:00:00Z"), "Africa/Dar_es_Salaam", "sw")).toBe("Jumamosi 13 Februari 2027, saa nne asubuhi (10:00)");
    expect(formatDateTime(instant, "Africa/Nairobi", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Kigali", "en")).toBe("Sat 13 Feb 2027, 13:00");
  });
});
