import { describe, expect, it } from "vitest";
import { LOCALES, preferredLocale } from "../../web/src/i18n/locales";
import type { Messages } from "../../web/src/i18n/messages";
import { en } from "../../web/src/i18n/messages/en";
import { fil } from "../../web/src/i18n/messages/fil";
import { id } from "../../web/src/i18n/messages/id";
import { ms } from "../../web/src/i18n/messages/ms";
import { th } from "../../web/src/i18n/messages/th";
import { vi } from "../../web/src/i18n/messages/vi";

// The web app's six catalogs: TypeScript types each as English's shape; this checks what the types
// cannot (no extra keys, no empty or untranslated strings, the same {placeholders}). The app loads
// each language but English on demand (web/src/i18n/messages/index.ts); here all six are read.

const CATALOGS: Record<string, Messages> = { en, th, id, ms, fil, vi };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("web app messages", () => {
  it("has a catalog for each of the six languages", () => {
    expect(Object.keys(CATALOGS).sort()).toEqual(["en", "fil", "id", "ms", "th", "vi"]);
    expect([...LOCALES].sort()).toEqual(Object.keys(CATALOGS).sort());
  });

  it.each(LOCALES)("%s has every key, and only those, each filled with the same placeholders", (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(catalog)) {
      expect(text.trim(), `${locale} ${key}`).not.toBe("");
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it("the languages other than English are translated (words that stay English are few)", () => {
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const same = Object.entries(CATALOGS[locale]).filter(([key, text]) => text === en[key as keyof typeof en]);
      // Loanwords ("Chat", "Checkout", "Subtotal" in Filipino) and country names spelled alike
      // ("Thailand", "Malaysia" in Indonesian) are the local usage: a few in a hundred, not more.
      const allowed = Math.ceil(Object.keys(en).length * 0.05);
      expect(same.length, `${locale}: ${same.map(([k]) => k).join(", ")}`).toBeLessThanOrEqual(allowed);
    }
  });

  it("picks the browser's first language the platform speaks, Tagalog as Filipino, else English", () => {
    expect(preferredLocale(["th-TH", "en"])).toBe("th");
    expect(preferredLocale(["de-DE", "vi-VN"])).toBe("vi");
    expect(preferredLocale(["tl-PH"])).toBe("fil");
    expect(preferredLocale(["fr-FR"])).toBe("en");
    expect(preferredLocale([])).toBe("en");
  });
});
