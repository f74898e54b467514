import type { z } from "@hono/zod-openapi";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { cartTokenHash, guestCartToken } from "../cart";
import { inventoryKey, releaseItems, reserveItems } from "../inventory";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { type Currency, sum } from "../platform/money";
import { drainSoon } from "../platform/outbox";
import { encryptPii } from "../platform/pii";
import { type CheckoutCart, takeCartForCheckout } from "./cart-link";
import { type CheckoutLine, priceLines, type ShippingAddress, shippingAddressFor } from "./checkout-lines";
import { type CheckoutFacts, orderWrites, type ShopParcel } from "./checkout-writes";
import { type OrderConfig, readOrderConfig } from "./config";
import { type Order, type OrderRow, presentOrders } from "./present";
import { lineTotal } from "./pricing";
import { quoteForShop } from "./shipping-link";
import { checkoutVoucher, releaseVoucherUse } from "./vouchers";

type CreateOrders = z.infer<typeof CreateOrdersSchema>;
type Auth = AppEnv["Variables"]["auth"];

/**
 * POST /orders: splits the cart into one order per shop, prices each (catalog prices, shipping
 * by courier table, voucher, tax), reserves all stock at once (all or nothing; short stock is 409
 * insufficient_stock and nothing stays reserved), writes the orders with their timeline and
 * `order.created` events in one batch, then empties the cart.
 */
export async function placeOrders(c: Context<AppEnv>, input: CreateOrders): Promise<Order[]> {
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
  const cart = await takeCartForCheckout(c);
  try {
    return await ordersFromCart(c, input, cart.lines, auth, guestToken);
  } catch (err) {
    await cart.giveBack().catch(() => undefined);
    throw err;
  }
}

/** The checkout's steps: price, address, parcels, voucher, stock, then every order in one batch. */
async function ordersFromCart(
  c: Context<AppEnv>,
  input: CreateOrders,
  cartLines: CheckoutCart["lines"],
  auth: Auth,
  guestToken: string | undefined,
): Promise<Order[]> {
  const config = readOrderConfig(c.env);
  const db = database(c.env);
  if (cartLines.length === 0) {
    throw new ApiError("validation_failed", "Your cart is empty. Add items first.", {
      errors: [{ path: "cart", message: "empty" }],
    });
  }
  const lines = await priceLines(db, cartLines);
  const address = await shippingAddressFor(c, input);
  const currency = lines[0].unitPrice.currency;
  const parcels = shopParcels(lines, address, currency, input.shippingOptionId, c.get("config").shipping);
  const guestTokenHash = guestToken ? await cartTokenHash(guestToken) : null;
  const buyerKey = auth ? `user:${auth.userId}` : `guest:${guestTokenHash}`;
  const voucher = await checkoutVoucher(db, input.voucherCode, buyerKey, currency, parcels);

  const now = nowMs();
  const checkoutId = newId("chk");
  await reserveStock(c.env, db, checkoutId, lines, config, voucher.code);
  const facts: CheckoutFacts = {
    checkoutId,
    now,
    expiresAt: now + config.reservationSeconds * 1000,
    customerId: auth?.userId ?? null,
    guestTokenHash,
    buyerKey,
    address,
    addressEnc: await encryptPii(c.env, JSON.stringify(address)),
    contactEmailEnc: input.contactEmail ? await encryptPii(c.env, input.contactEmail.toLowerCase()) : null,
    voucherCode: voucher.code,
    taxRates: config.taxRates,
  };
  const orders = parcels.map((parcel, i) => orderWrites(db, facts, parcel, voucher.discounts[i]));
  await commitOrders(
    c.env,
    db,
    orders.flatMap((o) => o.writes),
    { checkoutId, lines, voucherCode: voucher.code },
  );
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return presentOrders(
    c.env,
    db,
    orders.map((o) => o.row as OrderRow),
  );
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
 * Refused: the voucher use counted for this checkout is given back, and the buyer is told which
 * items are short.
 */
async function reserveStock(
  env: Env,
  db: Database,
  checkoutId: string,
  lines: readonly CheckoutLine[],
  config: OrderConfig,
  voucherCode: string | undefined,
): Promise<void> {
  const reservation = await reserveItems(
    env,
    checkoutId,
    lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId), quantity: l.quantity })),
    (config.reservationSeconds + config.reservationGraceSeconds) * 1000,
  );
  if (reservation.ok) return;
  if (voucherCode) await releaseVoucherUse(db, voucherCode);
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

/** Writes every order in one batch; if it fails, the stock hold and the voucher use are given back. */
async function commitOrders(
  env: Env,
  db: Database,
  writes: BatchItem<"sqlite">[],
  held: { checkoutId: string; lines: readonly CheckoutLine[]; voucherCode: string | undefined },
): Promise<void> {
  try {
    const [first, ...rest] = writes;
    await db.batch([first, ...rest]);
  } catch (err) {
    await releaseItems(
      env,
      held.checkoutId,
      held.lines.map((l) => ({ key: inventoryKey(l.productId, l.variantId) })),
    ).catch(() => undefined);
    if (held.voucherCode) await releaseVoucherUse(db, held.voucherCode).catch(() => undefined);
    throw err;
  }
}
