import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { setApiLocale } from "../api/client";
import { createFormat, type Format } from "../format";
import { BCP47, isLocale, type Locale, preferredLocale } from "./locales";
import { catalogOf, loadCatalog, type MessageKey } from "./messages";

export { LOCALE_NAMES, LOCALES, type Locale } from "./locales";
export { loadCatalog };

const STORAGE_KEY = "tchat.locale";

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The message of `key` in the current language, `{name}` placeholders filled from `params`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  fmt: Format;
}

/** The saved choice, else the browser's languages. Storage can be off (private mode): then it is not remembered. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage unavailable
  }
  return preferredLocale(navigator.languages ?? [navigator.language]);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  useEffect(() => {
    // Screen readers and the browser's font choice (Thai, Vietnamese) follow <html lang>.
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
    // The language's catalog is its own chunk: switch once it is here.
    loadCatalog(next).then(() => setState(next));
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = catalogOf(locale);
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    return { locale, setLocale, t, fmt: createFormat(BCP47[locale]) };
  }, [locale, setLocale]);
  // The API is told the language before any child fetches with it.
  setApiLocale(locale);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside <I18nProvider>");
  return value;
}
