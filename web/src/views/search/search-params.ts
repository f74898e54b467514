import type { paths } from "../../api/schema";

/** The API's search query, as the page's URL carries it: a reload or Back shows the same results. */
export type SearchQuery = NonNullable<paths["/api/v1/search"]["get"]["parameters"]["query"]>;
export type Sort = NonNullable<SearchQuery["sort"]>;
export type Currency = NonNullable<SearchQuery["currency"]>;

export const SORTS: Sort[] = ["relevance", "newest", "price_asc", "price_desc", "rating", "best_selling"];
export const CURRENCIES: Currency[] = ["THB", "IDR", "VND", "SGD", "MYR", "PHP", "USD"];
/** Filters that, without words, still make a search (the API browses by them). */
const FILTERS = ["categoryId", "brand", "currency", "minPrice", "maxPrice"] as const;
/** The most pages a reload fetches again (one after the other: the cursor of each is in the previous). */
export const MAX_PAGES = 10;

export interface SearchState {
  query: SearchQuery;
  /** Pages shown so far ("Show more"), so a reload shows as much as before. */
  pages: number;
}

const int = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
const str = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export function parseSearch(params: Record<string, string>): SearchState {
  const sort = SORTS.find((s) => s === params.sort);
  const currency = CURRENCIES.find((c) => c === params.currency);
  const query: SearchQuery = {
    q: str(params.q),
    categoryId: str(params.categoryId),
    brand: str(params.brand),
    currency,
    minPrice: int(params.minPrice),
    maxPrice: int(params.maxPrice),
    sort: sort === "relevance" ? undefined : sort,
  };
  return { query, pages: Math.min(Math.max(int(params.pages) ?? 1, 1), MAX_PAGES) };
}

/** With neither words nor a filter there is nothing to ask the API for (it answers 422). */
export function canSearch(query: SearchQuery): boolean {
  return query.q !== undefined || FILTERS.some((f) => query[f] !== undefined);
}

/** The URL of the results with `changes` applied; a change of query starts again at the first page. */
export function searchHref(state: SearchState, changes: Partial<SearchQuery> & { pages?: number }): string {
  const { pages, ...queryChanges } = changes;
  const next: Record<string, unknown> = { ...state.query, ...queryChanges };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined && value !== "" && key !== "limit" && key !== "cursor") params.set(key, String(value));
  }
  if (pages !== undefined && pages > 1) params.set("pages", String(pages));
  const search = params.toString();
  return search ? `/search?${search}` : "/search";
}
