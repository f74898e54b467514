import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { PeriodQuerySchema, StatementSchema } from "../../../schemas/earnings";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { type Currency, toMajorString } from "../../platform/money";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { ownedShop } from "../../shops";
import { toCsv, wantsCsv } from "../csv";
import { periodOf } from "../period";
import { MAX_STATEMENT_ENTRIES, statementOf } from "../statement";

export const statementRoute = defineRoute({
  method: "get",
  path: "/api/v1/shops/{id}/statement",
  tags: ["Earnings"],
  summary: "The shop's earnings statement for a period, JSON or CSV (its owner)",
  description:
    "Every movement of the balances in [from, to), oldest first, with the balances after each. `Accept: text/csv` gives the entries as CSV (amounts in major units). The period spans at most EARNINGS_REPORT_MAX_DAYS days.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: IdParamSchema, query: PeriodQuerySchema },
  responses: {
    200: {
      description: "The statement",
      content: { "application/json": { schema: StatementSchema }, "text/csv": { schema: z.string() } },
    },
  },
  errors: [401, 403, 404],
});

export const statementHandler: RouteHandler<typeof statementRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const shop = await ownedShop(db, c.req.valid("param").id, currentAuth(c).userId);
  const period = periodOf(c.req.valid("query"), c.get("config").earnings.reportMaxDays, nowMs());
  const statement = await statementOf(db, shop.id, shop.currency as Currency, period);
  if (statement === "too_long") {
    throw new ApiError(
      "validation_failed",
      `A statement lists at most ${MAX_STATEMENT_ENTRIES} entries. Ask for a shorter period.`,
      { errors: [{ path: "from", message: "Too many entries in the period" }] },
    );
  }
  c.header("Cache-Control", "private, no-store");
  if (!wantsCsv(c.req.header("Accept"))) return c.json(statement, 200);
  const csv = toCsv(
    ["at", "type", "order", "payout", "amount", "pending", "available", "balance", "currency"],
    statement.entries.map((e) => [
      e.at,
      e.type,
      e.orderId,
      e.payoutId,
      toMajorString(e.amount),
      toMajorString(e.pending),
      toMajorString(e.available),
      toMajorString(e.balance),
      statement.currency,
    ]),
  );
  c.header("Content-Disposition", `attachment; filename="statement-${shop.id}.csv"`);
  return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
};
