import { createRouter } from "../platform/openapi";
import type { RefundPayment } from "./cancel";
import type { CheckoutProbe } from "./checkout-probe";
import { cancelOrderHandler, cancelOrderRoute } from "./routes/cancel-order";
import { changeShippingAddressHandler, changeShippingAddressRoute } from "./routes/change-shipping-address";
import { checkoutQuoteHandler, checkoutQuoteRoute } from "./routes/checkout-quote";
import { createOrdersHandler, createOrdersRoute } from "./routes/create-orders";
import { getOrderHandler, getOrderRoute } from "./routes/get-order";
import { listOrdersHandler, listOrdersRoute } from "./routes/list-orders";
import { orderInvoiceHandler, orderInvoiceRoute } from "./routes/order-invoice";
import { orderTimelineHandler, orderTimelineRoute } from "./routes/order-timeline";
import { shopOrdersHandler, shopOrdersRoute } from "./routes/shop-orders";
import { updateStatusHandler, updateStatusRoute } from "./routes/update-status";

export { type Buyer, buyerOf, isBuyerOf, type OrderStanding, orderFor } from "./access";
export type { RefundPayment } from "./cancel";
export { CHECKOUT_POINTS, type CheckoutPoint, type CheckoutProbe } from "./checkout-probe";
export { type ExpiryCheck, expireOverdueOrders } from "./expiry";
export { orderCards, orderFactsQuery, readOrderCards } from "./order-cards";
export { orderById, ordersByIds, paymentStatusWrite } from "./order-rows";
export { type OrderSummary, orderSummaries } from "./order-summaries";
export {
  addressesStillInUse,
  customerOrderErasureWrites,
  customerOrdersOf,
  ORDER_ENCRYPTED_COLUMNS,
} from "./personal-data";
export { contactEmailOf, type OrderRow, presentOrder, presentOrders } from "./present";
export { coPurchases, orderedProducts, paidOrderLines, recentOrderLines } from "./purchase-signals";
export { latestOrderOfProduct } from "./purchases";
export { type RefundByHandNote, refundedByHandWrites } from "./refund-by-hand";
export {
  completeOrder,
  deliveredAt,
  deliveredOrdersDue,
  type OrderLine,
  orderLines,
  returnRefundWrites,
  timelineWriteWhen,
} from "./returns-link";
export { changeOrderStatus } from "./status-change";
export { commitOrderStock, restockOrder } from "./stock";
export { orderStockConsumer } from "./stock-consumer";
export { moveOrder, timelineWrite } from "./transitions";
export { vouchersRouter } from "./voucher-admin";
export { voucherExpiry } from "./voucher-expiry";

/** What the orders routes need from domains above them, handed in by the composition root (workers/app.ts). */
export interface OrdersRouterDeps {
  /** Cancelling a paid order, and a seller's or admin's move to refunded, give the money back through this. */
  refundPayment: RefundPayment;
  /** Tests only: watches (and may fail) each step of a checkout; production passes none. */
  checkoutProbe?: CheckoutProbe;
}

export function createOrdersRouter({ refundPayment, checkoutProbe }: OrdersRouterDeps) {
  return createRouter()
    .openapi(createOrdersRoute, createOrdersHandler(checkoutProbe))
    .openapi(checkoutQuoteRoute, checkoutQuoteHandler)
    .openapi(listOrdersRoute, listOrdersHandler)
    .openapi(getOrderRoute, getOrderHandler)
    .openapi(orderTimelineRoute, orderTimelineHandler)
    .openapi(cancelOrderRoute, cancelOrderHandler(refundPayment))
    .openapi(orderInvoiceRoute, orderInvoiceHandler)
    .openapi(updateStatusRoute, updateStatusHandler(refundPayment))
    .openapi(shopOrdersRoute, shopOrdersHandler)
    .openapi(changeShippingAddressRoute, changeShippingAddressHandler);
}
export { shippingOptionOf } from "./shipping-link";
