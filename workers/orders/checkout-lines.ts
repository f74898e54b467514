import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Country } from "../../schemas/identity";
import type { CreateOrdersSchema } from "../../schemas/orders";
import type { AppEnv } from "../app-env";
import { type CartCatalogEntry, cartCatalog, cartLineKey } from "../catalog";
import { normalizeAddress, savedAddressOf } from "../identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { type Money, money } from "../platform/money";
import type { CheckoutCart } from "./cart-link";
import type { Order } from "./present";

type CreateOrders = z.infer<typeof CreateOrdersSchema>;
export type ShippingAddress = Order["shippingAddress"] & { country: Country };

/** One cart line as the checkout prices it: what is bought, from which shop, at today's price. */
export interface CheckoutLine {
  productId: string;
  variantId: string | null;
  shopId: string;
  shopCountry: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  /** The SKU's live flash sale: units the Inventory object grants at its price are split off (flash-sale-lines.ts). */
  flashSale: CartCatalogEntry["flashSale"];
  weightGrams: number | null;
  dimensionsMm: [number, number, number] | null;
}

/**
 * Re-reads every cart line from the catalog (one D1 query): current price, name, sku, the shop
 * and where it ships from. A line no longer for sale makes the checkout 409, naming it; so do
 * lines in several currencies.
 */
export async function priceLines(db: Database, cartLines: CheckoutCart["lines"]): Promise<CheckoutLine[]> {
  const catalog = await cartCatalog(db, cartLines);
  const unavailable: string[] = [];
  const lines: CheckoutLine[] = [];
  for (const line of cartLines) {
    const entry = catalog.get(cartLineKey(line));
    // A product with variants bought without one was allowed into the cart before it had them.
    if (!entry || (entry.unavailable !== null && entry.unavailable !== "variant_required")) {
      unavailable.push(line.productId);
      continue;
    }
    lines.push({
      productId: entry.productId,
      variantId: entry.variantId,
      shopId: entry.shopId,
      shopCountry: entry.shopCountry,
      name: entry.variantName !== null ? `${entry.name} (${entry.variantName})` : entry.name,
      sku: entry.sku,
      quantity: line.quantity,
      unitPrice: money(entry.unitPrice, entry.currency),
      flashSale: entry.flashSale,
      weightGrams: entry.weightGrams,
      dimensionsMm: entry.dimensions
        ? [entry.dimensions.lengthMm, entry.dimensions.widthMm, entry.dimensions.heightMm]
        : null,
    });
  }
  if (unavailable.length) {
    throw new ApiError(
      "conflict",
      "Some items in your cart are no longer for sale. Remove them (POST /api/v1/cart/validate lists them) and check out again.",
      { errors: unavailable.map((id) => ({ path: `cart.${id}`, message: "unavailable" })) },
    );
  }
  if (new Set(lines.map((l) => l.unitPrice.currency)).size > 1) {
    throw new ApiError(
      "currency_mismatch",
      "Your cart mixes currencies. Keep items of one currency and check out again.",
    );
  }
  return lines;
}

/** The buyer's delivery address: one of their saved addresses, or the one sent inline. */
export async function shippingAddressFor(
  c: Context<AppEnv>,
  input: Pick<CreateOrders, "shippingAddress" | "shippingAddressId">,
): Promise<ShippingAddress> {
  const auth = c.get("auth");
  if (input.shippingAddressId) {
    if (!auth)
      throw new ApiError("validation_failed", "Guests send the address inline as shippingAddress.", {
        errors: [{ path: "shippingAddressId", message: "Only for signed-in buyers" }],
      });
    const saved = await savedAddressOf(c.env, auth.userId, input.shippingAddressId);
    if (!saved)
      throw new ApiError("validation_failed", "You have no saved address with this id.", {
        errors: [{ path: "shippingAddressId", message: "Unknown address" }],
      });
    const { id: _id, isPrimary: _p, ...address } = saved;
    return address as ShippingAddress;
  }
  const { isPrimary: _p, ...address } = normalizeAddress({ ...input.shippingAddress!, isPrimary: false });
  return address as ShippingAddress;
}
