import { z } from "@hono/zod-openapi";
import type { SearchQuery, SearchResult, SearchSort } from "../../schemas/search";
import { ApiError } from "../platform/errors";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { type Expansion, expand, parseQuery, synonymKeysOf, typoKeysOf } from "./query";
import { fold } from "./text";

/** bm25 weight of each FTS column: a word in the name counts most, in the description least. */
export const COLUMN_WEIGHTS = { name: 10, brand: 6, category: 3, description: 1 } as const;
const BM25 = `bm25(search_fts, ${COLUMN_WEIGHTS.name}.0, ${COLUMN_WEIGHTS.brand}.0, ${COLUMN_WEIGHTS.category}.0, ${COLUMN_WEIGHTS.description}.0)`;
const FACET_SIZE = 20;
const MAX_IMAGES = 5;

/** Keyset of each sort: columns of the match set, all in one direction, doc_id last as the tie-break. */
const SORT_KEYS: Record<SearchSort, { keys: string[]; dir: "ASC" | "DESC" }> = {
  relevance: { keys: ["score", "doc_id"], dir: "ASC" },
  newest: { keys: ["created_at", "doc_id"], dir: "DESC" },
  price_asc: { keys: ["price_amount", "doc_id"], dir: "ASC" },
  price_desc: { keys: ["price_amount", "doc_id"], dir: "DESC" },
  rating: { keys: ["rating_average", "rating_count", "doc_id"], dir: "DESC" },
  best_selling: { keys: ["sold_count", "doc_id"], dir: "DESC" },
};

const CursorSchema = z.object({
  s: z.enum(Object.keys(SORT_KEYS) as [SearchSort]),
  f: z.string(),
  k: z.array(z.number()),
});

interface Row {
  kind: "item" | "total" | "category" | "brand" | "image";
  id: string | null;
  shop_id: string | null;
  name: string | null;
  amount: number | null;
  currency: string | null;
  rating: number | null;
  rating_count: number | null;
  available: number | null;
  category_id: string | null;
  brand: string | null;
  pos: number | null;
  k0: number | null;
  k1: number | null;
  k2: number | null;
  n: number | null;
  ok: number | null;
}
const COLUMNS: (keyof Row)[] = [
  "kind",
  "id",
  "shop_id",
  "name",
  "amount",
  "currency",
  "rating",
  "rating_count",
  "available",
  "category_id",
  "brand",
  "pos",
  "k0",
  "k1",
  "k2",
  "n",
  "ok",
];

/** One arm of the UNION ALL: the named columns, NULL for the rest. */
function arm(values: Partial<Record<keyof Row, string>>, rest: string): string {
  return `SELECT ${COLUMNS.map((c) => `${values[c] ?? "NULL"} AS ${c}`).join(", ")} ${rest}`;
}

/** Stable short fingerprint of what a cursor belongs to (FNV-1a). */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export interface SearchOutcome extends SearchResult {
  expansion: Expansion | null;
  /** Milliseconds D1 spent in the look-ups and in the main statement (for Server-Timing). */
  timings: { lookup: number; match: number };
}

/** Rejects input no search can answer, with the 422 the rest of the API gives. */
function invalid(path: string, message: string, detail: string): ApiError {
  return new ApiError("validation_failed", detail, { errors: [{ path, message }] });
}

/**
 * Runs a search: first the vocabulary and synonym look-ups (one D1 batch), then one statement that
 * matches, filters, counts, computes facets over the whole match set and reads the page.
 */
export async function search(env: Pick<Env, "DB">, input: SearchQuery, origin: string): Promise<SearchOutcome> {
  if (input.minPrice !== undefined && input.maxPrice !== undefined && input.minPrice > input.maxPrice) {
    throw invalid("minPrice", "Must not exceed maxPrice", "minPrice is larger than maxPrice. Swap them or drop one.");
  }
  const words = parseQuery(input.q ?? "");
  const filtered =
    input.categoryId !== undefined ||
    input.minPrice !== undefined ||
    input.maxPrice !== undefined ||
    input.currency !== undefined ||
    input.brand !== undefined;
  if (words.length === 0 && !filtered) {
    throw invalid(
      "q",
      "Required without filters",
      (input.q ?? "").trim()
        ? "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter."
        : "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.",
    );
  }

  let expansion: Expansion | null = null;
  const timings = { lookup: 0, match: 0 };
  if (words.length > 0) {
    const synonymKeys = synonymKeysOf(words);
    const typoKeys = typoKeysOf(words);
    const [syn, near] = await env.DB.batch<Record<string, unknown>>([
      env.DB.prepare("SELECT term, synonyms FROM search_synonyms WHERE term IN (SELECT value FROM json_each(?1))").bind(
        JSON.stringify(synonymKeys),
      ),
      env.DB.prepare(
        `SELECT k.key AS key, t.term AS term, t.docs AS docs FROM search_term_keys k
         JOIN search_terms t ON t.term = k.term
         WHERE k.key IN (SELECT value FROM json_each(?1)) AND t.docs > 0`,
      ).bind(JSON.stringify(typoKeys)),
    ]);
    timings.lookup = (syn.meta.duration ?? 0) + (near.meta.duration ?? 0);
    const synonyms = new Map<string, string[]>();
    for (const r of syn.results as { term: string; synonyms: string }[]) {
      const list = JSON.parse(r.synonyms) as string[];
      synonyms.set(r.term, [...(synonyms.get(r.term) ?? []), ...list]);
    }
    expansion = expand(words, {
      synonyms,
      neighbours: near.results as { key: string; term: string; docs: number }[],
    });
  }

  const sort: SearchSort = expansion === null && input.sort === "relevance" ? "newest" : input.sort;
  const spec = SORT_KEYS[sort];
  const scope = fingerprint(
    JSON.stringify([
      expansion?.match ?? "",
      input.categoryId,
      input.minPrice,
      input.maxPrice,
      input.currency,
      input.brand ? fold(input.brand) : null,
      sort,
    ]),
  );
  const cursor = decodeCursor(input.cursor, CursorSchema);
  if (cursor && (cursor.s !== sort || cursor.f !== scope || cursor.k.length !== spec.keys.length)) {
    throw invalid(
      "cursor",
      "Belongs to another search",
      "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.",
    );
  }

  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `?${params.length}`;
  };
  const ctes: string[] = [];
  const where: string[] = [];
  if (input.categoryId !== undefined) {
    ctes.push(
      `cats(id) AS (SELECT ${bind(input.categoryId)} UNION SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id)`,
    );
    where.push("f.category_id IN (SELECT id FROM cats)");
  }
  if (input.minPrice !== undefined) where.push(`f.price_amount >= ${bind(input.minPrice)}`);
  if (input.maxPrice !== undefined) where.push(`f.price_amount <= ${bind(input.maxPrice)}`);
  if (input.currency !== undefined) where.push(`f.currency = ${bind(input.currency)}`);
  if (input.brand !== undefined) where.push(`f.brand_key = ${bind(fold(input.brand))}`);
  // Only what the facets and this sort need: the match set is written to a temporary table.
  const fields = [
    "f.doc_id",
    "f.category_id",
    "f.brand_key",
    "f.brand_value",
    ...spec.keys.filter((k) => k !== "doc_id" && k !== "score").map((k) => `f.${k}`),
  ].join(", ");
  // search_filters holds live documents only. CROSS JOIN keeps the FTS match as the outer loop:
  // the planner must never run the match once per filter row.
  const matchSet = expansion
    ? `SELECT ${fields}, ${sort === "relevance" ? BM25 : "0"} AS score FROM search_fts CROSS JOIN search_filters f ON f.doc_id = search_fts.rowid
       WHERE search_fts MATCH ${bind(expansion.match)}${where.map((w) => ` AND ${w}`).join("")}`
    : `SELECT ${fields}, 0 AS score FROM search_filters f WHERE ${where.join(" AND ")}`;
  ctes.push(`m AS MATERIALIZED (${matchSet})`);

  const order = spec.keys.map((k) => `${k} ${spec.dir}`).join(", ");
  const after = cursor
    ? `WHERE (${spec.keys.join(", ")}) ${spec.dir === "ASC" ? ">" : "<"} (${cursor.k.map((v) => bind(v)).join(", ")})`
    : "";
  ctes.push(`page AS MATERIALIZED (SELECT * FROM m ${after} ORDER BY ${order} LIMIT ${bind(input.limit + 1)})`);
  const keyColumns = Object.fromEntries(spec.keys.map((k, i) => [`k${i}`, `page.${k}`]));

  const statement = [
    `WITH RECURSIVE ${ctes.join(",\n")}`,
    arm(
      {
        kind: "'item'",
        id: "d.product_id",
        shop_id: "p.shop_id",
        name: "p.name",
        amount: "p.price_amount",
        currency: "p.currency",
        rating: "p.rating_average",
        rating_count: "p.rating_count",
        available: "p.stock_snapshot",
        category_id: "p.category_id",
        brand: "p.brand",
        ...keyColumns,
        ok: "(p.id IS NOT NULL AND p.deleted_at IS NULL AND p.status = 'active')",
      },
      "FROM page CROSS JOIN search_docs d ON d.doc_id = page.doc_id LEFT JOIN products p ON p.id = d.product_id",
    ),
    `UNION ALL ${arm({ kind: "'total'", n: "count(*)" }, "FROM m")}`,
    `UNION ALL SELECT * FROM (${arm(
      { kind: "'category'", category_id: "category_id", n: "count(*)" },
      `FROM m WHERE category_id IS NOT NULL GROUP BY category_id ORDER BY n DESC, category_id LIMIT ${FACET_SIZE}`,
    )})`,
    `UNION ALL SELECT * FROM (${arm(
      { kind: "'brand'", brand: "max(brand_value)", n: "count(*)" },
      `FROM m WHERE brand_key IS NOT NULL GROUP BY brand_key ORDER BY n DESC, brand_key LIMIT ${FACET_SIZE}`,
    )})`,
    `UNION ALL ${arm(
      { kind: "'image'", id: "product_id", name: "id", pos: "position" },
      `FROM product_media WHERE kind = 'image'
       AND product_id IN (SELECT d.product_id FROM page CROSS JOIN search_docs d ON d.doc_id = page.doc_id)`,
    )}`,
  ].join("\n");

  const { results, meta } = await env.DB.prepare(statement)
    .bind(...params)
    .all<Row>();
  timings.match = meta.duration ?? 0;

  let total = 0;
  const pageRows: Row[] = [];
  const categories: { id: string; count: number }[] = [];
  const brands: { value: string; count: number }[] = [];
  const images = new Map<string, { id: string; url: string; position: number }[]>();
  for (const r of results) {
    if (r.kind === "item") pageRows.push(r);
    else if (r.kind === "total") total = r.n ?? 0;
    else if (r.kind === "category" && r.category_id) categories.push({ id: r.category_id, count: r.n ?? 0 });
    else if (r.kind === "brand" && r.brand) brands.push({ value: r.brand, count: r.n ?? 0 });
    else if (r.kind === "image" && r.id && r.name) {
      const list = images.get(r.id) ?? [];
      list.push({ id: r.name, url: `${origin}/api/v1/media/${r.name}`, position: r.pos ?? 0 });
      images.set(r.id, list);
    }
  }
  // UNION ALL promises no order: put the page back in the sort's order by its keys.
  const sign = spec.dir === "ASC" ? 1 : -1;
  pageRows.sort((a, b) => sign * ((a.k0 ?? 0) - (b.k0 ?? 0) || (a.k1 ?? 0) - (b.k1 ?? 0) || (a.k2 ?? 0) - (b.k2 ?? 0)));
  categories.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  brands.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));

  const hasMore = pageRows.length > input.limit;
  const kept = hasMore ? pageRows.slice(0, input.limit) : pageRows;
  const last = kept[kept.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeCursor({ s: sort, f: scope, k: spec.keys.map((_, i) => Number(last[`k${i}` as "k0" | "k1" | "k2"])) })
      : null;

  const items = kept
    .filter((r) => r.ok === 1 && r.id)
    .map((r) => ({
      id: r.id as string,
      shopId: r.shop_id ?? "",
      name: r.name ?? "",
      price: { amount: r.amount ?? 0, currency: r.currency as SearchResult["items"][number]["price"]["currency"] },
      images: (images.get(r.id as string) ?? [])
        .sort((a, b) => a.position - b.position)
        .slice(0, MAX_IMAGES)
        .map(({ id, url }) => ({ id, url })),
      rating: { average: r.rating ?? 0, count: r.rating_count ?? 0 },
      available: Math.max(0, r.available ?? 0),
      categoryId: r.category_id,
      brand: r.brand,
    }));

  return { items, total, facets: { categories, brands }, nextCursor, expansion, timings };
}
