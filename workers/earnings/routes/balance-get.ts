import type { RouteHandler } from "@hono/zod-openapi";
import { ShopBalanceSchema } from "../../../schemas/earnings";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import type { Currency } from "../../platform/money";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { ownedShop } from "../../shops";
import { balanceOf } from "../ledger";
import { presentBalance } from "../present";

export const shopBalanceRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/balance",
  tags: ["Earnings"],
  summary: "The shop's earnings: pending, available to pay out, paid out (its owner)",
  description:
    "A paid order's total less the platform commission is pending; it becomes available when the order completes; refunds come off (docs/earnings.md).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The shop's balances", ShopBalanceSchema) },
  errors: [401, 403, 404],
});

export const shopBalanceHandler: RouteHandler<typeof shopBalanceRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  return c.json(presentBalance(await balanceOf(db, shop.id), shop.currency as Currency), 200);
};
