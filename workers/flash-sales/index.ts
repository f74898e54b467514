import { createRouter } from "../platform/openapi";
import type { FlashSalesDeps } from "./facts";
import { liveFlashSalesHandler, liveFlashSalesRoute } from "./routes/live-sales";
import { cancelFlashSaleHandler, cancelFlashSaleRoute } from "./routes/sale-cancel";
import { createFlashSaleHandler, createFlashSaleRoute } from "./routes/sale-create";
import { getFlashSaleHandler, getFlashSaleRoute } from "./routes/sale-get";
import { shopFlashSalesHandler, shopFlashSalesRoute } from "./routes/shop-sales";

/**
 * Flash sales: a shop's scheduled sale prices with quotas (CONTRACT.md, Seller center). The
 * catalog, cart and orders read live sale prices through liveOffers / productFlashSales; the
 * quotas themselves are held in the Inventory objects (workers/inventory/object/sales.ts).
 */
export type { FlashSalesDeps, LoadSaleProducts, SaleProductFacts } from "./facts";
export {
  liveFlashSales,
  liveOffers,
  offerKey,
  productFlashSales,
  productsFlashSales,
  type SaleOffer,
  unendedSaleItems,
} from "./offers";
export type { SaleItemRow } from "./queries";

export function createFlashSalesRouter(deps: FlashSalesDeps) {
  // /flash-sales/live before /flash-sales/{id}, so "live" is never read as an id.
  return createRouter()
    .openapi(liveFlashSalesRoute, liveFlashSalesHandler)
    .openapi(createFlashSaleRoute, createFlashSaleHandler(deps))
    .openapi(shopFlashSalesRoute, shopFlashSalesHandler)
    .openapi(getFlashSaleRoute, getFlashSaleHandler)
    .openapi(cancelFlashSaleRoute, cancelFlashSaleHandler);
}
