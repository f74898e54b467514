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
 * Not kept, read live at every read: stock (Inventory objects), the units a flash sale has left and
 * sold counts. A paid order moves its products' sold_count, which does not move the versions (the
 * triggers leave that column out, migration catalog_version_sold_counts): the version check reads
 * the live sold counts of what is kept in the same statement (liveRead), so a busy catalog keeps
 * its pages. Best-selling pages, ordered by sold count, are also kept under the sold counts' own
 * version (SOLD_COUNTS), which every sold_count write moves.
 * Kept: the sale items live or still to come when read; which of them is live is decided at each
 * read from the clock, so a sale starts and ends on time with nothing written.
 */

/** The version of the whole catalog (lists); a product's own version is keyed by its id. */
export const WHOLE_CATALOG = "";
/** The version of every product's sold count (no product id starts with "#"). */
export const SOLD_COUNTS = "#sold";

export interface KeptRead<V> {
  version: number;
  /** For reads ordered by sold count (best-selling pages): the SOLD_COUNTS version it was read at. */
  soldVersion?: number;
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

/** What a kept read is checked against and merged with: one D1 statement. */
export interface LiveRead {
  /** The current version of the key (0 before the first write). */
  version: number;
  /** The current SOLD_COUNTS version. */
  soldVersion: number;
  /** The live sold count of each product asked about (a product since deleted is missing). */
  soldCounts: Readonly<Record<string, number>>;
}

const LIVE_READ = `SELECT
  (SELECT value FROM catalog_versions WHERE key = ?1) AS version,
  (SELECT value FROM catalog_versions WHERE key = ?2) AS sold_version,
  (SELECT json_group_object(id, sold_count) FROM products WHERE id IN (SELECT value FROM json_each(?3))) AS sold`;

/** The current version of `key`, the sold counts' version and the live sold counts of `productIds`: the one D1 statement of a read answered from the isolate. */
export async function liveRead(env: Pick<Env, "DB">, key: string, productIds: readonly string[]): Promise<LiveRead> {
  const row = await env.DB.prepare(LIVE_READ)
    .bind(key, SOLD_COUNTS, JSON.stringify(productIds))
    .first<{ version: number | null; sold_version: number | null; sold: string | null }>();
  return {
    version: row?.version ?? 0,
    soldVersion: row?.sold_version ?? 0,
    soldCounts: JSON.parse(row?.sold ?? "{}") as Record<string, number>,
  };
}

/** Whether a kept read is still current: its version, and the sold counts' version when it is ordered by them. */
export function stillCurrent(kept: KeptRead<unknown>, live: LiveRead): boolean {
  return kept.version === live.version && (kept.soldVersion === undefined || kept.soldVersion === live.soldVersion);
}

/** The products with their live sold counts; undefined when none differs (what is kept can be sent as it is). */
export function withSoldCounts<P extends { id: string; soldCount: number }>(
  products: readonly P[],
  soldCounts: Readonly<Record<string, number>>,
): P[] | undefined {
  if (!products.some((p) => (soldCounts[p.id] ?? p.soldCount) !== p.soldCount)) return undefined;
  return products.map((p) => {
    const sold = soldCounts[p.id] ?? p.soldCount;
    return sold === p.soldCount ? p : { ...p, soldCount: sold };
  });
}
