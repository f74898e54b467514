import type { Product } from "../../schemas/catalog";
import type { ProductFlashSale } from "../../schemas/flash-sales";
import type { Locale } from "../../schemas/platform";
import { productFlashSales, productsFlashSales } from "../flash-sales";
import { nowMs } from "../platform/clock";
import { database } from "../platform/db";
import { cachedProduct, cacheProduct } from "./cache";
import { isPublic, loadProduct, presentProduct, visibleProduct, withStock } from "./products";
import { productStock } from "./stock";

export interface ProductRead {
  product: Product;
  /** Whether the edge cache answered (no D1 read). */
  cache: "HIT" | "MISS";
  /** Listed products may be cached by anyone; drafts, archived and deleted ones only by their owner. */
  public: boolean;
}

/**
 * A product as GET /products/:id shows it: from the edge cache when it holds it, else from D1 (then
 * cached if public); either way with live stock from Inventory. A product that is not listed is
 * visible to its shop's owner only (404 to everyone else).
 */
export async function readProduct(
  env: Env,
  id: string,
  view: { origin: string; locale: Locale; viewerId: string | undefined; cacheTtlSeconds: number },
): Promise<ProductRead> {
  const cached = await cachedProduct(view.origin, id, view.locale);
  if (cached) {
    const [stock, sales] = await Promise.all([
      productStock(
        env,
        cached.id,
        cached.variants.map((v) => v.id),
      ),
      productFlashSales(env, database(env), cached.id, nowMs()),
    ]);
    return { product: withFlashSales(withStock(cached, stock), sales), cache: "HIT", public: true };
  }
  const loaded = visibleProduct(await loadProduct(database(env), id), view.viewerId);
  const product = presentProduct(loaded.row, loaded.variants, loaded.images, view.origin);
  const listed = isPublic(loaded.row);
  const [stock, sales] = await Promise.all([
    productStock(
      env,
      product.id,
      product.variants.map((v) => v.id),
    ),
    productFlashSales(env, database(env), product.id, nowMs()),
    listed ? cacheProduct(view.origin, view.locale, product, view.cacheTtlSeconds) : undefined,
  ]);
  return { product: withFlashSales(withStock(product, stock), sales), cache: "MISS", public: listed };
}

/**
 * The live flash sale of the product and of each variant (keyed "" and by variant id), read fresh
 * on every request and never cached: once a sale ends it is simply not found any more.
 */
function withFlashSales(product: Product, sales: Map<string, ProductFlashSale>): Product {
  if (sales.size === 0) return product;
  const own = sales.get("");
  return {
    ...product,
    ...(own ? { flashSale: own } : {}),
    variants: product.variants.map((v) => {
      const sale = sales.get(v.id);
      return sale ? { ...v, flashSale: sale } : v;
    }),
  };
}

/** A page of products (lists) with each one's live flash sales, as a single read shows them. */
export async function withListFlashSales(env: Env, products: Product[]): Promise<Product[]> {
  const sales = await productsFlashSales(
    env,
    database(env),
    products.map((p) => p.id),
    nowMs(),
  );
  return products.map((p) => withFlashSales(p, sales.get(p.id) ?? new Map()));
}

/**
 * The live flash sale shown on a search result, keyed by product id: the product's own, else its
 * variant sale with the lowest price (what "from" a result's sale price means).
 */
export async function searchFlashSales(env: Env, productIds: string[]): Promise<Map<string, ProductFlashSale>> {
  const sales = await productsFlashSales(env, database(env), productIds, nowMs());
  const shown = new Map<string, ProductFlashSale>();
  for (const [productId, bySku] of sales) {
    const own = bySku.get("");
    const cheapest = [...bySku.values()].sort((a, b) => a.price.amount - b.price.amount)[0];
    shown.set(productId, own ?? cheapest);
  }
  return shown;
}
