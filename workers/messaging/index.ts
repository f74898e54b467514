import { createRouter } from "../platform/openapi";
import { devOutboxHandler, devOutboxRoute } from "./routes/dev-outbox";

export { verifyResendWebhook } from "./email/resend-webhook";
export {
  deliverMessage,
  deliverNow,
  MESSAGE_REQUESTED,
  type MessageCategory,
  type MessageRequest,
  type MessagingDeps,
  messageWrites,
  messagingDeps,
} from "./messages";
export { MESSAGE_ENCRYPTED_COLUMNS, messageErasureWrites, messagesSentTo } from "./personal-data";
export type { SendReceipt } from "./provider";
export { isUnregisteredToken } from "./push/fcm";
export {
  acceptedReceipt,
  type ProviderReceipt,
  type ReceiptOutcomeSql,
  receiptInsert,
  receiptOutcome,
  receiptWrites,
} from "./receipts";
export { purgeOldMessages } from "./retention";
export {
  errorText,
  receiptColumns,
  type SendItem,
  type SendOutcome,
  sendOutboundMessage,
  sendOutboundMessages,
  sentMessagesWrites,
} from "./send";
export { TWILIO_STATUS_PATH, verifyTwilioStatus } from "./sms/twilio-status";
export {
  abandonPendingMessage,
  trackedMessageQuery,
  trackedMessagesDelete,
  trackedMessagesInsert,
  trackedMessagesQuery,
  trackedMessageWrites,
} from "./tracked-messages";

/**
 * Messaging: SMS, email and push to one address, through the provider of each channel (or the dev
 * outbox locally), tracked from request to the provider's delivery receipt. It knows no other
 * domain: those that follow a message (notification deliveries) combine its writes with their own.
 */
export const messagingRouter = createRouter().openapi(devOutboxRoute, devOutboxHandler);
