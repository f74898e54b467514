import type { NotificationCategory } from "../../d1/schema/notifications";
import type { DomainEvent, EventOf, EventType } from "../../schemas/events";
import { dialogUnreadFacts } from "../chat";
import { NOTIFIED_EVENT_TYPES, type NotifiedEventType } from "./events";
import { planPickupPlaced } from "./pickup-plans";
import type { Plan, PlanContext, Planned, UnreadHint } from "./plan";
import type { Channel } from "./preferences";
import {
  buyerOf,
  type OrderFacts,
  orderFacts,
  parseInventoryKey,
  productFacts,
  type Recipient,
  type UserLookup,
  userLookup,
} from "./recipients";
import { planRefundByHand } from "./refund-plans";
import { planReturn } from "./return-plans";
import type { NotificationParams, TemplateId } from "./templates/render";

export type { Plan, PlanContext, Planned, UnreadHint } from "./plan";

/**
 * What each kind of notification is: its category (which preference switch governs it), the
 * channels it may use, and whether it is urgent (never held back by quiet hours). SMS costs money
 * and interrupts, so only messages that need acting on soon use it.
 */
export const TEMPLATE_META: Record<TemplateId, { category: NotificationCategory; channels: Channel[]; urgent?: true }> =
  {
    "order.created": { category: "orders", channels: ["inApp", "push", "email"] },
    "order.paid": { category: "orders", channels: ["inApp", "push", "email"] },
    "seller.order_paid": { category: "orders", channels: ["inApp", "push", "email"] },
    "order.shipped": { category: "orders", channels: ["inApp", "push", "email", "sms"] },
    "order.delivered": { category: "orders", channels: ["inApp", "push", "email"] },
    "order.cancelled": { category: "orders", channels: ["inApp", "push", "email"] },
    "seller.order_cancelled": { category: "orders", channels: ["inApp", "push", "email"] },
    "order.expired": { category: "orders", channels: ["inApp", "push", "email"] },
    "order.refunded": { category: "orders", channels: ["inApp", "push", "email"] },
    "payment.failed": { category: "payments", channels: ["inApp", "push", "email", "sms"] },
    "seller.stock_low": { category: "orders", channels: ["inApp", "push", "email"] },
    "chat.message": { category: "chat", channels: ["inApp", "push"] },
    "security.alert": { category: "security", channels: ["inApp", "push"], urgent: true },
    "promotion.price_drop": { category: "promotions", channels: ["inApp", "push", "email"] },
    "promotion.voucher_expiring": { category: "promotions", channels: ["inApp", "push", "email"] },
    "return.update": { category: "orders", channels: ["inApp", "push", "email"] },
    "seller.return_update": { category: "orders", channels: ["inApp", "push", "email"] },
    "seller.pickup_placed": { category: "orders", channels: ["inApp", "push", "email"] },
  };

/** What planFor is given: the users' lookup defaults to one query per planner call. */
export type PlanInput = Omit<PlanContext, "users"> & { users?: UserLookup };

/** Plans the notifications of one event type; the event arrives parsed by its schema. */
type Planner<T extends EventType> = (event: EventOf<T>, ctx: PlanContext) => Promise<Plan>;

const EMPTY: Plan = { notifications: [], hints: [] };

const recipientKey = (r: Recipient, fallback: string) => r.userId ?? `guest:${fallback}`;

function orderParams(order: OrderFacts, link: string): NotificationParams {
  return {
    number: order.number,
    shop: order.shopName,
    items: order.units,
    total: { amount: order.total, currency: order.currency },
    link,
  };
}

/** order.created, .paid, .shipped, .delivered, .cancelled, .expired, .refunded: the buyer, and the seller where it matters. */
type OrderEventType = Extract<NotifiedEventType, `order.${string}`>;

const planOrder: Planner<OrderEventType> = async (event, { env, db, config, users }) => {
  const { orderId } = event.data;
  const order = (await orderFacts(env, db, [orderId])).get(orderId);
  if (!order) return EMPTY;
  const people = await users([order.customerId, order.ownerId].filter((id): id is string => id !== null));
  const buyer = buyerOf(order, people);
  const seller = order.ownerId ? people.get(order.ownerId) : undefined;
  // One order page for both: the web app shows the shop's owner the seller's side (booking, label, pickup).
  const link = `${config.appBaseUrl}/orders/${order.id}`;
  const data = { orderId: order.id, number: order.number, shopId: order.shopId };
  const out: Planned[] = [];
  const add = (to: Recipient | null | undefined, template: TemplateId, params: NotificationParams) => {
    if (!to) return;
    out.push({
      recipient: to,
      template,
      params,
      data,
      dedupeKey: `${event.id}:${recipientKey(to, order.id)}:${template}`,
    });
  };
  switch (event.type) {
    case "order.created":
      add(buyer, "order.created", { ...orderParams(order, link), deadline: { at: order.reservationExpiresAt } });
      break;
    case "order.paid":
      add(buyer, "order.paid", orderParams(order, link));
      add(seller, "seller.order_paid", orderParams(order, link));
      break;
    case "order.shipped": {
      const tracking = event.data.trackingNumber || order.trackingNumber || "";
      add(buyer, "order.shipped", {
        ...orderParams(order, link),
        courier: order.courier ?? "",
        tracking,
        hasTracking: tracking ? "yes" : "no",
      });
      break;
    }
    case "order.delivered":
      add(buyer, "order.delivered", orderParams(order, link));
      break;
    case "order.cancelled": {
      const wasPaid = event.data.from !== "pending_payment";
      add(buyer, "order.cancelled", { ...orderParams(order, link), refund: wasPaid ? "yes" : "no" });
      // The seller only needs to know once the order was theirs to ship.
      if (wasPaid) add(seller, "seller.order_cancelled", orderParams(order, link));
      break;
    }
    case "order.expired":
      add(buyer, "order.expired", orderParams(order, link));
      break;
    case "order.refunded":
      // A returned order's refund is announced by its return (return.refunded) already.
      if (event.data.from !== "returned") add(buyer, "order.refunded", orderParams(order, link));
      break;
  }
  return { notifications: out, hints: [] };
};

/** payment.failed: the buyer of the payment's orders (one notification for the whole payment). */
const planPaymentFailed: Planner<"payment.failed"> = async (event, { env, db, config, users }) => {
  const { orderIds, paymentId } = event.data;
  if (orderIds.length === 0) return EMPTY;
  const facts = await orderFacts(env, db, orderIds);
  const list = orderIds.map((id) => facts.get(id)).filter((o): o is OrderFacts => o !== undefined);
  const first = list[0];
  if (!first) return EMPTY;
  const people = await users(first.customerId ? [first.customerId] : []);
  const buyer = buyerOf(first, people);
  if (!buyer) return EMPTY;
  const total = list.filter((o) => o.currency === first.currency).reduce((sum, o) => sum + o.total, 0);
  return {
    notifications: [
      {
        recipient: buyer,
        template: "payment.failed",
        params: {
          number: first.number,
          orders: list.length,
          total: { amount: total, currency: first.currency },
          link: `${config.appBaseUrl}/orders/${first.id}`,
        },
        data: { orderId: first.id, number: first.number, paymentId },
        dedupeKey: `${event.id}:${recipientKey(buyer, first.id)}:payment.failed`,
      },
    ],
    hints: [],
  };
};

/** inventory.low (from an Inventory object): the owner of the product's shop. */
const planInventoryLow: Planner<"inventory.low"> = async (event, { db, config, users }) => {
  const { sku, available, threshold } = event.data;
  const ref = parseInventoryKey(sku);
  if (!ref) return EMPTY;
  const product = await productFacts(db, ref.productId, ref.variantId);
  if (!product?.ownerId) return EMPTY;
  const owner = (await users([product.ownerId])).get(product.ownerId);
  if (!owner) return EMPTY;
  return {
    notifications: [
      {
        recipient: owner,
        template: "seller.stock_low",
        params: {
          product: product.name,
          variant: product.variantName ?? "none",
          available: Math.max(0, available),
          threshold,
          link: `${config.appBaseUrl}/seller/products/${product.productId}`,
        },
        data: {
          productId: product.productId,
          shopId: product.shopId,
          sku,
          ...(ref.variantId ? { variantId: ref.variantId } : {}),
        },
        dedupeKey: `${event.id}:${owner.userId}:seller.stock_low`,
      },
    ],
    hints: [],
  };
};

/**
 * chat.message (members with no socket on the room when it was sent): an unread hint for every
 * one of them, and a notification unless they muted the dialog. One notification per unread
 * streak: the next message updates it ("3 new messages") until the member reads the dialog.
 */
const planChatMessage: Planner<"chat.message"> = async (event, { db, config, users }) => {
  const { dialogId, senderId, seq, kind, messageId } = event.data;
  const recipientIds = event.data.recipientIds.filter((id) => id !== senderId);
  if (recipientIds.length === 0) return EMPTY;
  const dialog = await dialogUnreadFacts(db, dialogId, recipientIds);
  if (!dialog) return EMPTY;
  const people = await users([...recipientIds, senderId]);
  const sender = people.get(senderId)?.displayName;
  const out: Planned[] = [];
  const hints: UnreadHint[] = [];
  for (const userId of recipientIds) {
    const member = dialog.members.get(userId);
    const person = people.get(userId);
    if (!member || !person) continue;
    const count = Math.max(dialog.lastSeq, seq) - member.lastReadSeq;
    if (count <= 0) continue;
    hints.push({ userId, dialogId, count });
    if (member.muted) continue;
    out.push({
      recipient: person,
      template: "chat.message",
      params: {
        sender: sender ?? "Tchat",
        dialog: dialog.name ?? "",
        group: dialog.type === "direct" ? "no" : "yes",
        count,
        kind: kind || "text",
        link: `${config.appBaseUrl}/chats/${dialogId}`,
      },
      data: { dialogId, seq: String(seq), messageId },
      dedupeKey: `chat:${userId}:${dialogId}:${member.lastReadSeq}`,
      collapse: true,
      pushCollapseKey: dialogId,
    });
  }
  return { notifications: out, hints };
};

/** security.alert: the account's owner, on every channel the template has, quiet hours or not. */
const planSecurityAlert: Planner<"security.alert"> = async (event, { config, users }) => {
  const { userId, alert, device, at } = event.data;
  const user = (await users([userId])).get(userId);
  if (!user) return EMPTY;
  return {
    notifications: [
      {
        recipient: user,
        template: "security.alert",
        params: {
          alert,
          device: device ?? "",
          at: { at },
          link: `${config.appBaseUrl}/settings/security`,
        },
        data: { alert },
        dedupeKey: `${event.id}:${userId}:security.alert`,
      },
    ],
    hints: [],
  };
};

/** promotion.price_drop: each listed user once per product and price (a repeated trigger notifies nobody twice). */
const planPriceDrop: Planner<"promotion.price_drop"> = async (event, { config, users }) => {
  const { productId, productName, price, previousPrice: previous, userIds } = event.data;
  if (price.currency !== previous.currency || previous.amount <= price.amount || userIds.length === 0) return EMPTY;
  const people = await users(userIds);
  const percent = Math.round(((previous.amount - price.amount) / previous.amount) * 100);
  const out: Planned[] = [];
  for (const person of people.values()) {
    out.push({
      recipient: person,
      template: "promotion.price_drop",
      params: {
        product: productName,
        price,
        previousPrice: previous,
        percent,
        link: `${config.appBaseUrl}/products/${productId}`,
      },
      data: { productId },
      dedupeKey: `promo:${person.userId}:price_drop:${productId}:${price.currency}:${price.amount}`,
    });
  }
  return { notifications: out, hints: [] };
};

/** promotion.voucher_expiring: each listed user once per voucher; pointless after it expires. */
const planVoucherExpiring: Planner<"promotion.voucher_expiring"> = async (event, { config, now, users }) => {
  const { voucherCode: code, expiresAt, userIds } = event.data;
  if (expiresAt <= now || userIds.length === 0) return EMPTY;
  const people = await users(userIds);
  return {
    notifications: [...people.values()].map((person) => ({
      recipient: person,
      template: "promotion.voucher_expiring" as const,
      params: { code, expires: { at: expiresAt }, link: `${config.appBaseUrl}/vouchers` },
      data: { voucherCode: code },
      dedupeKey: `promo:${person.userId}:voucher:${code}:${expiresAt}`,
      expiresAt,
    })),
    hints: [],
  };
};

const PLANNERS: { [T in NotifiedEventType]: Planner<T> } = {
  "order.created": (event, ctx) => planOrder(event, ctx),
  "order.paid": (event, ctx) => planOrder(event, ctx),
  "order.shipped": (event, ctx) => planOrder(event, ctx),
  "order.delivered": (event, ctx) => planOrder(event, ctx),
  "order.cancelled": (event, ctx) => planOrder(event, ctx),
  "order.expired": (event, ctx) => planOrder(event, ctx),
  "order.refunded": (event, ctx) => planOrder(event, ctx),
  "payment.failed": planPaymentFailed,
  "payment.refunded_by_hand": planRefundByHand,
  "inventory.low": planInventoryLow,
  "chat.message": planChatMessage,
  "security.alert": planSecurityAlert,
  "promotion.price_drop": planPriceDrop,
  "promotion.voucher_expiring": planVoucherExpiring,
  "return.requested": planReturn,
  "return.approved": planReturn,
  "return.rejected": planReturn,
  "return.received": planReturn,
  "return.refunded": planReturn,
  "shipment.pickup_placed": planPickupPlaced,
};

function isNotified(event: DomainEvent): event is EventOf<NotifiedEventType> {
  return (NOTIFIED_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Who an event notifies, and with what. Other event types notify nobody. */
export async function planFor(event: DomainEvent, input: PlanInput): Promise<Plan> {
  if (!isNotified(event)) return EMPTY;
  const ctx = { ...input, users: input.users ?? userLookup(input.env, input.db) };
  return (PLANNERS[event.type] as Planner<NotifiedEventType>)(event, ctx);
}
