import type { RouteHandler } from "@hono/zod-openapi";
import { WebhookAckSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { acceptedReceipt, TWILIO_STATUS_PATH, verifyTwilioStatus } from "../../messaging";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { rawBodyText } from "../../platform/raw-body";
import { recordProviderReceipt } from "../delivery-receipts";

export const twilioStatusRoute = defineRoute({
  method: "post",
  path: TWILIO_STATUS_PATH,
  tags: ["Notifications"],
  summary: "Twilio SMS status callbacks (delivery receipts)",
  description:
    "Twilio posts each message's status here (form-encoded `MessageSid`, `MessageStatus`, `ErrorCode`), as every send asks it to. Verified first by `X-Twilio-Signature` (HMAC-SHA1 of the URL and sorted parameters under the auth token): otherwise 401 and nothing changes. `delivered`/`read` mark the SMS delivered, `undelivered`/`failed`/`canceled` failed; a repeated status changes nothing twice.",
  responses: { 200: jsonResponse("Received", WebhookAckSchema) },
  errors: [401, 415, 422],
});

export const twilioStatusHandler: RouteHandler<typeof twilioStatusRoute, AppEnv> = async (c) => {
  const accountSid = c.env.TWILIO_ACCOUNT_SID?.trim();
  const authToken = c.env.TWILIO_AUTH_TOKEN?.trim();
  if (!accountSid || !authToken) {
    throw new ApiError(
      "unauthorized",
      "Twilio callbacks cannot be verified here: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN for this environment.",
    );
  }
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw new ApiError(
      "unsupported_media_type",
      "Twilio status callbacks are form-encoded (application/x-www-form-urlencoded).",
    );
  }
  const verdict = await verifyTwilioStatus(
    { accountSid, authToken },
    {
      urls: [c.req.url, `${c.get("config").apiBaseUrl}${TWILIO_STATUS_PATH}`],
      signature: c.req.header("x-twilio-signature") ?? null,
      form: new URLSearchParams(await rawBodyText(c.req)),
    },
    Date.now(),
  );
  const result = await recordProviderReceipt(c.env, acceptedReceipt("twilio", verdict));
  return c.json({ received: true as const, ...result }, 200);
};
