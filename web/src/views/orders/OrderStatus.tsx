import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import type { Order } from "./order-api";

export const STATUS_TEXT: Record<Order["status"], MessageKey> = {
  pending_payment: "orders.status.pending_payment",
  paid: "orders.status.paid",
  processing: "orders.status.processing",
  shipped: "orders.status.shipped",
  delivered: "orders.status.delivered",
  completed: "orders.status.completed",
  cancelled: "orders.status.cancelled",
  expired: "orders.status.expired",
  returned: "orders.status.returned",
  refunded: "orders.status.refunded",
};

export function isStatus(value: string): value is Order["status"] {
  return value in STATUS_TEXT;
}

/** An order's status as a labelled badge. */
export function StatusBadge({ status }: { status: Order["status"] }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge-${status}`} data-testid="order-status">
      {t(STATUS_TEXT[status])}
    </span>
  );
}
