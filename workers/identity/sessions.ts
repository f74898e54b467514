import type { z } from "@hono/zod-openapi";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { refreshTokens, sessions, users } from "../../d1/schema/identity";
import type { Country, DeviceSchema, TokensSchema } from "../../schemas/identity";
import type { AppEnv } from "../app-env";
import { COUNTRY_TIMEZONE } from "../i18n/catalog";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId, randomToken, sha256Hex } from "../platform/ids";
import { drainSoon, recordEvent } from "../platform/outbox";
import { accountMessageWrites, sendAccountMessagesNow } from "./account-messages";
import { auditWrite } from "./audit";
import { securityAlertEvent } from "./events";
import { afterSignIn, type IdentityHooks } from "./hooks";
import { presentUser, type UserRow, userContact } from "./present";
import { sessionUnexpired } from "./session-liveness";
import { issueAccessToken } from "./tokens";

export type Device = z.infer<typeof DeviceSchema>;
type Tokens = z.infer<typeof TokensSchema>;

/** Sign-ins that name no device are counted as one anonymous web device. */
export const UNNAMED_DEVICE: Device = { id: "unnamed-web", platform: "web" };

/** Refresh tokens are `<session id>.<256 random bits>`, stored as SHA-256 only. */
function newRefreshToken(sessionId: string): string {
  return `${sessionId}.${randomToken(32)}`;
}

async function tokensFor(
  c: Context<AppEnv>,
  user: UserRow,
  sessionId: string,
  refreshToken: string,
  isNewUser: boolean,
): Promise<Tokens> {
  const access = await issueAccessToken(c.env, c.get("config"), { userId: user.id, sessionId, roles: user.roles });
  return {
    accessToken: access.token,
    refreshToken,
    tokenType: "Bearer",
    expiresIn: access.expiresIn,
    user: await presentUser(c.env, user),
    isNewUser,
  };
}

/** What sign-up knows of a new account; the rest of its row is the same for every account. */
export type NewAccount = Pick<
  UserRow,
  "phoneEnc" | "phoneHash" | "emailEnc" | "emailHash" | "passwordHash" | "country" | "locale" | "displayName"
>;

/**
 * Opens a new account and its first session in one batch: the user row, the audit entry and a
 * welcome message (by SMS and/or email, in the account's language), then sends the welcome at once.
 */
export async function openAccount(
  c: Context<AppEnv>,
  account: NewAccount,
  signUp: { method: "otp" | "register"; device: Device; ipHash: string; hooks: IdentityHooks },
): Promise<Tokens> {
  const db = database(c.env);
  const now = nowMs();
  const user: UserRow = {
    ...account,
    id: newId("usr"),
    timezone: COUNTRY_TIMEZONE[account.country as Country],
    avatarUrl: null,
    status: "active",
    roles: ["customer"],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const welcome = await accountMessageWrites(c.env, db, await userContact(c.env, user), "welcome", {
    name: user.displayName,
  });
  const tokens = await startSession(c, user, signUp.device, {
    isNewUser: true,
    method: signUp.method,
    hooks: signUp.hooks,
    writes: [
      db.insert(users).values(user),
      auditWrite(db, {
        type: "user_registered",
        userId: user.id,
        ipHash: signUp.ipHash,
        data: { method: signUp.method === "otp" ? "otp" : "email", country: user.country },
      }),
      ...welcome.writes,
    ],
  });
  await sendAccountMessagesNow(c.env, welcome.events);
  return tokens;
}

/**
 * A fresh session for a successful sign-in: new tokens every time; beyond MAX_SESSIONS_PER_USER
 * live sessions the least recently active one ends; a device this account has never used gets
 * an alert. `writes` from the caller (e.g. the new user row) commit in the same batch.
 */
export async function startSession(
  c: Context<AppEnv>,
  user: UserRow,
  device: Device,
  options: {
    isNewUser: boolean;
    method: "otp" | "password" | "register";
    hooks: IdentityHooks;
    writes?: BatchItem<"sqlite">[];
  },
): Promise<Tokens> {
  const db = database(c.env);
  const { identity } = c.get("config");
  const now = nowMs();
  const sessionId = newId("ses");
  const refreshToken = newRefreshToken(sessionId);
  const ipHash = await clientIpHash(c);

  const [live, seenDevice] = options.isNewUser
    ? [[], undefined]
    : await Promise.all([
        db
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.userId, user.id), sessionUnexpired(now)))
          .orderBy(asc(sessions.lastActiveAt)),
        db
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.userId, user.id), eq(sessions.deviceId, device.id)))
          .limit(1)
          .get(),
      ]);
  const evicted = live.slice(0, Math.max(0, live.length - identity.maxSessionsPerUser + 1)).map((s) => s.id);

  const writes: BatchItem<"sqlite">[] = [...(options.writes ?? [])];
  writes.push(
    db.insert(sessions).values({
      id: sessionId,
      userId: user.id,
      deviceId: device.id,
      devicePlatform: device.platform,
      deviceName: device.name ?? null,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: now + identity.refreshTokenTtlSeconds * 1000,
    }),
    db
      .insert(refreshTokens)
      .values({ tokenHash: await sha256Hex(refreshToken), sessionId, status: "active", createdAt: now }),
    auditWrite(db, {
      type: "sign_in",
      userId: user.id,
      sessionId,
      ipHash,
      data: { method: options.method, device: device.platform },
    }),
  );
  if (evicted.length > 0) {
    writes.push(
      db.update(sessions).set({ revokedAt: now, revokedReason: "session_limit" }).where(inArray(sessions.id, evicted)),
      auditWrite(db, { type: "session_evicted", userId: user.id, sessionId, data: { evicted } }),
    );
  }
  const alert =
    !options.isNewUser && !seenDevice ? await newDeviceAlert(c.env, db, user, device, now) : { writes: [], events: [] };
  writes.push(...alert.writes);
  const [first, ...rest] = writes;
  await db.batch([first, ...rest]);
  await sendAccountMessagesNow(c.env, alert.events);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  await afterSignIn(c, options.hooks, user.id);
  return tokensFor(c, user, sessionId, refreshToken, options.isNewUser);
}

/**
 * A sign-in from a device this account has never used: the owner is told by SMS and email at once
 * and, through a `security.alert` event, in the app.
 */
async function newDeviceAlert(env: Env, db: Database, user: UserRow, device: Device, now: number) {
  const name = device.name ?? device.platform;
  const alert = await accountMessageWrites(env, db, await userContact(env, user), "new_device", {
    device: name,
    platform: device.platform,
    time: new Date(now),
  });
  const event = securityAlertEvent(user.id, "new_sign_in", { device: name, at: new Date(now) });
  return { writes: [...alert.writes, recordEvent(db, "notifications", event)], events: alert.events };
}

/**
 * Exchanges a refresh token for new tokens, once: the token is spent by one atomic update, so of
 * concurrent refreshes exactly one wins. A spent token presented again means it leaked: the
 * whole session is revoked (401 token_reused).
 */
export async function refreshSession(c: Context<AppEnv>, refreshToken: string): Promise<Tokens> {
  const db = database(c.env);
  const now = nowMs();
  const tokenHash = await sha256Hex(refreshToken);
  const spent = await db
    .update(refreshTokens)
    .set({ status: "spent", spentAt: now })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), eq(refreshTokens.status, "active")))
    .returning({ sessionId: refreshTokens.sessionId })
    .get();
  if (!spent) {
    const known = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get();
    if (known) {
      const session = await db
        .select({ userId: sessions.userId })
        .from(sessions)
        .where(eq(sessions.id, known.sessionId))
        .get();
      await db.batch([
        db
          .update(sessions)
          .set({ revokedAt: now, revokedReason: "refresh_token_reused" })
          .where(and(eq(sessions.id, known.sessionId), isNull(sessions.revokedAt))),
        auditWrite(db, {
          type: "refresh_token_reused",
          userId: session?.userId,
          sessionId: known.sessionId,
          ipHash: await clientIpHash(c),
        }),
      ]);
      throw new ApiError(
        "token_reused",
        "This refresh token was already used, so the session has been signed out for safety. Sign in again.",
      );
    }
    throw new ApiError("unauthorized", "Unknown refresh token. Sign in again.");
  }
  const row = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, spent.sessionId), sessionUnexpired(now)))
    .get();
  if (row?.user.status !== "active") {
    throw new ApiError("unauthorized", "This session has ended. Sign in again.");
  }
  const next = newRefreshToken(row.session.id);
  await db.batch([
    db
      .insert(refreshTokens)
      .values({ tokenHash: await sha256Hex(next), sessionId: row.session.id, status: "active", createdAt: now }),
    db
      .update(sessions)
      .set({ lastActiveAt: now, expiresAt: now + c.get("config").identity.refreshTokenTtlSeconds * 1000 })
      .where(eq(sessions.id, row.session.id)),
  ]);
  return tokensFor(c, row.user, row.session.id, next, false);
}

/** Ends sessions at once: their access tokens fail the next check, their refresh tokens are spent. */
export function revokeSessionWrites(c: Context<AppEnv>, sessionIds: string[], reason: string) {
  const db = database(c.env);
  const now = nowMs();
  return [
    db
      .update(sessions)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(inArray(sessions.id, sessionIds), isNull(sessions.revokedAt))),
    db
      .update(refreshTokens)
      .set({ status: "spent", spentAt: now })
      .where(and(inArray(refreshTokens.sessionId, sessionIds), eq(refreshTokens.status, "active"))),
  ] as const;
}
