import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import type { WriteLimitName } from "../platform/config-write-limits";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { sha256Hex } from "../platform/ids";
import { countWrite, type Refusal, takeWrites, type WriteLimitKey } from "../platform/rate-limit";

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

/**
 * The per-account slot of a limit that the route takes itself, in the same transaction as its own
 * write (the checkout's, in the buyer's Cart object with the cart's hand-off: one object call
 * fewer, and no new RateLimiter object per guest cart). Exact as a RateLimiter: the object takes
 * at most `limit` per window with no await between its check and its write.
 */
export interface AccountSlot {
  limit: number;
  windowSeconds: number;
  /**
   * The object refused the slot: the network slot this request took is given back, and the
   * answer is the 429 to throw (the same the middleware would have answered).
   */
  refused(retryAfterSeconds: number): Promise<ApiError>;
}

const accountSlots = new WeakMap<Request, AccountSlot>();

/**
 * The account slot this route must take in its own object before it writes anything (set by
 * `limitWrites(name, { accountSlot: "route" })`); undefined for a caller without an account.
 */
export function accountSlotOf(c: Context<AppEnv>): AccountSlot | undefined {
  return accountSlots.get(c.req.raw);
}

function limited(refusal: Refusal): ApiError {
  return new ApiError("rate_limited", limitedDetail(refusal), { headers: { "Retry-After": refusal.retryAfter } });
}

/**
 * The middleware that applies the limit `name` to a route. With `accountSlot: "route"` the route
 * takes the per-account slot itself (accountSlotOf), and the middleware only the per-IP one.
 */
export function limitWrites(name: WriteLimitName, options: { accountSlot?: "route" } = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { perAccount, perIp, windowSeconds } = c.get("config").writeLimits[name];
    const [account, ipHash] = await Promise.all([accountKey(c), clientIpHash(c)]);
    const keys: WriteLimitKey[] = [{ key: `write:${name}:ip:${ipHash}`, limit: perIp, who: "network" }];
    const inRoute = options.accountSlot === "route" && EXACT.has(name);
    if (account && !inRoute) keys.unshift({ key: `write:${name}:${account}`, limit: perAccount, who: "account" });
    if (!EXACT.has(name)) {
      const refusal = await countWrite(database(c.env), keys, windowSeconds);
      if (refusal) throw limited(refusal);
      return next();
    }
    const taken = await takeWrites(c.env, keys, windowSeconds);
    if (taken.refusal) throw limited(taken.refusal);
    if (account && inRoute) {
      accountSlots.set(c.req.raw, {
        limit: perAccount,
        windowSeconds,
        async refused(retryAfterSeconds) {
          await taken.giveBack();
          return limited({ who: "account", limit: perAccount, retryAfter: String(retryAfterSeconds) });
        },
      });
    }
    return next();
  });
}
