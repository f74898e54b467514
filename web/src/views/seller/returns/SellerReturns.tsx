import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { Loading, ProblemNotice } from "../../common/Status";
import { useApi } from "../../common/use-api";
import { type Return, ReturnCard } from "../../orders/OrderReturns";
import "../../orders/commerce.css";
import { useAction } from "../../common/use-action";

const STATUSES = ["requested", "approved", "rejected", "received", "refunded"] as const;
type Status = (typeof STATUSES)[number];

/** One return with the shop's actions for its status: approve or reject (with a note), mark received. */
function ReturnRow({ ret, onChanged }: { ret: Return; onChanged: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const { busy, running, problem, run } = useAction<string>();
  const act = async (action: "approve" | "reject" | "received") => {
    await run(async () => {
      const path = { params: { path: { id: ret.id } } };
      if (action === "received") await unwrap(api.POST("/api/v1/returns/{id}/received", path));
      else if (action === "approve")
        await unwrap(api.POST("/api/v1/returns/{id}/approve", { ...path, body: note ? { note } : {} }));
      else await unwrap(api.POST("/api/v1/returns/{id}/reject", { ...path, body: note ? { note } : {} }));
      onChanged();
    }, action);
  };
  return (
    <div class="stack">
      <p>
        <a href={`/orders/${encodeURIComponent(ret.orderId)}`}>{t("returns.order", { number: ret.orderNumber })}</a> ·{" "}
        {ret.reason}
      </p>
      <ul class="lines">
        <ReturnCard ret={ret} />
      </ul>
      {ret.status === "requested" && (
        <>
          <label>
            {t("returns.noteLabel")}
            <input
              type="text"
              maxLength={1000}
              value={note}
              onInput={(e) => setNote((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="actions">
            <button type="button" onClick={() => act("approve")} disabled={busy} aria-busy={running === "approve"}>
              {t("returns.approve")}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => act("reject")}
              disabled={busy}
              aria-busy={running === "reject"}
            >
              {t("returns.reject")}
            </button>
          </div>
        </>
      )}
      {ret.status === "approved" && (
        <button type="button" onClick={() => act("received")} disabled={busy} aria-busy={running === "received"}>
          {t("returns.received")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}

/** /seller/:shopId/returns: the shop's returns, newest first, filtered by status, with their actions. */
export function SellerReturns() {
  const { t } = useI18n();
  const { params } = useRoute();
  const shopId = params.shopId;
  const [status, setStatus] = useState<Status | "">("");
  const [loaded, reload] = useApi(
    () =>
      unwrap(
        api.GET("/api/v1/shops/{id}/returns", {
          params: { path: { id: shopId }, query: { limit: 50, ...(status ? { status } : {}) } },
        }),
      ),
    [shopId, status],
  );
  useEffect(() => {
    document.title = `${t("returns.shopTitle")} · Tchat`;
  }, [t]);
  return (
    <article aria-labelledby="seller-returns-title" class="order">
      <h1 id="seller-returns-title">{t("returns.shopTitle")}</h1>
      <label>
        {t("returns.filter")}
        <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as Status | "")}>
          <option value="">{t("returns.all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`returns.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {loaded.state === "ready" &&
        (loaded.data.items.length === 0 ? (
          <p>{t("returns.none")}</p>
        ) : (
          <ul class="stack" aria-label={t("returns.shopTitle")}>
            {loaded.data.items.map((r) => (
              <li key={r.id}>
                <ReturnRow ret={r} onChanged={reload} />
              </li>
            ))}
          </ul>
        ))}
    </article>
  );
}
