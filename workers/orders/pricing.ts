import type { Country } from "../../schemas/identity";
import { add, allocate, type Money, minimum, multiply, subtract, sum, zero } from "../platform/money";
import { taxOn } from "./tax";

export interface PricedLine {
  unitPrice: Money;
  quantity: number;
}

export interface OrderTotals {
  subtotal: Money;
  discount: Money;
  shippingCost: Money;
  tax: Money;
  total: Money;
}

/**
 * An order's money: subtotal (unit × quantity, exact) plus shipping, minus its share of the discount
 * (goods, or shipping for free shipping), plus tax on that (rounded once by the currency's policy). The total is the sum of
 * these rounded parts, so it never drifts from what the parts show.
 */
export function orderTotals(
  lines: readonly PricedLine[],
  shippingCost: Money,
  discount: Money,
  country: Country,
  rates: Record<Country, number>,
): OrderTotals {
  const currency = shippingCost.currency;
  const subtotal = sum(
    lines.map((l) => lineTotal(l.unitPrice, l.quantity)),
    currency,
  );
  // A free shipping voucher discounts the shipping too, so the cap is the goods plus the shipping.
  const capped = minimum(discount, add(subtotal, shippingCost));
  const taxable = subtract(add(subtotal, shippingCost), capped);
  const tax = taxOn(taxable, country, rates);
  return { subtotal, discount: capped, shippingCost, tax, total: add(taxable, tax) };
}

/** Splits one checkout-wide discount across the orders in proportion to their subtotals. */
export function splitDiscount(discount: Money, subtotals: readonly Money[]): Money[] {
  if (subtotals.length === 0) return [];
  if (discount.amount === 0) return subtotals.map(() => zero(discount.currency));
  return allocate(
    discount,
    subtotals.map((s) => s.amount),
  );
}

/** A line's total: unit price × quantity, exact. */
export function lineTotal(unitPrice: Money, quantity: number): Money {
  return multiply(unitPrice, quantity);
}
