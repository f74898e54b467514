import type { EventOf, ReturnEventType } from "../../schemas/events";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { buyerOf, orderFacts, type Recipient, type UserLookup } from "./recipients";
import type { NotificationParams, TemplateId } from "./templates/render";

/** A notification as compose.ts plans it (its Planned, of which these fields; kept apart to import nothing back). */
interface ReturnPlanned {
  recipient: Recipient;
  template: TemplateId;
  params: NotificationParams;
  data: Record<string, string>;
  dedupeKey: string;
}

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
  { env, db, config, users }: { env: Env; db: Database; config: Config; users: UserLookup },
): Promise<{ notifications: ReturnPlanned[]; hints: [] }> {
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
  const out: ReturnPlanned[] = [];
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
