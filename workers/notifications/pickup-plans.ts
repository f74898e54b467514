import type { EventOf } from "../../schemas/events";
import type { Plan, PlanContext, Planned } from "./plan";
import { orderFacts } from "./recipients";

/**
 * shipment.pickup_placed (logistics' cron placed a pickup that waited for the courier): the shop's
 * owner, in their language, with the parcel's tracking number and the window in their time zone.
 * Once per event (its id is the shipment's) and owner. A pickup the seller's own request placed at
 * once raises no event: they saw it on the page.
 */
export async function planPickupPlaced(
  event: EventOf<"shipment.pickup_placed">,
  { env, db, config, users }: PlanContext,
): Promise<Plan> {
  const { orderId, shipmentId, courier, trackingNumber, from, until } = event.data;
  const order = (await orderFacts(env, db, [orderId])).get(orderId);
  const owner = order?.ownerId ? (await users([order.ownerId])).get(order.ownerId) : undefined;
  if (!order || !owner) return { notifications: [], hints: [] };
  const notification: Planned = {
    recipient: owner,
    template: "seller.pickup_placed",
    params: {
      number: order.number,
      shop: order.shopName,
      courier,
      tracking: trackingNumber,
      // formatRange refuses a span that ends before it starts; a courier's odd answer still reads.
      window: { from: Math.min(from, until), until: Math.max(from, until) },
      // The order's page is where the seller sees the parcel and its pickup.
      link: `${config.appBaseUrl}/orders/${orderId}`,
    },
    data: { orderId, shipmentId, number: order.number, shopId: order.shopId, trackingNumber },
    dedupeKey: `${event.id}:${owner.userId}:seller.pickup_placed`,
  };
  return { notifications: [notification], hints: [] };
}
