import type { Product } from "../../schemas/catalog";
import type { Locale } from "../../schemas/platform";
import { LOCALES } from "../../schemas/platform";

/**
 * Public product reads go through the Cache API (caches.default), keyed by product id and locale,
 * so a hot product page costs no D1 query per view. Only active, undeleted products are stored;
 * owner-only views (drafts, archived, deleted) never are.
 *
 * `available` is NOT taken from the cache: every read, HIT or MISS, merges the live level from the
 * product's Inventory objects (a Durable Object read, not D1). So stock is always live while the
 * rest of the product (name, price, images, rating) may be up to PRODUCT_CACHE_TTL_SECONDS old in
 * another data center: any change deletes the entry here at once, but the Cache API is local to
 * one data center, so other locations rely on the short TTL. Carts and checkout re-read price and
 * stock from their sources of truth anyway.
 *
 * Keys live under the API's own origin (a path no route serves), as the Cache API expects.
 */

function cacheKey(origin: string, productId: string, locale: Locale): Request {
  return new Request(`${origin}/__cache/v1/products/${encodeURIComponent(productId)}?locale=${locale}`);
}

export async function cachedProduct(origin: string, productId: string, locale: Locale): Promise<Product | undefined> {
  const hit = await caches.default.match(cacheKey(origin, productId, locale));
  return hit ? ((await hit.json()) as Product) : undefined;
}

export async function cacheProduct(
  origin: string,
  locale: Locale,
  product: Product,
  ttlSeconds: number,
): Promise<void> {
  const body = JSON.stringify(product);
  await caches.default.put(
    cacheKey(origin, product.id, locale),
    new Response(body, {
      headers: { "Content-Type": "application/json", "Cache-Control": `public, max-age=${ttlSeconds}` },
    }),
  );
}

/** Forgets every cached copy of a product in this data center (every locale). Call after any change. */
export async function invalidateProduct(origin: string, productId: string): Promise<void> {
  await Promise.all(LOCALES.map((locale) => caches.default.delete(cacheKey(origin, productId, locale))));
}
