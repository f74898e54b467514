import type { RouteHandler } from "@hono/zod-openapi";
import {
  CartItemParamSchema,
  CartSchema,
  CartTokenHeaderSchema,
  CartTokenResponseHeaders,
} from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { refusalError } from "../outcomes";
import { resolveCart } from "../tokens";
import { composeCart } from "../view";

export const deleteCartItemRoute = defineRoute({
  method: "delete",
  path: "/api/v1/cart/items/{id}",
  tags: ["Cart"],
  summary: "Remove a line",
  security: [...bearerAuth, {}],
  request: { params: CartItemParamSchema, headers: CartTokenHeaderSchema },
  responses: { 200: { ...jsonResponse("The cart after the change", CartSchema), headers: CartTokenResponseHeaders } },
  errors: [404],
});

export const deleteCartItemHandler: RouteHandler<typeof deleteCartItemRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const cart = await resolveCart(c);
  if (cart.owner.kind === "guest" && cart.owner.isNew) {
    throw new ApiError("not_found", "Your cart has no item with this id. GET /api/v1/cart lists its items.");
  }
  const result = await cart.stub.remove(id);
  if (!result.ok) throw refusalError(result);
  const { cart: view } = await composeCart(c.env, cart.id, result.cart, new URL(c.req.url).origin);
  return c.json(view, 200);
};
