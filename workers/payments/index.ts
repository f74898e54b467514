import { createRouter } from "../platform/openapi";
import { createPaymentHandler, createPaymentRoute } from "./routes/create-payment";
import { getPaymentHandler, getPaymentRoute } from "./routes/get-payment";
import { simulatePaymentHandler, simulatePaymentRoute } from "./routes/simulate-payment";
import { paymentWebhookHandler, paymentWebhookRoute } from "./routes/webhooks";

export { customerPaymentsOf } from "./personal-data";
export { checkStalePayments, orderMayExpire } from "./reconcile";
export { paymentRefundConsumer } from "./refund-consumer";
export { refundOrderPayment, retryFailedRefunds } from "./refunds";

export const paymentsRouter = createRouter()
  .openapi(createPaymentRoute, createPaymentHandler)
  .openapi(paymentWebhookRoute, paymentWebhookHandler)
  .openapi(getPaymentRoute, getPaymentHandler)
  .openapi(simulatePaymentRoute, simulatePaymentHandler);
