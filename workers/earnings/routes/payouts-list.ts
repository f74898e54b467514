import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { payouts } from "../../../d1/schema/earnings";
import { PayoutSchema } from "../../../schemas/earnings";
import { IdParamSchema } from "../../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { decodeCursor, toPage } from "../../platform/pagination";
import { ownedShop } from "../../shops";
import { presentPayout } from "../present";

export const listPayoutsRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/payouts",
  tags: ["Earnings"],
  summary: "The shop's payouts, newest first (its owner)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of payouts", pageOf(PayoutSchema, "PayoutPage")) },
  errors: [401, 403, 404],
});

const Cursor = z.tuple([z.number().int(), z.string().min(1)]);

export const listPayoutsHandler: RouteHandler<typeof listPayoutsRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  const { limit, cursor } = c.req.valid("query");
  const after = decodeCursor(cursor, Cursor);
  const rows = await db
    .select()
    .from(payouts)
    .where(
      and(
        eq(payouts.shopId, shop.id),
        after
          ? or(lt(payouts.createdAt, after[0]), and(eq(payouts.createdAt, after[0]), lt(payouts.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(desc(payouts.createdAt), desc(payouts.id))
    .limit(limit + 1);
  const page = toPage(rows, limit, (r) => [r.createdAt, r.id]);
  return c.json(
    { items: await Promise.all(page.items.map((p) => presentPayout(c.env, p))), nextCursor: page.nextCursor },
    200,
  );
};
