import type { RouteHandler } from "@hono/zod-openapi";
import { CartSchema, CartTokenHeaderSchema, CartTokenResponseHeaders } from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { resolveCart } from "../tokens";
import { emptyCart, readCart } from "../view";

export const getCartRoute = defineRoute({
  method: "get",
  path: "/api/v1/cart",
  tags: ["Cart"],
  summary: "The caller's cart, priced now",
  description:
    "Signed in: the user's cart. Otherwise the guest cart named by X-Cart-Token (a new token, returned in X-Cart-Token, when the request had none). Prices are re-read from the catalog and stock from inventory on every call.",
  security: [...bearerAuth, {}],
  request: { headers: CartTokenHeaderSchema },
  responses: { 200: { ...jsonResponse("The cart", CartSchema), headers: CartTokenResponseHeaders } },
});

export const getCartHandler: RouteHandler<typeof getCartRoute, AppEnv> = async (c) => {
  const cart = await resolveCart(c);
  if (cart.owner.kind === "guest" && cart.owner.isNew) return c.json(emptyCart(cart.id).cart, 200);
  const { cart: view } = await readCart(c.env, cart, new URL(c.req.url).origin);
  return c.json(view, 200);
};
