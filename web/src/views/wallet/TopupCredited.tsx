import { useEffect, useState } from "preact/hooks";
import { ApiProblem } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { SignedAmount, TxStatus } from "./TxStatus";
import { loadTransaction, type Transaction } from "./wallet-api";

const POLL_MS = 1500;

/**
 * The top-up's transaction once its payment succeeded: the wallet is credited when the gateway's
 * confirmation is applied, a moment after the payment page shows it paid, so this asks until the
 * transaction is no longer pending.
 */
export function TopupCredited({ transactionId }: { transactionId: string }) {
  const { t } = useI18n();
  const [tx, setTx] = useState<Transaction | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  useEffect(() => {
    if (tx && tx.status !== "pending") return;
    let current = true;
    const timer = setTimeout(
      () =>
        loadTransaction(transactionId).then(
          (next) => current && setTx(next),
          (err: unknown) =>
            current && setProblem(err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) })),
        ),
      tx ? POLL_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transactionId, tx, problem]);
  if (problem && !tx) return <ProblemNotice problem={problem} onRetry={() => setProblem(null)} />;
  if (!tx) return null;
  return (
    <div class="wallet-card" data-testid="topup-result">
      <p role="status" aria-live="polite" class="done">
        {tx.status === "completed"
          ? t("wallet.topup.credited")
          : tx.status === "pending"
            ? t("wallet.topup.crediting")
            : t("wallet.topup.notCredited")}
      </p>
      <p class="row">
        <SignedAmount tx={tx} />
        <TxStatus status={tx.status} />
      </p>
      <p class="wallet-links">
        <a href={`/wallet/transactions/${encodeURIComponent(tx.id)}`}>{t("wallet.tx.title")}</a>
        <a href={`/wallet/history/${tx.amount.currency}`}>{t("wallet.historyOf", { currency: tx.amount.currency })}</a>
      </p>
    </div>
  );
}
