import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("outbound_messages_recipient").on(t.recipientHash, t.createdAt)],
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
  },
  (t) => [index("dev_outbox_recipient").on(t.recipient, t.id)],
);
