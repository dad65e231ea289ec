import { describe, expect, it } from "vitest";
import { catalogues, locales, placeholders, t } from "../../src/i18n/index.js";
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

  it("differ between the languages (a Swahili entry is not an English copy) except for names of languages", () => {
    const same = keys("en").filter((k) => catalogues.en[k as keyof typeof catalogues.en] === catalogues.sw[k as keyof typeof catalogues.en]);
    expect(same).toEqual(["language.choice.en", "language.choice.sw"]);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("en", "welcome.named", { name: "Neema" })).toContain("Neema");
    expect(t("sw", "welcome.named")).toContain("{name}");
  });
});

describe("dates", () => {
  const instant = new Date("2027-02-13T11:00:00Z");
  it("are shown in the event's zone, in English and Swahili", () => {
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Dar_es_Salaam", "sw")).toBe("Jumamosi 13 Februari 2027, saa 14:00");
    expect(formatDateTime(instant, "Africa/Nairobi", "en")).toBe("Sat 13 Feb 2027, 14:00");
    expect(formatDateTime(instant, "Africa/Kigali", "en")).toBe("Sat 13 Feb 2027, 13:00");
  });
});
