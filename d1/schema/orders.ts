import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ORDER_STATUS, PAYMENT_STATUS } from "../../schemas/orders";

/**
 * One order per shop per checkout. Money columns are integer minor units of `currency`; the total
 * is the sum of its rounded parts. Guests own their orders through the hash of their cart token.
 */
export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull().unique(),
    checkoutId: text("checkout_id").notNull(),
    shopId: text("shop_id").notNull(),
    customerId: text("customer_id"),
    guestTokenHash: text("guest_token_hash"),
    /** Keyed hash of the IP that checked out (platform/client.ts): caps open orders per IP. */
    checkoutIpHash: text("checkout_ip_hash"),
    contactEmailEnc: text("contact_email_enc"),
    status: text("status", { enum: ORDER_STATUS }).notNull(),
    paymentStatus: text("payment_status", { enum: PAYMENT_STATUS }).notNull(),
    currency: text("currency").notNull(),
    subtotal: integer("subtotal").notNull(),
    shippingCost: integer("shipping_cost").notNull(),
    tax: integer("tax").notNull(),
    discount: integer("discount").notNull(),
    total: integer("total").notNull(),
    voucherCode: text("voucher_code"),
    /** Null once erased: the buyer deleted their account and the order is delivered or closed. */
    shippingAddressEnc: text("shipping_address_enc"),
    shippingCountry: text("shipping_country").notNull(),
    /** { optionId, courier, service, etd, trackingNumber? } */
    shipping: text("shipping", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    reservationId: text("reservation_id").notNull(),
    reservationExpiresAt: integer("reservation_expires_at").notNull(),
    /** Id of the last status move: its timeline entry and event are written only if it applied. */
    lastMoveId: text("last_move_id"),
    /** The payment that paid it (a second payment for the same order is refunded). */
    paidByPaymentId: text("paid_by_payment_id"),
    paidAt: integer("paid_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("orders_customer").on(t.customerId, t.id),
    index("orders_guest").on(t.guestTokenHash, t.id),
    index("orders_shop").on(t.shopId, t.id),
    index("orders_checkout").on(t.checkoutId),
    index("orders_expiry").on(t.status, t.reservationExpiresAt),
    index("orders_checkout_ip").on(t.checkoutIpHash, t.status),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    productId: text("product_id").notNull(),
    variantId: text("variant_id"),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    lineTotal: integer("line_total").notNull(),
  },
  (t) => [index("order_items_order").on(t.orderId), index("order_items_product").on(t.productId)],
);

/** The order's timeline: every status move and notable fact (who, when, why). Append-only. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    type: text("type").notNull(),
    actorType: text("actor_type", { enum: ["customer", "guest", "seller", "admin", "system", "gateway"] }).notNull(),
    actorId: text("actor_id"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("order_events_order").on(t.orderId, t.id)],
);

/**
 * Vouchers, a shop's (shop_id set) or the platform's (shop_id null). The code is unique across the
 * platform, so a code typed at checkout names one voucher. Managed through workers/orders/voucher-admin/;
 * counted by conditional updates in the checkout's batch (vouchers.ts).
 */
export const vouchers = sqliteTable(
  "vouchers",
  {
    code: text("code").primaryKey(),
    /** The API's id; null only on rows written before vouchers had one (the code then stands in). */
    id: text("id").unique(),
    shopId: text("shop_id"),
    /** The API's "percent" is stored as "percentage" in basis points, so old rows keep their meaning. */
    type: text("type", { enum: ["percentage", "fixed", "free_shipping"] }).notNull(),
    /** Basis points for percentage (1000 = 10%); minor units of `currency` for fixed; 0 for free shipping. */
    value: integer("value").notNull(),
    currency: text("currency"),
    maxDiscount: integer("max_discount"),
    minSpend: integer("min_spend").notNull().default(0),
    perUserLimit: integer("per_user_limit").notNull().default(1),
    usageLimit: integer("usage_limit"),
    usedCount: integer("used_count").notNull().default(0),
    startsAt: integer("starts_at"),
    /** The API's endsAt. */
    expiresAt: integer("expires_at"),
    /** False once deactivated (DELETE): checkout refuses it, the row stays for its orders. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("vouchers_shop").on(t.shopId, t.createdAt)],
);

export const voucherRedemptions = sqliteTable(
  "voucher_redemptions",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull(),
    userKey: text("user_key").notNull(),
    orderId: text("order_id").notNull(),
    /** The checkout that used it: one use per checkout, however many of its orders share the discount. */
    checkoutId: text("checkout_id"),
    createdAt: integer("created_at").notNull(),
    releasedAt: integer("released_at"),
  },
  (t) => [index("voucher_redemptions_user").on(t.code, t.userKey), index("voucher_redemptions_order").on(t.orderId)],
);
