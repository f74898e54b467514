import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const NOTIFICATION_CATEGORIES = ["orders", "chat", "payments", "promotions", "security"] as const;

export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const DELIVERY_CHANNELS = ["inApp", "sms", "email", "push"] as const;

export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUS = ["pending", "sent", "delivered", "failed", "expired"] as const;

export type DeliveryStatus = (typeof DELIVERY_STATUS)[number];

export const DEVICE_PLATFORMS = ["ios", "android", "web"] as const;

/**
 * Notifications: one per recipient and what happened to them. `dedupe_key` makes a redelivered
 * event notify once (recipient, event id, type; a chat burst shares one key per unread streak, so
 * its row is updated rather than repeated). `params` are the template's locale-free values, so the
 * text can be rendered again in the reader's current language; `title`/`body` are the text as
 * rendered for `locale` when it was created. Guests (orders without an account) have no user and
 * no inbox: their row only anchors the email delivery.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id"),
    type: text("type").notNull(),
    category: text("category", { enum: NOTIFICATION_CATEGORIES }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    locale: text("locale").notNull(),
    /** Listed by GET /notifications (false when the recipient turned in-app off, and for guests). */
    inbox: integer("inbox", { mode: "boolean" }).notNull(),
    eventId: text("event_id").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    readAt: integer("read_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe").on(t.dedupeKey),
    index("notifications_inbox").on(t.userId, t.inbox, t.createdAt, t.id),
    index("notifications_unread").on(t.userId, t.inbox, t.readAt),
    index("notifications_event").on(t.eventId),
    // The retention sweep.
    index("notifications_created").on(t.createdAt),
  ],
);

/**
 * Per-user choices: channels × categories (JSON objects of booleans; absent keys take the
 * defaults) and quiet hours as "HH:MM" wall-clock times in the user's own time zone.
 */
export const notificationPreferences = sqliteTable("notification_preferences", {
  userId: text("user_id").primaryKey(),
  channels: text("channels", { mode: "json" }).$type<Record<string, boolean>>().notNull(),
  categories: text("categories", { mode: "json" }).$type<Record<string, boolean>>().notNull(),
  quietStart: text("quiet_start"),
  quietEnd: text("quiet_end"),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * One delivery of a notification on one channel (and, for push, to one device). SMS, email and
 * push deliveries link the tracked `outbound_messages` row that holds their encrypted content.
 * `not_before` defers a delivery past the recipient's quiet hours; `expires_at` gives up on it.
 */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    notificationId: text("notification_id").notNull(),
    userId: text("user_id"),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    /** The device id for push; empty for the other channels. */
    target: text("target").notNull().default(""),
    dedupeKey: text("dedupe_key").notNull(),
    status: text("status", { enum: DELIVERY_STATUS }).notNull(),
    urgent: integer("urgent", { mode: "boolean" }).notNull().default(false),
    notBefore: integer("not_before"),
    expiresAt: integer("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    outboundMessageId: text("outbound_message_id"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    sentAt: integer("sent_at"),
    /** When the provider (or the device, for push) confirmed it reached the recipient. */
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    uniqueIndex("notification_deliveries_dedupe").on(t.dedupeKey),
    index("notification_deliveries_notification").on(t.notificationId),
    index("notification_deliveries_status").on(t.status, t.updatedAt),
    index("notification_deliveries_user").on(t.userId),
    // Provider receipts find the delivery through its tracked message.
    index("notification_deliveries_message").on(t.outboundMessageId),
  ],
);

/**
 * Push device tokens (FCM registration tokens), encrypted and found by keyed hash: a token names
 * one app install. Bound to the session that registered it, so a signed-out device gets no pushes.
 */
export const notificationDevices = sqliteTable(
  "notification_devices",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    sessionId: text("session_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    tokenEnc: text("token_enc").notNull(),
    platform: text("platform", { enum: DEVICE_PLATFORMS }).notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("notification_devices_token").on(t.tokenHash),
    index("notification_devices_user").on(t.userId, t.createdAt),
  ],
);
