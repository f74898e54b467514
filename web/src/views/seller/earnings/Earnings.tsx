import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, type Schemas, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { useRequiredSession } from "../../account/guard";
import { Loading, ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi, usePagedApi } from "../../common/use-api";
import { lastThirtyDays, saveText } from "../download";
import { PayoutForm } from "./PayoutForm";
import "../seller.css";

type Balance = Schemas["ShopBalance"];

/** /seller/:shopId/earnings: the shop's balances, a payout request, its payouts and the statement as CSV. */
export function Earnings() {
  const session = useRequiredSession();
  const { t } = useI18n();
  const { params } = useRoute();
  const shopId = params.shopId ?? "";
  const [version, setVersion] = useState(0);
  useEffect(() => {
    document.title = `${t("sellerEarnings.title")} · Tchat`;
  }, [t]);
  if (!session) return null;
  return (
    <section class="seller-page stack" aria-labelledby="earnings-title">
      <p>
        <a href="/seller">{t("sellerEarnings.back")}</a>
      </p>
      <h1 id="earnings-title">{t("sellerEarnings.title")}</h1>
      <BalanceCards shopId={shopId} version={version} />
      <PayoutForm shopId={shopId} onPaid={() => setVersion((v) => v + 1)} />
      <PayoutList shopId={shopId} version={version} />
      <StatementDownload shopId={shopId} />
    </section>
  );
}

function BalanceCards({ shopId, version }: { shopId: string; version: number }) {
  const { t, fmt } = useI18n();
  const [balance, reload] = useApi(
    () => unwrap(api.GET("/api/v1/shops/{id}/balance", { params: { path: { id: shopId } } })),
    [shopId, version],
  );
  if (balance.state === "loading") return <Loading />;
  if (balance.state === "error") return <ProblemNotice problem={balance.problem} onRetry={reload} />;
  const b: Balance = balance.data;
  return (
    <dl class="seller-cards" data-testid="earnings-balance">
      <div>
        <dt>{t("sellerEarnings.available")}</dt>
        <dd data-testid="balance-available">{fmt.money(b.available)}</dd>
      </div>
      <div>
        <dt>
          {t("sellerEarnings.pending")}
          <br />
          <small>{t("sellerEarnings.pendingHint")}</small>
        </dt>
        <dd data-testid="balance-pending">{fmt.money(b.pending)}</dd>
      </div>
      <div>
        <dt>{t("sellerEarnings.paidOut")}</dt>
        <dd data-testid="balance-paid-out">{fmt.money(b.paidOut)}</dd>
      </div>
    </dl>
  );
}

function PayoutList({ shopId, version }: { shopId: string; version: number }) {
  const { t, fmt } = useI18n();
  const { first, items, cursor, loadMore, loadingMore, problem, reload } = usePagedApi(
    (cursor) =>
      unwrap(
        api.GET("/api/v1/shops/{id}/payouts", {
          params: { path: { id: shopId }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [shopId, version],
  );
  if (first.state === "loading") return <Loading />;
  if (first.state === "error") return <ProblemNotice problem={first.problem} onRetry={reload} />;
  return (
    <section aria-labelledby="payouts-title" class="stack">
      <h2 id="payouts-title">{t("sellerEarnings.payouts")}</h2>
      {items.length === 0 ? (
        <p>{t("sellerEarnings.payouts.none")}</p>
      ) : (
        <ul class="stack" data-testid="payout-list">
          {items.map((p) => (
            <li key={p.id} data-status={p.status}>
              <strong>{fmt.money(p.amount)}</strong> ·{" "}
              {p.destination === "wallet"
                ? t("sellerEarnings.toWallet")
                : `${p.destination.bankCode} ${p.destination.accountNumber}`}{" "}
              · {t(`sellerEarnings.status.${p.status}`)} · {fmt.dateTime(p.createdAt)}
            </li>
          ))}
        </ul>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {cursor && (
        <button
          type="button"
          class="secondary"
          disabled={loadingMore}
          aria-busy={loadingMore}
          onClick={() => void loadMore()}
        >
          {t("sellerEarnings.payouts.more")}
        </button>
      )}
    </section>
  );
}

function StatementDownload({ shopId }: { shopId: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(lastThirtyDays);
  const { busy, problem, run } = useAction();
  const download = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const csv = await unwrap(
        api.GET("/api/v1/shops/{id}/statement", {
          params: { path: { id: shopId }, query: period },
          headers: { Accept: "text/csv" },
          parseAs: "text",
        }),
      );
      saveText(csv as unknown as string, `statement-${period.from}-${period.to}.csv`);
    });
  };
  return (
    <form class="stack" onSubmit={download} aria-labelledby="statement-title">
      <h2 id="statement-title">{t("sellerEarnings.statement")}</h2>
      <div class="seller-filters">
        <div class="field">
          <label for="statement-from">{t("sellerEarnings.from")}</label>
          <input
            id="statement-from"
            type="date"
            value={period.from}
            onInput={(e) => setPeriod((p) => ({ ...p, from: e.currentTarget.value }))}
            required
          />
        </div>
        <div class="field">
          <label for="statement-to">{t("sellerEarnings.to")}</label>
          <input
            id="statement-to"
            type="date"
            value={period.to}
            onInput={(e) => setPeriod((p) => ({ ...p, to: e.currentTarget.value }))}
            required
          />
        </div>
        <button type="submit" disabled={busy} aria-busy={busy} data-testid="statement-csv">
          {busy ? t("sellerEarnings.downloading") : t("sellerEarnings.statement.csv")}
        </button>
      </div>
      {problem && <ProblemNotice problem={problem} />}
    </form>
  );
}
