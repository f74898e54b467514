import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { clientIpHash } from "../platform/client";
import type { WriteLimitName } from "../platform/config-write-limits";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { idempotentWith } from "../platform/idempotency";
import { sha256Hex } from "../platform/ids";
import { countWrite, type Refusal, takeLeasedWrite, takeWrites, type WriteLimitKey } from "../platform/rate-limit";

/**
 * Rate limits of the writes a person or a bot can repeat: one per account (a guest: per cart
 * token) and one per IP, each `WRITE_LIMIT_<NAME>` (config-write-limits.ts). Mounted on a route
 * after its auth and idempotency middleware, or with the key claim (idempotentLimited), so a
 * replayed Idempotency-Key answer costs nothing and a 429 gives the key back (idempotency.ts). Limits in front of money are counted exactly,
 * by a RateLimiter object per key.
 */
const EXACT: ReadonlySet<WriteLimitName> = new Set(["checkout", "payment", "transfer", "conversion"]);

/**
 * Limits whose per-IP count is exact too, from slots this isolate leases from the IP's RateLimiter
 * (takeLeasedWrite): the cart's, which every cart addition takes, so most additions make no call
 * and no commit for it. Their per-account count is the route's own when it takes the slot itself
 * (the cart addition, in the buyer's Cart object), else a D1 counter (the checkout quote).
 */
const LEASED: ReadonlySet<WriteLimitName> = new Set(["cart"]);

/** The caller's account, else the guest's cart token (hashed); null for a first-time guest. */
async function accountKey(c: Context<AppEnv>): Promise<string | null> {
  const userId = c.get("auth")?.userId;
  if (userId) return `user:${userId}`;
  const cartToken = c.req.header("X-Cart-Token")?.trim();
  return cartToken ? `cart:${await sha256Hex(cartToken)}` : null;
}

/** Whether the caller has an account key (accountKey), without hashing the cart token. */
function hasAccount(c: Context<AppEnv>): boolean {
  return Boolean(c.get("auth")?.userId || c.req.header("X-Cart-Token")?.trim());
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
 * fewer, and no new RateLimiter object per guest cart; a cart addition's, in the same Cart object
 * with the add: no D1 counter write per add). Exact as a RateLimiter: the object takes
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

/** Gives back the slots a request took (when a limit checked after them refuses it). */
type GiveBack = () => Promise<void>;

/** A per-account slot taken outside a RateLimiter: taken (with the means to give it back), or refused for now. */
export type OwnSlot = { ok: true; giveBack(): Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * Takes a guest's per-account slot in an object the guest already has (a payment's: their Cart,
 * workers/cart/payment-slots.ts) instead of a new RateLimiter per cart token. May throw an ApiError
 * (a cart token this server could not have issued: 422).
 */
export type GuestSlotTaker = (c: Context<AppEnv>, limit: { limit: number; windowSeconds: number }) => Promise<OwnSlot>;

/** A guest's slot to take (GuestSlotTaker, bound to the request) and its limit, for the 429. */
interface GuestSlot {
  limit: number;
  take(): Promise<OwnSlot>;
}

export interface WriteLimitOptions {
  /**
   * "route": the route takes the per-account slot itself, in its own object call (accountSlotOf);
   * only for an exact or leased limit.
   */
  accountSlot?: "route";
  /**
   * A guest's per-account slot, taken at the same time as the network's by this function. A
   * signed-in account's stays in its RateLimiter (a top-up shares the payment limit with it).
   */
  guestSlot?: GuestSlotTaker;
}

/**
 * The limits' slots for this request, or the 429 thrown. `own`: the per-account key, null when
 * there is none or the route takes it itself; `guest`: the guest's slot taken elsewhere (GuestSlotTaker).
 */
async function takeSlots(
  c: Context<AppEnv>,
  name: WriteLimitName,
  keys: { ip: WriteLimitKey; own: WriteLimitKey | null; guest?: GuestSlot },
  windowSeconds: number,
): Promise<GiveBack> {
  const { ip, own, guest } = keys;
  if (LEASED.has(name)) {
    // The account's D1 count runs beside the IP's slot; it counts even when the IP refuses, as before.
    const [network, account] = await Promise.all([
      takeLeasedWrite(c.env, ip, windowSeconds),
      own ? countWrite(database(c.env), [own], windowSeconds) : null,
    ]);
    if (account) {
      if (!network.refusal) network.giveBack();
      throw limited(account);
    }
    if (network.refusal) throw limited(network.refusal);
    return async () => network.giveBack();
  }
  const all = own ? [own, ip] : [ip];
  if (!EXACT.has(name)) {
    const refusal = await countWrite(database(c.env), all, windowSeconds);
    if (refusal) throw limited(refusal);
    return async () => {};
  }
  if (guest) return takeWithGuestSlot(c, all, windowSeconds, guest);
  const taken = await takeWrites(c.env, all, windowSeconds);
  if (taken.refusal) throw limited(taken.refusal);
  return taken.giveBack;
}

/**
 * The RateLimiter slots and the guest's own slot at once: both taken, or neither kept (what one
 * took is given back when the other refuses or fails), the account's refusal answered first as
 * takeWrites does. Exact as takeWrites: a slot given back was only ever early, never over the limit.
 */
async function takeWithGuestSlot(
  c: Context<AppEnv>,
  keys: WriteLimitKey[],
  windowSeconds: number,
  guest: GuestSlot,
): Promise<GiveBack> {
  const [network, account] = await Promise.allSettled([takeWrites(c.env, keys, windowSeconds), guest.take()]);
  const networkTaken = network.status === "fulfilled" && !network.value.refusal ? network.value : null;
  const accountTaken = account.status === "fulfilled" && account.value.ok ? account.value : null;
  if (networkTaken && accountTaken) {
    return async () => {
      await Promise.all([networkTaken.giveBack(), accountTaken.giveBack()]);
    };
  }
  await Promise.all([networkTaken?.giveBack(), accountTaken?.giveBack()]);
  if (account.status === "rejected") throw account.reason;
  if (!account.value.ok) {
    const retryAfter = String(account.value.retryAfterSeconds);
    throw limited({ who: "account", limit: guest.limit, retryAfter });
  }
  if (network.status === "rejected") throw network.reason;
  throw limited(network.value.refusal as Refusal);
}

/**
 * The slots of the limit `name` for this request (the middlewares below): the 429 thrown, or the
 * means to give them back. With `accountSlot: "route"` (an exact or leased limit) the route takes
 * the per-account slot itself (accountSlotOf), and this only the per-IP one.
 */
async function takeLimit(c: Context<AppEnv>, name: WriteLimitName, options: WriteLimitOptions): Promise<GiveBack> {
  const inRoute = options.accountSlot === "route" && (EXACT.has(name) || LEASED.has(name));
  const { perAccount, perIp, windowSeconds } = c.get("config").writeLimits[name];
  const guestSlot = !c.get("auth")?.userId && hasAccount(c) ? options.guestSlot : undefined;
  const [account, ipHash] = await Promise.all([inRoute || guestSlot ? null : accountKey(c), clientIpHash(c)]);
  const ip: WriteLimitKey = { key: `write:${name}:ip:${ipHash}`, limit: perIp, who: "network" };
  const own = account ? { key: `write:${name}:${account}`, limit: perAccount, who: "account" } : null;
  const guest = guestSlot && { limit: perAccount, take: () => guestSlot(c, { limit: perAccount, windowSeconds }) };
  const giveBack = await takeSlots(c, name, { ip, own, guest }, windowSeconds);
  if (inRoute && hasAccount(c)) {
    accountSlots.set(c.req.raw, {
      limit: perAccount,
      windowSeconds,
      async refused(retryAfterSeconds) {
        await giveBack();
        return limited({ who: "account", limit: perAccount, retryAfter: String(retryAfterSeconds) });
      },
    });
  }
  return giveBack;
}

/** The middleware that applies the limit `name` to a route (after its auth). */
export function limitWrites(name: WriteLimitName, options: WriteLimitOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await takeLimit(c, name, options);
    return next();
  });
}

/**
 * `idempotent` and `limitWrites(name, options)` in one middleware, for a keyed write: the limit's
 * slots are taken beside the key claim, not after it (one round trip less). A replayed key still
 * costs no slot (given back before the replay); a 429 gives the key back. A concurrent duplicate
 * holds its slot for the moment of its claim, so a racing write may be refused early, never late.
 */
export function idempotentLimited(name: WriteLimitName, options: WriteLimitOptions = {}) {
  return idempotentWith((c) => takeLimit(c, name, options));
}
