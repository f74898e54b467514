import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import type { Config } from "../platform/config";

const ALLOW_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ALLOW_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "X-Cart-Token", "X-Request-ID"];
const EXPOSE_HEADERS = ["X-Request-ID", "X-Cart-Token", "Retry-After", "Idempotent-Replayed", "Location"];

/**
 * Hono's cors middleware per configuration and credentials grant, built once per isolate (the
 * config object is loaded once per env): building it per request cost more than running it.
 */
const built = new WeakMap<Config, { granted: MiddlewareHandler; plain: MiddlewareHandler }>();

function corsFor(config: Config) {
  let pair = built.get(config);
  if (!pair) {
    const allowed = config.corsOrigins;
    const anyOrigin = allowed.includes("*");
    const make = (credentials: boolean) =>
      cors({
        origin: (origin) => (anyOrigin ? "*" : allowed.includes(origin) ? origin : null),
        allowMethods: ALLOW_METHODS,
        allowHeaders: ALLOW_HEADERS,
        exposeHeaders: EXPOSE_HEADERS,
        credentials,
        maxAge: 600,
      });
    pair = { granted: make(true), plain: make(false) };
    built.set(config, pair);
  }
  return pair;
}

/** CORS for the configured origins only (CORS_ORIGINS; "*" allows any origin without credentials). */
export const corsFromConfig = createMiddleware<AppEnv>((c, next) => {
  const config = c.get("config");
  const allowed = config.corsOrigins;
  // Credentials are granted with an allowed origin only (Hono would send the header to anyone).
  const granted = !allowed.includes("*") && allowed.includes(c.req.header("Origin") ?? "");
  const { granted: withCredentials, plain } = corsFor(config);
  return (granted ? withCredentials : plain)(c, next);
});
