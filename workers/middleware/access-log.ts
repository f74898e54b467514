import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { logEvent } from "../platform/log";
import { recordMetric } from "../platform/metrics";

/**
 * One structured line per request (unless ACCESS_LOG is "false", as in the tests), and one
 * request data point (route pattern, not raw path, so dashboards group by endpoint) always.
 * Metric writes never block the response. Called once the response is settled.
 */
export function recordRequest(c: Context<AppEnv>, started: number): void {
  const durationMs = Date.now() - started;
  const status = c.res.status;
  const route = c.req.routePath ?? c.req.path;
  const country = (c.req.raw.cf?.country as string | undefined) ?? "";
  if (c.get("config").accessLog) {
    logEvent(status >= 500 ? "error" : "info", "request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      durationMs,
      userId: c.get("userId"),
      country: country || undefined,
    });
  }
  // One request data point (platform/metrics.ts): no await, the local sink flushes in waitUntil.
  const colo = (c.req.raw.cf?.colo as string | undefined) ?? "";
  const point = { kind: "request", method: c.req.method, route, status, durationMs, country, colo } as const;
  recordMetric(c.env, point, (p) => c.executionCtx.waitUntil(p));
}

/** The access log line and data point of every request that passes (recordRequest). */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  await next();
  recordRequest(c, started);
});
