import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { LruCache } from "./lru";
import { piiLookupHash } from "./pii";

/** The caller's IP as Cloudflare sees it (CF-Connecting-IP; locally the loopback). */
export function clientIp(c: Context<AppEnv>): string {
  return c.req.header("CF-Connecting-IP") ?? c.req.header("X-Real-IP") ?? "127.0.0.1";
}

/**
 * Recent IPs' hashes in this isolate, by hash key and IP: every limited write hashes its caller's
 * IP, and a client repeats its IP (an HMAC per request showed in the cart addition's profile).
 */
const ipHashes = new LruCache<string>(10_000);

/** IPs are personal data: limits and the audit log key them by keyed hash. */
export async function clientIpHash(c: Context<AppEnv>): Promise<string> {
  const ip = clientIp(c);
  const key = `${c.env.PII_HASH_KEY}\u0000${ip}`;
  const kept = ipHashes.get(key);
  if (kept !== undefined) return kept;
  const hash = await piiLookupHash(c.env, `ip:${ip}`);
  ipHashes.set(key, hash);
  return hash;
}
