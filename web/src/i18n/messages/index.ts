import type { Locale } from "../locales";
import { en, type MessageKey, type Messages } from "./en";

export type { MessageKey, Messages };

// English is built into the first load (the reference catalog and the fallback); each other
// language is its own chunk, fetched before the app first renders in it or switches to it, so a
// reader downloads and parses one catalog instead of six (issue 14's budgets). Each catalog file is
// typed as `Messages`, so a missing key still fails `tsc`.
const LOADERS: Record<Exclude<Locale, "en">, () => Promise<Messages>> = {
  th: () => import("./th").then((m) => m.th),
  id: () => import("./id").then((m) => m.id),
  ms: () => import("./ms").then((m) => m.ms),
  fil: () => import("./fil").then((m) => m.fil),
  vi: () => import("./vi").then((m) => m.vi),
};

const loaded: Partial<Record<Locale, Messages>> = { en };

/** The catalog of `locale` once loaded, else English. */
export function catalogOf(locale: Locale): Messages {
  return loaded[locale] ?? en;
}

/** Loads the catalog of `locale` (once); a failed fetch leaves English in place and is retried next time. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (loaded[locale] || locale === "en") return;
  try {
    loaded[locale] = await LOADERS[locale]();
  } catch {
    // Offline or a stale deploy: the page stays readable in English.
  }
}
