import { createRouter } from "../platform/openapi";
import { createReturnHandler, createReturnRoute } from "./routes/create-return";
import {
  approveReturnHandler,
  approveReturnRoute,
  rejectReturnHandler,
  rejectReturnRoute,
} from "./routes/decide-return";
import { orderReturnsHandler, orderReturnsRoute } from "./routes/order-returns";
import { receiveReturnHandler, receiveReturnRoute } from "./routes/receive-return";
import { returnPhotoHandler, returnPhotoRoute } from "./routes/return-photo";
import { shopReturnsHandler, shopReturnsRoute } from "./routes/shop-returns";

/**
 * Returns: a buyer asks to return units of a delivered order within RETURN_WINDOW_DAYS, the shop
 * approves or rejects, and on receipt the units go back to stock and the return's exact share of
 * the payment is refunded once (docs/returns.md). Above orders, payments, inventory and media.
 */
export { completeOrdersPastReturnWindow } from "./completion";
export { resumeReceivedReturns } from "./receive";

export const returnsRouter = createRouter()
  .openapi(createReturnRoute, createReturnHandler)
  .openapi(orderReturnsRoute, orderReturnsHandler)
  .openapi(approveReturnRoute, approveReturnHandler)
  .openapi(rejectReturnRoute, rejectReturnHandler)
  .openapi(receiveReturnRoute, receiveReturnHandler)
  .openapi(shopReturnsRoute, shopReturnsHandler)
  .openapi(returnPhotoRoute, returnPhotoHandler);
