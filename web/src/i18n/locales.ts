/** The six languages of the platform (the API's locales), in the order the switcher shows them. */
export const LOCALES = ["th", "en", "id", "ms", "fil", "vi"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name, shown in the switcher whatever the current language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  th: "ไทย",
  en: "English",
  id: "Bahasa Indonesia",
  ms: "Bahasa Melayu",
  fil: "Filipino",
  vi: "Tiếng Việt",
};

/** The BCP-47 tag each locale formats with: the same as the API's (workers/i18n/catalog.ts). */
export const BCP47: Record<Locale, string> = {
  th: "th-TH",
  en: "en-SG",
  id: "id-ID",
  ms: "ms-MY",
  fil: "fil-PH",
  vi: "vi-VN",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's preferred languages that the platform speaks, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
    if (base === "tl") return "fil";
  }
  return "en";
}
