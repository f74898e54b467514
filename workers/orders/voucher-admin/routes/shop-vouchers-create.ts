import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../../schemas/identity";
import { CreateShopVoucherSchema, VoucherSchema } from "../../../../schemas/vouchers";
import type { AppEnv } from "../../../app-env";
import { currentAuth, requireAuth } from "../../../middleware/auth";
import { limitWrites } from "../../../middleware/write-limits";
import { database } from "../../../platform/db";
import type { Currency } from "../../../platform/money";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../../platform/openapi";
import { ownedShop } from "../../../shops";
import { createVoucher, presentVoucher } from "../store";

export const createShopVoucherRoute = defineRoute({
  method: "post",
  path: "/api/v1/shops/{id}/vouchers",
  tags: ["Vouchers"],
  summary: "Create a shop voucher (its owner)",
  description:
    "`value`: whole percent 1–100 (percent), minor units of the shop's currency (fixed), absent (free_shipping: the discount is the order's shipping cost). `minSpend`, `maxDiscount` in the shop's currency. Codes are unique across the platform (409 when taken). Writes are limited as product writes (WRITE_LIMIT_PRODUCT).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("product")] as const,
  request: { params: IdParamSchema, ...jsonBody(CreateShopVoucherSchema) },
  responses: { 201: jsonResponse("The new voucher", VoucherSchema) },
  errors: [401, 403, 404, 409],
});

export const createShopVoucherHandler: RouteHandler<typeof createShopVoucherRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  const row = await createVoucher(db, { shopId: shop.id, currency: shop.currency as Currency }, c.req.valid("json"));
  return c.json(presentVoucher(row), 201);
};
