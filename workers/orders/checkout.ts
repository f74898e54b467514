import type { z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { orders as ordersTable } from "../../d1/schema/orders";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { dropItems, inventoryKey } from "../inventory";
import { isGuardRefusal } from "../platform/batch-guard";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import {
  answerWrites,
  type KeyClaim,
  keyClaimOf,
  keyOutcome,
  markKeyCompleted,
  storedAnswerOf,
} from "../platform/idempotency";
import { stableId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { recordMetric } from "../platform/metrics";
import { drainSoon } from "../platform/outbox";
import { encryptPii } from "../platform/pii";
import { type CheckoutCart, handCartToCheckout } from "./cart-link";
import {
  type CheckoutHolder,
  type CheckoutLoad,
  capsGuard,
  checkCaps,
  enforceCaps,
  type HeldTallies,
  readHeldTallies,
} from "./checkout-caps";
import { type CheckoutLine, priceLines, shippingAddressFor } from "./checkout-lines";
import type { CheckoutPoint, CheckoutProbe } from "./checkout-probe";
import {
  buyerKeyOf,
  callerCartToken,
  checkoutParcels,
  deliverable,
  holderOf,
  parcelsTo,
  reserveStock,
} from "./checkout-steps";
import { type CheckoutFacts, orderWrites } from "./checkout-writes";
import { readOrderConfig } from "./config";
import { atSalePrices } from "./flash-sale-lines";
import { type Order, type OrderRow, presentOrder, presentOrders } from "./present";
import { askedCodes, checkoutVouchers, orderVoucherCodes, voucherUseWrites } from "./vouchers";

type CreateOrders = z.infer<typeof CreateOrdersSchema>;

/*
 * POST /orders: the checkout saga, keyed by the request's Idempotency-Key. It splits the cart into
 * one order per shop, prices each (catalog prices, shipping by courier table, voucher, tax), holds
 * all the stock (all or nothing; short stock is 409 insufficient_stock) and writes the orders.
 *
 * Every attempt of one request works under one checkout id, derived from the key and its scope
 * (stableId): the cart's hand-off, the stock holds and the order ids are the same on every retry.
 *
 * Steps, each followed by a probe point (checkout-probe.ts):
 *   1. hand-off: the Cart object hands its lines to the checkout id (cart/object/handoffs.ts);
 *      the hoarding caps' tallies are read meanwhile (they need the buyer, not the cart).
 *   0. only when the hand-off was given before (a retry or a takeover): orders of this checkout
 *      already written (a takeover after the commit point)? Answer them. A first hand-off cannot
 *      have orders: they are written only after it.
 *   2. price, 3. quote (and the caps checked), 4. claim: the voucher checked, its discounts fixed.
 *   5. reserve: the stock held in the Inventory objects under the checkout id.
 *   6. write: ONE D1 batch, THE COMMIT POINT: guards (this attempt still holds the key, the caps,
 *      the voucher's limits), the voucher use, the orders, items, timeline, `order.created` events,
 *      redemptions, and the key's final 201 answer.
 *   7. the cart is told its lines became orders; the outbox is drained soon.
 *
 * A retry after a crash (the key's lock ran out, or the attempt answered 5xx):
 *   - before 1: nothing was taken; it runs afresh.
 *   - after 1 to 5: the same lines from the hand-off (never "cart empty"), priced and quoted again,
 *     the same holds found (reserving is idempotent by id), no voucher use counted yet; it writes.
 *   - after 6: the key holds the answer written with the orders; the middleware replays it, and
 *     step 0 answers any attempt that still gets here.
 * Never retried: the Cart object's alarm finds the hand-off abandoned (no answer under the key, no
 * live attempt), fences the key so that the dead attempt cannot commit any more, gives the lines
 * back and releases the holds; a later retry is 409 and changes nothing.
 * A failure (not a crash) before 6 runs the one compensation path, `giveBack`: holds dropped, lines
 * back in the cart, once; the same key may then be retried from scratch. It runs only while this
 * attempt still holds the key: after a takeover the checkout is the new attempt's.
 */

/** What a checkout has taken; `settled` once nothing may be given back (written, or taken over). */
interface Taken {
  checkoutId: string;
  claim: KeyClaim;
  cart: CheckoutCart;
  stockKeys?: string[];
  settled: boolean;
}

export async function placeOrders(
  c: Context<AppEnv>,
  input: CreateOrders,
  probe: CheckoutProbe = {},
): Promise<Order[]> {
  const guestToken = checkoutCaller(c, input);
  const claim = keyClaimOf(c);
  if (!claim) throw new Error("POST /orders must run behind the idempotent middleware");
  const db = database(c.env);
  const checkoutId = await stableId("chk", 0, `${claim.scope}\n${claim.key}`);
  const checkAfterMs = readOrderConfig(c.env).abandonSeconds * 1000;
  const holder = await holderOf(c, guestToken);
  // The hand-off and the caps' tallies at once (one round trip of latency instead of two).
  const [handed, held] = await Promise.allSettled([
    handCartToCheckout(c, { checkoutId, keyScope: claim.scope, key: claim.key, checkAfterMs }),
    readHeldTallies(db, holder, nowMs()),
  ]);
  if (handed.status === "rejected") throw handed.reason;
  const cart = handed.value;
  if (cart === "ordered") return ordersOfCheckout(c.env, db, checkoutId);
  // Step 0: a hand-off given again may follow another attempt's commit, whose orders win.
  if (cart.replayed) {
    const written = await ordersOfCheckout(c.env, db, checkoutId);
    if (written.length > 0) return written;
  }
  const taken: Taken = { checkoutId, claim, cart, settled: false };
  try {
    await probe.reached?.("handed");
    return await ordersFromCart(c, input, taken, probe, { holder, held });
  } catch (err) {
    if (!taken.settled) await compensate(c.env, db, taken, probe);
    throw err;
  }
}

/** The guest's cart token (undefined for a signed-in buyer); 422 for a guest who cannot check out. */
function checkoutCaller(c: Context<AppEnv>, input: CreateOrders): string | undefined {
  const guestToken = callerCartToken(c);
  if (!c.get("auth") && !input.contactEmail) {
    throw new ApiError("validation_failed", "Guests need a contactEmail for the order confirmation.", {
      errors: [{ path: "contactEmail", message: "Required for guest checkout" }],
    });
  }
  return guestToken;
}

/** Steps 2 to 7; each records in `taken` what it took before the probe may fail the next. */
async function ordersFromCart(
  c: Context<AppEnv>,
  input: CreateOrders,
  taken: Taken,
  probe: CheckoutProbe,
  buyer: { holder: CheckoutHolder; held: PromiseSettledResult<HeldTallies> },
): Promise<Order[]> {
  const reached = async (point: CheckoutPoint) => probe.reached?.(point);
  const config = readOrderConfig(c.env);
  const db = database(c.env);
  let lines = await priceLines(db, taken.cart.lines);
  await reached("priced");

  const { holder, held } = buyer;
  // One order per shop: the caps are checked before anything is quoted or held.
  const load: CheckoutLoad = {
    orders: new Set(lines.map((l) => l.shopId)).size,
    units: lines.reduce((n, l) => n + l.quantity, 0),
  };
  if (held.status === "rejected") throw held.reason;
  checkCaps(held.value, config.caps, load);
  const buyerKey = buyerKeyOf(holder);
  const quoted = await quoteAndReserve(c, input, taken, lines, buyerKey, reached);
  let { address, currency, parcels, voucher } = quoted;
  const { saleUnits } = quoted;
  // Units the Inventory objects granted at a flash sale's price: re-price the parcels and voucher.
  const charged = atSalePrices(lines, saleUnits);
  if (charged) {
    lines = charged;
    ({ address, currency, parcels } = await checkoutParcels(c, input, lines));
    voucher = await checkoutVouchers(db, input, buyerKey, currency, parcels);
  }

  const facts: CheckoutFacts = {
    checkoutId: taken.checkoutId,
    now: taken.cart.takenAt,
    expiresAt: taken.cart.takenAt + config.reservationSeconds * 1000,
    customerId: holder.customerId,
    guestTokenHash: holder.guestTokenHash,
    checkoutIpHash: holder.ipHash,
    buyerKey,
    address,
    addressEnc: await encryptPii(c.env, JSON.stringify(address)),
    contactEmailEnc: input.contactEmail ? await encryptPii(c.env, input.contactEmail.toLowerCase()) : null,
    taxRates: config.taxRates,
  };
  const orders = await Promise.all(
    parcels.map((p, i) =>
      orderWrites(db, facts, p, { amount: voucher.discounts[i], codes: orderVoucherCodes(voucher, i) }, i),
    ),
  );
  const presented = await Promise.all(orders.map((o) => presentOrder(c.env, o.row as OrderRow, o.items)));
  const answer = await storedAnswerOf(c.json({ orders: presented }, 201));
  const [keyGuard, keyAnswer] = answerWrites(db, taken.claim, answer);
  const voucherUse = voucher.applied.flatMap((a) => voucherUseWrites(db, a.code, buyerKey));
  await reached("prepared");

  const recheck = async () => {
    await enforceCaps(db, config.caps, holder, load, nowMs());
    await checkoutVouchers(db, input, buyerKey, currency, parcels);
  };
  const batch: BatchItem<"sqlite">[] = [keyGuard, capsGuard(db, config.caps, holder, load, nowMs()), ...voucherUse];
  batch.push(...orders.flatMap((o) => o.writes), keyAnswer);
  const answered = await writeOrders(db, taken, batch, recheck);
  await reached("written");

  // After the commit point the answer no longer waits on the cart (its alarm would find out by itself).
  c.executionCtx.waitUntil(
    taken.cart.done().catch((err) => logEvent("warn", "checkout_handoff_done_failed", { error: String(err) })),
  );
  drainSoon(c.executionCtx, c.env, c.get("config"));
  // The cart became orders: the funnel's conversion (docs/metrics.md). A replayed answer records
  // nothing; a second point of one cart would count once anyway (the funnel counts carts).
  recordMetric(c.env, { kind: "cart", action: "ordered", cartKey: taken.cart.id }, (p) => c.executionCtx.waitUntil(p));
  return answered ?? presented;
}

/**
 * Steps 3 to 5: the parcels quoted, the voucher claimed, the stock reserved. With a voucher, it is
 * checked on the quoted parcels before any stock is held, as it always was. Without one, nothing but
 * short stock can refuse the checkout once the parcels are known to be deliverable (the caps were
 * checked), so the couriers' held prices are read while the stock is reserved: one D1 round trip of
 * latency less. Both are waited for before anything fails, so no hold lands after a give-back.
 */
async function quoteAndReserve(
  c: Context<AppEnv>,
  input: CreateOrders,
  taken: Taken,
  lines: CheckoutLine[],
  buyerKey: string,
  reached: (point: CheckoutPoint) => Promise<void>,
) {
  const config = readOrderConfig(c.env);
  const db = database(c.env);
  const reserve = () => {
    taken.stockKeys = lines.map((l) => inventoryKey(l.productId, l.variantId));
    return reserveStock(c.env, taken.checkoutId, lines, config, buyerKey);
  };
  if (askedCodes(input).length > 0) {
    const { address, currency, parcels } = await checkoutParcels(c, input, lines);
    await reached("quoted");
    const voucher = await checkoutVouchers(db, input, buyerKey, currency, parcels);
    await reached("claimed");
    const saleUnits = await reserve();
    await reached("reserved");
    return { address, currency, parcels, voucher, saleUnits };
  }
  const address = await shippingAddressFor(c, input);
  deliverable(c, input, lines, address);
  const [quote, reserved] = await Promise.allSettled([parcelsTo(c, input, lines, address), reserve()]);
  if (quote.status === "rejected") throw quote.reason;
  if (reserved.status === "rejected") throw reserved.reason;
  const { currency, parcels } = quote.value;
  await reached("quoted");
  const voucher = await checkoutVouchers(db, input, buyerKey, currency, parcels);
  await reached("claimed");
  await reached("reserved");
  return { address, currency, parcels, voucher, saleUnits: reserved.value };
}

/**
 * Step 6, the commit point. A batch that did not commit is explained by the key: answered by
 * another attempt of this checkout (its orders are the answer), taken over (this attempt stops,
 * changing nothing), or still ours, stopped by a guard: the cap or voucher limit now reached is
 * answered (`recheck` throws it), else a plain 409.
 */
async function writeOrders(
  db: Database,
  taken: Taken,
  writes: BatchItem<"sqlite">[],
  recheck: () => Promise<void>,
): Promise<Order[] | undefined> {
  try {
    const [first, ...rest] = writes;
    await db.batch([first, ...rest]);
    taken.settled = true;
    // The batch completed the key with this answer: the middleware has nothing left to write.
    markKeyCompleted(taken.claim);
    return undefined;
  } catch (err) {
    const key = await keyOutcome(db, taken.claim);
    if (key.state === "completed") {
      taken.settled = true;
      markKeyCompleted(taken.claim);
      if (key.answer.status === 201) return (JSON.parse(key.answer.body) as { orders: Order[] }).orders;
    }
    if (key.state !== "held") {
      taken.settled = true;
      throw new ApiError(
        "conflict",
        "Another attempt with this Idempotency-Key has taken this checkout over. Retry in a moment to get its answer.",
        { headers: { "Retry-After": "1" } },
      );
    }
    if (!isGuardRefusal(err)) throw err;
    await recheck();
    throw new ApiError("conflict", "Your open orders or the voucher changed while this checkout ran. Check out again.");
  }
}

/** The orders a checkout wrote, in the order of its cart (their ids sort so). */
async function ordersOfCheckout(env: Env, db: Database, checkoutId: string): Promise<Order[]> {
  const rows = await db
    .select()
    .from(ordersTable)
    .where(eq(ordersTable.checkoutId, checkoutId))
    .orderBy(asc(ordersTable.id));
  return presentOrders(env, db, rows);
}

/**
 * Before giving back, makes sure this attempt still owns the checkout (a takeover owns it, with the
 * same holds and hand-off); the probe may stop here, as a killed process would.
 */
async function compensate(env: Env, db: Database, taken: Taken, probe: CheckoutProbe): Promise<void> {
  try {
    await probe.compensating?.();
  } catch {
    return;
  }
  const key = await keyOutcome(db, taken.claim).catch(() => ({ state: "held" as const }));
  if (key.state === "held") await giveBack(env, taken);
}

/**
 * The one compensation path: drops the stock holds (no trace left, so a retry may hold them again)
 * and puts the cart's lines back, each once and on its own: one failing (logged) does not keep the
 * other. No voucher use is counted before the commit point, so there is none to give back.
 */
async function giveBack(env: Env, taken: Taken): Promise<void> {
  const parts: Promise<unknown>[] = [taken.cart.giveBack()];
  if (taken.stockKeys) {
    parts.push(
      dropItems(
        env,
        taken.checkoutId,
        taken.stockKeys.map((key) => ({ key })),
      ),
    );
  }
  const results = await Promise.allSettled(parts);
  for (const r of results) {
    if (r.status === "rejected") logEvent("error", "checkout_give_back_failed", { error: String(r.reason) });
  }
}
