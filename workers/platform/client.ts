import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { piiLookupHash } from "./pii";

/** The caller's IP as Cloudflare sees it (CF-Connecting-IP; locally the loopback). */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Real-IP") ?? "127.0.0.1";
}

/** IPs are personal data: limits and the audit log key them by keyed hash. */
export function clientIpHash(c: Context<AppEnv>): Promise<string> {
  return piiLookupHash(c.env, `ip:${clientIp(c)}`);
}
