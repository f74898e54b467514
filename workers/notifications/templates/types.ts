/**
 * Notification templates: for each kind of notification, its text per channel in ICU MessageFormat
 * (plural, select, number). Money and dates arrive already formatted (formatMoney and
 * Intl.DateTimeFormat in the recipient's language and time zone, see render.ts); counts arrive as
 * numbers so plurals and `{n, number}` follow the language's rules.
 */
export interface Template {
  /** In-app (and, unless `push` says otherwise, push) title and body. */
  title: string;
  body: string;
  /** Plain text, short: one SMS segment where the language allows. */
  sms: string;
  /** Plain-text email. */
  email: { subject: string; body: string };
  /** Push title and body when they should differ from the in-app ones (shorter). */
  push?: { title: string; body: string };
}

export const TEMPLATE_IDS = [
  "order.created",
  "order.paid",
  "seller.order_paid",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "seller.order_cancelled",
  "order.expired",
  "order.refunded",
  "payment.failed",
  "seller.stock_low",
  "chat.message",
  "security.alert",
  "promotion.price_drop",
  "promotion.voucher_expiring",
  "return.update",
  "seller.return_update",
  "seller.pickup_placed",
] as const;

export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Every locale's catalog has every template (checked at compile time). */
export type TemplateCatalog = Record<TemplateId, Template>;
