import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHAT_FLAG_REASONS, DIALOG_TYPES, MEMBER_ROLES } from "../../schemas/chat";

/**
 * Dialogs, as a projection for listing: each dialog's messages, members and receipts live in its
 * `ChatRoom` Durable Object (the authority). `direct_key` names the pair of a direct dialog (or the
 * buyer and shop of a support dialog), so parallel creates resolve to one row. The last message is
 * kept as seq, sender, kind and an encrypted preview, updated monotonically (never to an older seq).
 */
export const dialogs = sqliteTable(
  "dialogs",
  {
    id: text("id").primaryKey(),
    type: text("type", { enum: DIALOG_TYPES }).notNull(),
    name: text("name"),
    /** Support dialogs: the shop the buyer talks to (type "direct"). */
    shopId: text("shop_id"),
    directKey: text("direct_key"),
    createdBy: text("created_by").notNull(),
    memberCount: integer("member_count").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    /** lastMessageAt, or createdAt before the first message: the listing's sort key. */
    activityAt: integer("activity_at").notNull(),
    lastSeq: integer("last_seq").notNull().default(0),
    lastMessageId: text("last_message_id"),
    lastMessageAt: integer("last_message_at"),
    lastSenderId: text("last_sender_id"),
    lastKind: text("last_kind"),
    /** The last message's content, encrypted as the room stores it (PII at rest). */
    lastPreviewEnc: text("last_preview_enc"),
    lastDeleted: integer("last_deleted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("dialogs_direct_key").on(t.directKey), index("dialogs_shop").on(t.shopId)],
);

/** Who is in which dialog: for "my dialogs" and unread counts (last_seq - last_read_seq). */
export const dialogMembers = sqliteTable(
  "dialog_members",
  {
    dialogId: text("dialog_id").notNull(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    joinedAt: integer("joined_at").notNull(),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.dialogId, t.userId] }), index("dialog_members_user").on(t.userId, t.dialogId)],
);

/**
 * Presence leases: one row per user and room they have a socket in. The room renews the lease
 * while the socket lives (heartbeats) and ends it on close; a room that dies just lets it expire.
 * Online = some lease not expired.
 */
export const chatPresence = sqliteTable(
  "chat_presence",
  {
    userId: text("user_id").notNull(),
    dialogId: text("dialog_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.dialogId] })],
);

/**
 * Messages flagged for admins: automatically (off-platform payment links or phone numbers in
 * buyer–seller chats) or by a member's report. `key` makes each flag idempotent.
 */
export const chatFlags = sqliteTable(
  "chat_flags",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    dialogId: text("dialog_id").notNull(),
    messageId: text("message_id").notNull(),
    seq: integer("seq").notNull(),
    senderId: text("sender_id").notNull(),
    reason: text("reason", { enum: CHAT_FLAG_REASONS }).notNull(),
    reporterId: text("reporter_id"),
    note: text("note"),
    /** The message content at flag time, encrypted. */
    excerptEnc: text("excerpt_enc"),
    status: text("status", { enum: ["open", "resolved"] }).notNull(),
    resolvedBy: text("resolved_by"),
    resolvedAt: integer("resolved_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("chat_flags_key").on(t.key), index("chat_flags_status").on(t.status, t.id)],
);
