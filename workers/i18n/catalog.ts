import { type Formatters, IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../../schemas/platform";
import { dateTimeFormat, numberFormat, pluralRules } from "../platform/intl";
import { type Catalog, en } from "./locales/en";
import { fil } from "./locales/fil";
import { id } from "./locales/id";
import { ms } from "./locales/ms";
import { th } from "./locales/th";
import { vi } from "./locales/vi";

export type { Catalog } from "./locales/en";

export type AccountMessageId = keyof Catalog;
export type AccountMessageChannel = "sms" | "email";
export type AccountMessageParams = Record<string, string | number | Date>;

export interface RenderedMessage {
  subject?: string;
  body: string;
}

/**
 * Every catalog, by locale. Typed loosely on purpose: the per-locale files are checked against
 * the English shape at compile time, and a key missing at runtime falls back to English.
 */
const CATALOGS: Record<Locale, Partial<Catalog>> = { en, th, id, ms, fil, vi };

/** The BCP-47 tag each app locale formats with (numbers, dates, plural rules). */
const BCP47: Record<Locale, string> = {
  th: "th-TH",
  en: "en-SG",
  id: "id-ID",
  ms: "ms-MY",
  fil: "fil-PH",
  vi: "vi-VN",
};

export type CountryCode = "TH" | "SG" | "ID" | "MY" | "PH" | "VN";

/** The language a country's users get when they have not chosen one. */
export const COUNTRY_LOCALE: Record<CountryCode, Locale> = {
  TH: "th",
  SG: "en",
  ID: "id",
  MY: "ms",
  PH: "fil",
  VN: "vi",
};

/** The IANA time zone of each country (Indonesia spans three; Jakarta's is the default). */
export const COUNTRY_TIMEZONE: Record<CountryCode, string> = {
  TH: "Asia/Bangkok",
  SG: "Asia/Singapore",
  ID: "Asia/Jakarta",
  MY: "Asia/Kuala_Lumpur",
  PH: "Asia/Manila",
  VN: "Asia/Ho_Chi_Minh",
};

export function bcp47(locale: Locale): string {
  return BCP47[locale] ?? BCP47.en;
}

const DEFAULT_TIME_ZONE = "UTC";

/**
 * Renders an account message from the catalogs: `sms` gives `{ body }`, `email` gives
 * `{ subject, body }`. Dates in `params` are formatted in `options.timeZone` (default UTC), and
 * numbers and plurals by the locale's rules. Pass codes as strings (a number would be grouped
 * and lose leading zeros). A missing parameter throws, so a half-filled message is never sent.
 */
export function renderAccountMessage(
  id: AccountMessageId,
  channel: AccountMessageChannel,
  locale: Locale,
  params: AccountMessageParams,
  options: { timeZone?: string } = {},
): RenderedMessage {
  const timeZone = checkedTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE);
  const own = CATALOGS[locale]?.[id];
  const textLocale: Locale = own ? locale : "en";
  const entry = own ?? en[id];
  if (!entry) throw new Error(`Unknown account message "${String(id)}"`);
  if (channel === "sms") {
    return { body: smsText(format(textLocale, timeZone, `${id}.sms`, entry.sms, params)) };
  }
  return {
    subject: format(textLocale, timeZone, `${id}.email.subject`, entry.email.subject, params),
    body: format(textLocale, timeZone, `${id}.email.body`, entry.email.body, params),
  };
}

/** Compiled formats, one per (locale, time zone, message); a handful of each, so unbounded is fine. */
const compiled = new Map<string, IntlMessageFormat>();

function format(locale: Locale, timeZone: string, key: string, source: string, params: AccountMessageParams): string {
  const cacheKey = `${locale}|${timeZone}|${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    message = new IntlMessageFormat(source, bcp47(locale), undefined, {
      formatters: formattersFor(timeZone),
      // Catalog texts are plain text: "<" and ">" are literal, never rich-text tags.
      ignoreTag: true,
    });
    compiled.set(cacheKey, message);
  }
  return String(message.format(params));
}

const formattersByZone = new Map<string, Formatters>();

/**
 * intl-messageformat has no time-zone option, and date skeletons ("::yMMMd") bypass named
 * formats, so the zone is put into every DateTimeFormat it asks for. Intl objects are kept per
 * isolate (platform/intl.ts).
 */
function formattersFor(timeZone: string): Formatters {
  let formatters = formattersByZone.get(timeZone);
  if (!formatters) {
    formatters = {
      getNumberFormat: (locales, opts) => numberFormat(locales, opts as Intl.NumberFormatOptions),
      getDateTimeFormat: (locales, opts) => dateTimeFormat(locales, { ...opts, timeZone }),
      getPluralRules: (locales, opts) => pluralRules(locales, opts),
    };
    formattersByZone.set(timeZone, formatters);
  }
  return formatters;
}

/**
 * ICU puts no-break spaces into some dates and times (e.g. U+202F before "pm"); outside the GSM-7
 * alphabet they would switch a whole SMS to UCS-2 and halve its length, so SMS gets plain spaces.
 */
function smsText(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u202F]/g, " ");
}

function checkedTimeZone(timeZone: string): string {
  // Throws RangeError for a zone the runtime does not know, before any message is built.
  dateTimeFormat("en", { timeZone });
  return timeZone;
}
