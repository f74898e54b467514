import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { cartTokenHash, guestCartToken } from "../cart";
import { inventoryKey, reserveItems } from "../inventory";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { type Currency, type Money, sum } from "../platform/money";
import type { CheckoutHolder } from "./checkout-caps";
import { type CheckoutLine, type ShippingAddress, shippingAddressFor } from "./checkout-lines";
import type { ShopParcel } from "./checkout-writes";
import type { OrderConfig } from "./config";
import { saleClaim } from "./flash-sale-lines";
import { lineTotal } from "./pricing";
import { heldShippingQuotes, quoteForShop } from "./shipping-link";

/* The pieces of the checkout's steps (workers/orders/checkout.ts) that stand on their own. */

/**
 * The guest's cart token (undefined for a signed-in buyer); a guest without one has no cart, which
 * the checkout and the quote answer as an empty cart (422).
 */
export function callerCartToken(c: Context<AppEnv>): string | undefined {
  const auth = c.get("auth");
  const guestToken = auth ? undefined : guestCartToken(c);
  if (!auth && !guestToken) {
    throw new ApiError(
      "validation_failed",
      "Your cart is empty. Add items first (guests: send the X-Cart-Token of your cart).",
      { errors: [{ path: "cart", message: "empty" }] },
    );
  }
  return guestToken;
}

/** Who is checking out, as the orders record it and the hoarding caps count it. */
export async function holderOf(c: Context<AppEnv>, guestToken: string | undefined): Promise<CheckoutHolder> {
  const auth = c.get("auth");
  return {
    customerId: auth?.userId ?? null,
    guestTokenHash: guestToken ? await cartTokenHash(guestToken) : null,
    ipHash: await clientIpHash(c),
  };
}

/** `user:<id>` or `guest:<token hash>`: whose voucher use a redemption counts. */
export function buyerKeyOf(holder: CheckoutHolder): string {
  return holder.customerId ? `user:${holder.customerId}` : `guest:${holder.guestTokenHash}`;
}

/**
 * The delivery address and the shop parcels of priced lines: what the checkout writes and the quote
 * (checkout-quote.ts) shows, from one function so that the two never price a cart differently.
 */
export async function checkoutParcels(
  c: Context<AppEnv>,
  input: z.infer<typeof CreateOrdersSchema>,
  lines: readonly CheckoutLine[],
): Promise<{ address: ShippingAddress; currency: Currency; parcels: ShopParcel[] }> {
  const address = await shippingAddressFor(c, input);
  return { address, ...(await parcelsTo(c, input, lines, address)) };
}

/**
 * The shop parcels of priced lines to `address`, at the courier prices held for the buyer (one D1
 * read per shop, all at once). Only a D1 failure can refuse here once `deliverable` passed.
 */
export async function parcelsTo(
  c: Context<AppEnv>,
  input: Pick<z.infer<typeof CreateOrdersSchema>, "shippingOptionId">,
  lines: readonly CheckoutLine[],
  address: ShippingAddress,
): Promise<{ currency: Currency; parcels: ShopParcel[] }> {
  const currency = lines[0].unitPrice.currency;
  const shipping = c.get("config").shipping;
  const shopIds = [...new Set(lines.map((l) => l.shopId))];
  const quotes = await Promise.all(
    shopIds.map((shopId) =>
      heldShippingQuotes(database(c.env), {
        ...shopQuote(
          shopId,
          lines.filter((l) => l.shopId === shopId),
          address,
          currency,
        ),
        defaultWeightGrams: shipping.defaultWeightGrams,
      }),
    ),
  );
  const held = new Map(shopIds.map((shopId, i) => [shopId, quotes[i]]));
  const parcels = shopParcels(lines, address, currency, input.shippingOptionId, shipping, held);
  return { currency, parcels };
}

/**
 * Refuses (422, naming the shop) lines that some shop cannot deliver to `address`, before anything
 * is read or held: the couriers' held prices change what a parcel costs, never whether it ships.
 */
export function deliverable(
  c: Context<AppEnv>,
  input: Pick<z.infer<typeof CreateOrdersSchema>, "shippingOptionId">,
  lines: readonly CheckoutLine[],
  address: ShippingAddress,
): void {
  shopParcels(lines, address, lines[0].unitPrice.currency, input.shippingOptionId, c.get("config").shipping);
}

function shopQuote(shopId: string, shopLines: readonly CheckoutLine[], address: ShippingAddress, currency: Currency) {
  return {
    shopId,
    shopCountry: shopLines[0].shopCountry,
    destination: address,
    currency,
    items: shopLines.map((l) => ({ quantity: l.quantity, weightGrams: l.weightGrams, dimensionsMm: l.dimensionsMm })),
  };
}

/** One parcel per shop, in the order the shops first appear in the cart, with its shipping and subtotal. */
export function shopParcels(
  lines: readonly CheckoutLine[],
  address: ShippingAddress,
  currency: Currency,
  optionId: string | undefined,
  shipping: { defaultWeightGrams: number },
  held: ReadonlyMap<string, ReadonlyMap<string, Money>> = new Map(),
): ShopParcel[] {
  const shopIds = [...new Set(lines.map((l) => l.shopId))];
  return shopIds.map((shopId) => {
    const shopLines = lines.filter((l) => l.shopId === shopId);
    const option = quoteForShop(
      {
        ...shopQuote(shopId, shopLines, address, currency),
        optionId,
        defaultWeightGrams: shipping.defaultWeightGrams,
      },
      held.get(shopId),
    );
    const subtotal = sum(
      shopLines.map((l) => lineTotal(l.unitPrice, l.quantity)),
      currency,
    );
    return { shopId, lines: shopLines, option, subtotal };
  });
}

/**
 * Holds the stock of every line until the orders expire (plus a grace period), all or nothing,
 * under the checkout's id: a retry of the checkout finds its holds as they are (nothing taken
 * twice). Refused: the buyer is told which items are short (the caller gives back the rest).
 */
export async function reserveStock(
  env: Env,
  checkoutId: string,
  lines: readonly CheckoutLine[],
  config: OrderConfig,
  buyerKey: string,
): Promise<Map<string, number>> {
  const reservation = await reserveItems(
    env,
    checkoutId,
    lines.map((l) => ({
      key: inventoryKey(l.productId, l.variantId),
      quantity: l.quantity,
      // A live flash sale: the object grants units at its price (quota, buyer's limit) with the stock.
      ...(l.flashSale ? { sale: saleClaim(l.flashSale, buyerKey) } : {}),
    })),
    (config.reservationSeconds + config.reservationGraceSeconds) * 1000,
  );
  if (reservation.ok) return new Map(reservation.items.map((i) => [i.key, i.saleUnits]));
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
