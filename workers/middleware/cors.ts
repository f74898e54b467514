import type { Config } from "../platform/config";

const ALLOW_METHODS = "GET,POST,PUT,PATCH,DELETE,OPTIONS";
const ALLOW_HEADERS = "Authorization,Content-Type,Idempotency-Key,X-Cart-Token,X-Request-ID";
const EXPOSE_HEADERS = "X-Request-ID,X-Cart-Token,Retry-After,Idempotent-Replayed,Location";
const MAX_AGE_SECONDS = "600";

/** CORS_ORIGINS of a configuration, as a set, read once per isolate (the config is loaded once per env). */
const policies = new WeakMap<Config, { anyOrigin: boolean; allowed: ReadonlySet<string> }>();

/**
 * What a request from `origin` is granted: "*" when CORS_ORIGINS has "*" (any origin, never with
 * credentials), the origin itself with credentials when it is configured, otherwise nothing.
 */
function grantOf(config: Config, origin: string | undefined): { allowOrigin?: string; credentials: boolean } {
  let policy = policies.get(config);
  if (!policy) {
    policy = { anyOrigin: config.corsOrigins.includes("*"), allowed: new Set(config.corsOrigins) };
    policies.set(config, policy);
  }
  if (policy.anyOrigin) return { allowOrigin: "*", credentials: false };
  if (origin && policy.allowed.has(origin)) return { allowOrigin: origin, credentials: true };
  return { credentials: false };
}

/**
 * The CORS headers of an answer (not a preflight), set on its own headers after the route: the
 * origin grant, the exposed headers, `Vary: Origin` appended. Set, not merged from a placeholder
 * response (what Hono's cors middleware did: a second Response on every request).
 */
export function setCorsHeaders(headers: Headers, config: Config, origin: string | undefined): void {
  const { allowOrigin, credentials } = grantOf(config, origin);
  if (allowOrigin) headers.set("Access-Control-Allow-Origin", allowOrigin);
  if (credentials) headers.set("Access-Control-Allow-Credentials", "true");
  headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
  headers.append("Vary", "Origin");
}

/**
 * The answer to any OPTIONS request (a CORS preflight), before authentication and the request gate:
 * 204 with the grant, the allowed methods and headers, cached by the browser for ten minutes.
 */
export function preflightHeaders(config: Config, origin: string | undefined): Headers {
  const headers = new Headers();
  const { allowOrigin, credentials } = grantOf(config, origin);
  if (allowOrigin) headers.set("Access-Control-Allow-Origin", allowOrigin);
  if (credentials) headers.set("Access-Control-Allow-Credentials", "true");
  headers.set("Access-Control-Expose-Headers", EXPOSE_HEADERS);
  headers.set("Vary", "Origin, Access-Control-Request-Headers");
  headers.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
  headers.set("Access-Control-Allow-Methods", ALLOW_METHODS);
  headers.set("Access-Control-Allow-Headers", ALLOW_HEADERS);
  return headers;
}
