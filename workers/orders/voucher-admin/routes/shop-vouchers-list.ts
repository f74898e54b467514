import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../../schemas/identity";
import { PageQuerySchema } from "../../../../schemas/platform";
import { VoucherPageSchema } from "../../../../schemas/vouchers";
import type { AppEnv } from "../../../app-env";
import { currentAuth, requireAuth } from "../../../middleware/auth";
import { database } from "../../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../../platform/openapi";
import { ownedShop } from "../../../shops";
import { voucherPage } from "../store";

export const listShopVouchersRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/vouchers",
  tags: ["Vouchers"],
  summary: "A shop's vouchers, newest first, active or not (its owner)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of the shop's vouchers", VoucherPageSchema) },
  errors: [401, 403, 404],
});

export const listShopVouchersHandler: RouteHandler<typeof listShopVouchersRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  return c.json(await voucherPage(db, shop.id, c.req.valid("query")), 200);
};
