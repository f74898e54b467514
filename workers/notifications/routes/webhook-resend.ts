import type { RouteHandler } from "@hono/zod-openapi";
import { WebhookAckSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { acceptedReceipt, verifyResendWebhook } from "../../messaging";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { rawBodyText } from "../../platform/raw-body";
import { recordProviderReceipt } from "../delivery-receipts";

export const resendWebhookRoute = defineRoute({
  method: "post",
  path: "/api/v1/notifications/webhooks/resend",
  tags: ["Notifications"],
  summary: "Resend email events (delivery receipts)",
  description:
    "Resend's webhook (Svix-signed: `svix-id`, `svix-timestamp`, `svix-signature`, verified with RESEND_WEBHOOK_SECRET; a timestamp over 5 minutes off is a replay): 401 and nothing changes unless it verifies. `email.delivered` marks the email delivered, `email.bounced`/`email.failed` failed; other events are recorded. A redelivered event (same `svix-id`) changes nothing twice.",
  responses: { 200: jsonResponse("Received", WebhookAckSchema) },
  errors: [401, 422],
});

export const resendWebhookHandler: RouteHandler<typeof resendWebhookRoute, AppEnv> = async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET?.trim();
  if (!secret) {
    throw new ApiError(
      "unauthorized",
      "Resend webhooks cannot be verified here: set RESEND_WEBHOOK_SECRET (whsec_...) for this environment.",
    );
  }
  const verdict = verifyResendWebhook(secret, c.req.raw.headers, await rawBodyText(c.req));
  const result = await recordProviderReceipt(c.env, acceptedReceipt("resend", verdict));
  return c.json({ received: true as const, ...result }, 200);
};
