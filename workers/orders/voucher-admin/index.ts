import { createRouter } from "../../platform/openapi";
import {
  createPlatformVoucherHandler,
  createPlatformVoucherRoute,
  listPlatformVouchersHandler,
  listPlatformVouchersRoute,
} from "./routes/platform-vouchers";
import { createShopVoucherHandler, createShopVoucherRoute } from "./routes/shop-vouchers-create";
import { listShopVouchersHandler, listShopVouchersRoute } from "./routes/shop-vouchers-list";
import { deleteVoucherHandler, deleteVoucherRoute } from "./routes/voucher-delete";
import { updateVoucherHandler, updateVoucherRoute } from "./routes/voucher-update";

/** Seller center vouchers (CONTRACT.md): a shop's, managed by its owner, and the platform's, by admins. */
export const vouchersRouter = createRouter()
  .openapi(createShopVoucherRoute, createShopVoucherHandler)
  .openapi(listShopVouchersRoute, listShopVouchersHandler)
  .openapi(updateVoucherRoute, updateVoucherHandler)
  .openapi(deleteVoucherRoute, deleteVoucherHandler)
  .openapi(createPlatformVoucherRoute, createPlatformVoucherHandler)
  .openapi(listPlatformVouchersRoute, listPlatformVouchersHandler);
