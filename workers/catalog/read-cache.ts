import { eq } from "drizzle-orm";
import { catalogVersions } from "../../d1/schema/catalog";
import type { Product } from "../../schemas/catalog";
import type { SaleItemRow } from "../flash-sales";
import type { Database } from "../platform/db";
import { LruCache } from "../platform/lru";

/**
 * Product reads kept in the isolate, each under the catalog version it was read at. D1 triggers
 * bump the versions in the same statement as every write to products, variants, product images,
 * flash sale items and categories (d1/schema/catalog.ts, catalogVersions): key "" for the whole
 * catalog (lists), the product's id for one product (its detail). A read first reads the current
 * version (one primary-key read) and uses what it keeps only when that is still the version it was
 * read at, so no isolate shows a product older than D1's. A miss reads the version in the same D1
 * batch as the rows (one consistent read), so what is kept is never older than its version.
 *
 * Not kept, read live at every read: stock (Inventory objects) and the units a flash sale has left.
 * Kept: the sale items live or still to come when read; which of them is live is decided at each
 * read from the clock, so a sale starts and ends on time with nothing written.
 */

/** The version of the whole catalog (lists); a product's own version is keyed by its id. */
export const WHOLE_CATALOG = "";

export interface KeptRead<V> {
  version: number;
  /** When it was read (platform clock): the sale items kept are those not over then. */
  readAt: number;
  value: V;
  saleItems: readonly SaleItemRow[];
}

/** What is kept for `key`, if it may still be used at `now` (checked against the version by the caller). */
export function keptRead<V>(cache: LruCache<KeptRead<V>>, key: string, now: number): KeptRead<V> | undefined {
  const kept = cache.get(key);
  // A clock that went back (tests move it) could find sales that had ended when this was read.
  return kept && kept.readAt <= now ? kept : undefined;
}

/** Keeps a read made from D1 at `version` (0: nothing was ever written; not kept). */
export function keepRead<V>(cache: LruCache<KeptRead<V>>, key: string, read: KeptRead<V>): void {
  if (read.version > 0) cache.set(key, read);
}

/** Public product details by origin, locale and id (a few KB each). */
export const keptProducts = new LruCache<KeptRead<Product>>(2_000);
/**
 * A page of the public product list as kept: the page, and once it was answered with no live sale
 * (nothing per read to merge), its JSON body as UTF-8 bytes, so a hit neither serializes nor encodes.
 */
export interface KeptPage {
  page: { items: Product[]; nextCursor: string | null };
  body?: Uint8Array<ArrayBuffer>;
}

/** Pages of the public product list by origin and query. */
export const keptPages = new LruCache<KeptRead<KeptPage>>(256);

/** The read of a version, for the db.batch that reads what is kept under it. */
export function versionQuery(db: Database, key: string) {
  return db.select({ value: catalogVersions.value }).from(catalogVersions).where(eq(catalogVersions.key, key)).limit(1);
}

/** The version in versionQuery's rows (0 before the first write). */
export function versionFrom(rows: readonly { value: number }[]): number {
  return rows[0]?.value ?? 0;
}

/** The current version: the one D1 statement of a read answered from the isolate. */
export async function currentVersion(env: Pick<Env, "DB">, key: string): Promise<number> {
  const row = await env.DB.prepare("SELECT value FROM catalog_versions WHERE key = ?")
    .bind(key)
    .first<{ value: number }>();
  return row?.value ?? 0;
}
