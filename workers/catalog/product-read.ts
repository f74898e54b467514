import type { Product, ProductListQuery } from "../../schemas/catalog";
import type { ProductFlashSale } from "../../schemas/flash-sales";
import type { Locale } from "../../schemas/platform";
import { liveFlashSales, productFlashSales, productsFlashSales, unendedSaleItems } from "../flash-sales";
import { nowMs } from "../platform/clock";
import { database } from "../platform/db";
import { browseProducts } from "./browse";
import { cachedProduct, cacheProduct } from "./cache";
import { isPublic, loadProductAtVersion, presentProduct, visibleProduct, withStock } from "./products";
import {
  type KeptPage,
  type KeptRead,
  keepRead,
  keptPages,
  keptProducts,
  keptRead,
  liveRead,
  stillCurrent,
  WHOLE_CATALOG,
  withSoldCounts,
} from "./read-cache";
import { productStock } from "./stock";

export interface ProductRead {
  product: Product;
  /** Whether a cache answered (no read of the product's rows in D1). */
  cache: "HIT" | "MISS";
  /** Listed products may be cached by anyone; drafts, archived and deleted ones only by their owner. */
  public: boolean;
}

/**
 * A product as GET /products/:id shows it: from the isolate when it keeps it at the product's
 * current catalog version (read-cache.ts), else from the edge cache, else from D1 (then kept and
 * cached if public); always with live stock from Inventory and the live flash sale. A product that
 * is not listed is visible to its shop's owner only (404 to everyone else).
 */
export async function readProduct(
  env: Env,
  id: string,
  view: { origin: string; locale: Locale; viewerId: string | undefined; cacheTtlSeconds: number },
): Promise<ProductRead> {
  const key = `${view.origin}\u0000${view.locale}\u0000${id}`;
  const kept = keptRead(keptProducts, key, nowMs());
  if (kept) {
    // The version check (with the live sold count) and the stock read together: one D1 read beside
    // the Inventory call.
    const variantIds = kept.value.variants.map((v) => v.id);
    const [live, stock] = await Promise.all([liveRead(env, id, [id]), productStock(env, id, variantIds)]);
    if (stillCurrent(kept, live)) {
      const [sold] = withSoldCounts([kept.value], live.soldCounts) ?? [];
      if (sold) kept.value = sold;
      const sales = await liveFlashSales(env, kept.saleItems, nowMs());
      return { product: withFlashSales(withStock(kept.value, stock), sales.get(id)), cache: "HIT", public: true };
    }
  }
  const cached = await cachedProduct(view.origin, id, view.locale);
  if (cached) {
    const [stock, sales, live] = await Promise.all([
      productStock(
        env,
        cached.id,
        cached.variants.map((v) => v.id),
      ),
      productFlashSales(env, database(env), cached.id, nowMs()),
      liveRead(env, id, [id]),
    ]);
    const [sold] = withSoldCounts([cached], live.soldCounts) ?? [cached];
    return { product: withFlashSales(withStock(sold, stock), sales), cache: "HIT", public: true };
  }
  const db = database(env);
  const now = nowMs();
  const { loaded: found, version } = await loadProductAtVersion(db, id);
  const loaded = visibleProduct(found, view.viewerId);
  const product = presentProduct(loaded.row, loaded.variants, loaded.images, view.origin);
  const listed = isPublic(loaded.row);
  const [stock, saleItems] = await Promise.all([
    productStock(
      env,
      product.id,
      product.variants.map((v) => v.id),
    ),
    unendedSaleItems(db, [product.id], now),
    listed ? cacheProduct(view.origin, view.locale, product, view.cacheTtlSeconds) : undefined,
  ]);
  // Only what D1 answered is kept: the edge cache of another data center may be older than the version.
  if (listed) keepRead(keptProducts, key, { version, readAt: now, value: product, saleItems });
  const sales = await liveFlashSales(env, saleItems, now);
  return { product: withFlashSales(withStock(product, stock), sales.get(id)), cache: "MISS", public: listed };
}

/** A page of the product list: the page itself, or its JSON body when nothing live was merged in. */
export type PageRead = { page: { items: Product[]; nextCursor: string | null } } | { body: Uint8Array<ArrayBuffer> };

const encoder = new TextEncoder();

/**
 * A page of GET /products: from the isolate when it keeps the same query at the catalog's current
 * version (read-cache.ts), else from D1 (then kept); either way with each product's live sold count
 * and flash sale. A page with no live sale is the same bytes until the version or a sold count on it
 * moves: they are encoded once per change.
 */
export async function readProductPage(env: Env, query: ProductListQuery, origin: string): Promise<PageRead> {
  const key = `${origin}\u0000${JSON.stringify(query)}`;
  let kept = await currentKeptPage(env, key);
  if (!kept) {
    const now = nowMs();
    const browsed = await browseProducts(env, query);
    const items = browsed.items.map((p) => presentProduct(p.row, p.variants, p.images, origin));
    const saleItems = await unendedSaleItems(
      database(env),
      items.map((p) => p.id),
      now,
    );
    kept = {
      version: browsed.version,
      // Their order is the sold counts': kept under those too.
      soldVersion: query.sort === "best_selling" ? browsed.soldVersion : undefined,
      readAt: now,
      value: { page: { items, nextCursor: browsed.nextCursor } },
      saleItems,
    };
    keepRead(keptPages, key, kept);
  }
  const { page } = kept.value;
  const sales = await liveFlashSales(env, kept.saleItems, nowMs());
  if (sales.size > 0) return { page: { items: withPageSales(page.items, sales), nextCursor: page.nextCursor } };
  // TextEncoder always answers a fresh ArrayBuffer (never a shared one).
  kept.value.body ??= encoder.encode(JSON.stringify(page)) as Uint8Array<ArrayBuffer>;
  return { body: kept.value.body };
}

/** The kept page of `key` if it is still current, its sold counts made live (one D1 statement). */
async function currentKeptPage(env: Env, key: string): Promise<KeptRead<KeptPage> | undefined> {
  const kept = keptRead(keptPages, key, nowMs());
  if (!kept) return undefined;
  const { page } = kept.value;
  const live = await liveRead(
    env,
    WHOLE_CATALOG,
    page.items.map((p) => p.id),
  );
  if (!stillCurrent(kept, live)) return undefined;
  const items = withSoldCounts(page.items, live.soldCounts);
  // A sold count moved: the page (and its bytes, encoded again once) changes for every later hit too.
  if (items) kept.value = { page: { items, nextCursor: page.nextCursor } };
  return kept;
}

function withPageSales(products: Product[], sales: Map<string, Map<string, ProductFlashSale>>): Product[] {
  return sales.size === 0 ? products : products.map((p) => withFlashSales(p, sales.get(p.id)));
}

/**
 * The live flash sale of the product and of each variant (keyed "" and by variant id), read fresh
 * on every request and never cached: once a sale ends it is simply not found any more.
 */
function withFlashSales(product: Product, sales: Map<string, ProductFlashSale> | undefined): Product {
  if (!sales || sales.size === 0) return product;
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
  return withPageSales(products, sales);
}
