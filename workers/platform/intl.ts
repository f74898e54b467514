import { LruCache } from "./lru";

/**
 * Intl's DateTimeFormat costs far more to build than to use (its construction was the largest self
 * time of a payment's instructions in the checkout profile), and the locales, styles and zones in use
 * are few: every one the platform builds is kept here, per isolate. Bounded, since a zone may come
 * from a person's settings; a zone the runtime does not know throws RangeError and is never kept.
 */
const dateTimeFormats = new LruCache<Intl.DateTimeFormat>(512);

export function dateTimeFormat(
  locales: Intl.LocalesArgument,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  // Tags, not objects, in the key: an Intl.Locale turns into "{}" in JSON.
  const tags = Array.isArray(locales) ? locales.map(String) : locales === undefined ? null : String(locales);
  const key = JSON.stringify([tags, options]);
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales, options);
    dateTimeFormats.set(key, format);
  }
  return format;
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
