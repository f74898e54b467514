import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

/** CORS for the configured origins only (CORS_ORIGINS; "*" allows any origin without credentials). */
export const corsFromConfig = createMiddleware<AppEnv>((c, next) => {
  const allowed = c.get("config").corsOrigins;
  const anyOrigin = allowed.includes("*");
  return cors({
    origin: (origin) => (anyOrigin ? "*" : allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Cart-Token", "X-Request-ID"],
    exposeHeaders: ["X-Request-ID", "X-Cart-Token", "Retry-After", "Idempotent-Replayed", "Location"],
    credentials: !anyOrigin,
    maxAge: 600,
  })(c, next);
});
