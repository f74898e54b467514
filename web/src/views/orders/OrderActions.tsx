import { useState } from "preact/hooks";
import { ApiProblem, api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import type { Order } from "./order-api";

/** Statuses the buyer may still cancel from (workers/orders/cancel.ts); a paid order is refunded. */
const CANCELLABLE = new Set<Order["status"]>(["pending_payment", "paid", "processing"]);

/** Pay (while unpaid), the invoice, and cancel with a confirmation. */
export function OrderActions({ order, onChanged }: { order: Order; onChanged: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<"cancel" | "invoice" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (what: "cancel" | "invoice", work: () => Promise<void>) => {
    setBusy(what);
    setProblem(null);
    try {
      await work();
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) }));
    } finally {
      setBusy(null);
    }
  };
  const cancel = () => {
    const question = order.status === "pending_payment" ? t("orders.cancelConfirm") : t("orders.cancelRefundConfirm");
    if (!window.confirm(question)) return;
    run("cancel", async () => {
      await unwrap(api.POST("/api/v1/orders/{id}/cancel", { params: { path: { id: order.id } }, body: {} }));
      onChanged();
    });
  };
  // The invoice needs the caller's credentials (Bearer or X-Cart-Token), which a plain link would
  // not send: it is fetched, then opened from memory in a new tab.
  const invoice = () => {
    const tab = window.open("", "_blank");
    run("invoice", async () => {
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
    });
  };
  return (
    <div class="actions">
      {order.status === "pending_payment" && (
        <a class="button" href={`/orders/${encodeURIComponent(order.id)}/pay`}>
          {t("orders.pay")}
        </a>
      )}
      <button type="button" class="secondary" onClick={invoice} disabled={busy !== null} aria-busy={busy === "invoice"}>
        {busy === "invoice" ? t("app.loading") : t("orders.invoice")}
      </button>
      {CANCELLABLE.has(order.status) && (
        <button type="button" class="danger" onClick={cancel} disabled={busy !== null} aria-busy={busy === "cancel"}>
          {busy === "cancel" ? t("orders.cancelling") : t("orders.cancel")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
