import type { EventOf } from "../../schemas/events";
import type { Plan, PlanContext } from "./plan";
import { buyerOf, orderFacts } from "./recipients";

/**
 * payment.refunded_by_hand: the buyer is told with the `order.refunded` template, its `total` the
 * amount this refund gave back for the order (a part refund says how much), once per event.
 */
export async function planRefundByHand(
  event: EventOf<"payment.refunded_by_hand">,
  { env, db, config, users }: PlanContext,
): Promise<Plan> {
  const { orderId, amount } = event.data;
  const order = (await orderFacts(env, db, [orderId])).get(orderId);
  if (!order || amount.amount <= 0) return { notifications: [], hints: [] };
  const people = await users(order.customerId ? [order.customerId] : []);
  const buyer = buyerOf(order, people);
  if (!buyer) return { notifications: [], hints: [] };
  const params = {
    number: order.number,
    shop: order.shopName,
    items: order.units,
    total: amount,
    link: `${config.appBaseUrl}/orders/${orderId}`,
  };
  const data = { orderId, number: order.number, shopId: order.shopId };
  const dedupeKey = `${event.id}:${buyer.userId ?? `guest:${orderId}`}:order.refunded`;
  return { notifications: [{ recipient: buyer, template: "order.refunded", params, data, dedupeKey }], hints: [] };
}
