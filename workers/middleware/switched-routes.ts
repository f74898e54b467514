import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import type { Config } from "../platform/config";
import { ApiError } from "../platform/errors";

/**
 * Routes that exist only while a development switch is on: the dev helpers (DEV_OUTBOX) and the
 * sandbox gateway's simulate (PAYMENTS_SANDBOX); production forces both off. Paths are matched in
 * their served (`/x/1`) and documented (`/x/{id}`) forms alike.
 */
const SWITCHED: { path: RegExp; on: (config: Config) => boolean }[] = [
  { path: /^\/api\/v1\/dev\//, on: (config) => config.devOutbox },
  { path: /^\/api\/v1\/payments\/[^/]+\/simulate$/, on: (config) => config.paymentsSandbox },
  { path: /^\/api\/v1\/shipments\/[^/]+\/simulate$/, on: (config) => config.logistics.sandbox },
];

export function switchedOff(config: Config, path: string): boolean {
  return SWITCHED.some((route) => route.path.test(path) && !route.on(config));
}

/** The answer for a path nothing is served at. */
export function nothingAt(path: string): ApiError {
  return new ApiError("not_found", `Nothing exists at ${path}. See /docs for the API's paths.`);
}

/**
 * A switched-off route answers exactly as an unknown path does, before its input is validated (a
 * 422 or 405 would tell a prober it exists); /openapi.json leaves it out too (workers/ops/docs.ts).
 * (Part of the app's requestGate.)
 */
export function refuseIfSwitchedOff(c: Context<AppEnv>): void {
  if (switchedOff(c.get("config"), c.req.path)) throw nothingAt(c.req.path);
}
