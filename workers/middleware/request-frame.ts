import type { Context, Next } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { renderError } from "../platform/errors";
import { withRequestId } from "../platform/request-context";
import { recordRequest } from "./access-log";
import { preflightHeaders, setCorsHeaders } from "./cors";
import { passGate } from "./request-gate";
import { beginRequest } from "./request-id";
import { setSecurityHeaders } from "./security-headers";

/**
 * The one global middleware of the app, one layer of Hono's chain (each layer is an async function,
 * a promise and a closure per request; the chain was most of `GET /health`'s CPU):
 *   1. the request id and config (beginRequest), the rest of the request in its context;
 *   2. an OPTIONS request is a CORS preflight: answered here, before the gate and authentication;
 *   3. the request gate (passGate: misconfiguration 503, body limit, switched-off 404), then the route;
 *   4. the access log line and data point (recordRequest);
 *   5. the CORS and security headers and X-Request-ID, set once on the final answer in one pass.
 * Step 5 used to be Hono's cors and secureHeaders: cors set its headers on a placeholder Response
 * before the route, which Hono then merged into the handler's Response (a second Response), and
 * `Vary` after it made a third; the answer now carries exactly the same headers.
 */
export const requestFrame = createMiddleware<AppEnv>(async (c, next) => {
  const id = beginRequest(c);
  // A second pass of the chain (honojs/hono#5370, see beginRequest): the first pass does it all.
  if (!id) return next();
  const started = Date.now();
  await withRequestId(id, async () => {
    const preflight = c.req.method === "OPTIONS";
    if (preflight) c.res = preflightAnswer(c);
    else await gateThenRoute(c, next);
    recordRequest(c, started);
    finishHeaders(c, id, preflight);
  });
});

function preflightAnswer(c: Context<AppEnv>): Response {
  const headers = preflightHeaders(c.get("config"), c.req.header("Origin"));
  return new Response(null, { status: 204, statusText: "No Content", headers });
}

/** The gate and the route; a refusal of the gate is answered as the app answers any error. */
async function gateThenRoute(c: Context<AppEnv>, next: Next): Promise<void> {
  try {
    await passGate(c, next);
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    c.error = err;
    c.res = answerError(err, c);
  }
}

/**
 * The app's error answer (its onError): problem+json (renderError). Headers a handler set with
 * `c.header` before it threw (a guest's X-Cart-Token, Cache-Control) stay on the answer: touching
 * `c.res` makes Hono hold them in a Response that it merges into the problem's, as it always did.
 */
export function answerError(err: Error, c: Context<AppEnv>): Response {
  if (!c.finalized) void c.res;
  return renderError(err, c);
}

/** Step 5: the headers of every answer set on it once; an answer whose headers are immutable is copied once. */
function finishHeaders(c: Context<AppEnv>, id: string, preflight: boolean): void {
  const stamp = (headers: Headers) => {
    if (!preflight) setCorsHeaders(headers, c.get("config"), c.req.header("Origin"));
    setSecurityHeaders(headers, c.get("contentSecurityPolicy"));
    headers.set("X-Request-ID", id);
  };
  const res = c.res;
  try {
    stamp(res.headers);
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
    // A Response from fetch() or the Cache API: its headers cannot change, so it is copied (the
    // setter would merge the old one into the copy: unset it first).
    const copy = new Response(res.body, res);
    stamp(copy.headers);
    c.res = undefined;
    c.res = copy;
  }
}
