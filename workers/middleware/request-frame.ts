import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { withRequestId } from "../platform/request-context";
import { recordRequest } from "./access-log";
import { beginRequest } from "./request-id";

/**
 * `requestId` then `accessLog` as the one outermost middleware the app mounts: the same id, header,
 * log line and data point, one layer of Hono's chain instead of two (each layer is an async
 * function, a promise and a closure per request; the chain was most of `GET /health`'s CPU).
 */
export const requestFrame = createMiddleware<AppEnv>(async (c, next) => {
  const id = beginRequest(c);
  if (!id) return next();
  const started = Date.now();
  await withRequestId(id, async () => {
    await next();
    recordRequest(c, started);
  });
  c.res.headers.set("X-Request-ID", id);
});
