import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/*
 * A shop's earnings (docs/earnings.md). Amounts are integer minor units of the shop's currency.
 * Every change is a D1 batch whose first statement is a conditional update stamping a fresh
 * `last_run` token; the other statements of the batch apply only where that token is found, so a
 * change that lost its race (or repeats one already made) leaves no trace.
 */

/** The balances of one shop: what its entries add up to. */
export const shopBalances = sqliteTable("shop_balances", {
  shopId: text("shop_id").primaryKey(),
  currency: text("currency").notNull(),
  /** Paid orders not yet completed, less their refunds. */
  pending: integer("pending").notNull(),
  /** Completed orders' money the owner may pay out (negative when a refund came after a payout). */
  available: integer("available").notNull(),
  /** Payouts the bank or the wallet confirmed. */
  paidOut: integer("paid_out").notNull(),
  lastRun: text("last_run"),
  updatedAt: integer("updated_at").notNull(),
});

export const EARNING_STATES = ["pending", "available"] as const;

/** One paid order's earnings: its total, the commission, and what refunds took back. */
export const earningOrders = sqliteTable(
  "earning_orders",
  {
    orderId: text("order_id").primaryKey(),
    shopId: text("shop_id").notNull(),
    currency: text("currency").notNull(),
    gross: integer("gross").notNull(),
    commission: integer("commission").notNull(),
    net: integer("net").notNull(),
    state: text("state", { enum: EARNING_STATES }).notNull(),
    refundedGross: integer("refunded_gross").notNull().default(0),
    refundedNet: integer("refunded_net").notNull().default(0),
    paidAt: integer("paid_at").notNull(),
    completedAt: integer("completed_at"),
    version: integer("version").notNull().default(1),
    lastRun: text("last_run"),
  },
  (t) => [index("earning_orders_shop_paid").on(t.shopId, t.paidAt)],
);

/** The lines of paid orders as they were sold, for the sales reports. */
export const earningOrderLines = sqliteTable(
  "earning_order_lines",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    shopId: text("shop_id").notNull(),
    productId: text("product_id").notNull(),
    name: text("name").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotal: integer("line_total").notNull(),
    paidAt: integer("paid_at").notNull(),
  },
  (t) => [index("earning_order_lines_shop_paid").on(t.shopId, t.paidAt)],
);

/**
 * What a refunded return gave back per product (id `return:<returnId>:<line>`), dated by the
 * order's payment like its lines: the sales report's top products are net of it.
 */
export const earningLineRefunds = sqliteTable(
  "earning_line_refunds",
  {
    id: text("id").primaryKey(),
    orderId: text("order_id").notNull(),
    shopId: text("shop_id").notNull(),
    productId: text("product_id").notNull(),
    amount: integer("amount").notNull(),
    paidAt: integer("paid_at").notNull(),
  },
  (t) => [index("earning_line_refunds_shop_paid").on(t.shopId, t.paidAt)],
);

export const ENTRY_TYPES = ["sale", "release", "refund", "payout", "payout_returned"] as const;

/**
 * Every movement of a shop's balances, keyed by what caused it (an event id, `sale:<order>`, a
 * payout id), so the same cause never moves money twice. The deltas are what it did to `pending`
 * and `available`; `gross` is the order money a refund gave back (for the sales reports).
 */
export const earningEntries = sqliteTable(
  "earning_entries",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    type: text("type", { enum: ENTRY_TYPES }).notNull(),
    orderId: text("order_id"),
    payoutId: text("payout_id"),
    currency: text("currency").notNull(),
    pendingDelta: integer("pending_delta").notNull(),
    availableDelta: integer("available_delta").notNull(),
    gross: integer("gross").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("earning_entries_shop_time").on(t.shopId, t.createdAt, t.id)],
);

export const PAYOUT_STATUSES = ["pending", "paid", "failed"] as const;

/**
 * Money paid out of a shop's available balance, to the owner's wallet or a bank account (through
 * the disbursements domain, whose id is the payout's). The account number and name are personal
 * data: encrypted like a withdrawal's, the last digits kept for display.
 */
export const payouts = sqliteTable(
  "payouts",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    ownerId: text("owner_id").notNull(),
    currency: text("currency").notNull(),
    amount: integer("amount").notNull(),
    destination: text("destination", { enum: ["wallet", "bank"] }).notNull(),
    bankCode: text("bank_code"),
    accountNumberEnc: text("account_number_enc"),
    accountNameEnc: text("account_name_enc"),
    accountLast4: text("account_last4"),
    status: text("status", { enum: PAYOUT_STATUSES }).notNull(),
    failureCode: text("failure_code"),
    lastRun: text("last_run"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [index("payouts_shop").on(t.shopId, t.createdAt, t.id), index("payouts_owner").on(t.ownerId)],
);
