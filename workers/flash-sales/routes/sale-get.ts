import type { RouteHandler } from "@hono/zod-openapi";
import { FlashSaleSchema } from "../../../schemas/flash-sales";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { nowMs } from "../../platform/clock";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { findShop } from "../../shops";
import { presentSale } from "../present";
import { findSale, withItems } from "../queries";

export const getFlashSaleRoute = defineRoute({
  method: "get",
  path: "/api/v1/flash-sales/{id}",
  tags: ["Flash sales"],
  summary: "A flash sale, with units sold and remaining per item",
  description: "A cancelled sale is visible to its shop's owner only.",
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The sale", FlashSaleSchema) },
  errors: [404],
});

export const getFlashSaleHandler: RouteHandler<typeof getFlashSaleRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const sale = await findSale(db, c.req.valid("param").id);
  if (sale.status === "cancelled") {
    const shop = await findShop(db, sale.shopId);
    if (shop.ownerId !== c.get("auth")?.userId) throw new ApiError("not_found", "There is no flash sale with this id.");
  }
  const [withRows] = await withItems(db, [sale]);
  return c.json(await presentSale(c.env, withRows, nowMs()), 200);
};
