import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { logEvent } from "../platform/log";

/**
 * One structured line per request (unless ACCESS_LOG is "false", as in the tests), and one
 * Analytics Engine data point (route pattern, not raw path, so dashboards group by endpoint)
 * always. Analytics writes never block the response.
 */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  await next();
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
  try {
    c.env.ANALYTICS?.writeDataPoint({
      indexes: [route.slice(0, 96)],
      blobs: [c.req.method, route, String(status), country, c.get("userId") ?? ""],
      doubles: [durationMs, status],
    });
  } catch {
    // Metrics are best effort: a failed data point must never fail the request.
  }
});
