import { sql } from "drizzle-orm";
import { searchGeneration } from "../../d1/schema/search";
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
 * Each search reads both first (one D1 statement), so no isolate serves an answer older than the
 * index or the catalog; an answer nobody asks for again leaves by least recent use.
 */
export const MAX_ANSWERS = 256;

/** The write that bumps the generation (add it to the batch that changes the index). */
export function bumpSearchGeneration(db: Database) {
  return db
    .insert(searchGeneration)
    .values({ id: 1, value: 1 })
    .onConflictDoUpdate({ target: searchGeneration.id, set: { value: sql`${searchGeneration.value} + 1` } });
}

/** The generation as an SQL expression (NULL before the first index write). */
export const SEARCH_GENERATION_SQL = "(SELECT value FROM search_generation WHERE id = 1)";

/** The current generation (one D1 read). */
export async function searchGenerationOf(env: Pick<Env, "DB">): Promise<number> {
  const row = await env.DB.prepare(`SELECT ${SEARCH_GENERATION_SQL} AS value`).first<{ value: number | null }>();
  return row?.value ?? 0;
}
