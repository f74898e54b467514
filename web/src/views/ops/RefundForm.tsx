import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { parseAmount } from "../wallet/amount";

type Payment = Schemas["AdminPayment"];
type Refund = Schemas["Refund"];

/**
 * A refund by hand of one payment. Each attempt keeps one Idempotency-Key (api/idempotency) until it
 * succeeds, so a double click or a retry after a timeout or a 503 refunds once; another amount or
 * reason is another attempt with another key.
 */
export function RefundForm({ payment, onRefunded }: { payment: Payment; onRefunded: () => void }) {
  const { t, fmt } = useI18n();
  const currency = payment.amount.currency;
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const { busy, problem, run } = useAction();
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<Refund | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const typed = amount.trim();
    const minor = typed ? parseAmount(typed, currency) : null;
    setInvalid(typed !== "" && minor === null);
    if (typed !== "" && minor === null) return;
    const body = { reason: reason.trim(), ...(minor === null ? {} : { amount: { amount: minor, currency } }) };
    const scope = `ops-refund.${payment.id}`;
    await run(async () => {
      setDone(null);
      const refund = await unwrap(
        api.POST("/api/v1/admin/payments/{id}/refund", {
          params: { path: { id: payment.id } },
          body,
          headers: { "Idempotency-Key": attemptKey(scope, JSON.stringify(body)) },
        }),
      );
      finishAttempt(scope);
      setDone(refund);
      setAmount("");
      setReason("");
      onRefunded();
    });
  };
  const id = payment.id;
  return (
    <form onSubmit={(e) => void submit(e)} class="ops-form" aria-busy={busy}>
      <label for={`ops-refund-amount-${id}`}>{t("opsPay.refundAmount")}</label>
      <input
        id={`ops-refund-amount-${id}`}
        inputMode="decimal"
        value={amount}
        aria-invalid={invalid}
        onInput={(e) => setAmount(e.currentTarget.value)}
      />
      {invalid && (
        <p class="problem" role="alert">
          {t("opsPay.badAmount", { currency })}
        </p>
      )}
      <label for={`ops-refund-reason-${id}`}>{t("opsPay.refundReason")}</label>
      <input
        id={`ops-refund-reason-${id}`}
        value={reason}
        required
        maxLength={500}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy}>
        {busy ? t("opsPay.working") : t("opsPay.refund")}
      </button>
      {problem && <ProblemNotice problem={problem} />}
      {done && (
        <p class="status" role="status">
          {t("opsPay.refundDone", { amount: fmt.money(done.amount), status: done.status })}
        </p>
      )}
    </form>
  );
}
