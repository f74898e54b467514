import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { sessions } from "../../d1/schema/identity";
import type { AppEnv } from "../app-env";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { liveSession } from "./session-liveness";
import { verifyAccessToken } from "./tokens";

/** How stale a session's lastActiveAt may get before a request refreshes it (saves D1 writes). */
const ACTIVITY_RESOLUTION_MS = 60_000;

/**
 * The one auth middleware. A Bearer token, when sent, must be valid and its session live (checked
 * in D1 on every request, so logout and revocation take effect at once); roles come from the
 * account, not the token, so granted or withdrawn roles apply immediately. Without a token the
 * request goes on anonymously; `requireAuth` and `requireRole` (workers/middleware/auth.ts) guard
 * the routes that need one.
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
  const session = await liveSession(db, claims, now);
  if (!session) {
    throw new ApiError("unauthorized", "This session has ended. Sign in again.", {
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
    });
  }
  c.set("userId", claims.userId);
  c.set("auth", {
    userId: claims.userId,
    sessionId: claims.sessionId,
    roles: session.roles,
    locale: session.locale,
    mfa: session.mfaStatus === "enabled",
  });
  if (now - session.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
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
