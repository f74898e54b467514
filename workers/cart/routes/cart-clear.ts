import type { RouteHandler } from "@hono/zod-openapi";
import { CartSchema, CartTokenHeaderSchema, CartTokenResponseHeaders } from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { resolveCart } from "../tokens";
import { emptyCart, presentCart } from "../view";

export const clearCartRoute = defineRoute({
  method: "delete",
  path: "/api/v1/cart",
  tags: ["Cart"],
  summary: "Empty the cart",
  description: "Removes every line; the cart's currency is set again by the next first line.",
  security: [...bearerAuth, {}],
  request: { headers: CartTokenHeaderSchema },
  responses: { 200: { ...jsonResponse("The empty cart", CartSchema), headers: CartTokenResponseHeaders } },
});

export const clearCartHandler: RouteHandler<typeof clearCartRoute, AppEnv> = async (c) => {
  const cart = await resolveCart(c);
  if (cart.owner.kind === "guest" && cart.owner.isNew) return c.json(emptyCart(cart.id).cart, 200);
  const snapshot = await cart.stub.clear();
  return c.json(presentCart(cart.id, snapshot, [], new URL(c.req.url).origin), 200);
};
