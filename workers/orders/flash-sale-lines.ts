import type { SaleClaim } from "../inventory";
import { inventoryKey, quoteSaleUnits } from "../inventory";
import type { CheckoutLine } from "./checkout-lines";

/*
 * Flash sales at checkout. The units a line may have at a sale's price are decided by the SKU's
 * Inventory object in the same step that holds its stock (workers/inventory/object/sales.ts): at
 * most the sale's quota over all buyers and its per-buyer limit. Units beyond either are not
 * refused: they are charged the normal price, as a second line of the same product, so every
 * order item has one unit price and the order's total stays the sum of its rounded parts.
 */

/** The claim a line hands to the Inventory object for its live sale. */
export function saleClaim(sale: NonNullable<CheckoutLine["flashSale"]>, buyerKey: string): SaleClaim {
  return { saleId: sale.saleId, quota: sale.quota, perUserLimit: sale.perUserLimit, buyer: buyerKey };
}

/**
 * The lines as charged: each line granted sale units is split into those units at the sale price
 * and the rest at its normal price. Undefined when no line got any (nothing to re-price).
 */
export function atSalePrices(
  lines: readonly CheckoutLine[],
  saleUnits: Map<string, number>,
): CheckoutLine[] | undefined {
  let changed = false;
  const charged = lines.flatMap((line): CheckoutLine[] => {
    const units = Math.min(line.quantity, saleUnits.get(inventoryKey(line.productId, line.variantId)) ?? 0);
    if (!line.flashSale || units === 0) return [line];
    changed = true;
    const sale: CheckoutLine = { ...line, quantity: units, unitPrice: line.flashSale.price };
    return units === line.quantity ? [sale] : [sale, { ...line, quantity: line.quantity - units }];
  });
  return changed ? charged : undefined;
}

/**
 * The lines as a checkout now would charge them, for a quote: the units each live sale would grant
 * this buyer (read from the Inventory objects, nothing held) split off at the sale price.
 */
export async function quotedSalePrices(env: Env, lines: CheckoutLine[], buyerKey: string): Promise<CheckoutLine[]> {
  const granted = await Promise.all(
    lines.map(async (l): Promise<[string, number]> => {
      const key = inventoryKey(l.productId, l.variantId);
      if (!l.flashSale) return [key, 0];
      return [key, await quoteSaleUnits(env, { key }, saleClaim(l.flashSale, buyerKey), l.quantity)];
    }),
  );
  return atSalePrices(lines, new Map(granted)) ?? lines;
}
