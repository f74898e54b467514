import type { z } from "@hono/zod-openapi";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { cartTokenHash, guestCartToken } from "../cart";
import { dropItems, inventoryKey, reserveItems } from "../inventory";
import { clientIpHash } from "../platform/client";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { logEvent } from "../platform/log";
import { type Currency, sum } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { encryptPii } from "../platform/pii";
import { type CheckoutCart, takeCartForCheckout } from "./cart-link";
import { type CheckoutHolder, type CheckoutLoad, capsGuard, enforceCaps, isCapsRefusal } from "./checkout-caps";
import { type CheckoutLine, priceLines, type ShippingAddress, shippingAddressFor } from "./checkout-lines";
import type { CheckoutPoint, CheckoutProbe } from "./checkout-probe";
import { type CheckoutFacts, orderWrites, type ShopParcel } from "./checkout-writes";
import { type OrderConfig, readOrderConfig } from "./config";
import { type Order, type OrderRow, presentOrders } from "./present";
import { lineTotal } from "./pricing";
import { quoteForShop } from "./shipping-link";
import { checkoutVoucher, releaseVoucherUse } from "./vouchers";

type CreateOrders = z.infer<typeof CreateOrdersSchema>;

/**
 * What a checkout has taken so far, so that one compensation path can give it all back: the cart's
 * lines, a voucher use, a stock reservation. `committed` is set once the orders are written (the
 * commit point): from then on nothing is given back, the orders hold it all.
 */
interface Taken {
  cart: CheckoutCart;
  voucherCode?: string;
  stock?: { reservationId: string; keys: string[] };
  committed: boolean;
}

/**
 * POST /orders: splits the cart into one order per shop, prices each (catalog prices, shipping
 * by courier table, voucher, tax), reserves all stock at once (all or nothing; short stock is 409
 * insufficient_stock and nothing stays reserved), writes the orders with their timeline and
 * `order.created` events in one batch, then empties the cart.
 *
 * The steps, in order: price → quote (and the hoarding caps) → claim (the voucher use) → reserve
 * (stock in the Inventory objects) → write (one D1 batch: the commit point). A failure before the
 * batch has written gives back everything taken, once (`giveBack`); after it, nothing is undone.
 */
export async function placeOrders(
  c: Context<AppEnv>,
  input: CreateOrders,
  probe: CheckoutProbe = {},
): Promise<Order[]> {
  const auth = c.get("auth");
  const guestToken = auth ? undefined : guestCartToken(c);
  if (!auth && !guestToken) {
    throw new ApiError(
      "validation_failed",
      "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).",
      { errors: [{ path: "cart", message: "empty" }] },
    );
  }
  if (!auth && !input.contactEmail) {
    throw new ApiError("validation_failed", "Guests need a contactEmail for the order confirmation.", {
      errors: [{ path: "contactEmail", message: "Required for guest checkout" }],
    });
  }
  const taken: Taken = { cart: await takeCartForCheckout(c), committed: false };
  try {
    return await ordersFromCart(c, input, taken, probe, guestToken);
  } catch (err) {
    if (!taken.committed) await giveBack(c.env, database(c.env), taken);
    throw err;
  }
}

/** The checkout's steps; each records in `taken` what it took, before `probe` may fail the next. */
async function ordersFromCart(
  c: Context<AppEnv>,
  input: CreateOrders,
  taken: Taken,
  probe: CheckoutProbe,
  guestToken: string | undefined,
): Promise<Order[]> {
  const reached = async (point: CheckoutPoint) => probe.reached?.(point);
  const config = readOrderConfig(c.env);
  const db = database(c.env);
  if (taken.cart.lines.length === 0) {
    throw new ApiError("validation_failed", "Your cart is empty. Add items first.", {
      errors: [{ path: "cart", message: "empty" }],
    });
  }
  // price
  const lines = await priceLines(db, taken.cart.lines);
  await reached("priced");

  // quote, and the hoarding caps for what this checkout would hold
  const address = await shippingAddressFor(c, input);
  const currency = lines[0].unitPrice.currency;
  const parcels = shopParcels(lines, address, currency, input.shippingOptionId, c.get("config").shipping);
  const holder = await holderOf(c, guestToken);
  const load: CheckoutLoad = { orders: parcels.length, units: lines.reduce((n, l) => n + l.quantity, 0) };
  await enforceCaps(db, config.caps, holder, load, nowMs());
  await reached("quoted");

  // claim
  const buyerKey = holder.customerId ? `user:${holder.customerId}` : `guest:${holder.guestTokenHash}`;
  const voucher = await checkoutVoucher(db, input.voucherCode, buyerKey, currency, parcels);
  taken.voucherCode = voucher.code;
  await reached("claimed");

  // reserve
  const checkoutId = newId("chk");
  taken.stock = { reservationId: checkoutId, keys: lines.map((l) => inventoryKey(l.productId, l.variantId)) };
  await reserveStock(c.env, checkoutId, lines, config);
  await reached("reserved");

  // write
  const now = nowMs();
  const facts: CheckoutFacts = {
    checkoutId,
    now,
    expiresAt: now + config.reservationSeconds * 1000,
    customerId: holder.customerId,
    guestTokenHash: holder.guestTokenHash,
    checkoutIpHash: holder.ipHash,
    buyerKey,
    address,
    addressEnc: await encryptPii(c.env, JSON.stringify(address)),
    contactEmailEnc: input.contactEmail ? await encryptPii(c.env, input.contactEmail.toLowerCase()) : null,
    voucherCode: voucher.code,
    taxRates: config.taxRates,
  };
  const orders = parcels.map((parcel, i) => orderWrites(db, facts, parcel, voucher.discounts[i]));
  await reached("prepared");
  await writeOrders(db, [capsGuard(db, config.caps, holder, load, now), ...orders.flatMap((o) => o.writes)], () =>
    enforceCaps(db, config.caps, holder, load, now),
  );
  taken.committed = true;
  await reached("written");

  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentOrders(
    c.env,
    db,
    orders.map((o) => o.row as OrderRow),
  );
}

/** Who is checking out, as the orders record it and the hoarding caps count it. */
async function holderOf(c: Context<AppEnv>, guestToken: string | undefined): Promise<CheckoutHolder> {
  const auth = c.get("auth");
  return {
    customerId: auth?.userId ?? null,
    guestTokenHash: guestToken ? await cartTokenHash(guestToken) : null,
    ipHash: await clientIpHash(c),
  };
}

/** One parcel per shop, in the order the shops first appear in the cart, with its shipping and subtotal. */
function shopParcels(
  lines: readonly CheckoutLine[],
  address: ShippingAddress,
  currency: Currency,
  optionId: string | undefined,
  shipping: { defaultWeightGrams: number },
): ShopParcel[] {
  const shopIds = [...new Set(lines.map((l) => l.shopId))];
  return shopIds.map((shopId) => {
    const shopLines = lines.filter((l) => l.shopId === shopId);
    const option = quoteForShop({
      shopId,
      shopCountry: shopLines[0].shopCountry,
      destination: address,
      currency,
      items: shopLines.map((l) => ({ quantity: l.quantity, weightGrams: l.weightGrams, dimensionsMm: l.dimensionsMm })),
      optionId,
      defaultWeightGrams: shipping.defaultWeightGrams,
    });
    const subtotal = sum(
      shopLines.map((l) => lineTotal(l.unitPrice, l.quantity)),
      currency,
    );
    return { shopId, lines: shopLines, option, subtotal };
  });
}

/**
 * Holds the stock of every line until the orders expire (plus a grace period), all or nothing.
 * Refused: the buyer is told which items are short (what else was taken is given back by the caller).
 */
async function reserveStock(
  env: Env,
  checkoutId: string,
  lines: readonly CheckoutLine[],
  config: OrderConfig,
): Promise<void> {
  const reservation = await reserveItems(
    env,
    checkoutId,
    lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId), quantity: l.quantity })),
    (config.reservationSeconds + config.reservationGraceSeconds) * 1000,
  );
  if (reservation.ok) return;
  if (reservation.code !== "insufficient_stock") {
    throw new ApiError("conflict", "This checkout could not reserve its stock. Check out again.");
  }
  throw new ApiError(
    "insufficient_stock",
    "Some items do not have enough stock left. Lower the quantities (see errors) and check out again; nothing was reserved.",
    {
      errors: reservation.items.map((s) => ({
        path: `items.${s.key}`,
        message: `requested ${s.requested}, available ${s.available}`,
      })),
    },
  );
}

/**
 * Writes every order in one batch, whose first statement re-checks the hoarding caps. A batch the
 * caps stopped is answered with the cap that is now reached (`recheck` throws it), or a plain 409.
 */
async function writeOrders(db: Database, writes: BatchItem<"sqlite">[], recheck: () => Promise<void>): Promise<void> {
  try {
    const [first, ...rest] = writes;
    await db.batch([first, ...rest]);
  } catch (err) {
    if (!isCapsRefusal(err)) throw err;
    await recheck();
    throw new ApiError("conflict", "Your open orders changed while this checkout ran. Check out again.");
  }
}

/**
 * The one compensation path: gives back the stock hold, the voucher use and the cart's lines of a
 * checkout that failed before its orders were written. Each part is given back once, on its own: one
 * failing (logged) does not keep the others.
 */
async function giveBack(env: Env, db: Database, taken: Taken): Promise<void> {
  const { stock, voucherCode } = taken;
  const parts: Promise<unknown>[] = [taken.cart.giveBack()];
  if (stock)
    parts.push(
      dropItems(
        env,
        stock.reservationId,
        stock.keys.map((key) => ({ key })),
      ),
    );
  if (voucherCode) parts.push(releaseVoucherUse(db, voucherCode).run());
  const results = await Promise.allSettled(parts);
  for (const r of results) {
    if (r.status === "rejected") logEvent("error", "checkout_give_back_failed", { error: String(r.reason) });
  }
}
