import type { EventOf } from "../../schemas/events";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { buyerOf, orderFacts, type Recipient, type UserLookup } from "./recipients";
import type { NotificationParams, TemplateId } from "./templates/render";

/** A notification as compose.ts plans it (its Planned, of which these fields; kept apart to import nothing back). */
interface RefundPlanned {
  recipient: Recipient;
  template: TemplateId;
  params: NotificationParams;
  data: Record<string, string>;
  dedupeKey: string;
}

/**
 * payment.refunded_by_hand: the buyer is told with the `order.refunded` template, its `total` the
 * amount this refund gave back for the order (a part refund says how much), once per event.
 */
export async function planRefundByHand(
  event: EventOf<"payment.refunded_by_hand">,
  { env, db, config, users }: { env: Env; db: Database; config: Config; users: UserLookup },
): Promise<{ notifications: RefundPlanned[]; hints: [] }> {
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
