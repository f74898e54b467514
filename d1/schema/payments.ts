import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const PAYMENT_RECORD_STATUS = [
  "pending",
  "succeeded",
  "failed",
  "expired",
  "refunded",
  "partially_refunded",
  /** Replaced by a newer payment request for the same orders before it was paid (cancelled at its gateway where the API allows). */
  "superseded",
] as const;

export const payments = sqliteTable(
  "payments",
  {
    id: text("id").primaryKey(),
    orderIds: text("order_ids", { mode: "json" }).$type<string[]>().notNull(),
    customerId: text("customer_id"),
    guestTokenHash: text("guest_token_hash"),
    gateway: text("gateway").notNull(),
    method: text("method").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: PAYMENT_RECORD_STATUS }).notNull(),
    providerRef: text("provider_ref"),
    nextAction: text("next_action", { mode: "json" }).$type<Record<string, unknown>>(),
    failureReason: text("failure_reason"),
    refundedAmount: integer("refunded_amount").notNull().default(0),
    /**
     * A wallet top-up's payment (no orders): the pending wallet transaction it credits once paid
     * (docs/wallet.md "Top-ups"). Null for payments of orders.
     */
    walletTransactionId: text("wallet_transaction_id"),
    /** When the gateway was last asked for this payment's status (a pending payment is asked again later). */
    statusCheckedAt: integer("status_checked_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("payments_customer").on(t.customerId, t.id),
    index("payments_provider_ref").on(t.gateway, t.providerRef),
    index("payments_status_created").on(t.status, t.createdAt),
  ],
);

/**
 * The one open (pending, not superseded) payment of each order: the primary key lets only one
 * payment request at a time claim an order, whatever the race. A row whose payment is no longer
 * pending is stale and may be taken over.
 */
export const openPayments = sqliteTable(
  "open_payments",
  {
    orderId: text("order_id").primaryKey(),
    paymentId: text("payment_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("open_payments_payment").on(t.paymentId)],
);

/**
 * Every applied (accepted) gateway event, once: the primary key makes a replayed event a no-op.
 * Refused events are not kept here, so a valid retry of the same event id still applies.
 */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    paymentId: text("payment_id").notNull(),
    outcome: text("outcome").notNull(),
    amount: integer("amount"),
    currency: text("currency"),
    receivedAt: integer("received_at").notNull(),
    /** Set once the event's effects are fully applied; a redelivery before that applies it again. */
    appliedAt: integer("applied_at"),
  },
  (t) => [primaryKey({ columns: [t.gateway, t.eventId] }), index("payment_events_payment").on(t.paymentId)],
);

/** Verified gateway events that were refused (unknown payment, another gateway's payment, wrong amount), for review. */
export const paymentEventRefusals = sqliteTable(
  "payment_event_refusals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    paymentId: text("payment_id").notNull(),
    outcome: text("outcome").notNull(),
    amount: integer("amount"),
    currency: text("currency"),
    reason: text("reason").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [index("payment_event_refusals_payment").on(t.paymentId)],
);

/**
 * The sandbox gateway's own side (local and staging only): what the payer did at the "gateway",
 * so the sandbox answers status lookups like a real gateway even when its webhook was lost.
 */
export const sandboxGatewayPayments = sqliteTable("sandbox_gateway_payments", {
  paymentId: text("payment_id").primaryKey(),
  outcome: text("outcome", { enum: ["succeeded", "failed", "cancelled"] }).notNull(),
  amount: integer("amount").notNull(),
  currency: text("currency").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** One refund per (payment, order): a duplicate payment and the paying one are refunded separately. */
export const refunds = sqliteTable(
  "refunds",
  {
    id: text("id").primaryKey(),
    paymentId: text("payment_id").notNull(),
    orderId: text("order_id").notNull(),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] }).notNull(),
    providerRefundRef: text("provider_refund_ref"),
    reason: text("reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("refunds_payment_order").on(t.paymentId, t.orderId), index("refunds_order").on(t.orderId)],
);
