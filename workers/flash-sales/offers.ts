import type { ProductFlashSale } from "../../schemas/flash-sales";
import type { Database } from "../platform/db";
import { type Currency, type Money, money } from "../platform/money";
import { itemUsage } from "./present";
import { isLiveItem, liveItemsOf, type SaleItemRow, unendedItemsOf } from "./queries";

/**
 * Live sale prices for the domains that price things (catalog, cart, orders). A sale's price is
 * derived from its window and the clock on every read: when the window ends, reads simply stop
 * finding it and the normal price is back, with nothing to restore.
 */

/** One SKU's live sale: what checkout hands to the Inventory object to claim units at its price. */
export interface SaleOffer {
  saleId: string;
  price: Money;
  quota: number;
  perUserLimit: number | null;
  endsAt: number;
}

/** The key of a SKU in the map liveOffers answers (product and variant, like the catalog's). */
export function offerKey(productId: string, variantId: string | null | undefined): string {
  return `${productId}\u0000${variantId ?? ""}`;
}

function offerOf(item: SaleItemRow): SaleOffer {
  return {
    saleId: item.saleId,
    price: money(item.salePrice, item.currency as Currency),
    quota: item.quota,
    perUserLimit: item.perUserLimit,
    endsAt: item.endsAt,
  };
}

/** The live sale of each SKU of these products at `now` (one D1 query), keyed by offerKey. */
export async function liveOffers(
  db: Database,
  productIds: readonly string[],
  now: number,
): Promise<Map<string, SaleOffer>> {
  if (productIds.length === 0) return new Map();
  const items = await liveItemsOf(db, productIds, now);
  return new Map(items.map((item) => [offerKey(item.productId, item.variantId), offerOf(item)]));
}

/**
 * What a product read shows of its live sale: for the product itself (no variants) and per
 * variant, with the units still to be had read from the Inventory objects.
 */
export async function productFlashSales(
  env: Env,
  db: Database,
  productId: string,
  now: number,
): Promise<Map<string, ProductFlashSale>> {
  return (await productsFlashSales(env, db, [productId], now)).get(productId) ?? new Map();
}

/**
 * The same for a page of products (lists, search results): one D1 query for the page, and one
 * Inventory read per live sale item only. Keyed by product id, then "" or the variant id.
 */
export async function productsFlashSales(
  env: Env,
  db: Database,
  productIds: readonly string[],
  now: number,
): Promise<Map<string, Map<string, ProductFlashSale>>> {
  if (productIds.length === 0) return new Map();
  return liveFlashSales(env, await liveItemsOf(db, productIds, now), now);
}

/**
 * The sale items of these products that are live or still to come at `now` (one D1 query): what a
 * cache of product reads keeps beside them. Any change to them (a sale created or cancelled) is a
 * write to flash_sale_items, which the catalog's version triggers see.
 */
export async function unendedSaleItems(
  db: Database,
  productIds: readonly string[],
  now: number,
): Promise<SaleItemRow[]> {
  if (productIds.length === 0) return [];
  return unendedItemsOf(db, productIds, now);
}

/**
 * What reads show of the items live at `now` among `items` (e.g. kept by unendedSaleItems a while
 * ago): price and end from the item, the units still to be had read live from the Inventory objects.
 */
export async function liveFlashSales(
  env: Env,
  items: readonly SaleItemRow[],
  now: number,
): Promise<Map<string, Map<string, ProductFlashSale>>> {
  const byProduct = new Map<string, Map<string, ProductFlashSale>>();
  const live = items.filter((item) => isLiveItem(item, now));
  if (live.length === 0) return byProduct;
  const shown = await Promise.all(
    live.map(async (item): Promise<ProductFlashSale> => {
      const { remaining } = await itemUsage(env, item);
      return {
        saleId: item.saleId,
        price: money(item.salePrice, item.currency as Currency),
        endsAt: new Date(item.endsAt).toISOString(),
        remaining,
      };
    }),
  );
  live.forEach((item, i) => {
    const sales = byProduct.get(item.productId) ?? new Map<string, ProductFlashSale>();
    sales.set(item.variantId, shown[i]);
    byProduct.set(item.productId, sales);
  });
  return byProduct;
}
