import type { RouteHandler } from "@hono/zod-openapi";
import { DisbursementProviderParamSchema, DisbursementWebhookAckSchema } from "../../../schemas/disbursements";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { rawBodyText } from "../../platform/raw-body";
import { receiveDisbursementWebhook } from "../webhooks";

export const disbursementWebhookRoute = defineRoute({
  method: "post",
  path: "/api/v1/disbursements/webhook/{provider}",
  tags: ["Disbursements"],
  summary: "Payout provider callbacks (Xendit, Omise, sandbox)",
  description:
    "Verified the provider's own way before anything changes: Xendit x-callback-token, Omise-Signature (HMAC-SHA256 over timestamp.body), the sandbox's X-Sandbox-Signature. Not verified → 401 and nothing changes. A final outcome is applied once; a repeated or late event (the disbursement is final already) changes nothing.",
  request: { params: DisbursementProviderParamSchema },
  responses: { 200: jsonResponse("Received", DisbursementWebhookAckSchema) },
  errors: [401, 404],
});

export const disbursementWebhookHandler: RouteHandler<typeof disbursementWebhookRoute, AppEnv> = async (c) => {
  const result = await receiveDisbursementWebhook(c.env, c.req.valid("param").provider, {
    headers: c.req.raw.headers,
    rawBody: await rawBodyText(c.req),
  });
  // The outcome event reaches its owner (the wallet) within moments rather than at the next cron.
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json({ received: true as const, ...result }, 200);
};
