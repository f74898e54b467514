import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const OUTBOUND_STATUS = ["pending", "sent", "delivered", "failed"] as const;

export type OutboundStatus = (typeof OUTBOUND_STATUS)[number];

/**
 * Every SMS, email and push the platform sends: content encrypted (it may hold OTP codes and
 * addresses), recipient findable by keyed hash, status tracked per attempt.
 */
export const outboundMessages = sqliteTable(
  "outbound_messages",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: ["sms", "email", "push"] }).notNull(),
    recipientHash: text("recipient_hash").notNull(),
    contentEnc: text("content_enc").notNull(),
    locale: text("locale").notNull(),
    category: text("category").notNull(),
    status: text("status", { enum: OUTBOUND_STATUS }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("outbound_messages_recipient").on(t.recipientHash, t.createdAt),
    // Provider receipts (Twilio status callbacks, Resend webhooks) name the provider's message id.
    index("outbound_messages_provider").on(t.provider, t.providerMessageId),
    // The retention sweep.
    index("outbound_messages_created").on(t.createdAt),
  ],
);

export const RECEIPT_OUTCOMES = ["delivered", "failed", "progress"] as const;

export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];

/**
 * What providers reported about messages they took (Twilio status callbacks, Resend webhooks),
 * once per provider event: a redelivered callback is recognised by its key. Kept even when no
 * message matches yet (a callback can overtake the commit of the send it reports on); the send
 * applies any receipt already waiting when it records its provider message id.
 */
export const providerReceipts = sqliteTable(
  "provider_receipts",
  {
    provider: text("provider").notNull(),
    /** The provider's event id (Svix id), or message id and status for providers without one (Twilio). */
    receiptKey: text("receipt_key").notNull(),
    providerMessageId: text("provider_message_id").notNull(),
    outcome: text("outcome", { enum: RECEIPT_OUTCOMES }).notNull(),
    /** The provider's own word for it: "delivered", "undelivered", "email.bounced", ... */
    providerStatus: text("provider_status").notNull(),
    detail: text("detail"),
    occurredAt: integer("occurred_at").notNull(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.receiptKey] }),
    index("provider_receipts_message").on(t.provider, t.providerMessageId),
    index("provider_receipts_received").on(t.receivedAt),
  ],
);

/** Local only (DEV_OUTBOX): what would have been sent, readable at GET /api/v1/dev/outbox. */
export const devOutbox = sqliteTable(
  "dev_outbox",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: ["sms", "email", "push"] }).notNull(),
    recipient: text("recipient").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
    /** The sender's idempotency key: recorded once per key, as Resend sends once per key. */
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [
    index("dev_outbox_recipient").on(t.recipient, t.id),
    uniqueIndex("dev_outbox_idempotency_key").on(t.idempotencyKey),
  ],
);
