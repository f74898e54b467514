import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";

const PAGE_SIZE = 5;
type Page = Schemas["ReviewPage"];

/** Visible reviews, newest first, a page at a time; each with its stars and the shop's reply. */
export function Reviews({ productId }: { productId: string }) {
  const { t, fmt } = useI18n();
  const fetchPage = (cursor?: string) =>
    unwrap(
      api.GET("/api/v1/products/{id}/reviews", {
        params: { path: { id: productId }, query: { limit: PAGE_SIZE, cursor } },
      }),
    );
  const [first, reload] = useApi(() => fetchPage(), [productId]);
  const [more, setMore] = useState<Page[]>([]);
  const { busy: loadingMore, problem, run } = useAction();
  const pages = first.state === "ready" ? [first.data, ...more] : [];
  const next = pages[pages.length - 1]?.nextCursor;
  const loadMore = async () => {
    if (!next) return;
    await run(async () => {
      const page = await fetchPage(next);
      setMore((m) => [...m, page]);
    });
  };
  const reviews = pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="reviews-title" data-testid="reviews">
      <h2 id="reviews-title">{t("store.reviews")}</h2>
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {first.state === "ready" && reviews.length === 0 && <p class="status">{t("store.noReviews")}</p>}
      {reviews.length > 0 && (
        <ul class="reviews">
          {reviews.map((r) => (
            <li key={r.id} class="review">
              <p>
                <span class="stars" role="img" aria-label={t("store.stars", { rating: r.rating })}>
                  {"★".repeat(r.rating)}
                  {"☆".repeat(5 - r.rating)}
                </span>{" "}
                {r.title && <strong>{r.title}</strong>}
              </p>
              <p>{r.body}</p>
              <p class="status">
                {r.author.displayName} · {fmt.date(r.createdAt)} · {t("store.verifiedPurchase")}
              </p>
              {r.sellerReply && (
                <blockquote class="reply">
                  <strong>{t("store.sellerReply")}</strong> {r.sellerReply.body}
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t("app.loading") : t("store.moreReviews")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} onRetry={loadMore} />}
    </section>
  );
}
