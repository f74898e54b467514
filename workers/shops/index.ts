import { createRouter } from "../platform/openapi";
import {
  approveVerificationHandler,
  approveVerificationRoute,
  rejectVerificationHandler,
  rejectVerificationRoute,
} from "./routes/admin-verification-review";
import { listVerificationsHandler, listVerificationsRoute } from "./routes/admin-verifications-list";
import { myShopsHandler, myShopsRoute } from "./routes/my-shops";
import { createShopHandler, createShopRoute } from "./routes/shop-create";
import { getShopHandler, getShopRoute } from "./routes/shop-get";
import { updateShopHandler, updateShopRoute } from "./routes/shop-update";
import { verifyShopHandler, verifyShopRoute } from "./routes/shop-verify";
import { getShopDocumentHandler, getShopDocumentRoute } from "./routes/verification-document-get";
import { uploadShopDocumentHandler, uploadShopDocumentRoute } from "./routes/verification-document-upload";
import { getVerificationHandler, getVerificationRoute } from "./routes/verification-get";
import { submitVerificationHandler, submitVerificationRoute } from "./routes/verification-submit";

export { SHOP_ENCRYPTED_COLUMNS, shopsOwnedBy } from "./personal-data";
export { shopContactOf } from "./present";
export { findShop, ownedShop } from "./queries";
export { COUNTRY_CURRENCY } from "./rules";
export { SEED_SHOPS, SEED_TIME, seedId, seedShopId, seedShops } from "./seed";
export { ownedShopIdsQuery, type ShopSummary, shopFactOf, shopSummaries, shopSummary } from "./shop-facts";

// GET /api/v1/shops/:id/orders (CONTRACT.md) belongs with orders and is mounted by that domain.
export const shopsRouter = createRouter()
  .openapi(createShopRoute, createShopHandler)
  .openapi(getShopRoute, getShopHandler)
  .openapi(updateShopRoute, updateShopHandler)
  .openapi(verifyShopRoute, verifyShopHandler)
  .openapi(myShopsRoute, myShopsHandler)
  .openapi(uploadShopDocumentRoute, uploadShopDocumentHandler)
  .openapi(getShopDocumentRoute, getShopDocumentHandler)
  .openapi(submitVerificationRoute, submitVerificationHandler)
  .openapi(getVerificationRoute, getVerificationHandler)
  .openapi(listVerificationsRoute, listVerificationsHandler)
  .openapi(approveVerificationRoute, approveVerificationHandler)
  .openapi(rejectVerificationRoute, rejectVerificationHandler);
