import type { RouteHandler } from "@hono/zod-openapi";
import { CreatePaymentSchema, PaymentSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { startPayment } from "../service";

export const createPaymentRoute = defineRoute({
  method: "post",
  path: "/api/v1/payments",
  tags: ["Payments"],
  summary: "Pay for orders through a gateway",
  description:
    "Needs an Idempotency-Key. Returns the payment with nextAction (redirect, virtual account, QR string or deeplink) and localized instructions. Guests send the X-Cart-Token they checked out with.",
  security: [...bearerAuth, {}],
  middleware: [idempotent, limitWrites("payment")] as const,
  request: jsonBody(CreatePaymentSchema),
  responses: { 201: jsonResponse("Payment started", PaymentSchema) },
  errors: [401, 403, 404, 409, 503],
});

export const createPaymentHandler: RouteHandler<typeof createPaymentRoute, AppEnv> = async (c) =>
  c.json(await startPayment(c, c.req.valid("json")), 201);
