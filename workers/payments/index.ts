import { createRouter } from "../platform/openapi";
import { createPaymentHandler, createPaymentRoute } from "./routes/create-payment";
import { getPaymentHandler, getPaymentRoute } from "./routes/get-payment";
import { paymentOptionsHandler, paymentOptionsRoute } from "./routes/payment-options";
import { simulatePaymentHandler, simulatePaymentRoute } from "./routes/simulate-payment";
import { createTopupHandler, createTopupRoute } from "./routes/topup-create";
import { paymentWebhookHandler, paymentWebhookRoute } from "./routes/webhooks";

export { adminPaymentsPage } from "./admin-payments";
export { codCollected, codFailed } from "./cod";
export { type ManualRefundCommit, refundPaymentByHand } from "./manual-refunds";
export { customerPaymentsOf } from "./personal-data";
export { checkStalePayments, orderMayExpire } from "./reconcile";
export { paymentRefundConsumer } from "./refund-consumer";
export { refundOrderPayment, retryFailedRefunds } from "./refunds";
export {
  type ReturnRefundCommit,
  type ReturnRefundOutcome,
  refundReturnPayment,
  returnRefundOf,
} from "./return-refunds";

export const paymentsRouter = createRouter()
  .openapi(createPaymentRoute, createPaymentHandler)
  .openapi(paymentWebhookRoute, paymentWebhookHandler)
  // Before /payments/{id}, which would take "options" for a payment id.
  .openapi(paymentOptionsRoute, paymentOptionsHandler)
  .openapi(getPaymentRoute, getPaymentHandler)
  .openapi(simulatePaymentRoute, simulatePaymentHandler)
  // POST /wallet/topups: a top-up is a payment; payments may use the wallet, not the other way round.
  .openapi(createTopupRoute, createTopupHandler);
