import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import type { Order } from "./order-api";

/** Statuses the buyer may still cancel from (workers/orders/cancel.ts); a paid order is refunded. */
const CANCELLABLE = new Set<Order["status"]>(["pending_payment", "paid", "processing"]);

/** Pay (while unpaid), the invoice, and cancel with a confirmation. */
export function OrderActions({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useI18n();
  const { busy, running, problem, run } = useAction<"cancel" | "invoice">();
  const cancel = () => {
    const question = order.status === "pending_payment" ? t("orders.cancelConfirm") : t("orders.cancelRefundConfirm");
    if (!window.confirm(question)) return;
    run(async () => {
      await unwrap(api.POST("/api/v1/orders/{id}/cancel", { params: { path: { id: order.id } }, body: {} }));
      onChanged();
    }, "cancel");
  };
  // The invoice needs the caller's credentials (Bearer or X-Cart-Token), which a plain link would
  // not send: it is fetched, then opened from memory in a new tab.
  const invoice = () => {
    const tab = window.open("", "_blank");
    run(async () => {
      try {
        const html = await unwrap(
          api.GET("/api/v1/orders/{id}/invoice", { params: { path: { id: order.id } }, parseAs: "text" }),
        );
        const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
        if (tab) tab.location.href = url;
        else window.location.href = url;
      } catch (err) {
        tab?.close();
        throw err;
      }
    }, "invoice");
  };
  return (
    <div class="actions">
      {order.status === "pending_payment" && (
        <a class="button" href={`/orders/${encodeURIComponent(order.id)}/pay`}>
          {t("orders.pay")}
        </a>
      )}
      <button type="button" class="secondary" onClick={invoice} disabled={busy} aria-busy={running === "invoice"}>
        {running === "invoice" ? t("app.loading") : t("orders.invoice")}
      </button>
      {CANCELLABLE.has(order.status) && (
        <button type="button" class="danger" onClick={cancel} disabled={busy} aria-busy={running === "cancel"}>
          {running === "cancel" ? t("orders.cancelling") : t("orders.cancel")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
