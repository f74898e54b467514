import { createRouter } from "../platform/openapi";
import { couriersHandler, couriersRoute } from "./routes/couriers";
import { requestPickupHandler, requestPickupRoute } from "./routes/pickup";
import {
  createRemittanceHandler,
  createRemittanceRoute,
  getRemittanceHandler,
  getRemittanceRoute,
  listRemittancesHandler,
  listRemittancesRoute,
  mismatchesHandler,
  mismatchesRoute,
} from "./routes/remittances";
import {
  cancelShipmentHandler,
  cancelShipmentRoute,
  createShipmentHandler,
  createShipmentRoute,
  getShipmentHandler,
  getShipmentRoute,
  shipmentLabelHandler,
  shipmentLabelRoute,
} from "./routes/shipments";
import {
  courierWebhookHandler,
  courierWebhookRoute,
  orderTrackingHandler,
  orderTrackingRoute,
  simulateShipmentHandler,
  simulateShipmentRoute,
} from "./routes/tracking";
import type { CodSettlement } from "./tracking";

export { type CodCheck, codAllowed } from "./cod";
export {
  BiteshipCourier,
  type Courier,
  courierInfo,
  d1CourierStores,
  enabledCouriers,
  FLASH_WEBHOOK_ACK,
  FlashCourier,
  GHN_WEBHOOK_SECRET_PARAM,
  GhnCourier,
  labelPdf,
  NINJAVAN_SIGNATURE_HEADER,
  NinjaVanCourier,
  PickupBusy,
  SANDBOX_SIGNATURE_HEADER,
  SandboxCourier,
  signSandboxCourierEvent,
  type TrackingUpdate,
  UnpricedAddress,
} from "./couriers";
export { courierLiveRates, liveRates } from "./live-rates";
export { placeWaitingPickups } from "./pickup-wait";
export { pollSilentShipments } from "./poll";
export type { CodSettlement } from "./tracking";

/** What the logistics routes need from above: payments settles cash on delivery; tests may hand in a courier fetch. */
export interface LogisticsRouterDeps {
  cod: CodSettlement;
  fetchFn?: typeof fetch;
}

/** Couriers, shipments, labels, tracking and courier webhooks (CONTRACT.md "Logistics", docs/logistics.md). */
export function createLogisticsRouter({ cod, fetchFn }: LogisticsRouterDeps) {
  return createRouter()
    .openapi(couriersRoute, couriersHandler)
    .openapi(createShipmentRoute, createShipmentHandler(fetchFn))
    .openapi(getShipmentRoute, getShipmentHandler)
    .openapi(cancelShipmentRoute, cancelShipmentHandler(fetchFn))
    .openapi(shipmentLabelRoute, shipmentLabelHandler)
    .openapi(requestPickupRoute, requestPickupHandler(fetchFn))
    .openapi(orderTrackingRoute, orderTrackingHandler)
    .openapi(courierWebhookRoute, courierWebhookHandler(cod))
    .openapi(simulateShipmentRoute, simulateShipmentHandler(cod))
    .openapi(createRemittanceRoute, createRemittanceHandler)
    .openapi(listRemittancesRoute, listRemittancesHandler)
    .openapi(mismatchesRoute, mismatchesHandler)
    .openapi(getRemittanceRoute, getRemittanceHandler);
}
