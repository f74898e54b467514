import type { Product } from "../../schemas/catalog";
import type { Locale } from "../../schemas/platform";
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
    const stock = await productStock(
      env,
      cached.id,
      cached.variants.map((v) => v.id),
    );
    return { product: withStock(cached, stock), cache: "HIT", public: true };
  }
  const loaded = visibleProduct(await loadProduct(database(env), id), view.viewerId);
  const product = presentProduct(loaded.row, loaded.variants, loaded.images, view.origin);
  const listed = isPublic(loaded.row);
  const [stock] = await Promise.all([
    productStock(
      env,
      product.id,
      product.variants.map((v) => v.id),
    ),
    listed ? cacheProduct(view.origin, view.locale, product, view.cacheTtlSeconds) : undefined,
  ]);
  return { product: withStock(product, stock), cache: "MISS", public: listed };
}
