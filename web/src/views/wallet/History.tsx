import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { NotFound } from "../common/NotFound";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { TYPE_TEXT } from "./labels";
import { SignedAmount, TxStatus } from "./TxStatus";
import { WalletActions } from "./WalletHome";
import { type Currency, isCurrency, loadHistory, type Transaction, type TransactionPage } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";
import { useAction } from "../common/use-action";

/** /wallet/history/:currency: one currency's transactions, newest first, a page at a time. */
export function History() {
  const { params } = useRoute();
  const session = useRequiredSession();
  if (!session) return null;
  return isCurrency(params.currency) ? <HistoryOf key={params.currency} currency={params.currency} /> : <NotFound />;
}

function HistoryOf({ currency }: { currency: Currency }) {
  const { t, locale } = useI18n();
  const [first, reload] = useApi(() => loadHistory(currency), [currency, locale]);
  const [more, setMore] = useState<TransactionPage[]>([]);
  const { busy: loadingMore, problem, run } = useAction();
  useEffect(() => {
    document.title = `${t("wallet.historyOf", { currency })} · Tchat`;
  }, [t, currency]);
  useEffect(() => {
    if (first.state === "error") forgetEndedSession(first.problem);
    // A reload (language switch, retry) starts again from the newest page.
    if (first.state === "loading") setMore([]);
  }, [first]);
  const pages = first.state === "ready" ? [first.data, ...more] : [];
  const cursor = pages[pages.length - 1]?.nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    await run(async () => {
      const next = await loadHistory(currency, cursor);
      setMore((m) => [...m, next]);
    });
  };
  const items = pages.flatMap((p) => p.items);
  return (
    <section class="wallet" aria-labelledby="history-title">
      <p>
        <a href="/wallet">{t("wallet.back")}</a>
      </p>
      <h1 id="history-title">{t("wallet.historyOf", { currency })}</h1>
      <WalletActions currency={currency} />
      {first.state === "loading" && <Loading />}
      {first.state === "error" && <ProblemNotice problem={first.problem} onRetry={reload} />}
      {first.state === "ready" && items.length === 0 && <p class="status">{t("wallet.history.none")}</p>}
      <ul class="tx-list">
        {items.map((tx) => (
          <TxRow key={tx.id} tx={tx} />
        ))}
      </ul>
      {problem && <ProblemNotice problem={problem} onRetry={loadMore} />}
      {cursor && (
        <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t("app.loading") : t("wallet.history.more")}
        </button>
      )}
    </section>
  );
}

/** Who was on the other side, in words: "From Somchai", "To Ana". */
export function counterpartyText(tx: Transaction, t: ReturnType<typeof useI18n>["t"]): string | null {
  if (!tx.counterparty?.displayName) return null;
  return t(tx.direction === "credit" ? "wallet.from" : "wallet.to", { name: tx.counterparty.displayName });
}

function TxRow({ tx }: { tx: Transaction }) {
  const { t, fmt } = useI18n();
  const who = counterpartyText(tx, t);
  return (
    <li class="tx-row" data-testid="tx-row">
      <a href={`/wallet/transactions/${encodeURIComponent(tx.id)}`} class="tx-main">
        <span class="tx-type">{t(TYPE_TEXT[tx.type])}</span>
        {who && <span class="tx-who">{who}</span>}
        {tx.note && <span class="tx-note">{tx.note}</span>}
      </a>
      <span class="tx-side">
        <SignedAmount tx={tx} />
        <TxStatus status={tx.status} />
        <time class="status" dateTime={tx.createdAt}>
          {fmt.dateTime(tx.createdAt)}
        </time>
      </span>
    </li>
  );
}
