import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { counterpartyText } from "./History";
import { TYPE_TEXT } from "./labels";
import { ReceiptLink } from "./ReceiptLink";
import { SignedAmount, TxStatus } from "./TxStatus";
import { loadTransaction, type Transaction } from "./wallet-api";
import "../orders/commerce.css";
import "./wallet.css";

/** /wallet/transactions/:id: one transaction as the caller's wallet has it (another user's is not found). */
export function TransactionPage() {
  const { params } = useRoute();
  const session = useRequiredSession();
  return session ? <TransactionOf key={params.id} id={params.id} /> : null;
}

function TransactionOf({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [tx, reload] = useApi(() => loadTransaction(id), [id, locale]);
  useEffect(() => {
    document.title = `${t("wallet.tx.title")} · Tchat`;
  }, [t]);
  useEffect(() => {
    if (tx.state === "error") forgetEndedSession(tx.problem);
  }, [tx]);
  const currency = tx.state === "ready" ? tx.data.amount.currency : null;
  return (
    <section class="wallet narrow" aria-labelledby="tx-title">
      <p>
        <a href={currency ? `/wallet/history/${currency}` : "/wallet"}>
          {currency ? t("wallet.historyOf", { currency }) : t("wallet.back")}
        </a>
      </p>
      <h1 id="tx-title">{t("wallet.tx.title")}</h1>
      {tx.state === "loading" && <Loading />}
      {tx.state === "error" && <ProblemNotice problem={tx.problem} onRetry={reload} />}
      {tx.state === "ready" && <Details tx={tx.data} />}
    </section>
  );
}

function Details({ tx }: { tx: Transaction }) {
  const { t, fmt } = useI18n();
  const who = counterpartyText(tx, t);
  return (
    <article class="wallet-card" data-testid="tx-details">
      <p class="wallet-balance">
        <SignedAmount tx={tx} />
      </p>
      <dl class="totals">
        <dt>{t("wallet.tx.type")}</dt>
        <dd data-testid="tx-type">{t(TYPE_TEXT[tx.type])}</dd>
        <dt>{t("wallet.tx.status")}</dt>
        <dd>
          <TxStatus status={tx.status} />
        </dd>
        {who && (
          <>
            <dt>{t("wallet.tx.counterparty")}</dt>
            <dd data-testid="tx-counterparty">{who}</dd>
          </>
        )}
        {tx.note && (
          <>
            <dt>{t("wallet.tx.note")}</dt>
            <dd data-testid="tx-note">{tx.note}</dd>
          </>
        )}
        <dt>{t("wallet.tx.created")}</dt>
        <dd>{fmt.dateTime(tx.createdAt)}</dd>
        {tx.completedAt && (
          <>
            <dt>{t("wallet.tx.completed")}</dt>
            <dd>{fmt.dateTime(tx.completedAt)}</dd>
          </>
        )}
        {tx.reference && (
          <>
            <dt>{t("wallet.tx.reference")}</dt>
            <dd>
              <code>{tx.reference}</code>
            </dd>
          </>
        )}
        <dt>{t("wallet.tx.id")}</dt>
        <dd>
          <code>{tx.id}</code>
        </dd>
      </dl>
      <ReceiptLink id={tx.id} />
    </article>
  );
}
