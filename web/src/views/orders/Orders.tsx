import { useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { getCartToken } from "../../api/session";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "./commerce.css";
import { StatusBadge } from "./OrderStatus";

type Page = Schemas["OrderPage"];

/** /orders: the buyer's orders, newest first; a guest's are those of the cart token they checked out with. */
export function Orders() {
  const { t, fmt, locale } = useI18n();
  const session = useSession();
  const known = session !== null || getCartToken() !== null;
  const [first, reload] = useApi(
    async () => (known ? unwrap(api.GET("/api/v1/orders", { params: { query: { limit: 20 } } })) : null),
    [locale, session?.accessToken],
  );
  const [more, setMore] = useState<Page[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    document.title = `${t("orders.title")} · Tchat`;
  }, [t]);
  const pages = first.state === "ready" && first.data ? [first.data, ...more] : [];
  const last = pages[pages.length - 1];
  const loadMore = async () => {
    if (!last?.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await unwrap(
        api.GET("/api/v1/orders", { params: { query: { limit: 20, cursor: last.nextCursor } } }),
      );
      setMore((m) => [...m, next]);
    } finally {
      setLoadingMore(false);
    }
  };
  const orders = pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">{t("orders.title")}</h1>
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {first.state === "ready" && orders.length === 0 && (
        <p class="status">
          {t("orders.none")} {!session && <a href="/signin">{t("orders.signInToSee")}</a>}
        </p>
      )}
      <ul class="order-list">
        {orders.map((o) => (
          <li key={o.id} data-testid="order-row">
            <a href={`/orders/${encodeURIComponent(o.id)}`}>{t("orders.number", { number: o.number })}</a>
            <span class="status">{fmt.date(o.createdAt)}</span>
            <StatusBadge status={o.status} />
            <strong>{fmt.money(o.total)}</strong>
          </li>
        ))}
      </ul>
      {last?.nextCursor && (
        <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t("app.loading") : t("orders.more")}
        </button>
      )}
    </section>
  );
}
