import type { OrderStatus } from "../../schemas/orders";

/**
 * The tunables of recommendations, in one place. Scores are computed in SQL; decay is hyperbolic
 * (`1 / (1 + age / HALF_LIFE)`: a signal HALF_LIFE old counts half) so it needs no math extension.
 */
export const DAY_MS = 86_400_000;

/** Orders that count as sales: paid and everything after it short of being undone. */
export const SOLD_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "completed",
] as const satisfies readonly OrderStatus[];

/** Orders whose products the buyer already has (or is getting): never recommended to them again. */
export const OWNED_STATUSES = [...SOLD_STATUSES, "pending_payment"] as const satisfies readonly OrderStatus[];

export const TRENDING = {
  /** Orders paid in this window count. */
  orderWindowDays: 14,
  /** Views on these last days count. */
  viewWindowDays: 7,
  halfLifeDays: 3,
  /** Score of one order line (times its quantity, capped). */
  orderWeight: 5,
  maxQuantity: 3,
  /** Score of one viewer's views of a product on one day (times the count, capped). */
  viewWeight: 1,
  maxViewsPerViewerDay: 3,
  /** Each trending list (per category) is computed this long and kept at the edge this long. */
  poolSize: 100,
  cacheTtlSeconds: 60,
} as const;

export const SIMILAR = {
  /** Price band: within ±30% of the product's price, same currency. */
  priceBand: 0.3,
  categoryScore: 3,
  brandScore: 2,
  priceScore: 2,
} as const;

export const BOUGHT_TOGETHER = {
  /** At most this many of the product's most recent checkouts are scanned for companions. */
  recentCheckouts: 500,
} as const;

export const PERSONAL = {
  /** The user's history: their most recent orders and product views in this window. */
  recentOrders: 50,
  recentViews: 200,
  viewWindowDays: 90,
  orderWeight: 3,
  viewWeight: 1,
  /** Affinity kept: the user's top categories and brands. */
  topCategories: 5,
  topBrands: 5,
  categoryScore: 2,
  brandScore: 1.5,
} as const;

/** An endpoint's own list is "thin" below this many items (or the limit, if smaller): it then falls back. */
export const MIN_OWN_ITEMS = 3;

/** One viewer's count of views of a product on one day stops growing here. */
export const MAX_VIEW_COUNT = 1000;

export function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}
