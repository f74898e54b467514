import { defineConsumer, type EventConsumer } from "../platform/consume";
import { settlePayout } from "./payouts";
import { recordLineRefunds, recordSale, refundOrder, releaseOrder, wasPaid } from "./sales";

/**
 * Keeps each shop's earnings from its orders' events: paid → pending (total less commission),
 * completed → available, cancelled after payment or refunded → the money comes off, and a return's
 * refund takes off exactly its amount (a full return's `order.refunded` then finds nothing left, in
 * whichever order the two arrive). Each movement
 * is an entry keyed by the event's id (the sale by its order), applied in one conditional D1 batch,
 * so a redelivered event changes nothing (docs/earnings.md).
 */
export const earningsLedgerConsumer: EventConsumer = defineConsumer({
  name: "earnings.ledger",
  types: [
    "order.paid",
    "order.completed",
    "order.cancelled",
    "order.refunded",
    "return.refunded",
    "payment.refunded_by_hand",
  ],
  async handle(event, env) {
    const { orderId } = event.data;
    switch (event.type) {
      case "order.paid":
        await recordSale(env, orderId);
        break;
      case "order.completed":
        await releaseOrder(env, orderId, event.id);
        break;
      case "order.cancelled":
        // An unpaid order's cancellation takes nothing back; a paid one's refund is all of it.
        if (wasPaid(event.data.from)) await refundOrder(env, orderId, event.id, "rest");
        break;
      case "order.refunded":
        await refundOrder(env, orderId, event.id, "rest");
        break;
      case "return.refunded":
        await refundOrder(env, orderId, `return:${event.data.returnId}`, event.data.refundAmount.amount);
        await recordLineRefunds(env, orderId, event.data.returnId, event.data.items ?? []);
        break;
      case "payment.refunded_by_hand": {
        // An operator's refund, the return path's twin: its share once per refund (its id derives
        // from the request's key) and order; a whole one takes what is left.
        const { refundId, whole, amount } = event.data;
        await refundOrder(env, orderId, `refund:${refundId}:${orderId}`, whole ? "rest" : amount.amount);
        break;
      }
    }
    return [];
  },
});

/** A bank payout's outcome (its disbursement's id is the payout's): paid, or failed and given back. */
export const payoutOutcomeConsumer: EventConsumer = defineConsumer({
  name: "earnings.payout-outcome",
  types: ["disbursement.settled"],
  async handle(event, env) {
    const { purpose, disbursementId, outcome, failureCode } = event.data;
    if (purpose !== "payout") return [];
    await settlePayout(env, disbursementId, outcome === "succeeded" ? "paid" : "failed", failureCode);
    return [];
  },
});
