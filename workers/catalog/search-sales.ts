import type { ProductFlashSale } from "../../schemas/flash-sales";
import { liveFlashSales, type SaleItemRow, unendedSaleItems } from "../flash-sales";
import { database } from "../platform/db";
import { WHOLE_CATALOG } from "./read-cache";

/**
 * The flash sales a search answer shows, for the search domain to keep beside the answer. Every
 * write to a sale's items moves the whole catalog's version (read-cache.ts), so items read after
 * the version was read are current for as long as the version is unchanged; which of them is live
 * is decided from the clock at each read, and the units left are read live from the Inventory
 * objects. So a kept answer needs no D1 read of its own for its sales: the version is read in the
 * same statement as the search's own generation (CATALOG_VERSION_SQL).
 */
export type SearchSaleItems = readonly SaleItemRow[];

/**
 * The whole catalog's version as an SQL expression, for a statement of the caller's that reads it
 * beside its own (the catalog's tables stay the catalog's: read-models.ts does the same for rows).
 */
export const CATALOG_VERSION_SQL = `(SELECT value FROM catalog_versions WHERE key = '${WHOLE_CATALOG}')`;

/**
 * The sale items of these products not over at `now` (one D1 query). Read after the version it is
 * kept under, so it is never older than that version.
 */
export function searchSaleItems(env: Env, productIds: readonly string[], now: number): Promise<SearchSaleItems> {
  return unendedSaleItems(database(env), productIds, now);
}

/**
 * The live flash sale shown on each search result among `items`, keyed by product id: the
 * product's own, else its variant sale with the lowest price (what "from" a result's sale price
 * means). Only a live sale's units left are read (Inventory objects).
 */
export async function shownSearchSales(
  env: Env,
  items: SearchSaleItems,
  now: number,
): Promise<Map<string, ProductFlashSale>> {
  const sales = await liveFlashSales(env, items, now);
  const shown = new Map<string, ProductFlashSale>();
  for (const [productId, bySku] of sales) {
    const own = bySku.get("");
    const cheapest = [...bySku.values()].sort((a, b) => a.price.amount - b.price.amount)[0];
    shown.set(productId, own ?? cheapest);
  }
  return shown;
}
