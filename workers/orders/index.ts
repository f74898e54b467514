import { createRouter } from "../platform/openapi";
import { cancelOrderHandler, cancelOrderRoute } from "./routes/cancel-order";
import { createOrdersHandler, createOrdersRoute } from "./routes/create-orders";
import { getOrderHandler, getOrderRoute } from "./routes/get-order";
import { listOrdersHandler, listOrdersRoute } from "./routes/list-orders";
import { orderInvoiceHandler, orderInvoiceRoute } from "./routes/order-invoice";
import { orderTimelineHandler, orderTimelineRoute } from "./routes/order-timeline";
import { shopOrdersHandler, shopOrdersRoute } from "./routes/shop-orders";
import { updateStatusHandler, updateStatusRoute } from "./routes/update-status";

export { buyerOf, isBuyerOf } from "./access";
export { contactEmailOf } from "./checkout";
export { expireOverdueOrders } from "./expiry";
export type { OrderRow } from "./present";
export { coPurchases, orderedProducts, paidOrderLines, recentOrderLines } from "./purchase-signals";
export { latestOrderOfProduct } from "./purchases";
export { commitOrderStock } from "./stock";
export { moveOrder, timelineWrite } from "./transitions";

export const ordersRouter = createRouter()
  .openapi(createOrdersRoute, createOrdersHandler)
  .openapi(listOrdersRoute, listOrdersHandler)
  .openapi(getOrderRoute, getOrderHandler)
  .openapi(orderTimelineRoute, orderTimelineHandler)
  .openapi(cancelOrderRoute, cancelOrderHandler)
  .openapi(orderInvoiceRoute, orderInvoiceHandler)
  .openapi(updateStatusRoute, updateStatusHandler)
  .openapi(shopOrdersRoute, shopOrdersHandler);
