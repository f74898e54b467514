import { createRouter } from "../platform/openapi";

export { deliverMessage, MESSAGE_REQUESTED, type MessagingDeps, messagingDeps } from "./messages";

import { devOutboxHandler, devOutboxRoute } from "./routes/dev-outbox";
import { resendWebhookHandler, resendWebhookRoute } from "./routes/webhook-resend";
import { twilioStatusHandler, twilioStatusRoute } from "./routes/webhook-twilio";

/**
 * Messaging: SMS, email and push to one address, through the provider of each channel (or the dev
 * outbox locally), tracked from request to the provider's delivery receipt.
 */
export const messagingRouter = createRouter()
  .openapi(twilioStatusRoute, twilioStatusHandler)
  .openapi(resendWebhookRoute, resendWebhookHandler)
  .openapi(devOutboxRoute, devOutboxHandler);
