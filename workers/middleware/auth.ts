import { and, eq, gt, isNull } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { sessions, users } from "../../d1/schema/identity";
import type { Role } from "../../schemas/identity";
import type { AppEnv } from "../app-env";
import { verifyAccessToken } from "../identity/tokens";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";

/** How stale a session's lastActiveAt may get before a request refreshes it (saves D1 writes). */
const ACTIVITY_RESOLUTION_MS = 60_000;

/**
 * The one auth middleware. A Bearer token, when sent, must be valid and its session live (checked
 * in D1 on every request, so logout and revocation take effect at once); roles come from the
 * account, not the token, so granted or withdrawn roles apply immediately. Without a token the
 * request goes on anonymously; `requireAuth` and `requireRole` guard the routes that need one.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) return next();
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(header.trim());
  if (!match) {
    throw new ApiError("unauthorized", "Send the access token as 'Authorization: Bearer <token>'.");
  }
  const claims = await verifyAccessToken(c.env, c.get("config"), match[1]);
  const db = database(c.env);
  const now = nowMs();
  const row = await db
    .select({ lastActiveAt: sessions.lastActiveAt, roles: users.roles, status: users.status })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, claims.sessionId),
        eq(sessions.userId, claims.userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .get();
  if (row?.status !== "active") {
    throw new ApiError("unauthorized", "This session has ended. Sign in again.", {
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
  }
  c.set("userId", claims.userId);
  c.set("auth", { userId: claims.userId, sessionId: claims.sessionId, roles: row.roles });
  if (now - row.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
    c.executionCtx.waitUntil(
      db
        .update(sessions)
        .set({ lastActiveAt: now })
        .where(eq(sessions.id, claims.sessionId))
        .run()
        .catch(() => undefined),
    );
  }
  return next();
});

export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("auth")) {
    throw new ApiError("unauthorized", "Sign in first: send 'Authorization: Bearer <accessToken>'.", {
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  return next();
});

export function requireRole(role: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get("auth");
    if (!auth) {
      throw new ApiError("unauthorized", "Sign in first: send 'Authorization: Bearer <accessToken>'.", {
        headers: { "WWW-Authenticate": "Bearer" },
      });
    }
    if (!auth.roles.includes(role)) throw new ApiError("forbidden", `This needs the ${role} role.`);
    return next();
  });
}

/** The signed-in caller; only valid behind requireAuth. */
export function currentAuth(c: { get(key: "auth"): AppEnv["Variables"]["auth"] }) {
  const auth = c.get("auth");
  if (!auth) throw new ApiError("unauthorized", "Sign in first.");
  return auth;
}
