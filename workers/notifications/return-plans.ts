import type { EventOf, ReturnEventType } from "../../schemas/events";
import type { Plan, PlanContext, Planned } from "./plan";
import { buyerOf, orderFacts, type Recipient } from "./recipients";
import type { TemplateId } from "./templates/render";

const STEP: Record<ReturnEventType, string> = {
  "return.requested": "requested",
  "return.approved": "approved",
  "return.rejected": "rejected",
  "return.received": "received",
  "return.refunded": "refunded",
};

/**
 * return.requested, .approved, .rejected, .received, .refunded: the buyer and the shop's owner,
 * each in their own language (the templates' `step` select), once per event and recipient.
 */
export async function planReturn(
  event: EventOf<ReturnEventType>,
  { env, db, config, users }: PlanContext,
): Promise<Plan> {
  const { orderId, returnId, refundAmount, note } = event.data;
  const order = (await orderFacts(env, db, [orderId])).get(orderId);
  if (!order) return { notifications: [], hints: [] };
  const people = await users([order.customerId, order.ownerId].filter((id): id is string => id !== null));
  const buyer = buyerOf(order, people);
  const seller = order.ownerId ? people.get(order.ownerId) : undefined;
  const params = {
    number: order.number,
    shop: order.shopName,
    refundAmount,
    step: STEP[event.type],
    note: note ?? "",
    hasNote: note ? "yes" : "no",
  };
  const data = { orderId, returnId, number: order.number, shopId: order.shopId };
  const out: Planned[] = [];
  const add = (to: Recipient | null | undefined, template: TemplateId, link: string) => {
    if (!to) return;
    out.push({
      recipient: to,
      template,
      params: { ...params, link },
      data,
      dedupeKey: `${event.id}:${to.userId ?? `guest:${orderId}`}:${template}`,
    });
  };
  add(buyer, "return.update", `${config.appBaseUrl}/orders/${orderId}`);
  add(seller, "seller.return_update", `${config.appBaseUrl}/seller/${order.shopId}/returns`);
  return { notifications: out, hints: [] };
}
