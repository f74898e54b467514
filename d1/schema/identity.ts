import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Role } from "../../schemas/identity";
import type { Locale } from "../../schemas/platform";

/**
 * Accounts. Phone and email are stored AES-GCM encrypted and found by keyed hash; a deleted
 * account keeps its id (orders point at it) with every piece of PII erased.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    phoneEnc: text("phone_enc"),
    phoneHash: text("phone_hash"),
    emailEnc: text("email_enc"),
    emailHash: text("email_hash"),
    passwordHash: text("password_hash"),
    country: text("country").notNull(),
    locale: text("locale").$type<Locale>().notNull(),
    timezone: text("timezone").notNull(),
    displayName: text("display_name").notNull(),
    avatarUrl: text("avatar_url"),
    status: text("status", { enum: ["active", "suspended", "deleted"] }).notNull(),
    roles: text("roles", { mode: "json" }).$type<Role[]>().notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [uniqueIndex("users_phone_hash").on(t.phoneHash), uniqueIndex("users_email_hash").on(t.emailHash)],
);

/** One signed-in device. Access tokens name their session, so revoking it stops them at once. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    deviceId: text("device_id").notNull(),
    devicePlatform: text("device_platform", { enum: ["ios", "android", "web"] }).notNull(),
    deviceName: text("device_name"),
    createdAt: integer("created_at").notNull(),
    lastActiveAt: integer("last_active_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("sessions_user").on(t.userId, t.revokedAt, t.lastActiveAt)],
);

/** Refresh tokens, hashed. Each is used once; presenting a spent one revokes its session. */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id").notNull(),
    status: text("status", { enum: ["active", "spent"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    spentAt: integer("spent_at"),
  },
  (t) => [index("refresh_tokens_session").on(t.sessionId)],
);

/** SMS sign-in codes: the code hashed, single use, few attempts, short life. */
export const otpChallenges = sqliteTable(
  "otp_challenges",
  {
    id: text("id").primaryKey(),
    phoneHash: text("phone_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    country: text("country").notNull(),
    locale: text("locale").$type<Locale>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    consumedAt: integer("consumed_at"),
  },
  (t) => [index("otp_challenges_phone").on(t.phoneHash, t.createdAt)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("password_resets_user").on(t.userId)],
);

/** Delivery addresses; everything but the country is PII and stored encrypted. */
export const addresses = sqliteTable(
  "addresses",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    country: text("country").notNull(),
    detailsEnc: text("details_enc").notNull(),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("addresses_user").on(t.userId, t.id)],
);

/** Append-only security log (a trigger refuses updates and deletes). No PII: ids and hashes only. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    userId: text("user_id"),
    actorId: text("actor_id"),
    sessionId: text("session_id"),
    ipHash: text("ip_hash"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("audit_events_user").on(t.userId, t.id), index("audit_events_type").on(t.type, t.id)],
);
