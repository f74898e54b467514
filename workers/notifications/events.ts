import type { EventOf, EventType } from "../../schemas/events";
import type { Money } from "../platform/money";
import { createEvent } from "../platform/outbox";

/**
 * Events of the notifications domain. The others it consumes are announced by their own domains:
 * order.* (orders), payment.failed (payments), inventory.low (inventory objects), chat.message (chat),
 * security.alert (identity), return.* (returns), shipment.pickup_placed (logistics' cron).
 */

/** One delivery of one notification on one channel, ready to be sent (notifications queue). */
export const NOTIFICATION_DELIVER = "notification.deliver";

/** A product's price fell: `{ productId, productName, price, previousPrice, userIds }`. */
export const PROMOTION_PRICE_DROP = "promotion.price_drop";

/** A voucher the users hold expires soon: `{ voucherCode, expiresAt (epoch ms), userIds }`. */
export const PROMOTION_VOUCHER_EXPIRING = "promotion.voucher_expiring";

/** Every event type the notification consumer turns into notifications. */
export const NOTIFIED_EVENT_TYPES = [
  "order.created",
  "order.paid",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.expired",
  "order.refunded",
  "payment.failed",
  "payment.refunded_by_hand",
  "inventory.low",
  "chat.message",
  "security.alert",
  PROMOTION_PRICE_DROP,
  PROMOTION_VOUCHER_EXPIRING,
  "return.requested",
  "return.approved",
  "return.rejected",
  "return.received",
  "return.refunded",
  "shipment.pickup_placed",
] as const satisfies readonly EventType[];

export type NotifiedEventType = (typeof NOTIFIED_EVENT_TYPES)[number];

export function priceDropEvent(input: {
  productId: string;
  productName: string;
  price: Money;
  previousPrice: Money;
  userIds: string[];
  actorId?: string;
}): EventOf<"promotion.price_drop"> {
  const { actorId, ...data } = input;
  return createEvent(PROMOTION_PRICE_DROP, data, {
    actor: actorId ? { type: "admin", id: actorId } : { type: "system" },
    subject: { type: "product", id: input.productId },
  });
}

export function voucherExpiringEvent(input: {
  voucherCode: string;
  expiresAt: number;
  userIds: string[];
  actorId?: string;
}): EventOf<"promotion.voucher_expiring"> {
  const { actorId, ...data } = input;
  return createEvent(PROMOTION_VOUCHER_EXPIRING, data, {
    actor: actorId ? { type: "admin", id: actorId } : { type: "system" },
    subject: { type: "voucher", id: input.voucherCode },
  });
}

/**
 * The event that sends one delivery. Its id derives from the delivery and the hop (a delivery
 * deferred longer than a queue may delay hops again), so sending it twice is applied once.
 */
export function deliverEvent(deliveryId: string, notificationId: string, hop = 0): EventOf<"notification.deliver"> {
  return createEvent(
    NOTIFICATION_DELIVER,
    { deliveryId, hop },
    { subject: { type: "notification", id: notificationId }, id: `evt_${deliveryId}_${hop}` },
  );
}
