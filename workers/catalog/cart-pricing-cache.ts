import { unendedSaleItems } from "../flash-sales";
import { nowMs } from "../platform/clock";
import { database } from "../platform/db";
import { LruCache } from "../platform/lru";
import { type CartCatalogEntry, type CartLineRef, cartCatalog, cartLineKey } from "./cart-pricing";
import { type KeptRead, keepRead, keptRead, liveRead } from "./read-cache";

/**
 * cartCatalog's entries kept in the isolate under their product's catalog version, the way product
 * details are (read-cache.ts): every read first reads the product's current version (liveRead: one
 * primary-key statement, no Drizzle) and uses what it keeps only at that same version. D1's triggers
 * bump a product's version in the statement of every write to the product, its variants, its images
 * and its flash sale items, so a price change, an unpublish, an archive or a deletion is seen by the
 * very next read, in every isolate: what is answered is never older than D1's primary. A miss reads
 * the rows after the version, so what is kept is never older than the version it is kept under.
 *
 * Outside the version: the shop's country (set when the shop opens, never changed, and shops are
 * never deleted: shop-changes.ts) and the clock. The entry's live flash sale was picked at the read,
 * so it is used only until the first start or end of the product's sale items that were still to
 * come or running then (kept beside it); after that it is read again.
 *
 * Only reads of ONE product go through the isolate (an add, a cart of one product): one version read
 * checks them. Carts of several products read D1 as before (one query for all their lines), as does
 * the checkout, which prices from cartCatalog whatever the cart showed. Stock is never kept
 * (Inventory objects), and only values are: no request awaits another request's read.
 */
const keptEntries = new LruCache<KeptRead<CartCatalogEntry>>(4_000);

/** cartCatalog, answered from the isolate when the product's catalog version has not moved. */
export async function cachedCartCatalog(
  env: Env,
  refs: readonly CartLineRef[],
): Promise<Map<string, CartCatalogEntry>> {
  const products = new Set(refs.map((r) => r.productId));
  const [productId] = products;
  if (products.size !== 1 || productId === undefined) return cartCatalog(database(env), refs);
  const { version } = await liveRead(env, productId, []);
  const now = nowMs();
  const entries = new Map<string, CartCatalogEntry>();
  const missing: CartLineRef[] = [];
  for (const ref of refs) {
    const kept = keptRead(keptEntries, cartLineKey(ref), now);
    if (kept && kept.version === version && now < saleMoves(kept)) entries.set(cartLineKey(ref), kept.value);
    else missing.push(ref);
  }
  if (missing.length === 0) return entries;
  const db = database(env);
  const [read, saleItems] = await Promise.all([cartCatalog(db, missing), unendedSaleItems(db, [productId], now)]);
  for (const [key, entry] of read) {
    entries.set(key, entry);
    keepRead(keptEntries, key, { version, readAt: now, value: entry, saleItems });
  }
  return entries;
}

/** When the live sale of what was kept may change: the first start or end after it was read. */
function saleMoves(kept: KeptRead<unknown>): number {
  let at = Number.POSITIVE_INFINITY;
  for (const item of kept.saleItems) at = Math.min(at, item.startsAt > kept.readAt ? item.startsAt : item.endsAt);
  return at;
}
