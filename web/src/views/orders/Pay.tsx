import { useEffect, useState } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "./commerce.css";
import { useAction } from "../common/use-action";
import { MethodPicker } from "./MethodPicker";
import { OrderSummary, orderPart } from "./OrderSummary";
import { loadOrders, type Order, orderIdsOf } from "./order-api";
import { type Payment, PaymentProgress } from "./PaymentProgress";
import type { PaymentOption } from "./payment-options";

/**
 * /orders/:id/pay (?orders=a,b for a checkout of several shops): the exact totals of the placed
 * orders, a gateway and method for their currency, then the payment until it is final. The
 * payment's id goes into the address (?payment=), so a reload or the gateway's return resumes it.
 */
export function Pay() {
  const { t, locale } = useI18n();
  const { params } = useRoute();
  const { query, route, path } = useLocation();
  const ids = orderIdsOf(params.id, query.orders);
  const paymentId = query.payment || query.sandboxPayment || null;
  const [loaded, reload] = useApi(() => loadOrders(ids), [ids.join(","), locale]);
  const [first, setFirst] = useState<Payment | null>(null);
  const { busy: starting, problem, run } = useAction();
  const scope = `pay:${ids.join(",")}`;
  useEffect(() => {
    document.title = `${t("pay.title")} · Tchat`;
  }, [t]);
  const here = (payment?: string) =>
    `${path}?orders=${encodeURIComponent(ids.join(","))}${payment ? `&payment=${encodeURIComponent(payment)}` : ""}`;

  const start = async (option: PaymentOption, bank?: string) => {
    await run(async () => {
      const body = {
        orderIds: ids,
        gateway: option.gateway,
        method: option.method,
        ...(bank ? { bank } : {}),
        returnUrl: location.origin + here(),
      };
      const key = attemptKey(scope, JSON.stringify(body));
      const payment = await unwrap(api.POST("/api/v1/payments", { body, headers: { "Idempotency-Key": key } }));
      if (payment.gateway === "cod") {
        // Cash on delivery: nothing to pay now; the order is accepted and ships unpaid.
        finishAttempt(scope);
        route(`/orders/${encodeURIComponent(ids[0])}`);
        return;
      }
      setFirst(payment);
      route(here(payment.id), true);
    });
  };
  const onFinal = (payment: Payment) => {
    // Paid, or refused: either way the next payment for these orders is a new attempt.
    finishAttempt(scope);
    if (payment.status === "succeeded") reload();
  };
  const again = () => {
    setFirst(null);
    route(here(), true);
  };

  const orders: Order[] = loaded.state === "ready" ? loaded.data : [];
  const unpaid = orders.length > 0 && orders.every((o) => o.status === "pending_payment");
  return (
    <section aria-labelledby="pay-title">
      <h1 id="pay-title">{t("pay.title")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {orders.length > 0 && (
        <OrderSummary
          heading={t("pay.orders")}
          parts={orders.map((o) => orderPart(o, t("orders.number", { number: o.number })))}
        />
      )}
      {paymentId ? (
        <PaymentProgress key={paymentId} paymentId={paymentId} first={first} onFinal={onFinal} onRetry={again} />
      ) : (
        unpaid && <MethodPicker orderIds={ids} busy={starting} onChoose={start} />
      )}
      {problem && <ProblemNotice problem={problem} />}
      {orders.length > 0 && !unpaid && !paymentId && <p class="status">{t("pay.nothingToPay")}</p>}
      <p>
        {orders.map((o) => (
          <a key={o.id} href={`/orders/${encodeURIComponent(o.id)}`} class="order-link">
            {t("pay.viewOrder", { number: o.number })}
          </a>
        ))}
      </p>
    </section>
  );
}
