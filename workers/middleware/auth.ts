import { createMiddleware } from "hono/factory";
import type { Role } from "../../schemas/identity";
import type { AppEnv } from "../app-env";
import { ApiError } from "../platform/errors";

/**
 * Guards that read what identity's `authenticate` (mounted on /api/* by the app) put on the
 * context: the caller's user, session and roles.
 */

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
    if (role === "admin" && !auth.mfa && c.get("config").identity.adminMfaRequired) {
      throw new ApiError(
        "mfa_required",
        "Admin work needs two-step sign-in. Turn it on in your account, then try again.",
        { status: 403 },
      );
    }
    return next();
  });
}

/** The signed-in caller; only valid behind requireAuth. */
export function currentAuth(c: { get(key: "auth"): AppEnv["Variables"]["auth"] }) {
  const auth = c.get("auth");
  if (!auth) throw new ApiError("unauthorized", "Sign in first.");
  return auth;
}
