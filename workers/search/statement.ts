import type { SearchQuery, SearchSort } from "../../schemas/search";
import { categoryAndBelowCte, PRODUCTS_SQL, productImagesSql } from "../catalog";
import type { Expansion } from "./query";
import { fold } from "./text";

/**
 * The one statement of a search: it matches, filters, counts, computes facets over the whole
 * match set and reads the page with its products' cards and images, as a UNION ALL of row kinds.
 */

/** bm25 weight of each FTS column: a word in the name counts most, in the description least. */
export const COLUMN_WEIGHTS = { name: 10, brand: 6, category: 3, description: 1 } as const;
const BM25 = `bm25(search_fts, ${COLUMN_WEIGHTS.name}.0, ${COLUMN_WEIGHTS.brand}.0, ${COLUMN_WEIGHTS.category}.0, ${COLUMN_WEIGHTS.description}.0)`;
const FACET_SIZE = 20;

export interface SortKeys {
  keys: string[];
  dir: "ASC" | "DESC";
}

/** Keyset of each sort: columns of the match set, all in one direction, doc_id last as the tie-break. */
export const SORT_KEYS: Record<SearchSort, SortKeys> = {
  relevance: { keys: ["score", "doc_id"], dir: "ASC" },
  newest: { keys: ["created_at", "doc_id"], dir: "DESC" },
  price_asc: { keys: ["price_amount", "doc_id"], dir: "ASC" },
  price_desc: { keys: ["price_amount", "doc_id"], dir: "DESC" },
  rating: { keys: ["rating_average", "rating_count", "doc_id"], dir: "DESC" },
  best_selling: { keys: ["sold_count", "doc_id"], dir: "DESC" },
};

/** A row of the statement; `kind` says which of its parts it belongs to. */
export interface Row {
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

export interface SearchPlan {
  expansion: Expansion | null;
  sort: SearchSort;
  /** The key of the last row of the previous page. */
  after?: number[];
}

/** The statement's text and its bound parameters (`?1`, `?2`, ... in order). */
export function searchStatement(input: SearchQuery, plan: SearchPlan): { text: string; params: unknown[] } {
  const { expansion, sort } = plan;
  const spec = SORT_KEYS[sort];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `?${params.length}`;
  };
  const ctes: string[] = [];
  const where: string[] = [];
  if (input.categoryId !== undefined) {
    ctes.push(categoryAndBelowCte("cats", bind(input.categoryId)));
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
  const after = plan.after
    ? `WHERE (${spec.keys.join(", ")}) ${spec.dir === "ASC" ? ">" : "<"} (${plan.after.map((v) => bind(v)).join(", ")})`
    : "";
  ctes.push(`page AS MATERIALIZED (SELECT * FROM m ${after} ORDER BY ${order} LIMIT ${bind(input.limit + 1)})`);
  return { text: [`WITH RECURSIVE ${ctes.join(",\n")}`, ...arms(spec)].join("\n"), params };
}

/** The parts after the CTEs: the page's items, the total, the two facets, the page's images. */
function arms(spec: SortKeys): string[] {
  const keyColumns = Object.fromEntries(spec.keys.map((k, i) => [`k${i}`, `page.${k}`]));
  return [
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
        ok: "(p.id IS NOT NULL AND p.listed)",
      },
      `FROM page CROSS JOIN search_docs d ON d.doc_id = page.doc_id LEFT JOIN ${PRODUCTS_SQL} p ON p.id = d.product_id`,
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
      { kind: "'image'", id: "product_id", name: "media_id", pos: "position" },
      `FROM (${productImagesSql("SELECT d.product_id FROM page CROSS JOIN search_docs d ON d.doc_id = page.doc_id")})`,
    )}`,
  ];
}
