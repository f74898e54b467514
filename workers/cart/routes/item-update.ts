import type { RouteHandler } from "@hono/zod-openapi";
import {
  CartItemParamSchema,
  CartSchema,
  CartTokenHeaderSchema,
  CartTokenResponseHeaders,
  UpdateCartItemSchema,
} from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { cartLineKey } from "../../catalog";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { refusalError } from "../outcomes";
import { resolveCart } from "../tokens";
import { type CartContents, composeCart } from "../view";

export const updateCartItemRoute = defineRoute({
  method: "patch",
  path: "/api/v1/cart/items/{id}",
  tags: ["Cart"],
  summary: "Change a line's quantity (0 removes it)",
  description:
    "Raising a quantity needs the stock (409 insufficient_stock); lowering it is always allowed, even for a product no longer for sale.",
  security: [...bearerAuth, {}],
  request: { params: CartItemParamSchema, headers: CartTokenHeaderSchema, ...jsonBody(UpdateCartItemSchema) },
  responses: { 200: { ...jsonResponse("The cart after the change", CartSchema), headers: CartTokenResponseHeaders } },
  errors: [404, 409],
});

const NO_SUCH_ITEM = "Your cart has no item with this id. GET /api/v1/cart lists its items.";

export const updateCartItemHandler: RouteHandler<typeof updateCartItemRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { quantity } = c.req.valid("json");
  const cart = await resolveCart(c);
  if (cart.owner.kind === "guest" && cart.owner.isNew) throw new ApiError("not_found", NO_SUCH_ITEM);
  const origin = new URL(c.req.url).origin;
  // Lowering needs no stock: one call. A raise is answered needs_stock with the cart as it is,
  // whose view gives the line's product, whether it is for sale and its stock; then a second call.
  let before: CartContents | undefined;
  let result = await cart.stub.setQuantity({ lineId: id, quantity });
  if (!result.ok && result.code === "needs_stock") {
    before = await composeCart(c.env, cart.id, result.cart, origin);
    const item = before.items.find((i) => i.line.id === id);
    if (!item) throw new ApiError("not_found", NO_SUCH_ITEM);
    result = await cart.stub.setQuantity({ lineId: id, quantity, available: item.available });
  }
  if (!result.ok) {
    // The second call carries `available`: being asked again would be a bug in the object.
    if (result.code === "needs_stock") throw new Error("Cart object asked again for the stock of a raise");
    throw refusalError(result);
  }
  const known = before && {
    catalog: new Map(before.items.flatMap((i) => (i.catalog ? [[cartLineKey(i.line), i.catalog] as const] : []))),
    stock: new Map(before.items.map((i) => [cartLineKey(i.line), i.available] as const)),
  };
  const { cart: view } = await composeCart(c.env, cart.id, result.cart, origin, known);
  return c.json(view, 200);
};
