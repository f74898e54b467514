import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { categoryNames, type ProductSnapshot, productSnapshots, productSnapshotsAfter } from "../catalog";
import type { EventConsumer } from "../platform/consume";
import { defineConsumer } from "../platform/consume";
import { type Database, database, nowMs } from "../platform/db";
import { bumpSearchGeneration } from "./cache";
import { fold, indexText, segments } from "./text";

/** The product events search follows (catalog_events queue, `data: { productId, shopId }`). */
export const SEARCH_EVENT_TYPES = ["product.created", "product.updated", "product.deleted"] as const;

/** Only so much of a description is indexed: enough for its words to count, not its whole essay. */
const DESCRIPTION_CHARS = 2_000;
/** Distinct tokens kept in the vocabulary per product, and autocomplete keys per product. */
const MAX_TERMS = 300;
const MAX_COMPLETIONS = 12;
const COMPLETION_CHARS = 60;
/** A product that no longer exists at all: its tombstone can never be overwritten. */
const GONE_VERSION = Number.MAX_SAFE_INTEGER;
/** JSON written into one upsert statement; D1 caps a statement at 100 KB. */
const MAX_JSON_BYTES = 90_000;

/** Category id → the folded names (every language) of it and its ancestors. */
export type CategoryTexts = Map<string, string>;

export async function categoryTexts(db: Database): Promise<CategoryTexts> {
  const rows = await categoryNames(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const texts: CategoryTexts = new Map();
  for (const row of rows) {
    const names = new Set<string>();
    const seen = new Set<string>();
    for (let c: typeof row | undefined = row; c && !seen.has(c.id); c = c.parentId ? byId.get(c.parentId) : undefined) {
      seen.add(c.id);
      for (const name of Object.values(c.names ?? {})) if (typeof name === "string") names.add(indexText(name));
    }
    texts.set(row.id, [...names].join(" "));
  }
  return texts;
}

/** A search_docs row, positional, as the upsert statement reads it from JSON. */
type DocTuple = [
  productId: string,
  version: number,
  live: 0 | 1,
  shopId: string,
  categoryId: string | null,
  brandValue: string | null,
  brandKey: string | null,
  priceAmount: number,
  currency: string,
  ratingAverage: number,
  ratingCount: number,
  soldCount: number,
  popularity: number,
  createdAt: number,
  title: string,
  name: string,
  brand: string,
  category: string,
  description: string,
  terms: string[],
  completions: string[],
  indexedAt: number,
];

/** Whether a product belongs in search at all. */
export function isSearchable(p: Pick<ProductSnapshot, "status" | "deletedAt">): boolean {
  return p.status === "active" && p.deletedAt === null;
}

/** Autocomplete keys: the folded name from each word start on (so "gal" finds "... Galaxy A55"). */
export function completionKeys(name: string): string[] {
  const folded = fold(name);
  const keys = new Set<string>();
  for (const { index } of segments(folded)) {
    keys.add(folded.slice(index, index + COMPLETION_CHARS).trimEnd());
    if (keys.size >= MAX_COMPLETIONS) break;
  }
  keys.delete("");
  return [...keys];
}

/** The search document of a product: searchable text folded and segmented, plus what filters and sorts use. */
export function searchDoc(p: ProductSnapshot, categoryText: CategoryTexts, now = nowMs()): DocTuple {
  const base: DocTuple = [
    p.id,
    p.updatedAt,
    0,
    p.shopId,
    p.categoryId,
    p.brand,
    p.brand ? fold(p.brand) : null,
    p.priceAmount,
    p.currency,
    p.ratingAverage,
    p.ratingCount,
    p.soldCount,
    p.soldCount + p.ratingCount,
    p.createdAt,
    p.name,
    "",
    "",
    "",
    "",
    [],
    [],
    now,
  ];
  if (!isSearchable(p)) return base;
  const name = indexText(p.name);
  const brand = p.brand ? indexText(p.brand) : "";
  const category = p.categoryId ? (categoryText.get(p.categoryId) ?? "") : "";
  const attributes = Object.values(p.attributes ?? {}).join(" ");
  const description = indexText(`${p.description} ${attributes}`, DESCRIPTION_CHARS);
  const terms = new Set<string>();
  for (const text of [name, brand, category, description]) {
    for (const t of text.split(" ")) if (t && terms.size < MAX_TERMS) terms.add(t);
  }
  base[2] = 1;
  base[15] = name;
  base[16] = brand;
  base[17] = category;
  base[18] = description;
  base[19] = [...terms];
  base[20] = completionKeys(p.name);
  return base;
}

/** A tombstone for a product id that is not in the catalog at all (hard-deleted). */
function goneDoc(productId: string, now = nowMs()): DocTuple {
  return [productId, GONE_VERSION, 0, "", null, null, null, 0, "", 0, 0, 0, 0, 0, "", "", "", "", "", [], [], now];
}

/**
 * Upserts documents. A newer catalog state always wins: the update only applies when the incoming
 * version (products.updated_at) is at least the indexed one, so events handled out of order or
 * twice leave the newest state indexed. The triggers of search_docs do the rest.
 */
function upsertDocs(db: Database, docs: DocTuple[]) {
  return db.run(sql`
    INSERT INTO search_docs (product_id, version, live, shop_id, category_id, brand_value, brand_key, price_amount,
      currency, rating_average, rating_count, sold_count, popularity, created_at, title, name, brand, category,
      description, terms, completions, indexed_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
      value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, value ->> 14, value ->> 15,
      value ->> 16, value ->> 17, value ->> 18, value -> 19, value -> 20, value ->> 21
    FROM json_each(${sql.raw(sqlString(JSON.stringify(docs)))}) WHERE true
    ON CONFLICT (product_id) DO UPDATE SET
      version = excluded.version, live = excluded.live, shop_id = excluded.shop_id, category_id = excluded.category_id,
      brand_value = excluded.brand_value, brand_key = excluded.brand_key, price_amount = excluded.price_amount,
      currency = excluded.currency, rating_average = excluded.rating_average, rating_count = excluded.rating_count,
      sold_count = excluded.sold_count, popularity = excluded.popularity, created_at = excluded.created_at,
      title = excluded.title, name = excluded.name, brand = excluded.brand, category = excluded.category,
      description = excluded.description, terms = excluded.terms, completions = excluded.completions,
      indexed_at = excluded.indexed_at
    WHERE excluded.version >= search_docs.version`);
}

/**
 * The documents travel as one JSON string literal in the statement, not as a bound parameter:
 * drizzle's D1 batch cannot run raw statements with parameters, and consumeOnce commits the
 * consumer's writes in a batch. JSON.stringify escapes control characters; quotes are doubled.
 */
function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const encoder = new TextEncoder();

/** Upserts in statements that stay under D1's statement size limit. */
function upsertAll(db: Database, docs: DocTuple[]): BatchItem<"sqlite">[] {
  const statements: BatchItem<"sqlite">[] = [];
  let chunk: DocTuple[] = [];
  let size = 0;
  for (const doc of docs) {
    const length = encoder.encode(sqlString(JSON.stringify(doc))).length + 1;
    if (chunk.length > 0 && size + length > MAX_JSON_BYTES) {
      statements.push(upsertDocs(db, chunk));
      chunk = [];
      size = 0;
    }
    chunk.push(doc);
    size += length;
  }
  if (chunk.length > 0) statements.push(upsertDocs(db, chunk));
  return statements;
}

/** The writes that bring these products' search documents in line with the catalog as it is now. */
export async function indexWrites(db: Database, productIds: string[]): Promise<BatchItem<"sqlite">[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  const rows = await productSnapshots(db, ids);
  const needsCategories = rows.some((r) => r.categoryId && isSearchable(r));
  const texts = needsCategories ? await categoryTexts(db) : new Map<string, string>();
  const found = new Set(rows.map((r) => r.id));
  const now = nowMs();
  const docs = [
    ...rows.map((r) => searchDoc(r, texts, now)),
    ...ids.filter((id) => !found.has(id)).map((id) => goneDoc(id, now)),
  ];
  return [...upsertAll(db, docs), bumpSearchGeneration(db)];
}

/** Reindexes one page of the catalog (by product id); for rebuilding the index and bulk loads. */
export async function reindexPage(
  db: Database,
  after: string | undefined,
  limit: number,
): Promise<{ indexed: number; removed: number; next: string | null }> {
  const rows = await productSnapshotsAfter(db, after, limit);
  if (rows.length === 0) return { indexed: 0, removed: 0, next: null };
  const texts = await categoryTexts(db);
  const now = nowMs();
  const docs = rows.map((r) => searchDoc(r, texts, now));
  const [first, ...rest] = upsertAll(db, docs);
  await db.batch([first, ...rest, bumpSearchGeneration(db)]);
  const live = docs.filter((d) => d[2] === 1).length;
  return { indexed: live, removed: docs.length - live, next: rows.length === limit ? rows[rows.length - 1].id : null };
}

/** Merges the FTS5 index's segments into one (after a bulk load; incremental merging handles the rest). */
export async function optimizeIndex(env: Pick<Env, "DB">): Promise<void> {
  await env.DB.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
}

/** A failure retrying cannot fix: the platform dead-letters the event at once. */
/**
 * Keeps the index in step with the catalog. Whatever the event says happened, the product is read
 * again from D1 and its document written from that: created, updated and deleted are the same
 * operation, and duplicates or out-of-order deliveries cannot leave a stale document behind.
 */
export const searchIndexConsumer: EventConsumer = defineConsumer({
  name: "search.index",
  types: ["product.created", "product.updated", "product.deleted"],
  async handle(event, env) {
    return indexWrites(database(env), [event.data.productId]);
  },
});
