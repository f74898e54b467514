import { type CategoryNames, categoryNames, productSnapshots } from "../catalog";
import type { EarningsConfig } from "../platform/config-earnings";
import type { Database } from "../platform/db";
import { type Currency, money, percentage } from "../platform/money";

export interface SoldLine {
  productId: string;
  lineTotal: number;
}

type Category = Pick<CategoryNames, "id" | "parentId" | "slug">;

/**
 * The commission rate of a category: its own override (by id or slug), else its nearest
 * ancestor's, else the default. The walk stops on a loop rather than trusting the tree.
 */
export function rateOf(categoryId: string | null, tree: ReadonlyMap<string, Category>, config: EarningsConfig): number {
  const overrides = config.categoryCommissionBps;
  const seen = new Set<string>();
  for (let id = categoryId; id && !seen.has(id); id = tree.get(id)?.parentId ?? null) {
    seen.add(id);
    const category = tree.get(id);
    const rate = overrides[id] ?? (category ? overrides[category.slug] : undefined);
    if (rate !== undefined) return rate;
  }
  return config.commissionBps;
}

/**
 * The platform's commission on a paid order: each line's price at its category's rate, rounded
 * once per line by the currency's rule (money.ts percentage), never more than the order's total.
 * Shipping and tax carry no commission.
 */
export function commissionOf(
  lines: readonly SoldLine[],
  categoryOfProduct: ReadonlyMap<string, string | null>,
  tree: ReadonlyMap<string, Category>,
  config: EarningsConfig,
  total: number,
  currency: Currency,
): number {
  let commission = 0;
  for (const line of lines) {
    const bps = rateOf(categoryOfProduct.get(line.productId) ?? null, tree, config);
    commission += percentage(money(line.lineTotal, currency), bps).amount;
  }
  return Math.max(0, Math.min(commission, total));
}

/** Reads what commissionOf needs from the catalog: each product's category and the category tree. */
export async function commissionInputs(db: Database, productIds: readonly string[]) {
  const [products, categories] = await Promise.all([productSnapshots(db, [...new Set(productIds)]), categoryNames(db)]);
  return {
    categoryOfProduct: new Map(products.map((p) => [p.id, p.categoryId])),
    tree: new Map(categories.map((c) => [c.id, c])),
  };
}
