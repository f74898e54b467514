import type { RouteHandler } from "@hono/zod-openapi";
import { AddCartItemSchema, CartSchema, CartTokenHeaderSchema, CartTokenResponseHeaders } from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { cachedCartCatalog, cartLineKey } from "../../catalog";
import { inventoryKey, stockLevel } from "../../inventory";
import { accountSlotOf, limitWrites } from "../../middleware/write-limits";
import { recordMetric } from "../../platform/metrics";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { refusalError, requirePurchasable } from "../outcomes";
import { resolveCart } from "../tokens";
import { composeCart } from "../view";

export const addCartItemRoute = defineRoute({
  method: "post",
  path: "/api/v1/cart/items",
  tags: ["Cart"],
  summary: "Add a product to the cart",
  description:
    "Adds to the product's line if the cart has one. The line may hold at most what is in stock (409 insufficient_stock) and 99 units; the first line sets the cart's currency and a product priced in another one is refused (409 currency_mismatch). Unknown, draft, archived or deleted products are 404; a product with variants needs variantId (422).",
  security: [...bearerAuth, {}],
  // The buyer's slot of the limit is taken by the Cart object with the add (one commit, no D1 counter).
  middleware: [limitWrites("cart", { accountSlot: "route" })] as const,
  request: { headers: CartTokenHeaderSchema, ...jsonBody(AddCartItemSchema) },
  responses: { 200: { ...jsonResponse("The cart after the change", CartSchema), headers: CartTokenResponseHeaders } },
  errors: [404, 409],
});

export const addCartItemHandler: RouteHandler<typeof addCartItemRoute, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  const ref = { productId: body.productId, variantId: body.variantId ?? null };
  const cart = await resolveCart(c);
  const [catalog, level] = await Promise.all([
    cachedCartCatalog(c.env, [ref]),
    stockLevel(c.env, { key: inventoryKey(ref.productId, ref.variantId) }),
  ]);
  const entry = requirePurchasable(catalog.get(cartLineKey(ref)), ref.variantId);
  const slot = accountSlotOf(c);
  const result = await cart.stub.add({
    ...ref,
    quantity: body.quantity,
    unitPrice: entry.unitPrice,
    currency: entry.currency,
    name: entry.name,
    available: level.available,
    accountLimit: slot && { limit: slot.limit, windowSeconds: slot.windowSeconds },
  });
  if (!result.ok) {
    if (result.code !== "rate_limited") throw refusalError(result, entry.currency);
    if (!slot) throw new Error("Cart object refused a limit slot it was not asked for");
    throw await slot.refused(result.retryAfterSeconds);
  }
  // Every add puts the cart in the funnel's population (conversion, cart abandonment: docs/metrics.md);
  // the one that put the first line into an empty cart starts it.
  const first = result.cart.lines.length === 1 && result.cart.lines[0]?.quantity === body.quantity;
  recordMetric(c.env, { kind: "cart", action: first ? "start" : "add", cartKey: cart.id }, (p) =>
    c.executionCtx.waitUntil(p),
  );
  const { cart: view } = await composeCart(c.env, cart.id, result.cart, new URL(c.req.url).origin, {
    catalog,
    stock: new Map([[cartLineKey(ref), level.available]]),
  });
  return c.json(view, 200);
};
