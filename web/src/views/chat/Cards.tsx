import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";
import { isStatus, STATUS_TEXT } from "../orders/OrderStatus";

/** A product or order shared in a dialog, with the live data the message carries. */
export function ChatCard({ card }: { card: Schemas["ChatCard"] }) {
  const { t, fmt } = useI18n();
  if (card.type === "product") {
    const product = card.product;
    if (!product) return <p class="msg-card gone">{t("chat.productGone")}</p>;
    return (
      <a class="msg-card" href={`/p/${encodeURIComponent(product.id)}`} data-testid="product-card">
        {product.image && <img src={product.image.url} alt="" width="64" height="64" loading="lazy" />}
        <span class="msg-card-name">{product.name}</span>
        <span class="msg-card-price">{fmt.money(product.price)}</span>
        {product.available <= 0 && <span class="card-out">{t("product.unavailable")}</span>}
      </a>
    );
  }
  const order = card.order;
  if (!order) return <p class="msg-card gone">{t("chat.orderGone")}</p>;
  return (
    <a class="msg-card" href={`/orders/${encodeURIComponent(order.id)}`} data-testid="order-card">
      <span class="msg-card-name">{t("chat.orderCard", { number: order.number })}</span>
      <span>{t("chat.orderItems", { count: fmt.number(order.itemCount) })}</span>
      <span class="msg-card-price">{fmt.money(order.total)}</span>
      <span class="msg-card-status">{isStatus(order.status) ? t(STATUS_TEXT[order.status]) : order.status}</span>
    </a>
  );
}

const TRANSFER_STATUS = {
  pending: "chat.transferPending",
  completed: "chat.transferCompleted",
  failed: "chat.transferFailed",
} as const;

/** A wallet transfer shown in a direct dialog: amount, note and its status now (read live, updated by the socket). */
export function TransferCard({ transfer }: { transfer: Schemas["Message"]["transfer"] }) {
  const { t, fmt } = useI18n();
  if (!transfer) return <p class="msg-card gone">{t("chat.transferUnavailable")}</p>;
  return (
    <div class={`msg-card transfer ${transfer.status}`} data-testid="transfer-card" data-status={transfer.status}>
      <span class="msg-card-name">{t("chat.transferCard")}</span>
      <span class="msg-card-price">{fmt.money(transfer.amount)}</span>
      {transfer.note && <span class="msg-card-note">{transfer.note}</span>}
      <span class="msg-card-status">{t(TRANSFER_STATUS[transfer.status])}</span>
    </div>
  );
}
