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
