import { sql } from "drizzle-orm";
import { searchGeneration } from "../../d1/schema/search";
import type { Database } from "../platform/db";
import { LruCache } from "../platform/lru";

/**
 * Hot searches answered from the isolate. A search costs one SQLite statement of 10–20 ms over
 * 100,000 products (FTS5 match, facets over the whole match set); the same few queries make up
 * most traffic. An answer is kept under the search generation it was computed at: every write
 * that changes what a search answers (a product indexed, a reindex, a synonym rule) bumps the
 * generation in its own D1 batch, and each search reads it first (one primary-key read), so no
 * isolate serves an answer older than the index. The cards also carry product columns that can
 * move without an index write (rating, sold count): an answer lives at most ANSWER_TTL_MS.
 */
const MAX_ANSWERS = 256;
export const ANSWER_TTL_MS = 5_000;

/** The write that bumps the generation (add it to the batch that changes the index). */
export function bumpSearchGeneration(db: Database) {
  return db
    .insert(searchGeneration)
    .values({ id: 1, value: 1 })
    .onConflictDoUpdate({ target: searchGeneration.id, set: { value: sql`${searchGeneration.value} + 1` } });
}

export async function searchGenerationOf(env: Pick<Env, "DB">): Promise<number> {
  const row = await env.DB.prepare("SELECT value FROM search_generation WHERE id = 1").first<{ value: number }>();
  return row?.value ?? 0;
}

/** A small LRU of answers by key, each at most ANSWER_TTL_MS old. */
export class AnswerCache<V> extends LruCache<V> {
  constructor(max = MAX_ANSWERS, ttlMs = ANSWER_TTL_MS) {
    super(max, ttlMs);
  }
}
