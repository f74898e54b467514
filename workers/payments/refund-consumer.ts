import { orderById } from "../orders";
import { defineConsumer, type EventConsumer } from "../platform/consume";
import { database } from "../platform/db";
import { refundOrderPayment } from "./refunds";

/**
 * Refunds a paid order from its `order.cancelled` event. The move to `cancelled` is the commit
 * point of a cancellation (its outbox event is in the same D1 batch); the refund that follows it
 * inline (cancelOrder, settlement) is lost if the process dies before the refund row is written,
 * and nothing else would find it: the cron retries only refunds that have a row. The reconciler
 * publishes the event again until this consumer has recorded it, so the money always goes back.
 * refundOrderPayment claims one refund per payment and order, so running after the inline refund
 * (or beside it) refunds nothing twice; a gateway failure is left to retryFailedRefunds.
 */
export const paymentRefundConsumer: EventConsumer = defineConsumer({
  name: "payments.refund",
  types: ["order.cancelled"],
  async handle(event, env) {
    const order = await orderById(database(env), event.data.orderId);
    // Unpaid orders have nothing to give back; refunded ones are done.
    if (order?.status === "cancelled" && order.paymentStatus === "paid") {
      await refundOrderPayment(env, order, event.data.reason ?? "order cancelled");
    }
    return [];
  },
});
