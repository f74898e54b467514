import { sql } from "drizzle-orm";
import { searchGeneration } from "../../d1/schema/search";
import { CATALOG_VERSION_SQL } from "../catalog";
import type { Database } from "../platform/db";

/**
 * Hot searches answered from the isolate. A search costs one SQLite statement of 10–20 ms over
 * 100,000 products (FTS5 match, facets over the whole match set); the same few queries make up
 * most traffic. An answer is kept under what it was computed from:
 * - the search generation: every write that changes the index (a product indexed, a reindex, a
 *   synonym rule) bumps it in its own D1 batch;
 * - the whole catalog's version (workers/catalog): the cards' product columns (name, price,
 *   rating, stock snapshot, images, listed or not) and the sale items kept beside them; D1
 *   triggers move it with every write to those rows, whoever makes it.
 * Each search reads both first (one D1 statement, versionedKey), so no isolate serves an answer
 * older than the index or the catalog; an answer nobody asks for again leaves by least recent use.
 * Autocomplete keeps its suggestions the same way (its sources: the index, and category names).
 */
export const MAX_ANSWERS = 256;
/** Suggestion lists are small (ten strings) and many (every prefix typed). */
export const MAX_SUGGESTION_LISTS = 2_000;

/** The write that bumps the generation (add it to the batch that changes the index). */
export function bumpSearchGeneration(db: Database) {
  return db
    .insert(searchGeneration)
    .values({ id: 1, value: 1 })
    .onConflictDoUpdate({ target: searchGeneration.id, set: { value: sql`${searchGeneration.value} + 1` } });
}

/** The generation as an SQL expression (NULL before the first index write). */
export const SEARCH_GENERATION_SQL = "(SELECT value FROM search_generation WHERE id = 1)";

const VERSIONS_SQL = `SELECT ${SEARCH_GENERATION_SQL} AS generation, ${CATALOG_VERSION_SQL} AS catalog_version`;

/**
 * The key a kept answer or suggestion list is found by: the search generation and the whole
 * catalog's version (one D1 statement; 0 before the first write), then what was asked (`asked`).
 * Whatever is computed after this read is never older than the key it is kept under.
 */
export async function versionedKey(env: Pick<Env, "DB">, ...asked: unknown[]): Promise<string> {
  const row = await env.DB.prepare(VERSIONS_SQL).first<{ generation: number | null; catalog_version: number | null }>();
  return JSON.stringify([row?.generation ?? 0, row?.catalog_version ?? 0, ...asked]);
}
