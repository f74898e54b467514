import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProductGrid } from "../common/ProductCard";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import { Facets, useCategoryNames } from "./Facets";
import { canSearch, parseSearch, type SearchQuery, searchHref } from "./search-params";

const PAGE_SIZE = 20;
type Result = Schemas["SearchResult"];

const fetchPage = (query: SearchQuery, cursor?: string) =>
  unwrap(api.GET("/api/v1/search", { params: { query: { ...query, limit: PAGE_SIZE, cursor } } }));

/** The first `pages` pages, one after the other (each page's cursor comes with the one before). */
async function fetchPages(query: SearchQuery, pages: number): Promise<Result[]> {
  const out = [await fetchPage(query)];
  while (out.length < pages) {
    const cursor = out[out.length - 1].nextCursor;
    if (!cursor) break;
    out.push(await fetchPage(query, cursor));
  }
  return out;
}

/**
 * /search?q=&categoryId=&brand=&currency=&minPrice=&maxPrice=&sort=&pages=: the API's search (typos,
 * Thai words inside Thai text) with its facets and sorts. Everything is in the URL, so reload and Back
 * show the same list; "Show more" replaces the URL's page count rather than adding history.
 */
export function Search() {
  const { t, locale, fmt } = useI18n();
  const { query: params, route } = useLocation();
  const state = parseSearch(params);
  const { query } = state;
  // The results' identity: the query without the page count, which only grows the list.
  const identity = searchHref({ ...state, pages: 1 }, {});
  const browsing = canSearch(query);
  const categoryNames = useCategoryNames();
  const [first, reload] = useApi(async () => (browsing ? fetchPages(query, state.pages) : []), [identity, locale]);
  const [more, setMore] = useState<Result[]>([]);
  useEffect(() => setMore([]), [identity, locale]);
  const category = query.categoryId ? categoryNames.get(query.categoryId) : undefined;
  const title = query.q ? t("search.resultsFor", { q: query.q }) : (category ?? t("search.title"));
  useEffect(() => {
    document.title = `${title} · Tchat`;
  }, [title]);

  const pages = first.state === "ready" ? [...first.data, ...more] : [];
  const last = pages[pages.length - 1];
  const { busy: loadingMore, problem: moreProblem, run } = useAction();
  const loadMore = async () => {
    const cursor = last?.nextCursor;
    if (!cursor) return;
    await run(async () => {
      const next = await fetchPage(query, cursor);
      setMore((m) => [...m, next]);
      route(searchHref(state, { pages: pages.length + 1 }), true);
    });
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{title}</h1>
      {!browsing && <p class="status">{t("search.prompt")}</p>}
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {pages.length > 0 && (
        <>
          <Facets state={state} result={pages[0]} categoryNames={categoryNames} />
          <p class="status" role="status" aria-live="polite" data-testid="search-total">
            {pages[0].total === 0
              ? t("search.none", { q: query.q ?? "" })
              : t("search.total", { count: fmt.number(pages[0].total) })}
          </p>
          <ProductGrid
            products={pages.flatMap((page) => page.items.map((item) => ({ ...item, imageUrl: item.images[0]?.url })))}
          />
          {last?.nextCursor && (
            <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
              {loadingMore ? t("app.loading") : t("search.more")}
            </button>
          )}
          {moreProblem && <ProblemNotice problem={moreProblem} onRetry={loadMore} />}
        </>
      )}
    </section>
  );
}
