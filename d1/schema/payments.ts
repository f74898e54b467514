import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const PAYMENT_RECORD_STATUS = [
  "pending",
  "succeeded",
  "failed",
  "expired",
  "refunded",
  "partially_refunded",
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
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("payments_customer").on(t.customerId, t.id),
    index("payments_provider_ref").on(t.gateway, t.providerRef),
  ],
);

/** Every verified webhook event, once: the primary key makes a replayed event a no-op. */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    gateway: text("gateway").notNull(),
    eventId: text("event_id").notNull(),
    paymentId: text("payment_id").notNull(),
    outcome: text("outcome").notNull(),
    amount: integer("amount"),
    currency: text("currency"),
    accepted: integer("accepted", { mode: "boolean" }).notNull(),
    note: text("note"),
    receivedAt: integer("received_at").notNull(),
    /** Set once the event's effects are fully applied; a redelivery before that applies it again. */
    appliedAt: integer("applied_at"),
  },
  (t) => [primaryKey({ columns: [t.gateway, t.eventId] }), index("payment_events_payment").on(t.paymentId)],
);

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
