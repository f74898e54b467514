import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { PaymentSchema, SimulatePaymentSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { presentPayment } from "../present";
import { paymentFor } from "../service";
import { simulateSandboxPayment } from "../webhooks";

export const simulatePaymentRoute = defineRoute({
  method: "post",
  path: "/api/v1/payments/{id}/simulate",
  tags: ["Payments"],
  summary: "Sandbox only: pay or fail a sandbox payment",
  description:
    'Only when PAYMENTS_SANDBOX="true" (the local default). Records the outcome at the sandbox gateway and sends a signed sandbox webhook through the same path as a real gateway callback (webhook "lose": none is sent, as when a callback is lost; the status check finds the payment). A payment the sandbox cancelled (superseded) answers 409.',
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema, ...jsonBody(SimulatePaymentSchema) },
  responses: { 200: jsonResponse("The payment after the webhook", PaymentSchema) },
  errors: [403, 404, 409],
});

export const simulatePaymentHandler: RouteHandler<typeof simulatePaymentRoute, AppEnv> = async (c) => {
  if (!c.get("config").paymentsSandbox) throw new ApiError("not_found", "Nothing exists at this address.");
  const payment = await paymentFor(c, c.req.valid("param").id);
  const { outcome, webhook } = c.req.valid("json");
  const updated = await simulateSandboxPayment(c.env, payment, outcome === "success" ? "succeeded" : "failed", webhook);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentPayment(updated), 200);
};
