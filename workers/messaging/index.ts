import { createRouter } from "../platform/openapi";
import { devOutboxHandler, devOutboxRoute } from "./routes/dev-outbox";
import { resendWebhookHandler, resendWebhookRoute } from "./routes/webhook-resend";
import { twilioStatusHandler, twilioStatusRoute } from "./routes/webhook-twilio";

export {
  deliverMessage,
  deliverNow,
  errorText,
  MESSAGE_REQUESTED,
  type MessageCategory,
  type MessagingDeps,
  messageWrites,
  messagingDeps,
  outboundMessageRow,
  sendOutboundMessage,
} from "./messages";
export { isUnregisteredToken } from "./push/fcm";
export { confirmDeviceDelivery, inAppDeliveredWrite } from "./receipts";

/**
 * Messaging: SMS, email and push to one address, through the provider of each channel (or the dev
 * outbox locally), tracked from request to the provider's delivery receipt.
 */
export const messagingRouter = createRouter()
  .openapi(twilioStatusRoute, twilioStatusHandler)
  .openapi(resendWebhookRoute, resendWebhookHandler)
  .openapi(devOutboxRoute, devOutboxHandler);
