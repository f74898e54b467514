import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { WebhookAckSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { rawBodyText } from "../../platform/raw-body";
import type { GatewayName } from "../gateways/types";
import { receiveWebhook } from "../webhooks";

const GATEWAYS = ["stripe", "midtrans", "xendit", "omise", "sandbox"] as const;

export const paymentWebhookRoute = defineRoute({
  method: "post",
  path: "/api/v1/payments/webhook/{gateway}",
  tags: ["Payments"],
  summary: "Gateway callbacks (Stripe, Midtrans, Xendit, Omise, sandbox)",
  description:
    "Verified the gateway's own way before anything changes: Stripe-Signature (HMAC-SHA256, 300 s tolerance), Midtrans signature_key (SHA-512 of order_id+status_code+gross_amount+server key), Xendit x-callback-token, Omise-Signature (HMAC-SHA256 over timestamp.body). Bad signature → 401 and nothing changes; a replayed event changes nothing twice; an amount that does not match the payment is refused (422) and logged.",
  request: { params: z.object({ gateway: z.enum(GATEWAYS).openapi({ param: { name: "gateway", in: "path" } }) }) },
  responses: { 200: jsonResponse("Received", WebhookAckSchema) },
  errors: [401],
});

export const paymentWebhookHandler: RouteHandler<typeof paymentWebhookRoute, AppEnv> = async (c) => {
  const { gateway } = c.req.valid("param");
  const result = await receiveWebhook(c.env, gateway as GatewayName, {
    headers: c.req.raw.headers,
    rawBody: await rawBodyText(c.req),
  });
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json({ received: true as const, duplicate: result.duplicate, applied: result.applied }, 200);
};
