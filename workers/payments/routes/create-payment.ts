import type { RouteHandler } from "@hono/zod-openapi";
import { CreatePaymentSchema, PaymentSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { guestPaymentSlot } from "../../cart";
import { idempotentLimited } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { payWithCod } from "../cod";
import { startPayment } from "../service";
import { payWithWallet } from "../wallet-pay";

export const createPaymentRoute = defineRoute({
  method: "post",
  path: "/api/v1/payments",
  tags: ["Payments"],
  summary: "Pay for orders through a gateway",
  description:
    "Needs an Idempotency-Key. Returns the payment with nextAction (redirect, virtual account, QR string or deeplink) and localized instructions. Guests send the X-Cart-Token they checked out with. gateway wallet (method wallet, signed-in buyers): paid at once from the wallet of the orders' currency, status succeeded and the orders paid; short funds → 409 insufficient_funds and nothing changes; a restricted wallet → 403 wallet_restricted.",
  security: [...bearerAuth, {}],
  // The limit's slots beside the key claim; a guest's own slot in their Cart object (cart/payment-slots.ts).
  middleware: [idempotentLimited("payment", { guestSlot: guestPaymentSlot })] as const,
  request: jsonBody(CreatePaymentSchema),
  responses: { 201: jsonResponse("Payment started", PaymentSchema) },
  errors: [401, 403, 404, 409, 503],
});

export const createPaymentHandler: RouteHandler<typeof createPaymentRoute, AppEnv> = async (c) => {
  const body = c.req.valid("json");
  // wallet and cod have one method each, named after the gateway (the contract's COD call sends none).
  const input = { ...body, method: body.method ?? body.gateway };
  if (input.gateway === "cod") return c.json(await payWithCod(c, input), 201);
  return c.json(await (input.gateway === "wallet" ? payWithWallet(c, input) : startPayment(c, input)), 201);
};
