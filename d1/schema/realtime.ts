import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Single-use, short-lived tickets for opening realtime sockets without an Authorization header. */
export const realtimeTickets = sqliteTable(
  "realtime_tickets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    sessionId: text("session_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("realtime_tickets_user").on(t.userId, t.expiresAt)],
);
