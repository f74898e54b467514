import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../../../schemas/platform";
import { bcp47 } from "../../i18n/catalog";
import { dateTimeFormat, isKnownTimeZone } from "../../platform/intl";
import { CURRENCIES, type Currency, formatMoney } from "../../platform/money";
import { en } from "./en";
import { fil } from "./fil";
import { id } from "./id";
import { ms } from "./ms";
import { th } from "./th";
import type { Template, TemplateCatalog, TemplateId } from "./types";
import { vi } from "./vi";

export type { TemplateId } from "./types";

const CATALOGS: Record<Locale, TemplateCatalog> = { en, th, id, ms, fil, vi };

/**
 * A template parameter as stored with the notification: locale-free. Money (`{amount, currency}`)
 * is formatted with formatMoney, instants (`{at}`, epoch ms) with Intl.DateTimeFormat and spans of
 * time (`{from, until}`, a pickup's window) with its formatRange ("7 Dec 2026, 2:00 – 6:00 pm": the
 * day once), all in the reader's language (and time zone) when the text is rendered; strings and
 * numbers go to ICU as they are (numbers drive plurals and `{n, number}`).
 */
export type ParamValue =
  | string
  | number
  | { amount: number; currency: Currency }
  | { at: number }
  | { from: number; until: number };
export type NotificationParams = Record<string, ParamValue>;

export type RenderChannel = "inApp" | "push" | "sms" | "email";

export interface RenderedText {
  /** inApp and push: the title; email: the subject. */
  title: string;
  body: string;
}

/**
 * Renders a notification for one channel in `locale` (falling back to English for a template a
 * catalog lacks), formatting dates in `timeZone`. A missing parameter throws, so a half-filled
 * message is never stored or sent.
 */
export function renderNotification(
  template: TemplateId,
  channel: RenderChannel,
  locale: Locale,
  params: NotificationParams,
  timeZone: string,
): RenderedText {
  const own = CATALOGS[locale]?.[template];
  const textLocale: Locale = own ? locale : "en";
  const entry: Template | undefined = own ?? en[template];
  if (!entry) throw new Error(`Unknown notification template "${template}"`);
  const values = formatParams(params, textLocale, timeZone);
  const fmt = (part: string, source: string) => format(textLocale, `${template}.${part}`, source, values);
  switch (channel) {
    case "inApp":
      return { title: fmt("title", entry.title), body: fmt("body", entry.body) };
    case "push":
      return entry.push
        ? { title: fmt("push.title", entry.push.title), body: fmt("push.body", entry.push.body) }
        : { title: fmt("title", entry.title), body: fmt("body", entry.body) };
    case "sms":
      return { title: "", body: plainSpaces(fmt("sms", entry.sms)) };
    case "email":
      return { title: fmt("email.subject", entry.email.subject), body: fmt("email.body", entry.email.body) };
  }
}

/** Whether a value is Money as stored in params. */
function isMoney(value: ParamValue): value is { amount: number; currency: Currency } {
  return typeof value === "object" && "amount" in value && "currency" in value && value.currency in CURRENCIES;
}

function formatParams(params: NotificationParams, locale: Locale, timeZone: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const tag = bcp47(locale);
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" || typeof value === "number") out[key] = value;
    else if (isMoney(value)) out[key] = formatMoney(value, tag);
    else if (typeof value === "object" && "at" in value)
      out[key] = dateFormat(tag, timeZone).format(new Date(value.at));
    else if (typeof value === "object" && "from" in value && "until" in value)
      out[key] = dateFormat(tag, timeZone).formatRange(new Date(value.from), new Date(value.until));
  }
  return out;
}

const compiled = new Map<string, IntlMessageFormat>();

function format(locale: Locale, key: string, source: string, values: Record<string, string | number>): string {
  const cacheKey = `${locale}|${key}`;
  let message = compiled.get(cacheKey);
  if (!message) {
    // Plain text: "<" and ">" are literal, never rich-text tags.
    message = new IntlMessageFormat(source, bcp47(locale), undefined, { ignoreTag: true });
    compiled.set(cacheKey, message);
  }
  return String(message.format(values));
}

/** Medium date and short time in the reader's zone, e.g. "5 Mar 2026, 14:30" (en-SG). */
function dateFormat(tag: string, timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone });
}

/**
 * ICU and Intl put no-break spaces into numbers, money and times; outside GSM-7 they would switch
 * a whole SMS to UCS-2 and halve its length, so SMS gets plain spaces.
 */
function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u202F]/g, " ");
}

/** A valid IANA zone, or the fallback (an unknown zone must not stop a notification). */
export function safeTimeZone(timeZone: string | null | undefined, fallback = "UTC"): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : fallback;
}
