import type { RouteHandler } from "@hono/zod-openapi";
import { PageQuerySchema, pageOf } from "../../../schemas/platform";
import { CurrencyParamSchema, TransactionSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { transactionPage } from "../history";

export const listTransactionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/wallets/{currency}/transactions",
  tags: ["Wallet"],
  summary: "The caller's transactions in one currency, newest first",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: CurrencyParamSchema, query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of transactions", pageOf(TransactionSchema, "TransactionPage")) },
  errors: [401],
});

export const listTransactionsHandler: RouteHandler<typeof listTransactionsRoute, AppEnv> = async (c) => {
  const { currency } = c.req.valid("param");
  const page = await transactionPage(database(c.env), currentAuth(c).userId, currency, c.req.valid("query"));
  return c.json(page, 200);
};
