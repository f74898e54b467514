import type { RouteHandler } from "@hono/zod-openapi";
import { CreateOrdersSchema, OrdersCreatedSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { idempotentLimited } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { placeOrders } from "../checkout";
import type { CheckoutProbe } from "../checkout-probe";

export const createOrdersRoute = defineRoute({
  method: "post",
  path: "/api/v1/orders",
  tags: ["Orders"],
  summary: "Check out the cart: one order per shop, stock reserved",
  description:
    "Needs an Idempotency-Key. Stock is reserved until reservationExpiresAt (15 minutes by default); short stock is 409 insufficient_stock and nothing is reserved. Guests send X-Cart-Token, contactEmail and an inline shippingAddress.",
  security: [...bearerAuth, {}],
  // The network's slot beside the key claim; the per-account one in the buyer's Cart object with
  // the hand-off (cart-link.ts).
  middleware: [idempotentLimited("checkout", { accountSlot: "route" })] as const,
  request: {
    ...jsonBody(CreateOrdersSchema),
  },
  responses: { 201: jsonResponse("The orders, one per shop in the cart", OrdersCreatedSchema) },
  errors: [401, 409],
});

export const createOrdersHandler =
  (probe?: CheckoutProbe): RouteHandler<typeof createOrdersRoute, AppEnv> =>
  async (c) =>
    c.json({ orders: await placeOrders(c, c.req.valid("json"), probe) }, 201);
