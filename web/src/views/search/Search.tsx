import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProductGrid } from "../common/ProductCard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";

const PAGE_SIZE = 20;
type Result = Schemas["SearchResult"];

/** /search?q=&categoryId=: the API's search (typos, Thai words inside Thai text), page after page. */
export function Search() {
  const { t, locale, fmt } = useI18n();
  const { query } = useLocation();
  const q = query.q?.trim() ?? "";
  const categoryId = query.categoryId || undefined;
  const browsing = q !== "" || categoryId !== undefined;
  const [more, setMore] = useState<Result[]>([]);
  const [first, reload] = useApi(
    async () =>
      browsing
        ? unwrap(api.GET("/api/v1/search", { params: { query: { q: q || undefined, categoryId, limit: PAGE_SIZE } } }))
        : null,
    [q, categoryId, locale],
  );
  useEffect(() => setMore([]), [q, categoryId, locale]);
  useEffect(() => {
    document.title = `${q ? t("search.resultsFor", { q }) : t("search.title")} · Tchat`;
  }, [q, t]);

  const pages = first.state === "ready" && first.data ? [first.data, ...more] : [];
  const last = pages[pages.length - 1];
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!last?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await unwrap(
        api.GET("/api/v1/search", {
          params: { query: { q: q || undefined, categoryId, limit: PAGE_SIZE, cursor: last.nextCursor } },
        }),
      );
      setMore((m) => [...m, next]);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{q ? t("search.resultsFor", { q }) : t("search.title")}</h1>
      {!browsing && <p class="status">{t("search.prompt")}</p>}
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {pages.length > 0 && (
        <>
          <p class="status" role="status" aria-live="polite">
            {pages[0].total === 0 ? t("search.none", { q }) : t("search.total", { count: fmt.number(pages[0].total) })}
          </p>
          <ProductGrid
            products={pages.flatMap((page) => page.items.map((item) => ({ ...item, imageUrl: item.images[0]?.url })))}
          />
          {last?.nextCursor && (
            <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
              {loadingMore ? t("app.loading") : t("search.more")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
