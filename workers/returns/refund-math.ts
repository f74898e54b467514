import { allocate, type Currency, money } from "../platform/money";

/**
 * How much a return gives back: exactly the share of what the buyer paid that belongs to the
 * units returned (docs/returns.md).
 *
 * The order's total is split once into what paid for the goods and what paid for the shipping:
 * goods = subtotal − discount (the voucher discount is the goods' own), shipping = its cost, and
 * the tax (charged on both) is allocated between them in proportion. The goods' part is
 * allocated across the lines by their line totals, and each line's part across its units
 * (money.ts `allocate`: whole currency steps, largest remainders, parts adding up exactly). A
 * return takes the next unreturned units of each line, so however an order is returned, in one
 * return or several, the refunds add up to exactly what was paid. The shipping's part is refunded
 * only with the return that takes back the order's last units (a full return).
 */

export interface PaidOrder {
  currency: string;
  subtotal: number;
  discount: number;
  shippingCost: number;
  tax: number;
  total: number;
}

export interface LineUnits {
  /** Units bought on the line. */
  quantity: number;
  lineTotal: number;
  /** Units of it in earlier returns that still count (not rejected). */
  alreadyReturned: number;
  /** Units of it in this return. */
  returning: number;
}

export interface RefundSplit {
  /** Per line, in the order given: the refund of its units in this return. */
  lines: number[];
  /** The whole refund: the lines, plus the shipping's share if `full`. */
  total: number;
  /** This return takes back the order's last units. */
  full: boolean;
}

function split(amount: number, weights: number[], currency: Currency): number[] {
  if (weights.length === 0) return [];
  if (weights.every((w) => w === 0)) return weights.map((_, i) => (i === 0 ? amount : 0));
  return allocate(money(amount, currency), weights).map((m) => m.amount);
}

export function refundSplit(order: PaidOrder, lines: readonly LineUnits[]): RefundSplit {
  const currency = order.currency as Currency;
  const goodsNet = order.subtotal - order.discount;
  const [goodsTax, shippingTax] = split(order.tax, [goodsNet, order.shippingCost], currency);
  const shippingPaid = order.shippingCost + shippingTax;
  const goodsPaid = order.total - shippingPaid;
  void goodsTax;
  const lineShares = split(
    goodsPaid,
    lines.map((l) => l.lineTotal),
    currency,
  );
  const refunds = lines.map((line, i) => {
    if (line.returning === 0) return 0;
    const units = split(lineShares[i], Array(line.quantity).fill(1), currency);
    return units.slice(line.alreadyReturned, line.alreadyReturned + line.returning).reduce((a, b) => a + b, 0);
  });
  const full = lines.every((l) => l.alreadyReturned + l.returning === l.quantity);
  const goods = refunds.reduce((a, b) => a + b, 0);
  return { lines: refunds, total: full ? goods + shippingPaid : goods, full };
}
