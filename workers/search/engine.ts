import { z } from "@hono/zod-openapi";
import type { SearchQuery, SearchResult, SearchSort } from "../../schemas/search";
import { mediaUrl, type SearchSaleItems, searchSaleItems, shownSearchSales } from "../catalog";
import { nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { LruCache } from "../platform/lru";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { MAX_ANSWERS, versionedKey } from "./cache";
import { type Expansion, expand, parseQuery, type QueryWord, synonymKeysOf, typoKeysOf } from "./query";
import { type Row, SORT_KEYS, type SortKeys, searchStatement } from "./statement";
import { fold } from "./text";

const MAX_IMAGES = 5;

const CursorSchema = z.object({
  s: z.enum(Object.keys(SORT_KEYS) as [SearchSort]),
  f: z.string(),
  k: z.array(z.number()),
});

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
  /** Whether the isolate kept the answer (no search statement ran). */
  cache: "HIT" | "MISS";
}

/** Rejects input no search can answer, with the 422 the rest of the API gives. */
function invalid(path: string, message: string, detail: string): ApiError {
  return new ApiError("validation_failed", detail, { errors: [{ path, message }] });
}

/** An answer as kept: its results, and the sale items of its products read with them. */
interface KeptAnswer {
  outcome: Omit<SearchOutcome, "cache">;
  /** When it was computed (platform clock): which sale items are live is decided at each read. */
  readAt: number;
  saleItems: SearchSaleItems;
}

const answers = new LruCache<KeptAnswer>(MAX_ANSWERS);

/**
 * A search with the live flash sale of each result: from the isolate when the same query was
 * answered at the current search generation and catalog version (cache.ts), else from D1. The
 * two versions are one D1 statement, so a kept answer costs that round trip (and, while a sale of its
 * products is live, the units left, from Inventory).
 */
export async function search(env: Env, input: SearchQuery, origin: string): Promise<SearchOutcome> {
  const key = await versionedKey(env, origin, input);
  const now = nowMs();
  let kept = answers.get(key);
  // A clock that went back (tests move it) could find sales that had ended when this was read.
  if (kept && kept.readAt > now) kept = undefined;
  const cache = kept ? "HIT" : "MISS";
  if (!kept) {
    const outcome = await searchD1(env, input, origin);
    const saleItems = await searchSaleItems(
      env,
      outcome.items.map((i) => i.id),
      now,
    );
    kept = { outcome, readAt: now, saleItems };
    answers.set(key, kept);
  }
  const sales = await shownSearchSales(env, kept.saleItems, now);
  const { outcome } = kept;
  const items = outcome.items.map((i) => {
    const flashSale = sales.get(i.id);
    return flashSale ? { ...i, flashSale } : i;
  });
  const timings = cache === "HIT" ? { lookup: 0, match: 0 } : outcome.timings;
  return { ...outcome, items, timings, cache };
}

/**
 * Runs a search: first the vocabulary and synonym look-ups (one D1 batch), then one statement that
 * matches, filters, counts, computes facets over the whole match set and reads the page.
 */
async function searchD1(
  env: Pick<Env, "DB">,
  input: SearchQuery,
  origin: string,
): Promise<Omit<SearchOutcome, "cache">> {
  const words = checkedWords(input);
  const looked = words.length > 0 ? await expandWords(env, words) : { expansion: null, duration: 0 };
  const { expansion } = looked;
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
  const statement = searchStatement(input, { expansion, sort, after: cursor?.k });
  const { results, meta } = await env.DB.prepare(statement.text)
    .bind(...statement.params)
    .all<Row>();
  const page = readPage(results, input.limit, spec, origin);
  const last = page.last;
  const nextCursor = last
    ? encodeCursor({ s: sort, f: scope, k: spec.keys.map((_, i) => Number(last[`k${i}` as "k0" | "k1" | "k2"])) })
    : null;
  const { items, total, facets } = page;
  return {
    items,
    total,
    facets,
    nextCursor,
    expansion,
    timings: { lookup: looked.duration, match: meta.duration ?? 0 },
  };
}

/** The query's words; a search needs words or at least one filter, and a sane price range. */
function checkedWords(input: SearchQuery): QueryWord[] {
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
  return words;
}

/** The words with their synonyms and near spellings (one D1 batch), and the milliseconds D1 spent. */
async function expandWords(
  env: Pick<Env, "DB">,
  words: QueryWord[],
): Promise<{ expansion: Expansion; duration: number }> {
  const [syn, near] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare("SELECT term, synonyms FROM search_synonyms WHERE term IN (SELECT value FROM json_each(?1))").bind(
      JSON.stringify(synonymKeysOf(words)),
    ),
    env.DB.prepare(
      `SELECT k.key AS key, t.term AS term, t.docs AS docs FROM search_term_keys k
       JOIN search_terms t ON t.term = k.term
       WHERE k.key IN (SELECT value FROM json_each(?1)) AND t.docs > 0`,
    ).bind(JSON.stringify(typoKeysOf(words))),
  ]);
  const synonyms = new Map<string, string[]>();
  for (const r of syn.results as { term: string; synonyms: string }[]) {
    const list = JSON.parse(r.synonyms) as string[];
    synonyms.set(r.term, [...(synonyms.get(r.term) ?? []), ...list]);
  }
  const expansion = expand(words, {
    synonyms,
    neighbours: near.results as { key: string; term: string; docs: number }[],
  });
  return { expansion, duration: (syn.meta.duration ?? 0) + (near.meta.duration ?? 0) };
}

/** The statement's rows as the page, total and facets; `last` is the page's last row when more follow. */
function readPage(
  results: Row[],
  limit: number,
  spec: SortKeys,
  origin: string,
): Pick<SearchResult, "items" | "total" | "facets"> & { last: Row | undefined } {
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
      list.push({ id: r.name, url: mediaUrl(origin, r.name), position: r.pos ?? 0 });
      images.set(r.id, list);
    }
  }
  // UNION ALL promises no order: put the page back in the sort's order by its keys.
  const sign = spec.dir === "ASC" ? 1 : -1;
  pageRows.sort((a, b) => sign * ((a.k0 ?? 0) - (b.k0 ?? 0) || (a.k1 ?? 0) - (b.k1 ?? 0) || (a.k2 ?? 0) - (b.k2 ?? 0)));
  categories.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  brands.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));

  const hasMore = pageRows.length > limit;
  const kept = hasMore ? pageRows.slice(0, limit) : pageRows;
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
  return { items, total, facets: { categories, brands }, last: hasMore ? kept[kept.length - 1] : undefined };
}
