import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { usePagedApi } from "../common/use-api";
import { OpsLayout } from "./OpsLayout";
import { RefundForm } from "./RefundForm";

type Payment = Schemas["AdminPayment"];
type Status = NonNullable<Payment["status"]>;
type Gateway = Schemas["Gateway"];
interface Filters {
  status: Status | "";
  gateway: Gateway | "";
  orderId: string;
}

const STATUSES: Status[] = [
  "pending",
  "succeeded",
  "failed",
  "expired",
  "refunded",
  "partially_refunded",
  "superseded",
];
const GATEWAYS: Gateway[] = ["sandbox", "stripe", "midtrans", "xendit", "omise", "wallet", "cod"];

/** /ops/payments: payments by status, gateway or order, newest first; refund one by hand. */
export function OpsPayments() {
  return <OpsLayout current="payments">{() => <PaymentSearch />}</OpsLayout>;
}

function PaymentSearch() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>({ status: "", gateway: "", orderId: "" });
  const [filters, setFilters] = useState<Filters>(draft);
  const apply = (e: Event) => {
    e.preventDefault();
    setFilters({ ...draft, orderId: draft.orderId.trim() });
  };
  return (
    <div class="ops-payments">
      <form onSubmit={apply} class="ops-form">
        <label for="ops-pay-status">{t("opsPay.status")}</label>
        <select
          id="ops-pay-status"
          value={draft.status}
          onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as Status | "" })}
        >
          <option value="">{t("opsPay.any")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label for="ops-pay-gateway">{t("opsPay.gateway")}</label>
        <select
          id="ops-pay-gateway"
          value={draft.gateway}
          onChange={(e) => setDraft({ ...draft, gateway: e.currentTarget.value as Gateway | "" })}
        >
          <option value="">{t("opsPay.any")}</option>
          {GATEWAYS.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        <label for="ops-pay-order">{t("opsPay.orderId")}</label>
        <input
          id="ops-pay-order"
          value={draft.orderId}
          maxLength={64}
          onInput={(e) => setDraft({ ...draft, orderId: e.currentTarget.value })}
        />
        <button type="submit">{t("opsPay.filter")}</button>
      </form>
      <PaymentList key={JSON.stringify(filters)} filters={filters} />
    </div>
  );
}

function query(filters: Filters, cursor?: string) {
  return {
    status: filters.status || undefined,
    gateway: filters.gateway || undefined,
    orderId: filters.orderId || undefined,
    cursor,
  };
}

function PaymentList({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  // A refund changes the list: start again from the first page.
  const { first, items, cursor, loadMore, loadingMore, problem, reload } = usePagedApi(
    (cursor) => unwrap(api.GET("/api/v1/admin/payments", { params: { query: query(filters, cursor) } })),
    [filters],
  );
  if (first.state === "loading") return <Loading />;
  if (first.state === "error") return <ProblemNotice problem={first.problem} onRetry={reload} />;
  return (
    <>
      {items.length === 0 && <p class="status">{t("opsPay.none")}</p>}
      <ul class="ops-list">
        {items.map((payment) => (
          <PaymentCard key={payment.id} payment={payment} onRefunded={reload} />
        ))}
      </ul>
      {problem && <ProblemNotice problem={problem} />}
      {cursor && (
        <button type="button" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? t("opsPay.working") : t("opsPay.more")}
        </button>
      )}
    </>
  );
}

function PaymentCard({ payment, onRefunded }: { payment: Payment; onRefunded: () => void }) {
  const { t, fmt } = useI18n();
  const refunded = payment.refunded ?? { amount: 0, currency: payment.amount.currency };
  return (
    <li class="ops-card" data-testid="ops-payment" data-id={payment.id}>
      <strong>{payment.id}</strong> · {fmt.dateTime(payment.createdAt)}
      <dl>
        <dt>{t("opsPay.amount")}</dt>
        <dd>{fmt.money(payment.amount)}</dd>
        <dt>{t("opsPay.refunded")}</dt>
        <dd data-testid="ops-payment-refunded">{fmt.money(refunded)}</dd>
        <dt>{t("opsPay.refundable")}</dt>
        <dd data-testid="ops-payment-refundable">{fmt.money(payment.refundable)}</dd>
        <dt>{t("opsPay.gateway")}</dt>
        <dd>
          {payment.gateway} · {payment.method}
        </dd>
        <dt>{t("opsPay.status")}</dt>
        <dd data-testid="ops-payment-status">{payment.status}</dd>
        <dt>{t("opsPay.orders")}</dt>
        <dd>{payment.orderIds.join(", ")}</dd>
      </dl>
      {payment.refundable.amount > 0 && <RefundForm payment={payment} onRefunded={onRefunded} />}
    </li>
  );
}
