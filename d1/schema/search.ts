import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Search synonyms per language (`hp` → handphone); admins extend the list. */
export const searchSynonyms = sqliteTable(
  "search_synonyms",
  {
    id: text("id").primaryKey(),
    locale: text("locale").notNull(),
    term: text("term").notNull(),
    synonyms: text("synonyms", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("search_synonyms_term").on(t.locale, t.term)],
);

/*
 * The search index (docs/search.md), created by migration 0004 with its triggers: the indexer
 * writes only search_docs; triggers keep the FTS5 index (search_fts, a virtual table Drizzle cannot
 * declare: queried by raw SQL in workers/search), the filter rows, the vocabulary and the
 * autocomplete keys in step inside the same transaction.
 */

/**
 * One row per product ever indexed. live = 1: searchable; live = 0: a tombstone kept so a stale
 * event processed late cannot bring the product back. `version` is the products.updated_at indexed:
 * an older state never overwrites a newer one. Text columns hold the folded, segmented words.
 */
export const searchDocs = sqliteTable(
  "search_docs",
  {
    docId: integer("doc_id").primaryKey(),
    productId: text("product_id").notNull(),
    version: integer("version").notNull(),
    live: integer("live").notNull(),
    shopId: text("shop_id").notNull(),
    categoryId: text("category_id"),
    brandValue: text("brand_value"),
    brandKey: text("brand_key"),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    ratingAverage: real("rating_average").notNull(),
    ratingCount: integer("rating_count").notNull(),
    soldCount: integer("sold_count").notNull(),
    popularity: integer("popularity").notNull(),
    createdAt: integer("created_at").notNull(),
    title: text("title").notNull(),
    name: text("name").notNull(),
    brand: text("brand").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    terms: text("terms").notNull(),
    completions: text("completions").notNull(),
    indexedAt: integer("indexed_at").notNull(),
  },
  (t) => [uniqueIndex("search_docs_product").on(t.productId)],
);

/** What filters, facets and sorts read, for live documents only (narrow rows: few pages per match). */
export const searchFilters = sqliteTable(
  "search_filters",
  {
    docId: integer("doc_id").primaryKey(),
    categoryId: text("category_id"),
    brandKey: text("brand_key"),
    brandValue: text("brand_value"),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    ratingAverage: real("rating_average").notNull(),
    ratingCount: integer("rating_count").notNull(),
    soldCount: integer("sold_count").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("search_filters_category").on(t.categoryId),
    index("search_filters_price").on(t.priceAmount),
    index("search_filters_brand").on(t.brandKey, t.brandValue),
  ],
);

/** Vocabulary: every token of a live document with the number of live documents holding it. */
export const searchTerms = sqliteTable("search_terms", {
  term: text("term").primaryKey(),
  docs: integer("docs").notNull(),
});

/** Deletion neighbourhood of each term (typo tolerance: one edit away shares a key). */
export const searchTermKeys = sqliteTable(
  "search_term_keys",
  { key: text("key").notNull(), term: text("term").notNull() },
  (t) => [primaryKey({ columns: [t.key, t.term] })],
);

/** Autocomplete: a product's folded name from each word start on, pointing at its document. */
export const searchCompletions = sqliteTable(
  "search_completions",
  { key: text("key").notNull(), docId: integer("doc_id").notNull() },
  (t) => [primaryKey({ columns: [t.key, t.docId] }), index("search_completions_doc").on(t.docId)],
);

/**
 * One row (id 1): a counter every write that changes what a search answers bumps in its own batch
 * (the indexer, a reindex, synonym rules). Isolates keep answers per generation (workers/search/cache.ts).
 */
export const searchGeneration = sqliteTable("search_generation", {
  id: integer("id").primaryKey(),
  value: integer("value").notNull(),
});
