import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { FlashSaleListQuerySchema, FlashSalePageSchema } from "../../../schemas/flash-sales";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { nowMs } from "../../platform/clock";
import { database } from "../../platform/db";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { findShop } from "../../shops";
import { presentSales } from "../present";
import { shopSales, withItems } from "../queries";

export const shopFlashSalesRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/flash-sales",
  tags: ["Flash sales"],
  summary: "A shop's flash sales, newest first",
  description: "Its owner also sees cancelled sales.",
  request: { params: IdParamSchema, query: FlashSaleListQuerySchema },
  responses: { 200: jsonResponse("A page of the shop's sales", FlashSalePageSchema) },
  errors: [404],
});

export const shopFlashSalesHandler: RouteHandler<typeof shopFlashSalesRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await findShop(db, c.req.valid("param").id);
  const { limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, z.string());
  const rows = await shopSales(db, shop.id, after, limit, c.get("auth")?.userId === shop.ownerId);
  const page = toPage(rows, limit, (r) => r.id);
  const items = await presentSales(c.env, await withItems(db, page.items), nowMs());
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
