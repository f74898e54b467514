import type { RouteHandler } from "@hono/zod-openapi";
import { CheckoutQuoteSchema, CreateOrdersSchema } from "../../../schemas/orders";
import type { AppEnv } from "../../app-env";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { quoteCheckout } from "../checkout-quote";

export const checkoutQuoteRoute = defineRoute({
  method: "post",
  path: "/api/v1/checkout/quote",
  tags: ["Orders"],
  summary: "What checking out the cart would cost now (nothing is reserved)",
  description:
    "Beyond the contract. The body of POST /orders (contactEmail is not required). Prices the caller's cart as the checkout does (one order per shop: items, shipping, voucher discount, tax, totals) and changes nothing: no stock held, no voucher use counted, the cart keeps its lines. Refusals are the checkout's (empty cart, items no longer for sale, no shipping to the address, a voucher that does not apply). Guests send X-Cart-Token. Rate limited like cart changes, so voucher codes cannot be guessed at speed.",
  security: [...bearerAuth, {}],
  // A quote writes nothing, but it answers whether a voucher code exists: limited like cart changes.
  middleware: [limitWrites("cart")] as const,
  request: jsonBody(CreateOrdersSchema),
  responses: { 200: jsonResponse("The orders the checkout would write, and their totals", CheckoutQuoteSchema) },
  errors: [409],
});

export const checkoutQuoteHandler: RouteHandler<typeof checkoutQuoteRoute, AppEnv> = async (c) =>
  c.json(await quoteCheckout(c, c.req.valid("json")), 200);
