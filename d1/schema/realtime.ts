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

/**
 * Which users have their realtime stream (UserHub) open: written only by the user's hub, when its
 * first socket opens and its last one closes, and renewed by its heartbeat (`onlineUntil`, a lease,
 * so a hub that vanished without closing stops counting). Senders skip the hub of a user with no
 * live row (workers/realtime/presence.ts). `seq` orders the hub's writes: a late, older write never
 * overwrites a newer one.
 */
export const realtimePresence = sqliteTable("realtime_presence", {
  userId: text("user_id").primaryKey(),
  onlineUntil: integer("online_until").notNull(),
  seq: integer("seq").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
