import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { FlashSaleListQuerySchema, FlashSalePageSchema } from "../../../schemas/flash-sales";
import type { AppEnv } from "../../app-env";
import { nowMs } from "../../platform/clock";
import { database } from "../../platform/db";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { presentSales } from "../present";
import { liveSales, withItems } from "../queries";

export const liveFlashSalesRoute = defineRoute({
  method: "get",
  path: "/api/v1/flash-sales/live",
  tags: ["Flash sales"],
  summary: "Flash sales live now, ending soonest first, with units remaining per item",
  request: { query: FlashSaleListQuerySchema },
  responses: { 200: jsonResponse("A page of live sales", FlashSalePageSchema) },
});

export const liveFlashSalesHandler: RouteHandler<typeof liveFlashSalesRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const { limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, z.tuple([z.number().int(), z.string()]));
  const now = nowMs();
  const rows = await liveSales(db, now, after, limit);
  const page = toPage(rows, limit, (r) => [r.endsAt, r.id]);
  const items = await presentSales(c.env, await withItems(db, page.items), now);
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
