import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { loadConfig } from "../platform/config";
import { withRequestId } from "../platform/request-context";

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Echoes a well-formed incoming X-Request-ID, otherwise mints one, and loads the config onto the
 * context. Answers the id, or undefined when this request already has one: Hono's TrieRouter runs
 * the chain twice when a path segment is literally a route token (`/*`, `/:id`; honojs/hono#5370),
 * and the second pass keeps the first one's id, so the problem's requestId and the X-Request-ID
 * header stay one id.
 */
export function beginRequest(c: Context<AppEnv>): string | undefined {
  if (c.get("requestId")) return undefined;
  const incoming = c.req.header("X-Request-ID");
  const id = incoming && VALID_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", id);
  // A misconfigured Worker still gets a usable stand-in here; refuseWhileMisconfigured answers 503.
  c.set("config", loadConfig(c.env).config);
  return id;
}

/** The request id (beginRequest), and the rest of the request run in its context (events and logs carry it). */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = beginRequest(c);
  if (!id) return next();
  await withRequestId(id, next);
  c.res.headers.set("X-Request-ID", id);
});
