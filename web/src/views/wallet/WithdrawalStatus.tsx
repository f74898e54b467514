import { useEffect, useState } from "preact/hooks";
import { type ApiProblem, api, asProblem, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { TxStatus } from "./TxStatus";
import { loadTransaction, type Transaction } from "./wallet-api";

const POLL_MS = 2000;

/**
 * A withdrawal until the bank answers: the amount is held meanwhile, and the provider's webhook
 * completes it (or gives it back), so the page asks for its transaction every two seconds.
 * Where the server runs the sandbox (development, tests), the test bank's answers are offered.
 */
export function WithdrawalStatus({ transactionId }: { transactionId: string }) {
  const { t, fmt } = useI18n();
  const [tx, setTx] = useState<Transaction | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [simulating, setSimulating] = useState(false);
  const currency = tx?.amount.currency;
  const [sandbox] = useApi(
    async () =>
      currency
        ? (await unwrap(api.GET("/api/v1/payments/options", { params: { query: { currency } } }))).options.some(
            (o) => o.sandbox,
          )
        : false,
    [currency],
  );
  useEffect(() => {
    if (tx && tx.status !== "pending") return;
    let current = true;
    const timer = setTimeout(
      () =>
        loadTransaction(transactionId).then(
          (next) => current && setTx(next),
          (err: unknown) => current && setProblem(asProblem(err)),
        ),
      tx ? POLL_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [transactionId, tx, problem]);
  const simulate = async (status: "succeeded" | "failed") => {
    setSimulating(true);
    try {
      await unwrap(
        api.POST("/api/v1/dev/disbursements/{id}/simulate", {
          params: { path: { id: transactionId } },
          body: { status },
        }),
      );
      setTx(await loadTransaction(transactionId));
    } catch (err) {
      setProblem(asProblem(err));
    } finally {
      setSimulating(false);
    }
  };
  if (!tx) return problem ? <ProblemNotice problem={problem} onRetry={() => setProblem(null)} /> : null;
  const amount = fmt.money(tx.amount);
  return (
    <div class="wallet-card stack" data-testid="withdrawal">
      <p role="status" aria-live="polite" class="done" data-testid="withdrawal-status">
        {tx.status === "pending"
          ? t("wallet.withdraw.pending", { amount })
          : tx.status === "completed"
            ? t("wallet.withdraw.completed", { amount })
            : t("wallet.withdraw.failed", { amount })}
      </p>
      <p class="row">
        <TxStatus status={tx.status} />
        {tx.note && <span>{tx.note}</span>}
      </p>
      {tx.status === "pending" && sandbox.state === "ready" && sandbox.data && (
        <fieldset class="actions sandbox">
          <legend>{t("wallet.withdraw.sandbox")}</legend>
          <button type="button" disabled={simulating} onClick={() => simulate("succeeded")}>
            {t("wallet.withdraw.simulateSuccess")}
          </button>
          <button type="button" class="secondary" disabled={simulating} onClick={() => simulate("failed")}>
            {t("wallet.withdraw.simulateFailure")}
          </button>
        </fieldset>
      )}
      {problem && <ProblemNotice problem={problem} />}
      <p class="wallet-links">
        <a href={`/wallet/transactions/${encodeURIComponent(tx.id)}`}>{t("wallet.tx.title")}</a>
        <a href={`/wallet/history/${tx.amount.currency}`}>{t("wallet.historyOf", { currency: tx.amount.currency })}</a>
      </p>
    </div>
  );
}
