import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import type { WriteLimitName } from "../platform/config-write-limits";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { sha256Hex } from "../platform/ids";
import { countWrite, type Refusal, takeWrite, type WriteLimitKey } from "../platform/rate-limit";

/**
 * Rate limits of the writes a person or a bot can repeat: one per account (a guest: per cart
 * token) and one per IP, each `WRITE_LIMIT_<NAME>` (config-write-limits.ts). Mounted on a route
 * after its auth and idempotency middleware, so a replayed Idempotency-Key answer costs nothing
 * and a 429 gives the key back (idempotency.ts). Limits in front of money are counted exactly,
 * by a RateLimiter object per key.
 */
const EXACT: ReadonlySet<WriteLimitName> = new Set(["checkout", "payment", "transfer", "conversion"]);

/** The caller's account, else the guest's cart token (hashed); null for a first-time guest. */
async function accountKey(c: Context<AppEnv>): Promise<string | null> {
  const userId = c.get("auth")?.userId;
  if (userId) return `user:${userId}`;
  const cartToken = c.req.header("X-Cart-Token")?.trim();
  return cartToken ? `cart:${await sha256Hex(cartToken)}` : null;
}

/**
 * The 429's detail: whole sentences per limited party and wait, so each translates as a unit
 * (the person knows which write they repeated; Retry-After gives the wait to machines).
 */
function limitedDetail(refusal: Refusal): string {
  const wait = refusal.retryAfter;
  if (refusal.who === "account") {
    return wait === "1"
      ? "Too many of these requests from this account. Try again in 1 second."
      : `Too many of these requests from this account. Try again in ${wait} seconds.`;
  }
  return wait === "1"
    ? "Too many of these requests from this network. Try again in 1 second."
    : `Too many of these requests from this network. Try again in ${wait} seconds.`;
}

/** The middleware that applies the limit `name` to a route. */
export function limitWrites(name: WriteLimitName) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { perAccount, perIp, windowSeconds } = c.get("config").writeLimits[name];
    const [account, ipHash] = await Promise.all([accountKey(c), clientIpHash(c)]);
    const keys: WriteLimitKey[] = [{ key: `write:${name}:ip:${ipHash}`, limit: perIp, who: "network" }];
    if (account) keys.unshift({ key: `write:${name}:${account}`, limit: perAccount, who: "account" });
    const refusal = EXACT.has(name)
      ? await takeWrite(c.env, keys, windowSeconds)
      : await countWrite(database(c.env), keys, windowSeconds);
    if (refusal) {
      throw new ApiError("rate_limited", limitedDetail(refusal), {
        headers: { "Retry-After": refusal.retryAfter },
      });
    }
    return next();
  });
}
