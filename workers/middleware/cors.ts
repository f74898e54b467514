import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

/** CORS for the configured origins only (CORS_ORIGINS; "*" allows any origin without credentials). */
export const corsFromConfig = createMiddleware<AppEnv>((c, next) => {
  const allowed = c.get("config").corsOrigins;
  const anyOrigin = allowed.includes("*");
  // Credentials are granted with an allowed origin only (Hono would send the header to anyone).
  const granted = !anyOrigin && allowed.includes(c.req.header("Origin") ?? "");
  return cors({
    origin: (origin) => (anyOrigin ? "*" : allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "X-Cart-Token", "X-Request-ID"],
    exposeHeaders: ["X-Request-ID", "X-Cart-Token", "Retry-After", "Idempotent-Replayed", "Location"],
    credentials: granted,
    maxAge: 600,
  })(c, next);
});
