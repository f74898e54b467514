import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { loadConfig } from "../platform/config";
import { ApiError } from "../platform/errors";
import { logEvent } from "../platform/log";

/** Liveness and readiness answer even when a variable is out of range (/ready reports it). */
const ALWAYS_ANSWERED = new Set(["/health", "/ready"]);
/** The env objects whose bad configuration was logged: once per isolate, not once per request. */
const reported = new WeakSet<object>();

/**
 * A variable out of range makes every route but /health and /ready answer 503 naming it and its
 * allowed range: the Worker cannot run with it, and a 500 would hide what to fix. (Part of the
 * app's requestGate.)
 */
export function refuseIfMisconfigured(c: Context<AppEnv>): void {
  const { error } = loadConfig(c.env);
  if (error && !reported.has(c.env)) {
    reported.add(c.env);
    logEvent("error", "config_invalid", { problems: error.problems });
  }
  if (error && !ALWAYS_ANSWERED.has(c.req.path)) throw new ApiError("service_unavailable", error.message);
}
