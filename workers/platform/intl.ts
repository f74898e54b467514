import { LruCache } from "./lru";

/**
 * Intl's formatters cost far more to build than to use (a DateTimeFormat's construction was the
 * largest self time of a payment's instructions in the checkout profile), and the locales, styles and
 * zones in use are few: every one the platform builds is kept here, per isolate. Bounded, since a
 * zone may come from a person's settings; arguments the runtime refuses (an unknown zone: RangeError)
 * throw and are never kept.
 */
const kept = new LruCache<Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(1_024);

function keptFormatter<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
  kind: string,
  locales: Intl.LocalesArgument,
  options: object | undefined,
  build: () => F,
): F {
  // Tags, not objects, in the key: an Intl.Locale turns into "{}" in JSON.
  const tags = Array.isArray(locales) ? locales.map(String) : locales === undefined ? null : String(locales);
  const key = JSON.stringify([kind, tags, options ?? null]);
  let formatter = kept.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    kept.set(key, formatter);
  }
  return formatter;
}

export function dateTimeFormat(
  locales: Intl.LocalesArgument,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return keptFormatter("date", locales, options, () => new Intl.DateTimeFormat(locales, options));
}

export function numberFormat(locales: Intl.LocalesArgument, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return keptFormatter("number", locales, options, () => new Intl.NumberFormat(locales, options));
}

export function pluralRules(locales: Intl.LocalesArgument, options?: Intl.PluralRulesOptions): Intl.PluralRules {
  return keptFormatter("plural", locales, options, () => new Intl.PluralRules(locales as string | string[], options));
}

/** An IANA zone the runtime knows (checked once per isolate for a known one). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}
