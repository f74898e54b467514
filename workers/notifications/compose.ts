import type { NotificationCategory } from "../../d1/schema/notifications";
import type { EventEnvelope } from "../../schemas/events";
import { dialogUnreadFacts } from "../chat";
import { SECURITY_ALERT } from "../identity";
import type { Config } from "../platform/config";
import type { Database } from "../platform/db";
import { CURRENCIES, type Currency } from "../platform/money";
import { PROMOTION_PRICE_DROP, PROMOTION_VOUCHER_EXPIRING } from "./events";
import type { Channel } from "./preferences";
import {
  activeUsers,
  buyerOf,
  type OrderFacts,
  orderFacts,
  parseInventoryKey,
  productFacts,
  type Recipient,
} from "./recipients";
import type { NotificationParams, TemplateId } from "./templates/render";

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
    "payment.failed": { category: "payments", channels: ["inApp", "push", "email", "sms"] },
    "seller.stock_low": { category: "orders", channels: ["inApp", "push", "email"] },
    "chat.message": { category: "chat", channels: ["inApp", "push"] },
    "security.alert": { category: "security", channels: ["inApp", "push"], urgent: true },
    "promotion.price_drop": { category: "promotions", channels: ["inApp", "push", "email"] },
    "promotion.voucher_expiring": { category: "promotions", channels: ["inApp", "push", "email"] },
  };

/** One notification to one recipient, before preferences and channels are applied. */
export interface Planned {
  recipient: Recipient;
  template: TemplateId;
  params: NotificationParams;
  /** For clients (deep links) and push data: ids only, strings. */
  data: Record<string, string>;
  /** Notifies once per key: (recipient, event, type), or (recipient, dialog, unread streak) for chat. */
  dedupeKey: string;
  /** A later event with the same key updates the notification (chat: "3 new messages"). */
  collapse?: boolean;
  /** Push collapse key: a newer push replaces an older one on the device. */
  pushCollapseKey?: string;
  /** Not worth sending after this (epoch ms). */
  expiresAt?: number;
}

/** A new-message hint for the user's realtime stream (badge), sent even for muted dialogs. */
export interface UnreadHint {
  userId: string;
  dialogId: string;
  count: number;
}

export interface Plan {
  notifications: Planned[];
  hints: UnreadHint[];
}

export interface PlanContext {
  env: Env;
  db: Database;
  config: Config;
  now: number;
}

type Planner = (event: EventEnvelope, ctx: PlanContext) => Promise<Plan>;

const EMPTY: Plan = { notifications: [], hints: [] };

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function money(v: unknown): { amount: number; currency: Currency } | undefined {
  const m = v as { amount?: unknown; currency?: unknown } | null;
  return m && Number.isSafeInteger(m.amount) && typeof m.currency === "string" && m.currency in CURRENCIES
    ? { amount: m.amount as number, currency: m.currency as Currency }
    : undefined;
}

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

/** order.created, .paid, .shipped, .delivered, .cancelled, .expired: the buyer, and the seller where it matters. */
const planOrder: Planner = async (event, { env, db, config }) => {
  const orderId = str(event.data.orderId);
  if (!orderId) return EMPTY;
  const order = (await orderFacts(env, db, [orderId])).get(orderId);
  if (!order) return EMPTY;
  const people = await activeUsers(
    env,
    db,
    [order.customerId, order.ownerId].filter((id): id is string => id !== null),
  );
  const buyer = buyerOf(order, people);
  const seller = order.ownerId ? people.get(order.ownerId) : undefined;
  const buyerLink = `${config.appBaseUrl}/orders/${order.id}`;
  const sellerLink = `${config.appBaseUrl}/seller/orders/${order.id}`;
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
  const from = str(event.data.from);
  switch (event.type) {
    case "order.created":
      add(buyer, "order.created", { ...orderParams(order, buyerLink), deadline: { at: order.reservationExpiresAt } });
      break;
    case "order.paid":
      add(buyer, "order.paid", orderParams(order, buyerLink));
      add(seller, "seller.order_paid", orderParams(order, sellerLink));
      break;
    case "order.shipped": {
      const tracking = str(event.data.trackingNumber) ?? order.trackingNumber ?? "";
      add(buyer, "order.shipped", {
        ...orderParams(order, buyerLink),
        courier: order.courier ?? "",
        tracking,
        hasTracking: tracking ? "yes" : "no",
      });
      break;
    }
    case "order.delivered":
      add(buyer, "order.delivered", orderParams(order, buyerLink));
      break;
    case "order.cancelled": {
      const wasPaid = from !== undefined && from !== "pending_payment";
      add(buyer, "order.cancelled", { ...orderParams(order, buyerLink), refund: wasPaid ? "yes" : "no" });
      // The seller only needs to know once the order was theirs to ship.
      if (wasPaid) add(seller, "seller.order_cancelled", orderParams(order, sellerLink));
      break;
    }
    case "order.expired":
      add(buyer, "order.expired", orderParams(order, buyerLink));
      break;
  }
  return { notifications: out, hints: [] };
};

/** payment.failed: the buyer of the payment's orders (one notification for the whole payment). */
const planPaymentFailed: Planner = async (event, { env, db, config }) => {
  const orderIds = Array.isArray(event.data.orderIds) ? event.data.orderIds.filter((id) => typeof id === "string") : [];
  if (orderIds.length === 0) return EMPTY;
  const facts = await orderFacts(env, db, orderIds as string[]);
  const list = (orderIds as string[]).map((id) => facts.get(id)).filter((o): o is OrderFacts => o !== undefined);
  const first = list[0];
  if (!first) return EMPTY;
  const people = await activeUsers(env, db, first.customerId ? [first.customerId] : []);
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
        data: {
          orderId: first.id,
          number: first.number,
          ...(str(event.data.paymentId) ? { paymentId: String(event.data.paymentId) } : {}),
        },
        dedupeKey: `${event.id}:${recipientKey(buyer, first.id)}:payment.failed`,
      },
    ],
    hints: [],
  };
};

/** inventory.low (from an Inventory object): the owner of the product's shop. */
const planInventoryLow: Planner = async (event, { env, db, config }) => {
  const sku = str(event.data.sku);
  const ref = sku ? parseInventoryKey(sku) : null;
  if (!sku || !ref) return EMPTY;
  const product = await productFacts(db, ref.productId, ref.variantId);
  if (!product?.ownerId) return EMPTY;
  const owner = (await activeUsers(env, db, [product.ownerId])).get(product.ownerId);
  if (!owner) return EMPTY;
  return {
    notifications: [
      {
        recipient: owner,
        template: "seller.stock_low",
        params: {
          product: product.name,
          variant: product.variantName ?? "none",
          available: Math.max(0, num(event.data.available) ?? 0),
          threshold: num(event.data.threshold) ?? 0,
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
const planChatMessage: Planner = async (event, { env, db, config }) => {
  const dialogId = str(event.data.dialogId);
  const senderId = str(event.data.senderId);
  const seq = num(event.data.seq) ?? 0;
  const recipientIds = Array.isArray(event.data.recipientIds)
    ? event.data.recipientIds.filter((id): id is string => typeof id === "string" && id !== senderId)
    : [];
  if (!dialogId || recipientIds.length === 0) return EMPTY;
  const dialog = await dialogUnreadFacts(db, dialogId, recipientIds);
  if (!dialog) return EMPTY;
  const people = await activeUsers(env, db, senderId ? [...recipientIds, senderId] : recipientIds);
  const sender = senderId ? people.get(senderId)?.displayName : undefined;
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
        kind: str(event.data.kind) ?? "text",
        link: `${config.appBaseUrl}/chats/${dialogId}`,
      },
      data: {
        dialogId,
        seq: String(seq),
        ...(str(event.data.messageId) ? { messageId: String(event.data.messageId) } : {}),
      },
      dedupeKey: `chat:${userId}:${dialogId}:${member.lastReadSeq}`,
      collapse: true,
      pushCollapseKey: dialogId,
    });
  }
  return { notifications: out, hints };
};

/** security.alert: the account's owner, on every channel the template has, quiet hours or not. */
const planSecurityAlert: Planner = async (event, { env, db, config }) => {
  const userId = str(event.data.userId);
  if (!userId) return EMPTY;
  const user = (await activeUsers(env, db, [userId])).get(userId);
  if (!user) return EMPTY;
  const alert = str(event.data.alert) ?? "other";
  return {
    notifications: [
      {
        recipient: user,
        template: "security.alert",
        params: {
          alert,
          device: str(event.data.device) ?? "",
          at: { at: num(event.data.at) ?? Date.parse(event.occurredAt) },
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
const planPriceDrop: Planner = async (event, { env, db, config }) => {
  const productId = str(event.data.productId);
  const price = money(event.data.price);
  const previous = money(event.data.previousPrice);
  const userIds = Array.isArray(event.data.userIds) ? event.data.userIds.filter((u) => typeof u === "string") : [];
  if (!productId || !price || !previous || previous.amount <= price.amount || userIds.length === 0) return EMPTY;
  const people = await activeUsers(env, db, userIds as string[]);
  const percent = Math.round(((previous.amount - price.amount) / previous.amount) * 100);
  const out: Planned[] = [];
  for (const person of people.values()) {
    out.push({
      recipient: person,
      template: "promotion.price_drop",
      params: {
        product: str(event.data.productName) ?? "",
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
const planVoucherExpiring: Planner = async (event, { env, db, config, now }) => {
  const code = str(event.data.voucherCode);
  const expiresAt = num(event.data.expiresAt);
  const userIds = Array.isArray(event.data.userIds) ? event.data.userIds.filter((u) => typeof u === "string") : [];
  if (!code || !expiresAt || expiresAt <= now || userIds.length === 0) return EMPTY;
  const people = await activeUsers(env, db, userIds as string[]);
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

const PLANNERS: Record<string, Planner> = {
  "order.created": planOrder,
  "order.paid": planOrder,
  "order.shipped": planOrder,
  "order.delivered": planOrder,
  "order.cancelled": planOrder,
  "order.expired": planOrder,
  "payment.failed": planPaymentFailed,
  "inventory.low": planInventoryLow,
  "chat.message": planChatMessage,
  [SECURITY_ALERT]: planSecurityAlert,
  [PROMOTION_PRICE_DROP]: planPriceDrop,
  [PROMOTION_VOUCHER_EXPIRING]: planVoucherExpiring,
};

/** Who an event notifies, and with what. Unknown event types notify nobody. */
export async function planFor(event: EventEnvelope, ctx: PlanContext): Promise<Plan> {
  const planner = PLANNERS[event.type];
  return planner ? planner(event, ctx) : EMPTY;
}
