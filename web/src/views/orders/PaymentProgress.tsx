import { useEffect, useState } from "preact/hooks";
import { ApiProblem, api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { NextActionView } from "./NextActionView";

export type Payment = Schemas["Payment"];

const POLL_MS = 2000;

/**
 * One payment until it is final: what to do next, then the result. The gateway tells the server
 * (webhook), so the page asks GET /payments/:id every two seconds while it is pending.
 */
export function PaymentProgress({
  paymentId,
  first,
  onFinal,
  onRetry,
}: {
  paymentId: string;
  first: Payment | null;
  onFinal: (payment: Payment) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const [payment, setPayment] = useState<Payment | null>(first);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [simulating, setSimulating] = useState(false);
  const pending = payment === null || payment.status === "pending";
  useEffect(() => {
    if (!pending) {
      if (payment) onFinal(payment);
      return;
    }
    let current = true;
    const check = () =>
      unwrap(api.GET("/api/v1/payments/{id}", { params: { path: { id: paymentId } } })).then(
        (next) => {
          if (!current) return;
          setProblem(null);
          setPayment(next);
        },
        (err: unknown) => current && setProblem(err instanceof ApiProblem ? err : new ApiProblem({ status: 0 })),
      );
    const timer = setTimeout(check, payment === null ? 0 : POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [paymentId, payment, pending, problem]);

  const simulate = async (outcome: "success" | "failure") => {
    setSimulating(true);
    try {
      const next = await unwrap(
        api.POST("/api/v1/payments/{id}/simulate", {
          params: { path: { id: paymentId } },
          body: { outcome, webhook: "deliver" },
        }),
      );
      setPayment(next);
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) }));
    } finally {
      setSimulating(false);
    }
  };

  if (!payment) return problem ? <ProblemNotice problem={problem} onRetry={onRetry} /> : null;
  return (
    <section class="payment" aria-labelledby="payment-title" data-testid="payment">
      <h2 id="payment-title">{t("pay.paymentTitle")}</h2>
      <p role="status" aria-live="polite" data-testid="payment-status" class={`badge badge-${payment.status}`}>
        {payment.status === "succeeded"
          ? t("pay.succeeded")
          : payment.status === "pending"
            ? t("pay.waiting")
            : t("pay.notPaid", { reason: payment.failureReason ?? payment.status })}
      </p>
      {payment.status === "pending" && payment.nextAction && (
        <NextActionView action={payment.nextAction} amount={payment.amount} />
      )}
      {payment.status === "pending" && payment.gateway === "sandbox" && (
        <fieldset class="actions sandbox">
          <legend class="visually-hidden">{t("pay.sandbox")}</legend>
          <button type="button" disabled={simulating} onClick={() => simulate("success")}>
            {t("pay.simulateSuccess")}
          </button>
          <button type="button" class="secondary" disabled={simulating} onClick={() => simulate("failure")}>
            {t("pay.simulateFailure")}
          </button>
        </fieldset>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {payment.status !== "pending" && payment.status !== "succeeded" && (
        <button type="button" onClick={onRetry}>
          {t("pay.tryAgain")}
        </button>
      )}
    </section>
  );
}
