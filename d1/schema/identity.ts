import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
    /**
     * The hash chain (workers/identity/audit-chain.ts): a sealer gives each row, in order, its place
     * `seq` (unique, so two sealers cannot fork the chain), the previous row's hash and its own.
     * The trigger lets an update only seal a row that is not sealed yet, changing nothing else.
     */
    seq: integer("seq"),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_user").on(t.userId, t.id),
    index("audit_events_type").on(t.type, t.id),
    uniqueIndex("audit_events_seq").on(t.seq),
    index("audit_events_unsealed").on(t.hash, t.createdAt, t.id),
  ],
);

/**
 * A TOTP second factor (RFC 6238): its secret encrypted like PII, `pending` from set-up until a
 * first code enables it. `lastStep` is the time step of the last accepted code: a code is taken
 * only for a later step, so the same code cannot be replayed within its window.
 */
export const mfaTotp = sqliteTable("mfa_totp", {
  userId: text("user_id").primaryKey(),
  secretEnc: text("secret_enc").notNull(),
  status: text("status", { enum: ["pending", "enabled"] }).notNull(),
  lastStep: integer("last_step").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  enabledAt: integer("enabled_at"),
});

/** One-time recovery codes of a second factor, hashed; each works once instead of a TOTP code. */
export const mfaRecoveryCodes = sqliteTable(
  "mfa_recovery_codes",
  {
    userId: text("user_id").notNull(),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
