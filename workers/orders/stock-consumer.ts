import { defineConsumer, type EventConsumer } from "../platform/consume";
import { database } from "../platform/db";
import { orderById } from "./order-rows";
import { settleEndedOrderStock } from "./stock";

/**
 * Gives an ended order's stock back from its `order.cancelled` / `order.expired` event. The event
 * is written in the same D1 batch as the move (the commit point of a cancellation or expiry), and
 * the cron's reconciler publishes it again until this consumer has recorded it: a process killed
 * between the move and the inline release (cancelOrder, expireOverdueOrders) leaves the units held
 * only until this runs, not until the hold lapses. The release is idempotent, so running after the
 * inline one frees nothing twice.
 */
export const orderStockConsumer: EventConsumer = defineConsumer({
  name: "orders.stock",
  types: ["order.cancelled", "order.expired"],
  async handle(event, env) {
    const db = database(env);
    const order = await orderById(db, event.data.orderId);
    if (order) await settleEndedOrderStock(env, db, order, event.data.from);
    return [];
  },
});
