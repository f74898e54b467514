import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import type { WriteLimitName } from "../platform/config-write-limits";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { sha256Hex } from "../platform/ids";
import { countWrite, inSeconds, takeWrite, type WriteLimitKey } from "../platform/rate-limit";

/**
 * Rate limits of the writes a person or a bot can repeat: one per account (a guest: per cart
 * token) and one per IP, each `WRITE_LIMIT_<NAME>` (config-write-limits.ts). Mounted on a route
 * after its auth and idempotency middleware, so a replayed Idempotency-Key answer costs nothing
 * and a 429 gives the key back (idempotency.ts).
 */
const WRITES: Record<WriteLimitName, { what: string; exact?: true }> = {
  // In front of money: counted exactly by a RateLimiter object per key.
  checkout: { what: "checkouts", exact: true },
  payment: { what: "payment requests", exact: true },
  review: { what: "reviews and replies" },
  report: { what: "reports" },
  chatMessage: { what: "messages" },
  mediaUpload: { what: "uploads" },
  dialog: { what: "new dialogs and added members" },
  shop: { what: "new shops" },
  product: { what: "new products" },
  address: { what: "new addresses" },
  device: { what: "device registrations" },
  cart: { what: "cart additions" },
};

/** The caller's account, else the guest's cart token (hashed); null for a first-time guest. */
async function accountKey(c: Context<AppEnv>): Promise<string | null> {
  const userId = c.get("auth")?.userId;
  if (userId) return `user:${userId}`;
  const cartToken = c.req.header("X-Cart-Token")?.trim();
  return cartToken ? `cart:${await sha256Hex(cartToken)}` : null;
}

/** "minute", "10 minutes", "hour", "24 hours", "90 seconds": the window in the 429's detail. */
function windowText(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return inSeconds(seconds);
}

/** The middleware that applies the limit `name` to a route. */
export function limitWrites(name: WriteLimitName) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { perAccount, perIp, windowSeconds } = c.get("config").writeLimits[name];
    const [account, ipHash] = await Promise.all([accountKey(c), clientIpHash(c)]);
    const keys: WriteLimitKey[] = [{ key: `write:${name}:ip:${ipHash}`, limit: perIp, who: "this network" }];
    if (account) keys.unshift({ key: `write:${name}:${account}`, limit: perAccount, who: "this account" });
    const { what, exact } = WRITES[name];
    const refusal = exact
      ? await takeWrite(c.env, keys, windowSeconds)
      : await countWrite(database(c.env), keys, windowSeconds);
    if (refusal) {
      throw new ApiError(
        "rate_limited",
        `Too many ${what} from ${refusal.who}: at most ${refusal.limit} per ${windowText(windowSeconds)}. Try again in ${inSeconds(refusal.retryAfter)}.`,
        { headers: { "Retry-After": refusal.retryAfter } },
      );
    }
    return next();
  });
}
