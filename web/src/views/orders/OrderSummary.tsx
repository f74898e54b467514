import type { Money } from "../../format";
import { useI18n } from "../../i18n";

/**
 * One shop's order in a summary. Placed orders and the checkout's quote (POST /checkout/quote)
 * know every part; until the address is complete the checkout knows the subtotal and the chosen
 * shipping only, and leaves tax, discount and total null: they are shown as worked out later.
 */
export interface SummaryPart {
  key: string;
  title?: string;
  subtotal: Money;
  shippingCost: Money | null;
  tax: Money | null;
  discount: Money | null;
  total: Money | null;
}

function sum(parts: (Money | null)[]): Money | null {
  if (parts.length === 0 || parts.some((m) => m === null)) return null;
  const known = parts as Money[];
  return { amount: known.reduce((n, m) => n + m.amount, 0), currency: known[0].currency };
}

/** Subtotal, shipping, tax, discount and total of each part, and the grand total of several. */
export function OrderSummary({ parts, heading }: { parts: SummaryPart[]; heading?: string }) {
  const { t, fmt } = useI18n();
  const pending = t("summary.atPlacing");
  const row = (label: string, money: Money | null, testId: string, negative = false) => (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {money ? (negative && money.amount > 0 ? `−${fmt.money(money)}` : fmt.money(money)) : pending}
      </dd>
    </>
  );
  const grand = sum(parts.map((p) => p.total));
  const estimate = grand ? null : sum(parts.flatMap((p) => [p.subtotal, p.shippingCost]));
  return (
    <section class="summary" aria-label={heading ?? t("summary.title")} data-testid="order-summary">
      <h2>{heading ?? t("summary.title")}</h2>
      {parts.map((part) => (
        <dl key={part.key} class="totals">
          {part.title && <dt class="totals-title">{part.title}</dt>}
          {part.title && <dd />}
          {row(t("summary.subtotal"), part.subtotal, "summary-subtotal")}
          {row(t("summary.shipping"), part.shippingCost, "summary-shipping")}
          {row(t("summary.tax"), part.tax, "summary-tax")}
          {row(t("summary.discount"), part.discount, "summary-discount", true)}
          {part.total && row(t("summary.total"), part.total, "summary-part-total")}
        </dl>
      ))}
      {grand && parts.length > 1 && (
        <dl class="totals grand">{row(t("summary.grandTotal"), grand, "summary-total")}</dl>
      )}
      {estimate && <dl class="totals grand">{row(t("summary.estimate"), estimate, "summary-estimate")}</dl>}
    </section>
  );
}

/** A placed order as a summary part. */
export function orderPart(
  order: {
    id: string;
    number: string;
    subtotal: Money;
    shippingCost: Money;
    tax: Money;
    discount: Money;
    total: Money;
  },
  title?: string,
): SummaryPart {
  return {
    key: order.id,
    title,
    subtotal: order.subtotal,
    shippingCost: order.shippingCost,
    tax: order.tax,
    discount: order.discount,
    total: order.total,
  };
}
