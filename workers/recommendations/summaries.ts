import { type SQL, sql } from "drizzle-orm";
import type { ProductSummary } from "../../schemas/recommendations";
import { mediaUrl, type ProductRelationRow } from "../catalog";
import type { Currency } from "../platform/money";

/** What every recommendation query selects for a product `p` of the catalog's product relations. */
export const SUMMARY_COLUMNS: SQL = sql.raw(`p.id AS id, p.shop_id AS shop_id, p.name AS name, p.slug AS slug,
  p.category_id AS category_id, p.brand AS brand, p.price_amount AS price_amount, p.currency AS currency,
  p.rating_average AS rating_average, p.rating_count AS rating_count, p.stock_snapshot AS stock_snapshot,
  p.sold_count AS sold_count, p.image_id AS image_id`);

export type SummaryRow = Omit<ProductRelationRow, "listed">;

export function presentSummary(row: SummaryRow, origin: string): ProductSummary {
  return {
    id: row.id,
    shopId: row.shop_id,
    name: row.name,
    slug: row.slug,
    categoryId: row.category_id,
    brand: row.brand,
    price: { amount: row.price_amount, currency: row.currency as Currency },
    rating: { average: Math.round(row.rating_average * 100) / 100, count: row.rating_count },
    available: row.stock_snapshot,
    soldCount: row.sold_count,
    image: row.image_id ? { id: row.image_id, url: mediaUrl(origin, row.image_id) } : null,
  };
}
