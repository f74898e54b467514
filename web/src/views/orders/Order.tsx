import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "./commerce.css";
import { OrderActions } from "./OrderActions";
import { OrderReturns } from "./OrderReturns";
import { StatusBadge } from "./OrderStatus";
import { OrderSummary, orderPart } from "./OrderSummary";
import { loadOrder } from "./order-api";
import { Shipping } from "./Shipping";
import { Timeline } from "./Timeline";

/** /orders/:id: items, totals, where it goes, what happened, the invoice, cancel and pay. */
export function Order() {
  const { t, fmt, locale } = useI18n();
  const { params } = useRoute();
  const session = useSession();
  const id = params.id;
  const [loaded, reload] = useApi(async () => {
    const [order, timeline, me] = await Promise.all([
      loadOrder(id),
      unwrap(api.GET("/api/v1/orders/{id}/timeline", { params: { path: { id } } })),
      session ? unwrap(api.GET("/api/v1/users/me")).catch(() => null) : Promise.resolve(null),
    ]);
    // Whoever may read the order and is not its buyer is the shop's owner (or an admin).
    return { order, timeline: timeline.items, owner: Boolean(me && me.id !== order.customerId) };
  }, [id, locale, session?.accessToken]);
  useEffect(() => {
    const number = loaded.state === "ready" ? loaded.data.order.number : "";
    document.title = `${t("orders.number", { number })} · Tchat`;
  }, [t, loaded]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") return <ProblemNotice problem={loaded.problem} onRetry={reload} />;
  const { order, timeline, owner } = loaded.data;
  const address = order.shippingAddress;
  return (
    <article aria-labelledby="order-title" class="order">
      <h1 id="order-title">{t("orders.number", { number: order.number })}</h1>
      <p>
        <StatusBadge status={order.status} />
      </p>
      <OrderActions order={order} onChanged={reload} />
      <h2>{t("orders.items")}</h2>
      <ul class="lines">
        {order.items.map((item) => (
          <li key={`${item.productId}-${item.variantId ?? ""}`} class="line">
            <div class="line-body">
              <a href={`/p/${encodeURIComponent(item.productId)}`}>{item.name}</a>
              <span class="status">
                {item.quantity} × {fmt.money(item.unitPrice)}
              </span>
            </div>
            <span class="line-total">{fmt.money(item.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <OrderSummary parts={[orderPart(order)]} />
      {address && (
        <>
          <h2>{t("orders.shipTo")}</h2>
          <address data-testid="order-address">
            {address.recipientName}, {address.phone}
            <br />
            {address.street}, {address.city}, {address.province} {address.postalCode}, {address.country}
          </address>
          <p class="status">
            {order.shipping.courier} · {order.shipping.service}
            {order.shipping.trackingNumber ? ` · ${order.shipping.trackingNumber}` : ""}
          </p>
        </>
      )}
      <OrderReturns order={order} onChanged={reload} />
      <Shipping order={order} owner={owner} onChanged={reload} />
      <h2>{t("orders.timeline")}</h2>
      <Timeline items={timeline} />
    </article>
  );
}
